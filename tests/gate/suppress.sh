#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# suppress.sh - suppressions.  On the fixed balloon with the config read
# put back (several new findings): a suppression by fingerprint, and one by
# rule and function, each silence exactly their finding and nothing else;
# suppressing everything passes; a suppression that matches nothing is
# reported as stale with its line (and fails with --fail-stale); a line
# without a reason, or with an unknown rule, is an error with file:line;
# an inline comment on the offending line (or alone above it) silences the
# finding, and one without a reason is an error.
. "$(dirname "$0")/lib.sh"

base_run balloon-ccw-fixed "$T/w" 0
cc=$T/w/cc
reintroduce "$(tree_src "$T/w" balloon-ccw-fixed 'virtio_balloon')"
lp gate --baseline base.db --db head.db --sarif new.sarif "$cc"
expect_rc 1 "gate on the reintroduction"
n=$(grep -c 'note: new since the baseline' out)
[ "$n" -ge 2 ] || fail "the reintroduction should bring at least two findings, got $n"
fp=$(new_fingerprint recursive-lock)
[ ${#fp} = 32 ] || fail "no fingerprint for the recursive-lock finding"
cp "$T/finding" recursive.txt

# by fingerprint: that finding only
printf '# reviewed\n\n%s  the config read is being moved to a work item (bug 1234)\n' "$fp" >by-fp.supp
lp gate --baseline base.db --db head.db --suppressions by-fp.supp -v
expect_rc 1 "gate with one finding suppressed by fingerprint"
expect_summary "$((n - 1)) new, 0 fixed, 0 unchanged, 1 suppressed, 0 stale"
expect_no_out 'warning: .*\[recursive-lock\]$'
expect_out 'note: suppressed: .*\[recursive-lock\]: by-fp.supp:3: the config read is being moved'
[ "$(grep -c 'note: new since the baseline' out)" = $((n - 1)) ] || fail "the other findings must stay new"
pass "a fingerprint suppression silences exactly its finding"

# by rule and function: the one recursive-lock through virtballoon_changed;
# a function that is on no recursive-lock path silences nothing
printf 'recursive-lock:virtballoon_changed\tknown, tracked upstream\n' >by-func.supp
printf 'recursive-lock:update_balloon_size_func  a work item, on no such path\n' >>by-func.supp
lp gate --baseline base.db --db head.db --suppressions by-func.supp
expect_rc 1 "gate with one finding suppressed by rule and function"
expect_summary "$((n - 1)) new, 0 fixed, 0 unchanged, 1 suppressed, 1 stale"
expect_no_out 'warning: .*\[recursive-lock\]$'
expect_out "^by-func.supp:2: warning: stale suppression: 'recursive-lock:update_balloon_size_func' matches no finding"
pass "a RULE:FUNCTION suppression silences exactly its finding"

# everything, plus one stale entry
sed -n 's/.*"lockpath\/v1": "\([0-9a-f]*\)".*/\1  reviewed in the test/p' new.sarif | sort -u >all.supp
printf '0123456789abcdef0123456789abcdef  a finding fixed long ago\n' >>all.supp
stale_line=$(wc -l <all.supp)
lp gate --baseline base.db --db head.db --suppressions all.supp
expect_rc 0 "gate with every finding suppressed and one stale entry"
expect_summary "0 new, 0 fixed, 0 unchanged, $n suppressed, 1 stale"
expect_out "^all.supp:$stale_line: warning: stale suppression: '0123456789abcdef0123456789abcdef' matches no finding"
expect_no_out 'warning: .*\[[a-z-]+\]$'
lp gate --baseline base.db --db head.db --suppressions all.supp --fail-stale
expect_rc 1 "--fail-stale with a stale entry"
pass "suppressing everything passes; the stale entry is reported (and fails with --fail-stale)"

# bad lines
printf 'recursive-lock:virtballoon_changed  ok\n%s\n' "$fp" >no-reason.supp
lp gate --baseline base.db --db head.db --suppressions no-reason.supp
expect_rc 2 "a suppression without a reason"
expect_one_error "no-reason.supp:2: expected a reason after '$fp'"
printf 'recursive-locking:virtballoon_changed  typo in the rule\n' >bad-rule.supp
lp gate --baseline base.db --db head.db --suppressions bad-rule.supp
expect_rc 2 "a suppression with an unknown rule"
expect_one_error "bad-rule.supp:1: expected a rule \(.*recursive-lock.*\) before ':', got 'recursive-locking'"
pass "a bad suppression line is an error naming file and line"

# inline: on the offending line, then alone on the line above
site=$(head -1 recursive.txt | cut -d: -f1,2)
file=${site%:*} line=${site##*:}
case $file in /*) ;; *) file=$T/$file ;; esac
cp "$file" "$T/src.orig"
sed -i "${line}s|\$| /* lockpath: ignore recursive-lock reviewed: see the test */|" "$file"
lp gate --baseline base.db --db head.db -v "$cc"
expect_rc 1 "gate with an inline suppression"
expect_summary "$((n - 1)) new, 0 fixed, 0 unchanged, 1 suppressed, 0 stale"
expect_out "note: suppressed: .*\[recursive-lock\]: .*:$line: reviewed: see the test"
lp gate --baseline base.db --db head.db --no-inline
expect_summary "$n new, 0 fixed, 0 unchanged, 0 suppressed"
cp "$T/src.orig" "$file"
sed -i "${line}i\\
	/* lockpath: ignore recursive-lock reviewed on the line above */" "$file"
lp gate --baseline base.db --db head.db -v "$cc"
expect_summary "$((n - 1)) new, 0 fixed, 0 unchanged, 1 suppressed, 0 stale"
expect_out "note: suppressed: .*\[recursive-lock\]: .*:$line: reviewed on the line above"
pass "an inline comment silences exactly its finding; --no-inline ignores it"

cp "$T/src.orig" "$file"
sed -i "${line}s|\$| /* lockpath: ignore recursive-lock */|" "$file"
lp gate --baseline base.db --db head.db "$cc"
expect_rc 2 "an inline suppression without a reason"
grep -qE "^lockpath: error: .*:$line: expected a reason after 'lockpath: ignore recursive-lock'" err ||
	fail "expected the file:line of the inline comment without a reason"
pass "an inline comment without a reason is an error naming file and line"
