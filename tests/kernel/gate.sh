#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# gate.sh - lockpath gate on the reference tree: with the clean tree's findings
# as the baseline (a SARIF file, as CI would keep it), the reintroduction patch
# (balloon-config-in-callback.patch) fails the gate with the 2019 path, parsing
# only the patched TU; reverting it (the clean compile database again) passes.
# Like balloon.sh, the cached tree is never touched: the patched file is a copy,
# and a copy of the compile database points at it.
#   gate.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

compdb=$(need_tree clang)
clean=$work/clang.db
[ -r "$clean" ] || fail "$clean missing (the kernel/clang fixture makes it)"
w=$work/gate
rm -rf "$w"
mkdir -p "$w/src" "$w/head"
orig=$ksrc/drivers/virtio/virtio_balloon.c
cp "$orig" "$w/src/virtio_balloon.c"
patch -s --no-backup-if-mismatch "$w/src/virtio_balloon.c" <"$here/balloon-config-in-callback.patch" ||
	fail "balloon-config-in-callback.patch does not apply to $orig"
sed "s|$orig|$w/src/virtio_balloon.c|g" "$compdb" >"$w/head/compile_commands.json"

rc=0
"$lockpath" report --db "$clean" --no-text --sarif "$w/base.sarif" || rc=$?
[ "$rc" -le 1 ] || fail "lockpath report --sarif exited $rc"   # 1: the clean tree's two findings
cp "$clean" "$w/head.db"

rc=0
"$lockpath" gate --baseline "$w/base.sarif" --db "$w/head.db" -j "$(nproc)" --no-progress \
	--sarif "$w/new.sarif" "$w/head/compile_commands.json" >"$w/patched.out" 2>"$w/patched.err" || rc=$?
cat "$w/patched.err" >&2
[ "$rc" -eq 1 ] || fail "the gate on the patched tree exited $rc, expected 1 (new findings)"
grep -Eq 'extract: [0-9]+ TUs, 1 parsed,' "$w/patched.err" || fail "the gate should re-parse the patched TU alone"
grep -q '^lockpath: gate:' "$w/patched.out" || fail "no gate summary line"
grep '^lockpath: gate:' "$w/patched.out" >&2
grep -q 'ccw_io_helper is already held as \*subchannel.lock.*\[recursive-lock\]' "$w/patched.out" ||
	fail "the new findings do not include the recursive-lock in ccw_io_helper"
grep -q 'virtballoon_changed calls virtio_ccw_get_config' "$w/patched.out" || fail "the new finding's path is not shown"
jq -e '[.runs[0].results[] | select(.ruleId == "recursive-lock")] | length >= 1' "$w/new.sarif" >/dev/null ||
	fail "--sarif has no new recursive-lock"
jq -e '[.runs[0].results[] | select(.locations[0].physicalLocation.artifactLocation.uri | test("fs/fuse"))] | length == 0' \
	"$w/new.sarif" >/dev/null || fail "--sarif lists baseline findings (fs/fuse) as new"

# Revert: the original file again; the gate passes.
rc=0
"$lockpath" gate --baseline "$w/base.sarif" --db "$w/head.db" -j "$(nproc)" --no-progress \
	"$compdb" >"$w/reverted.out" 2>"$w/reverted.err" || rc=$?
cat "$w/reverted.err" >&2
[ "$rc" -eq 0 ] || { cat "$w/reverted.out" >&2; fail "the gate on the reverted tree exited $rc, expected 0"; }
grep '^lockpath: gate:' "$w/reverted.out" >&2
note "the reintroduction patch fails the gate; reverting it passes"
