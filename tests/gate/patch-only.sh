#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# patch-only.sh - 'gate --patch-only': with the patch under review, only the
# new findings the patch touches fail the gate, a hunk on the path or in a
# function on it.  On a whole kernel the check's per-function context bound
# moves findings no hunk comes near (the 2019 balloon patch on the s390
# tree: 3 of its 11 new findings, in iSCSI, RDS and CIFS); a CI job that
# gates with the patch can leave those out.  Here the head holds the
# reintroduced balloon bug, and the gate is given: the reintroduction (on
# the path: fails), a comment in virtballoon_changed alone (in a function on
# the path: fails, and says which), and a comment on top of virtio_ccw.c
# alone (touches nothing: passes, and says why the new findings do not
# count).  Without --patch-only every new finding fails the gate.
. "$(dirname "$0")/lib.sh"

base_run balloon-ccw-fixed "$T/w" 0
cc=$T/w/cc
balloon=$(tree_src "$T/w" balloon-ccw-fixed 'virtio_balloon')
ccw=$T/w/corpus/$(sed -n 's/^src:[[:space:]]*//p' "$T/w/corpus/trees/balloon-ccw-fixed.tree" | grep 'virtio_ccw\.c')
git -C "$T/w/corpus" init -q
git -C "$T/w/corpus" add -A
git -C "$T/w/corpus" -c user.name=lockpath -c user.email=lockpath@localhost commit -qm base

reintroduce "$balloon"
git -C "$T/w/corpus" -c user.name=lockpath -c user.email=lockpath@localhost commit -qam reintroduce
# a comment as the first line of virtballoon_changed's body, and one on top of virtio_ccw.c
awk '/^static void virtballoon_changed\(/ { infn = 1 }
	infn && /^{/ { print; print "\t/* lockpath test: a comment in the callback */"; infn = 0; next }
	{ print }' "$balloon" >"$balloon.new" && mv "$balloon.new" "$balloon"
sed -i '1i /* lockpath test: an unrelated comment */' "$ccw"
git -C "$T/w/corpus" diff -- "${balloon#"$T/w/corpus/"}" >in-callback.diff
git -C "$T/w/corpus" diff HEAD~1 -- "${balloon#"$T/w/corpus/"}" >reintro.diff   # with the comment
git -C "$T/w/corpus" diff -- "${ccw#"$T/w/corpus/"}" >elsewhere.diff
[ "$(grep -c '^@@ ' in-callback.diff)" = 1 ] && [ "$(grep -c '^@@ ' elsewhere.diff)" = 1 ] ||
	fail "each comment should be one hunk"

# with PATH: the head parses virtio_balloon.c and virtio_ccw.c again; a
# patch that shows one of them is not the whole change
cp base.db head2.db
lp gate --baseline base.db --db head2.db --diff in-callback.diff --patch-only "$cc"
expect_rc 1 "gate --patch-only PATH, a patch that shows virtio_balloon.c only"
expect_err "warning: gate --patch-only: 1 translation unit parsed again is not changed by the patch \\(.*virtio_ccw\\.c\\): the head has changes the patch does not show"
git -C "$T/w/corpus" diff HEAD~1 >whole.diff
cp base.db head2.db
lp gate --baseline base.db --db head2.db --diff whole.diff --patch-only "$cc"
expect_rc 1 "gate --patch-only PATH, the whole change"
! grep -q "parsed again" err || fail "the whole change should leave no parsed TU unexplained"
pass "--patch-only with PATH says when the head parsed a translation unit the patch does not change"

lp gate --baseline base.db --db head.db --diff elsewhere.diff "$cc"
expect_rc 1 "gate without --patch-only, the patch elsewhere"
n=$(grep -c 'note: new since the baseline' out)
[ "$n" -ge 3 ] || fail "expected the reintroduction's findings (recursive-lock, sleep-in-atomic, lock-order), got $n"
expect_no_out "do not fail the gate"
pass "without --patch-only all $n new findings fail the gate, whatever the patch"

lp gate --baseline base.db --db head.db --diff elsewhere.diff --patch-only --sarif elsewhere.sarif
expect_rc 0 "gate --patch-only, the patch elsewhere"
expect_out "^lockpath: gate: $n of the $n new findings are not the patch's \\(no hunk on their path or in a function on it\\): they do not fail the gate \\(--patch-only\\)$"
expect_summary "$n new \\(0 the patch touches\\), 0 fixed"
expect_out "^lockpath: gate: passed: "
[ "$(grep -c "note: no hunk of this patch is on this finding's path (the baseline" out)" = "$n" ] ||
	fail "each of the $n new findings should say that no hunk explains it"
if command -v jq >/dev/null; then
	jq -e --argjson n "$n" '[.runs[0].results[].level] | length == $n and all(. == "note")' elsewhere.sarif \
		>/dev/null || fail "elsewhere.sarif should hold the $n new findings as notes"
fi
pass "--patch-only: a patch that touches no path passes, says what it left out, and writes those as SARIF notes"

comment=$(grep -n 'lockpath test: a comment in the callback' "$balloon" | cut -d: -f1)
rel=${balloon#"$T/w/"}
lp gate --baseline base.db --db head.db --diff in-callback.diff --patch-only --sarif in-callback.sarif
expect_rc 1 "gate --patch-only, a comment in virtballoon_changed"
[ "$(grep -cE -- "$rel:$comment: note: no hunk of this patch is on this finding's path, but hunk @@ [^@]* @@ changes virtballoon_changed, a function on it$" out)" = "$n" ] ||
	fail "each of the $n new findings should name the hunk that changes virtballoon_changed, at its line $comment"
expect_no_out "do not fail the gate"
expect_out "is on the path of 0 of the $n new findings, and changes a function on the path of $n more$"
if command -v jq >/dev/null; then
	jq -e '[.runs[0].results[].level] | all(. == "warning")' in-callback.sarif >/dev/null ||
		fail "in-callback.sarif: the findings the patch touches should be warnings"
fi
expect_summary "$n new \\($n the patch touches\\), 0 fixed"
pass "--patch-only: a hunk in a function on the path counts (an unlock removed between the lock and the call would)"

lp gate --baseline base.db --db head.db --diff reintro.diff --patch-only
expect_rc 1 "gate --patch-only, the reintroduction"
expect_out "is on the path of $n of the $n new findings"
expect_summary "$n new \\($n the patch touches\\), 0 fixed"
pass "--patch-only: the reintroduction, on every new finding's path, fails the gate"

lp gate --baseline base.db --db head.db --patch-only
expect_error_rc2 "gate --patch-only without a patch" "gate --patch-only needs the patch: --diff FILE or --git BASE"
: >empty.diff
lp gate --baseline base.db --db head.db --patch-only --diff empty.diff
expect_error_rc2 "gate --patch-only with an empty patch" "gate --patch-only: the patch \\(empty.diff\\) has no hunks"
git -C "$T/w/corpus" diff -R HEAD~1 -- "${balloon#"$T/w/corpus/"}" >reversed.diff
lp gate --baseline base.db --db head.db --patch-only --diff reversed.diff
expect_rc 2 "gate --patch-only with the patch reversed"
expect_err "warning: reversed.diff:[0-9]+: the hunk '@@ [^']*' does not match .*virtio_balloon.c as it is now"
expect_err "error: gate --patch-only: [0-9]+ hunks? of the patch \\(reversed.diff\\) (is|are) not the lines of the tree as analysed"
pass "--patch-only without a patch, with an empty one or with one that is not the tree's stops the gate (exit 2)"
