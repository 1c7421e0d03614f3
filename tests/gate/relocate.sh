#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# relocate.sh - the whole tree moves (a second checkout, a CI workspace with
# another path) and the base database is reused: every TU is parsed again
# under its new path, and the findings must be the same ones, by fingerprint.
# A bug this guards against: header functions (static inlines) are stored
# once per header version; when the version was keyed by content alone, the
# moved tree's TUs took the old path's functions as theirs, the old path's
# TUs were then pruned with those functions, and the path from
# do_cio_interrupt through dev_fsm_event (device.h) vanished.
. "$(dirname "$0")/lib.sh"

tree=balloon-ccw-2019
base_run $tree "$T/a" 1 --sarif base.sarif
n=$(sarif_count base.sarif)
[ "$n" -ge 1 ] || fail "the 2019 tree should have findings"

copy_tree $tree "$T/b"
rm -rf "$T/a"
lp gate --baseline base.sarif --db head.db "$T/b/cc"
expect_rc 0 "gate on the moved tree"
expect_err 'extract: ([0-9]+) TUs, \1 parsed, 0 unchanged, 0 with errors, 0 failed, \1 removed'
expect_summary "0 new, 0 fixed, $n unchanged"
[ "$(sqlite3 head.db "SELECT count(*) FROM func WHERE name = 'dev_fsm_event'")" = 1 ] ||
	fail "the header function dev_fsm_event is missing after the move"
pass "a moved tree keeps its header functions and every fingerprint ($n findings)"
