#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# concurrent.sh - two lockpath processes on one database.  A writer holds
# the database for its whole run (flock, analyzer/db/db.c); a second
# process waits for it (--wait, default 30 s) and then runs, or with
# --wait 0 refuses at once with a message, or gives up after its --wait
# with a message.  The writer is stopped (SIGSTOP) while the second process
# meets it, so nothing depends on how fast the machine is.  Nothing is interleaved: the database ends consistent and
# complete, and a refused process changes nothing.
. "$(dirname "$0")/lib.sh"

N=12
slow_tus $N
cat >bug.c <<'C'
#include "lp_test.h"
void do_io_irq(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_lock(&dev->lock);
	spin_unlock(&dev->lock);
	spin_unlock(&dev->lock);
}
C
compdb cc bug.c "${files[@]}"
integrity() { [ "$(sql t.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check: $(sql t.db 'PRAGMA integrity_check')"; }

# start_writer: a 'run' on t.db in the background (pid in $wpid) that has
# taken the database (its first TU parsed), then stopped (SIGSTOP) so that
# it holds the database for as long as the test needs, however fast or
# slow the machine: resume it with 'kill -CONT $wpid'.
start_writer() {
	rm -f "$T/w.err"   # not the last writer's lines
	"$LOCKPATH" run cc --db t.db -j1 --force --progress "$@" >"$T/w.out" 2>"$T/w.err" &
	wpid=$!
	wait_until 600 "the first run to parse a TU" writer_parsing
	kill -STOP $wpid
	wait_until 60 "the first run to stop" stopped $wpid
	kill -0 $wpid 2>/dev/null || { cat "$T/w.err" >&2; fail "the first run ended before the test"; }
}
writer_parsing() {
	lines_in 1 '^\[' "$T/w.err" && return 0
	kill -0 $wpid 2>/dev/null || { cat "$T/w.err" >&2; fail "the first run ended before it parsed a TU"; }
	return 1
}
wait_writer() {
	local wrc=0
	kill -CONT $wpid
	wait $wpid || wrc=$?
	[ $wrc = 1 ] || { cat "$T/w.err" >&2; fail "the first run: exit code $wrc, expected 1 (findings)"; }
}

# Two runs at once: the second waits (it says so), then runs; both find the bug.
start_writer
rm -f "$T/err"
"$LOCKPATH" run cc --db t.db -j2 --wait 3600 >"$T/out" 2>"$T/err" &
spid=$!
wait_until 600 "the second run to wait for the database" lines_in 1 'is in use by another lockpath process' "$T/err"
wait_writer
rc=0
wait $spid || rc=$?
expect_rc 1 "the second run"
expect_err "^lockpath: t.db is in use by another lockpath process; waiting up to 3600 s$"
expect_out "bug.c:5:[0-9]+: warning: .*\[recursive-lock\]"
expect_err "^lockpath: extract: $((N + 1)) TUs, 0 parsed, $((N + 1)) unchanged"
integrity
[ "$(sql t.db 'SELECT count(*) FROM tu')" = $((N + 1)) ] || fail "expected $((N + 1)) TUs"
pass "two runs at once on one database run one after the other"

# --wait 0: refused at once, nothing changed by the refused process.
start_writer
lp run cc --db t.db --wait 0
expect_error_rc2 "a run with --wait 0" "t.db: in use by another lockpath process; wait for it to finish, use another --db, or give --wait SECONDS to wait for it"
lp report --db t.db --wait 0
expect_error_rc2 "a report with --wait 0" "t.db: in use by another lockpath process"
wait_writer
pass "--wait 0 refuses at once with a message"

# --wait 1 while a run holds the database: gives up with a message.
start_writer
lp extract cc --db t.db --wait 1
wait_writer
expect_rc 2 "an extract with --wait 1"
[ "$(grep -c 'lockpath: error:' "$T/err")" = 1 ] || fail "expected one error line"
expect_err "^lockpath: error: t.db: still in use by another lockpath process after 1 s; wait for it to finish, use another --db, or give a longer --wait$"
integrity
pass "--wait 1 gives up after a second with a message"

# Readers share: two reports at once both succeed.
"$LOCKPATH" report --db t.db --wait 0 >/dev/null 2>&1 &
rpid=$!
lp report --db t.db --wait 0
rrc=0
wait $rpid || rrc=$?
expect_rc 1 "a report beside another report"
[ $rrc = 1 ] || fail "the other report: exit code $rrc"
pass "two reports at once"
