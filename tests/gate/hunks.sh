#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# hunks.sh - the gate names the hunk of the patch that made each new
# finding possible (--diff, --git).  Baseline: the balloon after its 2019
# fix.  The patch (lib.sh's reintroduce) adds 'towards_target()' to
# virtballoon_changed, a config read in the callback, and, further down,
# changes three unrelated conditions: two hunks.  Every new finding must
# name the first hunk, at the line of the new call, and never the second;
# the same from 'git diff', from standard input and in SARIF.  A patch whose
# hunks are elsewhere explains nothing and says so; a patch whose lines are
# not those of the tree is not used; a broken diff stops the gate.
. "$(dirname "$0")/lib.sh"

copy_tree balloon-ccw-fixed "$T/w"
cc=$T/w/cc
balloon=$(tree_src "$T/w" balloon-ccw-fixed 'virtio_balloon')
rel=${balloon#"$T/w/corpus/"}
ccw=$T/w/corpus/$(sed -n 's/^src:[[:space:]]*//p' "$T/w/corpus/trees/balloon-ccw-fixed.tree" | grep 'virtio_ccw\.c')
git -C "$T/w/corpus" init -q
git -C "$T/w/corpus" add -A
git -C "$T/w/corpus" -c user.name=lockpath -c user.email=lockpath@localhost commit -qm base

lp run "$cc" --db base.db
expect_rc 0 "run on the fixed tree"
cp base.db head.db

reintroduce "$balloon"
git -C "$T/w/corpus" diff >patch.diff
[ "$(grep -c '^@@ ' patch.diff)" = 2 ] || { cat patch.diff >&2; fail "the reintroduction should be two hunks"; }
hunk1=$(grep -m1 '^@@ ' patch.diff | sed 's/^\(@@ [^@]* @@\).*/\1/')
hunk2=$(grep '^@@ ' patch.diff | sed -n '2s/^\(@@ [^@]* @@\).*/\1/p')
call=$(grep -n 's64 diff = towards_target(vbl);' "$balloon" | cut -d: -f1)
[ -n "$call" ] || fail "no towards_target() call in the patched balloon"
re() { printf '%s' "$1" | sed 's/[][()+*.?{}|^$\\]/\\&/g'; }   # a literal in a grep -E pattern

lp gate --baseline base.db --db head.db --diff patch.diff --sarif new.sarif "$cc"
expect_rc 1 "gate with --diff on the reintroduction"
n=$(grep -c 'note: new since the baseline' out)
[ "$n" -ge 3 ] || fail "expected the reintroduction's findings (recursive-lock, sleep-in-atomic, lock-order), got $n"
note="$(re "$rel"):$call: note: introduced by this patch: hunk $(re "$hunk1") in virtballoon_changed \\(the call to towards_target"
[ "$(grep -cE -- "$note" out)" = "$n" ] || fail "each of the $n new findings should name hunk '$hunk1' at line $call"
expect_no_out "hunk $(re "$hunk2")"
expect_no_out "no hunk of this patch"
expect_out "^lockpath: gate: the patch \\(patch.diff: 1 file, 2 hunks\\) is on the path of $n of the $n new findings$"
finding recursive-lock
expect_in_finding "note: new since the baseline"
expect_in_finding "$note"
pass "--diff: every new finding names the hunk with the new call ($hunk1, line $call), none the other"

k=$(grep -cF "introduced by this patch: hunk $hunk1 in virtballoon_changed" new.sarif || true)
[ "$k" = "$n" ] || fail "new.sarif should hold the hunk as a related location of each of the $n results, has $k"
if command -v jq >/dev/null; then
	jq -e --arg f "$rel" --argjson l "$call" '[.runs[0].results[] | [.relatedLocations[]
		| select(.message.text | startswith("introduced by this patch"))
		| select((.physicalLocation.artifactLocation.uri | endswith($f)) and .physicalLocation.region.startLine == $l)]
		| length == 1] | all' new.sarif >/dev/null || fail "each result's related location should be $rel:$call"
