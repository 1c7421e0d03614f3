#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# valgrind.sh - lockpath under valgrind's memcheck on a corpus run: 'run'
# on balloon-ccw-2019 (extract with libclang, link, check, text, SARIF and
# HTML), then 'report' and 'gate' against the SARIF it wrote.  Any definite
# leak or memory error fails (exit 99 from valgrind); lockpath's own exit
# codes are checked too.  libclang's own leaks, if any, are suppressed in
# valgrind.supp, each with why.
#
#   bash valgrind.sh LOCKPATH VALGRIND SUPPRESSIONS CORPUS_COMPDB_SH
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 LOCKPATH VALGRIND SUPPRESSIONS CORPUS_COMPDB_SH" >&2; exit 2; }
LOCKPATH=$(realpath "$1") VALGRIND=$2 SUPP=$(realpath "$3") COMPDB=$(realpath "$4")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "$0")/../lib.sh"
work_in valgrind
# not tests/lib.sh's fail: what failed is in valgrind's log
fail() { echo "FAIL: $*" >&2; tail -60 "$T/vg.log" >&2 || true; exit 1; }

"$COMPDB" balloon-ccw-2019 cc
# vg EXPECTED ARGS...: lockpath ARGS under memcheck, expecting exit EXPECTED.
vg() {
	local want=$1 rc=0
	shift
	"$VALGRIND" --quiet --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=99 \
		--suppressions="$SUPP" --num-callers=40 --log-file="$T/vg.log" \
		"$LOCKPATH" "$@" >"$T/out" 2>"$T/err" || rc=$?
	[ $rc != 99 ] || fail "valgrind found errors in 'lockpath $*'"
	[ $rc = "$want" ] || { cat "$T/err" >&2; fail "'lockpath $*': exit code $rc, expected $want"; }
	! grep -q 'definitely lost: [1-9]' "$T/vg.log" || fail "definite leaks in 'lockpath $*'"
	echo "ok: lockpath $* (exit $rc) is clean under valgrind"
}
vg 1 run cc --db t.db -j1 --sarif t.sarif --html html
grep -q 'recursive-lock' "$T/out" || fail "the run found no recursive-lock"
vg 1 report --db t.db --no-text --sarif again.sarif
vg 0 gate --baseline t.sarif --db t.db
