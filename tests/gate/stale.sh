#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# stale.sh - never a verdict on findings that were not computed.  A head
# database re-extracted after a patch ('lockpath extract', or Kbuild's
# 'lockpath cc') holds the old findings next to new facts: 'gate' without
# PATH passed on it ("0 new", exit 0) although the patch reintroduced the
# balloon bug.  gate, report and a baseline database in that state are now
# refused (exit 2, one line); after 'lockpath check' the gate fails as it must.
. "$(dirname "$0")/lib.sh"

base_run balloon-ccw-fixed "$T/w" 0 --sarif base.sarif
cc=$T/w/cc
balloon=$(tree_src "$T/w" balloon-ccw-fixed 'virtio_balloon')
cp base.db cc.db

reintroduce "$balloon"
lp extract "$cc" --db head.db
expect_rc 0 "extract of the patched tree"
expect_err 'extract: [0-9]+ TUs, 1 parsed'

for baseline in base.db base.sarif; do
	lp gate --baseline $baseline --db head.db
	expect_error_rc2 "gate on a head extracted after its check" \
		"head.db: the findings are out of date: the facts changed after the last check; run 'lockpath check --db head.db' or give PATH"
done
lp report --db head.db --sarif r.sarif --html html
expect_error_rc2 "report on a database extracted after its check" \
	"head.db: the findings are out of date: .*run 'lockpath check --db head.db' \(or 'lockpath run'\) first"
[ ! -e r.sarif ] && [ ! -e html ] || fail "the refused report wrote output"
lp gate --baseline head.db --db base.db
expect_error_rc2 "gate against a baseline extracted after its check" \
	"head.db: the baseline database's findings are out of date: its facts changed after its last check"
pass "a database whose facts changed after its check is refused by gate and report (head and baseline)"

# Kbuild's CHECK hook changes facts one TU at a time: the same
args=$(python3 -c 'import json, sys
for e in json.load(open(sys.argv[1])):
    if e["file"].endswith(sys.argv[2]):
        print("\n".join(e["arguments"]))' "$cc/compile_commands.json" "${balloon##*/}")
mapfile -t argv <<<"$args"
(cd "$T/w/corpus" && "$LOCKPATH" cc --db "$T/cc.db" -- "${argv[@]}") >"$T/out" 2>"$T/err" ||
	fail "lockpath cc on the patched balloon"
lp gate --baseline base.db --db cc.db
expect_error_rc2 "gate on a head changed by 'lockpath cc' after its check" "cc.db: the findings are out of date"
pass "a database changed by 'lockpath cc' after its check is refused"

lp check --db head.db
expect_rc 1 "check of the patched facts"
lp gate --baseline base.db --db head.db
expect_rc 1 "gate once the head is checked"
expect_summary '[1-9][0-9]* new, 0 fixed, 0 unchanged'
pass "after 'lockpath check' the gate fails on the reintroduced bug"