fi
pass "SARIF: the hunk is a related location of each new result"

lp gate --baseline base.db --db head.db --diff - <patch.diff
expect_rc 1 "gate with --diff - (standard input)"
[ "$(grep -cE -- "$note" out)" = "$n" ] || fail "--diff - should name the hunk as --diff FILE does"
expect_out "the patch \\(<stdin>: 1 file, 2 hunks\\)"
pass "--diff - reads standard input"

git -C "$T/w/corpus" show "HEAD:$rel" >"$T/w/balloon.orig.c"
(cd "$T/w" && diff -u balloon.orig.c "corpus/$rel" >"$T/plain.diff") && fail "diff -u found no change"
lp gate --baseline base.db --db head.db --diff plain.diff
expect_rc 1 "gate with a 'diff -u' patch"
[ "$(grep -cE -- "$note" out)" = "$n" ] || fail "a 'diff -u' patch (corpus/$rel) should name the same hunk"
pass "a plain 'diff -u' patch names the same hunk (its name matched by its last components)"

cd "$T/w/corpus"
lp gate --baseline "$T/base.db" --db "$T/head.db" --git HEAD
cd "$T"
expect_rc 1 "gate with --git HEAD"
[ "$(grep -cE -- "$note" out)" = "$n" ] || fail "--git HEAD should name the hunk as --diff does"
expect_out "the patch \\(git diff HEAD: 1 file, 2 hunks\\)"
pass "--git HEAD runs git diff in the work tree and names the same hunk"

# a patch elsewhere: a comment on top of virtio_ccw.c, made and analysed
# with the reintroduction, but the only hunk given to the gate
cp "$ccw" "$T/ccw.orig"
sed -i '1i /* lockpath test: an unrelated comment */' "$ccw"
git -C "$T/w/corpus" diff -- "${ccw#"$T/w/corpus/"}" >other.diff
lp gate --baseline base.db --db head.db --diff other.diff "$cc"
expect_rc 1 "gate with an unrelated patch"
[ "$(grep -c 'note: no hunk of this patch is on this finding.s path (the baseline may have been made from another commit or with other rules or options, or the per-function context bound now keeps a context it dropped)$' out)" = "$n" ] ||
	fail "each of the $n new findings should say that no hunk explains it"
expect_no_out 'introduced by this patch'
expect_out "is on the path of 0 of the $n new findings"
pass "a patch whose hunks are elsewhere explains nothing, and says so"

# the reintroduction's diff with its hunks moved down 3 lines: not the tree's lines
awk '/^@@ / { split($3, a, ","); $3 = "+" (substr(a[1], 2) + 3) (a[2] != "" ? "," a[2] : "") } { print }' \
	patch.diff >moved.diff
grep -q '^@@ ' moved.diff && ! cmp -s patch.diff moved.diff || fail "could not move the hunks"
lp gate --baseline base.db --db head.db --diff moved.diff
expect_rc 1 "gate with a patch that is not the tree's"
expect_err "warning: moved.diff:[0-9]+: the hunk '@@ [^']*' does not match .*virtio_balloon.c as it is now \\(line [0-9]+\\); it is not used"
expect_no_out 'introduced by this patch'
pass "hunks whose lines are not the file's are not used, with a warning"

printf -- '--- a/x.c\n+++ b/x.c\n@@ -1,2 +1,2 @@\n-a\n+b\n' >bad.diff
lp gate --baseline base.db --db head.db --diff bad.diff
expect_error_rc2 "gate with a short hunk" "bad.diff:6: expected 1 more line of the hunk '@@ -1,2 \\+1,2 @@' \\(line 3\\), got the end of the diff"
lp gate --baseline base.db --db head.db --diff patch.diff --git HEAD
expect_error_rc2 "gate with --diff and --git" "one patch: --diff FILE or --git BASE, not both"
lp gate --baseline base.db --db head.db --diff "$T/no-such.diff"
expect_error_rc2 "gate with a missing diff" "no-such.diff: cannot read the diff"
pass "a broken, doubled or missing patch stops the gate (exit 2, one line)"
