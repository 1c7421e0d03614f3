#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# interrupt.sh - SIGINT, then SIGTERM, part-way through an extract of 16
# generated TUs (one at a time, a few seconds in all): each time lockpath
# exits 2 saying how many TUs it saved, the database passes PRAGMA
# integrity_check, holds exactly those TUs, and the next run parses only
# the rest.  A second signal while the first is handled kills at once; that
# too leaves a consistent database.
. "$(dirname "$0")/lib.sh"

N=16
slow_tus $N
compdb cc "${files[@]}"

# parsed_or_gone N: the extract ($pid) has parsed N TUs, or has ended.
parsed_or_gone() { lines_in "$1" '^\[' "$T/err" || ! kill -0 $pid 2>/dev/null; }
tus() { sql t.db "SELECT count(*) FROM tu"; }
integrity() { [ "$(sql t.db 'PRAGMA integrity_check')" = ok ] || fail "integrity_check: $(sql t.db 'PRAGMA integrity_check')"; }

# interrupt SIGNAL AFTER: start an extract, send SIGNAL once AFTER TUs are
# done (from the --progress lines), wait for it; exit code in $rc.
interrupt() {
	rm -f "$T/err"   # not the last run's progress lines
	"$LOCKPATH" extract cc --db t.db -j1 --progress >"$T/out" 2>"$T/err" &
	pid=$!
	wait_until 600 "the extract to get to $2 TUs" parsed_or_gone "$2"
	lines_in "$2" '^\[' "$T/err" || fail "the extract ended before it got to $2 TUs"
	kill -s "$1" $pid
	rc=0
	wait $pid || rc=$?
}

interrupt INT 5
expect_rc 2 "extract after SIGINT"
saved=$(sed -n 's/^lockpath: interrupted: the \([0-9]*\) TUs finished are saved in t.db; run again to resume$/\1/p' "$T/err")
[ -n "$saved" ] || fail "no 'interrupted' line"
[ "$saved" -ge 5 ] && [ "$saved" -lt $N ] || fail "$saved TUs saved, expected 5 to $((N - 1))"
expect_err "^lockpath: extract: $N TUs, $saved parsed, 0 unchanged"
integrity
[ "$(tus)" = "$saved" ] || fail "the database holds $(tus) TUs, the message said $saved"
[ "$(sql t.db "SELECT value FROM meta WHERE key = 'checked'")" = 0 ] || fail "the facts are not marked unchecked"
pass "SIGINT after $saved TUs: exit 2, integrity ok, $saved TUs saved"

interrupt TERM 5
expect_rc 2 "extract after SIGTERM"
saved2=$(sed -n 's/^lockpath: interrupted: the \([0-9]*\) TUs finished are saved.*/\1/p' "$T/err")
[ -n "$saved2" ] || fail "no 'interrupted' line after SIGTERM"
expect_err "^lockpath: extract: $N TUs, $saved2 parsed, $saved unchanged"
integrity
[ "$(tus)" = $((saved + saved2)) ] || fail "the database holds $(tus) TUs, expected $((saved + saved2))"
pass "SIGTERM resumed after $saved TUs and saved $saved2 more"

lp extract cc --db t.db -j2
expect_rc 0 "the resumed extract"
expect_err "^lockpath: extract: $N TUs, $((N - saved - saved2)) parsed, $((saved + saved2)) unchanged, 0 with errors, 0 failed, 0 removed"
integrity
[ "$(tus)" = $N ] || fail "the database holds $(tus) TUs, expected $N"
pass "the next run parses only the $((N - saved - saved2)) TUs left"

# A report on the interrupted facts refuses them (no findings were computed
# from them); a check fixes it.
lp report --db t.db
expect_error_rc2 "report before check" "t.db: the database has no check results; run 'lockpath check --db t.db'"
lp check --db t.db
expect_rc 0 "check"
[ "$(sql t.db "SELECT value FROM meta WHERE key = 'checked'")" = 1 ] || fail "check did not mark the facts checked"

# Two signals during a --force re-extract: the second kills at once
# (SA_RESETHAND; exit 130), or both arrive as one (exit 2); either way the
# database stays consistent with all TUs, re-parsed or not.
rm -f "$T/err"
"$LOCKPATH" extract cc --db t.db -j1 --force --progress >"$T/out" 2>"$T/err" &
pid=$!
wait_until 600 "the extract to get to 3 TUs" parsed_or_gone 3
kill -INT $pid
kill -INT $pid
rc=0
wait $pid || rc=$?
krc=$rc
[ "$rc" = 130 ] || [ "$rc" = 2 ] || fail "exit code $rc after two SIGINTs, expected 130 (killed) or 2"
integrity
[ "$(tus)" = $N ] || fail "the database holds $(tus) TUs after two SIGINTs, expected $N"
lp extract cc --db t.db -j2
expect_rc 0 "the run after two SIGINTs"
expect_err "^lockpath: extract: $N TUs, 0 parsed, $N unchanged"
pass "two SIGINTs (exit $krc): the database consistent, no TU lost"
