#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# balloon.sh - the 2019 virtio-ccw balloon deadlock, brought back into 6.1 by
# balloon-config-in-callback.patch, is reported with its whole path; the
# clean tree (clean.sh) is not.
#
# The cached tree is never touched: lib.sh's balloon_patched patches a copy
# of virtio_balloon.c in WORKDIR/balloon and re-parses only that TU, starting
# from a copy of the clean run's database (flavour.sh).
#   balloon.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

ov=$work/balloon
balloon_patched clang "$ov"
db=$ov/balloon.db

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
