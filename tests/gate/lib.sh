# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - what the gate tests share (sourced, not run), on top of
# tests/lib.sh (the temporary directory, lp, fail/pass, expect_*, corpus
# trees).  Each test copies a corpus tree into a temporary directory, edits
# the copy (never corpus/), runs 'lockpath gate' and checks exit code,
# summary line and output.
#
#   bash TEST.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH" >&2; exit 2; }
LOCKPATH=$(realpath "$1")
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
use_corpus "$2" "$3"
work_in gate

# tree_src DIR TREE PATTERN: the one source of TREE whose path matches PATTERN.
tree_src() {
	local s
	s=$(sed -n 's/^src:[[:space:]]*//p' "$1/corpus/trees/$2.tree" | grep -E "$3" || true)
	[ "$(printf '%s\n' "$s" | grep -c .)" = 1 ] || fail "$2: expected one source matching '$3', got '$s'"
	echo "$1/corpus/$s"
}

# base_run TREE DIR RC [ARGS...]: the base commit of a gate test: TREE
# copied into DIR (copy_tree) and analysed into base.db ('lockpath run
# DIR/cc --db base.db ARGS...', exit RC expected), and head.db a copy of it.
base_run() {
	local tree=$1 dir=$2 want=$3
	shift 3
	copy_tree "$tree" "$dir"
	lp run "$dir/cc" --db base.db "$@"
	expect_rc "$want" "run on $tree"
	cp base.db head.db
}

# expect_summary 'N new, N fixed, N unchanged, N suppressed, N stale'
expect_summary() { grep -qE "^lockpath: gate: [a-zA-Z]+: $1" "$T/out" || fail "expected summary '$1'"; }

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
