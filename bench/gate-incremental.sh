#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# gate-incremental.sh - what a CI gate costs: a full 'lockpath run' on the base tree
# (the baseline), then 'lockpath gate' on the head with the base database, once with
# nothing changed and once with one translation unit changed.  The tree itself is
# never written: the changed TU is a copy of FILE in a temporary directory, and a copy
# of the compile database points at it (so the gate sees one TU removed and one added:
# one parse).  The change appends an unrelated function (the gate must pass), or is
# PATCH applied to the copy (tests/kernel/balloon-config-in-callback.patch puts the 2019
# balloon bug back: the gate must fail).
#
# Prints one line per step: wall seconds, TUs parsed, and the extract/link/check split
# from lockpath's own summary lines; with --repeat N, the fastest of N for each re-gate
# (each on a fresh copy of the baseline's database).  Exits 1 if a step does not behave as described.
set -euo pipefail

usage() {
	cat <<'EOF'
usage: bench/gate-incremental.sh LOCKPATH COMPDB FILE [-j N] [--patch PATCH [--expect-new]] [--repeat N]
                                 [--floor PARSE_FLOOR] [--keep DIR]

  LOCKPATH   the lockpath executable (a Release build for meaningful numbers)
  COMPDB     compile_commands.json of the base tree
  FILE       the source of the TU to change (as named in COMPDB)
  -j N       jobs for every step (default: nproc)
  --patch PATCH  the change: a unified diff of FILE, applied to the copy (default: an
                 unrelated function appended)
  --expect-new   the patch brings findings: the gate must fail
  --repeat N  run both re-gates N times on fresh copies of the baseline and print the
             best time of each (default 1)
  --floor EXE also time the changed TU's own parse (bench/parse-floor -j 1) just before
             each one-TU re-gate, and print the ratio of each pair and their median
  --keep DIR  work in DIR and keep the databases (default: a temporary directory)
EOF
}

[ $# -ge 3 ] || { usage >&2; exit 2; }
lp=$(realpath "$1") compdb=$(realpath "$2") file=$3
shift 3
jobs=$(nproc) patchfile="" expect_new=0 keep="" repeat=1 floor=""
while [ $# -gt 0 ]; do
	case $1 in
	-j) jobs=$2; shift 2 ;;
	--patch) patchfile=$(realpath "$2"); shift 2 ;;
	--expect-new) expect_new=1; shift ;;
	--keep) keep=$2; shift 2 ;;
	--repeat) repeat=$2; shift 2 ;;
	--floor) floor=$(realpath "$2"); shift 2 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
done
grep -qF "\"$file\"" "$compdb" || { echo "gate-incremental.sh: error: $file is not a TU of $compdb" >&2; exit 2; }
if [ -n "$keep" ]; then
	mkdir -p "$keep"
	w=$(realpath "$keep")
else
	w=$(mktemp -d "${TMPDIR:-/tmp}/gate-bench.XXXXXX")
	trap 'rm -rf "$w"' EXIT
