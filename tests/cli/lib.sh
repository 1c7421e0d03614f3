# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - what the CLI robustness tests share (sourced, not run), on top of
# tests/lib.sh (the temporary directory, lp, fail/pass, expect_*).  Each
# test works in a temporary directory, generates its inputs there (C files
# including inputs/lp_test.h, compile databases), runs lockpath and checks
# exit code, stderr and the database.  Each step prints 'ok: ...'; a failure
# prints 'FAIL: ...' with the output that disagreed and exits 1.
#
#   bash TEST.sh LOCKPATH
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 LOCKPATH [ARGS...]" >&2; exit 2; }
LOCKPATH=$(realpath "$1")
ARG2=$(realpath "${2:-.}")   # a second argument, a file, as an absolute path
INPUTS=$(cd "$(dirname "${BASH_SOURCE[0]}")/inputs" && pwd)
# shellcheck source=SCRIPTDIR/../lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
work_in cli

# compdb DIR FILE... : DIR/compile_commands.json compiling each FILE (in $T),
# with the extra arguments in $CFLAGS_EXTRA (one word each, no quotes).
compdb() {
	local dir=$1 first=1 extra=""
	shift
	for w in ${CFLAGS_EXTRA:-}; do extra="$extra\"$w\", "; done
	mkdir -p "$dir"
	{
		echo "["
		for f in "$@"; do
			[ $first = 1 ] || echo ","
			first=0
			printf '  {"directory": "%s", "file": "%s", "arguments": ["clang-19", %s"-I%s", "-c", "%s", "-o", "%s"]}' \
				"$T" "$f" "$extra" "$INPUTS" "$f" "${f%.c}.o"
		done
		echo
		echo "]"
	} >"$dir/compile_commands.json"
}

# corpus_tree_plus TREE DIR SOURCE: DIR/compile_commands.json of corpus TREE
# (corpus_tree: use_corpus first) with one more corpus SOURCE compiled like
# the tree's first TU.  Needs jq.
corpus_tree_plus() {
	local base=${3%.c}
	corpus_tree "$1" "$2"
	jq --arg b "$base" '. + [ (.[0] | .file |= sub("drivers/s390/cio/cio\\.c$"; $b + ".c")
		| .arguments |= map(sub("drivers/s390/cio/cio\\.(?<x>[co])$"; $b + "." + .x))) ]' \
		"$2/compile_commands.json" >"$2/cc.json.tmp"
	mv "$2/cc.json.tmp" "$2/compile_commands.json"
}

# wait_until SECONDS WHAT CMD...: poll CMD until it succeeds; fail naming
# WHAT after SECONDS.  Tests wait for events (a line in a log, a process
# state), never for a time: the bound is only there to end a hung test, so
# make it generous (a loaded machine, a sanitizer build).
wait_until() {
	local secs=$1 what=$2 end=$((SECONDS + $1))
	shift 2
	until "$@"; do
		[ $SECONDS -lt $end ] || fail "waited $secs s for $what"
		sleep 0.05
	done
}
# lines_in N PATTERN FILE: FILE has at least N lines matching PATTERN.
lines_in() { [ "$(grep -cE -- "$2" "$3" 2>/dev/null || true)" -ge "$1" ]; }
# stopped PID: the process is stopped (SIGSTOP), or gone.
stopped() { local st; st=$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null) || return 0; [[ $st == [TtZ]* ]]; }

# db_sum DB: a checksum of DB and its WAL, or 'absent'.
db_sum() {
	if [ -e "$1" ]; then
		{ cat "$1"; [ ! -e "$1-wal" ] || cat "$1-wal"; } | sha256sum | cut -c1-16
	else
		echo absent
	fi
}
# sql DB QUERY: one value from the database (sqlite3 CLI, or python3).
sql() {
	if command -v sqlite3 >/dev/null; then
		sqlite3 "$1" "$2"
	else
		python3 -c 'import sqlite3, sys
for r in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]): print("|".join(str(c) for c in r))' "$1" "$2"
	fi
}

# slow_tus N: write tu1.c .. tuN.c, each slow enough to parse (40 functions of
# 300 lines) that a signal or a second process can land part-way; their
# names go into the array 'files'.
slow_tus() {
	files=()
	for i in $(seq 1 "$1"); do
		awk -v i="$i" 'BEGIN { print "#include \"lp_test.h\"";
			for (f = 0; f < 40; f++) {
				printf "void tu%d_fn%d(struct device *dev)\n{\n", i, f;
				for (s = 0; s < 100; s++) print "\tspin_lock(&dev->lock);\n\tdev->state += 1;\n\tspin_unlock(&dev->lock);";
				print "}" } }' >"tu$i.c"
		files+=("tu$i.c")
	done
}
