#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# balloon.sh - the 2019 virtio-ccw balloon deadlock, brought back into 6.1 by
# balloon-config-in-callback.patch, is reported with its whole path; the
# clean tree (clean.sh) is not.
#
# The cached tree is never touched: virtio_balloon.c is copied into WORKDIR,
# patched there, and the clang flavour's compile database is copied with that
# one TU's entry pointed at the copy (its -I paths are absolute or relative to
# the unchanged build directory, so it parses as the original did).  The
# database starts as a copy of the clean run's (flavour.sh), so only the
# patched TU is parsed again.
#   balloon.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

compdb=$(need_tree clang)
clean=$work/clang.db
[ -r "$clean" ] || fail "$clean missing (the kernel/clang fixture makes it)"
orig=$ksrc/drivers/virtio/virtio_balloon.c
ov=$work/balloon
rm -rf "$ov"
mkdir -p "$ov/src/drivers/virtio" "$ov/compdb"
cp "$orig" "$ov/src/drivers/virtio/"
patch -s -d "$ov/src" -p1 --no-backup-if-mismatch <"$here/balloon-config-in-callback.patch" ||
	fail "balloon-config-in-callback.patch does not apply to $orig"
new=$ov/src/drivers/virtio/virtio_balloon.c
jq --arg o "$orig" --arg n "$new" '
	map(if .file == $o then
		.file = $n
		| if .command then .command |= (split($o) | join($n)) else . end
		| if .arguments then .arguments |= map(if . == $o then $n else . end) else . end
	    else . end)' "$compdb" >"$ov/compdb/compile_commands.json"
[ "$(grep -c "$new" "$ov/compdb/compile_commands.json")" -ge 1 ] || fail "the compile database has no entry for $orig"

db=$ov/balloon.db
cp "$clean" "$db"
rc=0
"$lockpath" run "$ov/compdb" --db "$db" -j "$(nproc)" --no-progress --sarif "$ov/balloon.sarif" \
	>"$ov/balloon.txt" 2>"$ov/balloon.err" || rc=$?
cat "$ov/balloon.err" >&2
[ "$rc" -eq 1 ] || fail "lockpath run exited $rc, expected 1 (findings)"
grep -Eq 'extract: [0-9]+ TUs, 1 parsed, [0-9]+ unchanged, 0 with errors, 0 failed, 1 removed' "$ov/balloon.err" ||
	fail "expected exactly the patched TU to be parsed (and the original's entry removed)"
assert_parsed "$db" "$(jq length "$compdb")"

p=$(paths "$db" recursive-lock)
note "recursive-lock paths:"
sed 's/^/   /' <<<"$p" >&2
grep -Eq "$balloon_deadlock" <<<"$p" ||
	fail "no recursive-lock from do_cio_interrupt through virtio_config_changed and virtballoon_changed to ccw_io_helper"

# The finding names the lock the way a reviewer checks it: the lock taken in
# ccw_io_helper is the ccw device's lock, held since do_cio_interrupt, and
# the report says why the two names are one lock.
row=$(q "$db" "SELECT f.id, f.context, f.lock_key, f.held_key FROM finding f JOIN func e ON e.id = f.entry_func
               WHERE f.rule = 'recursive-lock' AND e.name = 'do_cio_interrupt'
                 AND (SELECT fn.name FROM finding_hop h JOIN func fn ON fn.id = h.func_id
                      WHERE h.finding_id = f.id AND h.path = 0 ORDER BY h.seq DESC LIMIT 1) = 'ccw_io_helper'
               LIMIT 1")
IFS='|' read -r fid ctx lock held <<<"$row"
note "finding $fid: $lock acquired while $held is held ($ctx)"
[ "$ctx" = hardirq ] || fail "context is '$ctx', expected hardirq (do_cio_interrupt is the I/O interrupt)"
[ "$(q "$db" "SELECT count(*) FROM finding_alias WHERE finding_id = $fid")" -ge 1 ] ||
	fail "the finding has no alias proof (io_subchannel_initialize_dev: cdev->ccwlock = sch->lock)"
grep -q 'virtballoon_changed' "$ov/balloon.txt" || fail "the text report does not show virtballoon_changed"
jq -e '[.runs[0].results[] | select(.ruleId == "recursive-lock" and .properties.entry == "do_cio_interrupt")] | length >= 1' \
	"$ov/balloon.sarif" >/dev/null || fail "the SARIF has no recursive-lock result from do_cio_interrupt"
note "the 2019 deadlock is reported from do_cio_interrupt to ccw_io_helper"
