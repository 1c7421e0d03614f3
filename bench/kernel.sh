#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# kernel.sh - lockpath against its floor on the reference kernel tree, in one run and
# at one -j.  The floor is bench/parse-floor: every TU parsed in-process by libclang
# with lockpath's own command translation and parse options, N threads, nothing
# else (no AST walk, no database) - what any libclang tool pays at least.  Then a
# full `lockpath run` on a fresh database over the same TUs, split into extract,
# link and check from lockpath's own summary lines; the ratio (extract + link +
# check) / floor; lockpath's peak RSS (GNU time) and database size; with --clang,
# also `clang-19 -fsyntax-only` per process (bench/clang-baseline.sh), for
# reference; with --regate, the one-TU incremental re-gate (bench/gate-incremental.sh)
# paired with that TU's own parse time, --rounds pairs and the median ratio.  --full uses the whole s390 build
# (scripts/kernel-tree.sh --full).
#
# The floor and lockpath runs alternate --rounds times (default 1) and the best of
# each is kept, so a busy machine hurts both alike.  Numbers only mean something
# for a Release build: with no LOCKPATH given, one is built in build-bench/.
# Never asserts a time: it prints them (the targets are in bench/README.md).
set -euo pipefail

usage() {
	cat <<'EOF'
usage: bench/kernel.sh [--lockpath EXE] [--compdb FILE | --full] [-j N] [--rounds N] [--clang] [--regate]
                       [--keep-db FILE]

  --lockpath EXE  the lockpath to time (default: a Release build made in build-bench/)
  --compdb FILE   compile_commands.json (default: the clang flavour of the reference
                  tree, set up by scripts/kernel-tree.sh)
  --full          the whole s390 build (scripts/kernel-tree.sh --full, ~4,200 TUs)
  --clang         also time clang-19 -fsyntax-only, one process per TU
  -j N            parallel TUs for both clang and lockpath (default: nproc)
  --rounds N      alternate clang and lockpath N times, keep the best of each (default 1)
  --keep-db FILE  copy the database of the best lockpath round to FILE (for review)
  --regate        also time a one-TU re-gate (drivers/virtio/virtio_balloon.c with the
                  2019 bug put back) with bench/gate-incremental.sh
EOF
}

die() { echo "kernel.sh: error: $*" >&2; exit 2; }

root=$(cd "$(dirname "$0")/.." && pwd)
lockpath= compdb= jobs=$(nproc) rounds=1 regate=0 full=0 clang=0 keep_db=
while [ $# -gt 0 ]; do
	case $1 in
	--lockpath) lockpath=${2:?}; shift 2 ;;
	--compdb) compdb=${2:?}; shift 2 ;;
	--keep-db) keep_db=${2:?}; shift 2 ;;
	-j) jobs=${2:?}; shift 2 ;;
	--rounds) rounds=${2:?}; shift 2 ;;
	--regate) regate=1; shift ;;
	--full) full=1; shift ;;
	--clang) clang=1; shift ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; die "unknown argument '$1'" ;;
	esac
done
command -v /usr/bin/time >/dev/null || die "GNU time is missing (scripts/deps.sh test installs it)"

echo "kernel.sh: building a Release lockpath and parse-floor in build-bench/" >&2
cmake -S "$root" -B "$root/build-bench" -DCMAKE_BUILD_TYPE=Release -DLOCKPATH_KERNEL_TESTS=OFF >/dev/null
cmake --build "$root/build-bench" -j "$jobs" --target lockpath parse-floor >/dev/null
floor=$root/build-bench/bench/parse-floor
[ -n "$lockpath" ] || lockpath=$root/build-bench/analyzer/lockpath
if [ -z "$compdb" ] && [ "$full" = 1 ]; then
	compdb=$("$root/scripts/kernel-tree.sh" --full | sed -n 's/^full: \(.*\) ([0-9]* TUs)$/\1/p')
	[ -n "$compdb" ] || die "scripts/kernel-tree.sh --full printed no compile database"
elif [ -z "$compdb" ]; then
	compdb=$("$root/scripts/kernel-tree.sh" --flavour clang | sed -n 's/^clang: \(.*\) ([0-9]* TUs)$/\1/p')
	[ -n "$compdb" ] || die "scripts/kernel-tree.sh printed no compile database"
fi
[ -r "$compdb" ] || die "$compdb: no such compile database"
ntu=$(jq length "$compdb")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds from a lockpath summary line: 'lockpath: extract: ... (12.34 s)' or '(12.34 s; CPU: ...)'
phase() { sed -n "s/^lockpath: $1: .*(\([0-9.]*\) s[;)].*\$/\1/p" "$2" | tail -1; }
best() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b + 0 < a + 0) print b; else print a }'; }

