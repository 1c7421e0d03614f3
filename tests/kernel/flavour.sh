#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# flavour.sh - fixture: 'lockpath run' on one flavour of the reference tree
# into a fresh database (WORKDIR/FLAVOUR.db, which the later tests read),
# and every TU must parse with zero errors.
#   flavour.sh LOCKPATH WORKDIR clang|gcc|x86_64
source "$(dirname "$0")/lib.sh"
flavour=${1:?clang, gcc or x86_64}

compdb=$(need_tree "$flavour")
n=$(jq length "$compdb")
db=$work/$flavour.db
rm -f "$db" "$db-wal" "$db-shm" "$work/$flavour.sarif"
rc=0
"$lockpath" run "$compdb" --db "$db" -j "$(nproc)" --no-progress \
	--sarif "$work/$flavour.sarif" >"$work/$flavour.txt" 2>"$work/$flavour.err" || rc=$?
cat "$work/$flavour.err" >&2
[ "$rc" -le 1 ] || fail "lockpath run exited $rc"
grep -Eq "extract: $n TUs, $n parsed, 0 unchanged, 0 with errors, 0 failed" "$work/$flavour.err" ||
	fail "lockpath's summary does not say all $n TUs parsed without errors"
assert_parsed "$db" "$n"
jq -e '.runs[0].results | length >= 0' "$work/$flavour.sarif" >/dev/null || fail "no SARIF written"