fi
rm -f "$w"/*.db "$w"/*.db-wal "$w"/*.db-shm

now() { date +%s.%N; }
# step NAME COMMAND...: run, time, and print the summary of one step; exit code in $rc
step() {
	local name=$1 t0 t1
	shift
	t0=$(now)
	rc=0
	"$@" >"$w/out" 2>"$w/err" || rc=$?
	t1=$(now)
	awk -v a="$t0" -v b="$t1" -v name="$name" -v rc="$rc" '
		/extract: / { x = $0; sub(/.*extract: /, "", x); sub(/, [0-9]+ with errors.*\(/, " (", x) }
		/ link: .*\([0-9.]+ s\)$/ { l = $0; sub(/.* \(/, "", l); sub(/\)/, "", l) }
		/ check: .*\([0-9.]+ s\)$/ { c = $0; sub(/.* \(/, "", c); sub(/\)/, "", c) }
		/ check: not run again/ { l = "-"; c = "not run again (nothing changed)" }
		END { printf "%-34s %7.2f s  exit %d  extract: %s; link %s; check %s\n", name, b - a, rc, x, l, c }' \
		"$w/err" >"$w/line"
	line=$(cat "$w/line")
}
fail() { echo "gate-incremental.sh: FAIL: $*" >&2; tail -5 "$w/out" "$w/err" >&2; exit 1; }

step "full run (baseline)" "$lp" run "$compdb" --db "$w/base.db" -j "$jobs" --sarif "$w/base.sarif" --no-progress
[ $rc -le 1 ] || fail "the full run failed"
echo "$line"

mkdir -p "$w/src"
copy=$w/src/$(basename "$file")
cp "$file" "$copy"
if [ -n "$patchfile" ]; then
	patch -s --no-backup-if-mismatch "$copy" <"$patchfile" || fail "$patchfile does not apply to $file"
else
	printf '\nstatic int lp_bench_unrelated(int n)\n{\n\treturn n + 1;\n}\n' >>"$copy"
fi
mkdir -p "$w/head" "$w/one"
sed "s|$file|$copy|g" "$compdb" >"$w/head/compile_commands.json"
# the changed TU alone, for its parse time (parse-floor reads compile_commands.json)
jq --arg f "$copy" '[.[] | select(.file == $f)]' "$w/head/compile_commands.json" >"$w/one/compile_commands.json"

# keep_best VAR: the step's line in VAR unless VAR already holds a faster one
keep_best() {
	local old=${!1}
	if [ -z "$old" ] || awk -v a="$line" -v b="$old" 'BEGIN { split(a, x, "  +"); split(b, y, "  +");
		exit !(x[2] + 0 < y[2] + 0) }'; then
		printf -v "$1" '%s' "$line"
	fi
}
same= one= ratios=
for _ in $(seq "$repeat"); do
	cp "$w/base.db" "$w/head.db"
	rm -f "$w/head.db-wal" "$w/head.db-shm"
	step "re-gate, nothing changed" "$lp" gate --baseline "$w/base.sarif" --db "$w/head.db" -j "$jobs" --no-progress "$compdb"
	[ $rc = 0 ] && grep -q ' 0 parsed' "$w/err" || fail "an unchanged tree should re-parse nothing and pass"
	keep_best same

	if [ -n "$floor" ]; then   # its parse just before, so both see the host alike
		t0=$(now)
		"$floor" -j 1 "$w/one/compile_commands.json" >/dev/null 2>&1 || fail "parse-floor fails on $copy"
		parse_s=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
	fi
	step "re-gate, one TU changed" "$lp" gate --baseline "$w/base.sarif" --db "$w/head.db" -j "$jobs" --no-progress \
		--sarif "$w/new.sarif" "$w/head/compile_commands.json"
	grep -q ' 1 parsed' "$w/err" || fail "one changed TU should be re-parsed alone"
	if [ $expect_new = 1 ]; then
		[ $rc = 1 ] || fail "the patch should fail the gate"
	else
		[ $rc = 0 ] || fail "an unrelated function should not fail the gate"
	fi
	keep_best one
	[ -z "$floor" ] || ratios="$ratios $(awk -v l="$line" -v p="$parse_s" 'BEGIN { split(l, x, "  +");
		printf "%.2f/%.2f", x[2], p }')"
done
echo "$same"
echo "$one"
grep '^lockpath: gate:' "$w/out"
if [ -n "$floor" ]; then
	# one pair per repetition, 're-gate/parse'; the median of their ratios (POSIX awk: sorted by sort)
	each=$(echo "$ratios" | tr ' ' '\n' | awk -F/ 'NF == 2 { printf "%.2f\n", $1 / $2 }')
	echo "$each" | sort -n | awk -v all="$(echo $each)" '{ r[NR] = $1 }
		END { m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2
		      printf "re-gate/parse, one TU changed: median %.2f (target < 2) of %d pairs: %s\n", m, NR, all }'
fi
