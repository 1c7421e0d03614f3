# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
# lib.sh - what every shell test shares (sourced by tests/cli/lib.sh and
# tests/gate/lib.sh, not run): a temporary directory to work in, the
# 'ok: ...' / 'FAIL: ...' protocol, running lockpath with its output in
# files, the checks on exit code, output and error lines, and corpus trees
# compiled or copied.  A test's own helpers stay in its folder's lib.sh.

# work_in KIND: make a temporary directory $T (removed at exit) and cd there.
work_in() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/lockpath-$1.XXXXXX")
	trap 'rm -rf "$T"' EXIT
	cd "$T" || exit 1
}

fail() {
	echo "FAIL: $*" >&2
	[ -f "$T/out" ] && sed 's/^/  out: /' "$T/out" | tail -40 >&2
	[ -f "$T/err" ] && sed 's/^/  err: /' "$T/err" | tail -40 >&2
	exit 1
}
pass() { echo "ok: $*"; }

# lp ARGS...: run lockpath; stdout in out, stderr in err, exit code in $rc.
lp() {
	rc=0
	"$LOCKPATH" "$@" >"$T/out" 2>"$T/err" || rc=$?
}
expect_rc() { [ "$rc" = "$1" ] || fail "${2:-lockpath}: exit code $rc, expected $1"; }
expect_out() { grep -qE -- "$1" "$T/out" || fail "expected /$1/ in the output"; }
expect_no_out() { ! grep -qE -- "$1" "$T/out" || fail "did not expect /$1/ in the output"; }
expect_err() { grep -qE -- "$1" "$T/err" || fail "expected /$1/ on stderr"; }
# expect_one_error PATTERN: stderr is exactly one 'lockpath: error:' line matching PATTERN.
expect_one_error() {
	[ "$(wc -l <"$T/err")" = 1 ] || fail "expected one line on stderr"
	grep -qE -- "^lockpath: error: .*$1" "$T/err" || fail "expected /$1/ in the error"
}
# expect_error_rc2 WHAT PATTERN: exit 2 and one error line matching PATTERN.
expect_error_rc2() { expect_rc 2 "$1"; expect_one_error "$2"; }

# use_corpus CORPUS_DIR CORPUS_COMPDB_SH: the corpus and its compile
# database writer (scripts/corpus-compdb.sh) for the helpers below.
use_corpus() { CORPUS=$(realpath "$1") COMPDB_SH=$(realpath "$2"); }
# corpus_tree TREE DIR: DIR/compile_commands.json of corpus TREE, compiling
# the corpus in place.
corpus_tree() {
	bash "$COMPDB_SH" "$1" "$2" "$CORPUS" >/dev/null || fail "cannot write the compile database of $1"
}
# copy_tree TREE DIR: the corpus copied into DIR/corpus (to be edited: never
# corpus/ itself), TREE's compile database of the copy into DIR/cc.
copy_tree() {
	mkdir -p "$2"
	cp -r "$CORPUS" "$2/corpus"
	bash "$COMPDB_SH" "$1" "$2/cc" "$2/corpus" >/dev/null || fail "cannot write the compile database of $1"
}

# need_jq: end the test as skipped (exit 0) when jq is not installed.
need_jq() { command -v jq >/dev/null || { echo "SKIP: jq is not installed"; exit 0; }; }
# sarif_fps FILE: the fingerprints ("lockpath/v1") of FILE's results, sorted, one a line.
sarif_fps() { jq -r '.runs[0].results[].partialFingerprints["lockpath/v1"]' "$1" | sort; }
# sarif_count FILE: how many results FILE has (no jq needed).
sarif_count() { grep -c '"lockpath/v1"' "$1" || true; }