clang_best= floor_best= lp_best= ext_best= link_best= check_best= rss_best= dbsize= ext_cpu=
for r in $(seq "$rounds"); do
	start=$(date +%s.%N)
	"$floor" -j "$jobs" "$compdb" >"$work/floor.out" 2>&1 || { cat "$work/floor.out" >&2; die "parse-floor failed"; }
	floor_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
	floor_best=$(best "$floor_best" "$floor_s")
	if [ "$clang" = 1 ]; then
		start=$(date +%s.%N)
		"$root/bench/clang-baseline.sh" "$compdb" -j "$jobs" >"$work/clang.out" 2>&1 ||
			{ cat "$work/clang.out" >&2; die "clang-19 -fsyntax-only failed on some TUs"; }
		clang_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
		clang_best=$(best "$clang_best" "$clang_s")
	fi

	rm -f "$work/bench.db"*
	start=$(date +%s.%N)
	rc=0
	/usr/bin/time -f '%M' -o "$work/rss" "$lockpath" run "$compdb" --db "$work/bench.db" -j "$jobs" \
		--no-progress >"$work/lp.out" 2>"$work/lp.err" || rc=$?
	lp_s=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
	[ "$rc" -le 1 ] || { cat "$work/lp.err" >&2; die "lockpath run exited $rc"; }
	ext=$(phase extract "$work/lp.err") lnk=$(phase link "$work/lp.err") chk=$(phase check "$work/lp.err")
	if [ -z "$lp_best" ] || awk -v a="$lp_s" -v b="$lp_best" 'BEGIN { exit !(a < b) }'; then
		lp_best=$lp_s ext_best=$ext link_best=$lnk check_best=$chk
		ext_cpu=$(sed -n 's/^lockpath: extract: .*; CPU: \(.*\))$/\1/p' "$work/lp.err" | tail -1)
		[ -z "$keep_db" ] || cp "$work/bench.db" "$keep_db"
	fi
	rss_best=$(best "$rss_best" "$(tail -1 "$work/rss")")
	dbsize=$(du -m "$work/bench.db" | cut -f1)
	echo "kernel.sh: round $r: floor ${floor_s}s, lockpath ${lp_s}s" >&2
done

analysis=$(awk -v a="$ext_best" -v b="$link_best" -v c="$check_best" 'BEGIN { printf "%.2f", a + b + c }')
echo "tree: $compdb ($ntu TUs), -j $jobs, best of $rounds"
echo "$(grep -E '^lockpath: ([0-9]+ findings,|no findings)' "$work/lp.err" | head -1)"
printf '%-34s %8s s  (%.3f s/TU; %s)\n' "floor: in-process libclang parse" "$floor_best" \
	"$(awk -v t="$floor_best" -v n="$ntu" 'BEGIN { print t / n }')" "$(sed -n 's/^parse-floor: //p' "$work/floor.out")"
[ "$clang" = 1 ] && printf '%-34s %8s s  (%.3f s/TU)\n' "clang-19 -fsyntax-only (per process)" "$clang_best" \
	"$(awk -v t="$clang_best" -v n="$ntu" 'BEGIN { print t / n }')"
printf '%-34s %8s s  (CPU: %s)\n' "lockpath extract" "$ext_best" "$ext_cpu"
printf '%-34s %8s s\n' "lockpath link" "$link_best"
printf '%-34s %8s s\n' "lockpath check" "$check_best"
printf '%-34s %8s s\n' "lockpath run (wall, incl. report)" "$lp_best"
printf '%-34s %8s   (target <= 1.10)\n' "ratio (extract+link+check)/floor" \
	"$(awk -v a="$analysis" -v c="$floor_best" 'BEGIN { printf "%.2f", a / c }')"
printf '%-34s %8s MiB (target < 1024)\n' "lockpath peak RSS" \
	"$(awk -v k="$rss_best" 'BEGIN { printf "%.0f", k / 1024 }')"
printf '%-34s %8s MiB\n' "database size" "$dbsize"

if [ "$regate" = 1 ]; then
	src=$(jq -r '.[] | select(.file | endswith("drivers/virtio/virtio_balloon.c")) | .file' "$compdb" | head -1)
	[ -n "$src" ] || die "no drivers/virtio/virtio_balloon.c in $compdb"
	# --rounds pairs of (that TU's own parse, in-process as the floor measures
	# it; the one-TU re-gate right after it): each pair sees the host alike,
	# and the median of their ratios is the figure (one sample of either
	# moved by a third on this host)
	echo "--- one-TU re-gate: $src, $rounds pairs"
	"$root/bench/gate-incremental.sh" "$lockpath" "$compdb" "$src" -j "$jobs" --repeat "$rounds" \
		--floor "$floor" --patch "$root/tests/kernel/balloon-config-in-callback.patch" --expect-new
fi
