#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# compile-trees.sh - check that every source of every corpus tree compiles
# cleanly (-Wall -Werror) with the command line run-tree.sh gives lockpath,
# so that a corpus edit cannot hand the analyzer a broken translation unit.
#
#   compile-trees.sh CLANG CORPUS_DIR        exit 0 when all compile
set -u
[ $# -eq 2 ] || { echo "usage: compile-trees.sh CLANG CORPUS_DIR" >&2; exit 2; }
clang=$1
corpus=$(realpath -e -- "$2") || exit 2
n=0 bad=0
for tree_file in "$corpus"/trees/*.tree; do
	tree=$(basename -- "$tree_file" .tree)
	flags=()
	while read -r -a f; do flags+=("${f[@]}"); done \
		< <(awk '/^flags:/ { sub(/^flags:/, ""); print }' "$tree_file")
	while read -r src; do
		n=$((n + 1))
		if ! (cd "$corpus" && "$clang" -fsyntax-only -nostdinc -isystem "$corpus/include" \
			-std=gnu11 -D__KERNEL__ -Wall -Werror ${flags[@]+"${flags[@]}"} "$src"); then
			echo "compile-trees: $tree: $src does not compile cleanly"
			bad=$((bad + 1))
		fi
	done < <(awk '/^src:/ { sub(/^src:[ \t]*/, ""); sub(/[ \t]+$/, ""); print }' "$tree_file")
done
echo "compile-trees: $n translation units, $bad failed"
[ $n -gt 0 ] && [ $bad -eq 0 ]
