# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - what the gate tests share (sourced, not run).  Each test copies a
# corpus tree into a temporary directory, edits the copy (never corpus/),
# runs 'lockpath gate' and checks exit code, summary line and output.
#
#   bash TEST.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH" >&2; exit 2; }
LOCKPATH=$(realpath "$1") CORPUS=$(realpath "$2") COMPDB=$(realpath "$3")
T=$(mktemp -d "${TMPDIR:-/tmp}/lockpath-gate.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T"

fail() { echo "FAIL: $*" >&2; [ -f "$T/out" ] && sed 's/^/  out: /' "$T/out" | tail -40 >&2; [ -f "$T/err" ] && sed 's/^/  err: /' "$T/err" >&2; exit 1; }
pass() { echo "ok: $*"; }

# copy_tree TREE DIR: the corpus into DIR/corpus, TREE's compile database into DIR/cc.
copy_tree() {
	mkdir -p "$2"
	cp -r "$CORPUS" "$2/corpus"
	"$COMPDB" "$1" "$2/cc" "$2/corpus" || fail "cannot write the compile database of $1"
}

# tree_src DIR TREE PATTERN: the one source of TREE whose path matches PATTERN.
tree_src() {
	local s
	s=$(sed -n 's/^src:[[:space:]]*//p' "$1/corpus/trees/$2.tree" | grep -E "$3" || true)
	[ "$(printf '%s\n' "$s" | grep -c .)" = 1 ] || fail "$2: expected one source matching '$3', got '$s'"
	echo "$1/corpus/$s"
}

# lp ARGS...: run lockpath; stdout in out, stderr in err, exit code in $rc.
lp() {
	rc=0
	"$LOCKPATH" "$@" >"$T/out" 2>"$T/err" || rc=$?
}

expect_rc() { [ "$rc" = "$1" ] || fail "${2:-lockpath}: exit code $rc, expected $1"; }
expect_out() { grep -qE -- "$1" "$T/out" || fail "expected /$1/ in the output"; }
expect_no_out() { ! grep -qE -- "$1" "$T/out" || fail "did not expect /$1/ in the output"; }
expect_err() { grep -qE -- "$1" "$T/err" || fail "expected /$1/ on stderr"; }
# expect_summary 'N new, N fixed, N unchanged, N suppressed, N stale'
expect_summary() { grep -qE "^lockpath: gate: [a-zA-Z]+: $1" "$T/out" || fail "expected summary '$1'"; }
# expect_one_error PATTERN: stderr is exactly one 'lockpath: error:' line matching PATTERN.
expect_one_error() {
	[ "$(wc -l <"$T/err")" = 1 ] || fail "expected one line on stderr"
	grep -qE -- "^lockpath: error: .*$1" "$T/err" || fail "expected /$1/ in the error"
}
# expect_error_rc2 WHAT PATTERN: exit 2 and one error line matching PATTERN.
expect_error_rc2() { expect_rc 2 "$1"; expect_one_error "$2"; }

# finding RULE: the lines of the first finding of RULE in the output into $T/finding.
finding() {
	awk -v rule="[$1]" '/: warning: / { if (f) exit; f = substr($0, length($0) - length(rule) + 1) == rule }
		f { print }' "$T/out" >"$T/finding"
	[ -s "$T/finding" ] || fail "no $1 finding in the output"
}
expect_in_finding() { grep -qE -- "$1" "$T/finding" || { cat "$T/finding" >&2; fail "expected /$1/ in the finding"; }; }

# The fingerprint printed with the first new finding of RULE.
new_fingerprint() {
	finding "$1"
	sed -n 's/.*note: new since the baseline; fingerprint \([0-9a-f]*\)$/\1/p' "$T/finding"
}

# reintroduce FILE: make the fixed balloon's config_changed callback read
# config space again (towards_target(), the 86a5597 behaviour).
reintroduce() {
	awk '/^static void virtballoon_changed\(/ { infn = 1 }
		infn && /unsigned long irqfl;/ { print; print "\ts64 diff = towards_target(vbl);"; next }
		infn && /if \(!vbl->stop_update\)/ { sub(/!vbl->stop_update/, "diff \\&\\& !vbl->stop_update") }
		infn && /^}/ { infn = 0 }
		{ print }' "$1" >"$1.new"
	mv "$1.new" "$1"
	grep -q 'diff && !vbl->stop_update' "$1" || fail "the reintroduction patch did not apply to $1"
}
