#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# gate.sh - lockpath gate on the reference tree: with the clean tree's findings
# as the baseline (a SARIF file, as CI would keep it), the reintroduction patch
# (balloon-config-in-callback.patch) fails the gate with the 2019 path, parsing
# only the patched TU, and (--diff) each new finding names the patch's one
# hunk; reverting it (the clean compile database again) passes.
# Like balloon.sh, the cached tree is never touched: the patched file is a copy
# under its own tree-relative name, and a copy of the compile database points at it.
#   gate.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

compdb=$(need_tree clang)
clean=$work/clang.db
[ -r "$clean" ] || fail "$clean missing (the kernel/clang fixture makes it)"
w=$work/gate
rm -rf "$w"
mkdir -p "$w/src/drivers/virtio" "$w/head"
orig=$ksrc/drivers/virtio/virtio_balloon.c
copy=$w/src/drivers/virtio/virtio_balloon.c   # the patch's name for it ends its name
cp "$orig" "$copy"
patch -s --no-backup-if-mismatch "$copy" <"$here/balloon-config-in-callback.patch" ||
	fail "balloon-config-in-callback.patch does not apply to $orig"
sed "s|$orig|$copy|g" "$compdb" >"$w/head/compile_commands.json"

rc=0
"$lockpath" report --db "$clean" --no-text --sarif "$w/base.sarif" || rc=$?
[ "$rc" -le 1 ] || fail "lockpath report --sarif exited $rc"   # 1: the clean tree's two findings
cp "$clean" "$w/head.db"

rc=0
"$lockpath" gate --baseline "$w/base.sarif" --db "$w/head.db" -j "$(nproc)" --no-progress \
	--diff "$here/balloon-config-in-callback.patch" \
	--sarif "$w/new.sarif" "$w/head/compile_commands.json" >"$w/patched.out" 2>"$w/patched.err" || rc=$?
cat "$w/patched.err" >&2
[ "$rc" -eq 1 ] || fail "the gate on the patched tree exited $rc, expected 1 (new findings)"
grep -Eq 'extract: [0-9]+ TUs, 1 parsed,' "$w/patched.err" || fail "the gate should re-parse the patched TU alone"
grep -q '^lockpath: gate:' "$w/patched.out" || fail "no gate summary line"
grep '^lockpath: gate:' "$w/patched.out" >&2
grep -q 'ccw_io_helper is already held as \*subchannel.lock.*\[recursive-lock\]' "$w/patched.out" ||
	fail "the new findings do not include the recursive-lock in ccw_io_helper"
grep -q 'virtballoon_changed calls virtio_ccw_get_config' "$w/patched.out" || fail "the new finding's path is not shown"
new=$(grep -c 'note: new since the baseline' "$w/patched.out" || true)
named=$(grep -c 'virtio_balloon.c:45[0-9]: note: introduced by this patch: hunk @@ -443,6 +443,16 @@ in virtballoon_changed' \
	"$w/patched.out" || true)
[ "$new" -ge 1 ] && [ "$named" = "$new" ] || fail "each of the $new new findings should name the patch's hunk, $named do"
grep -q 'no hunk of this patch' "$w/patched.out" && fail "a new finding says no hunk of the patch explains it"
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
note "the reintroduction patch fails the gate, each new finding naming its hunk; reverting it passes"
