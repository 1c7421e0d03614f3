#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# corpus-compdb.sh - write the compile_commands.json of one bundled corpus tree.
#
#   scripts/corpus-compdb.sh TREE OUTDIR [CORPUS_DIR]
#
# TREE is a name from corpus/trees/ (balloon-ccw-2019, ...).  Reads its
# 'src:' and 'flags:' lines and writes OUTDIR/compile_commands.json with
# absolute paths, so the database works from any directory.  The commands
# name clang-19 and the corpus' own kernel-like headers (-nostdinc).
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: corpus-compdb.sh TREE OUTDIR [CORPUS_DIR]" >&2; exit 2; }
tree=$1 out=$2
corpus=$(cd "${3:-$(dirname "$0")/../corpus}" && pwd)
spec="$corpus/trees/$tree.tree"
[ -f "$spec" ] || { echo "corpus-compdb.sh: error: no tree '$tree' ($spec does not exist)" >&2; exit 2; }
mkdir -p "$out"
flags=$(sed -n 's/^flags:[[:space:]]*//p' "$spec" | tr '\n' ' ')
modname() {   # corpus-relative source: its Kbuild module name (kbuild-modname.awk), from
	local dir base obj m=   # the Makefile of its directory or of one above ('en/health.o')
	dir=$(dirname "$1") base=$(basename "$1" .c)
	obj=$base.o
	while [ -z "$m" ]; do
		[ -f "$corpus/$dir/Makefile" ] && m=$(awk -v obj="$obj" -f "$(dirname "$0")/kbuild-modname.awk" "$corpus/$dir/Makefile")
		[ "$dir" = . ] && break
		obj=$(basename "$dir")/$obj dir=$(dirname "$dir")
	done
	printf '%s' "${m:-$base}"
}
json_args() {   # one JSON string per word
	local first=1
	for w in "$@"; do
		[ $first = 1 ] || printf ', '
		first=0
		printf '"%s"' "$(printf '%s' "$w" | sed 's/\\/\\\\/g; s/"/\\"/g')"
	done
}
{
	echo "["
	n=0
	while read -r src; do
		[ -n "$src" ] || continue
		[ -f "$corpus/$src" ] || { echo "corpus-compdb.sh: error: $spec: source '$src' does not exist" >&2; exit 2; }
		[ $n = 0 ] || echo ","
		n=$((n + 1))
		# shellcheck disable=SC2086
		printf '  {"directory": "%s", "file": "%s", "arguments": [%s]}' "$corpus" "$corpus/$src" \
			"$(json_args clang-19 -nostdinc -isystem "$corpus/include" -std=gnu11 -D__KERNEL__ \
				"-DKBUILD_MODNAME=\"$(modname "$src")\"" $flags -c "$corpus/$src" -o "${src%.c}.o")"
	done < <(sed -n 's/^src:[[:space:]]*//p' "$spec")
	echo
	echo "]"
} > "$out/compile_commands.json.tmp"
mv "$out/compile_commands.json.tmp" "$out/compile_commands.json"
