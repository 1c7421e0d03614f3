#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# bytype-cap.sh - a call resolved by function type states its cap: run the
# bytype-airq-ccw tree with $LOCKPATH_MAX_TYPE_TARGETS=1 (two candidates,
# one kept) and require both the tree's expectations and "capped at 1" in
# every lower-confidence message.
#
#   bytype-cap.sh LOCKPATH CORPUS_DIR WORK_DIR
set -u
[ $# -eq 3 ] || { echo "usage: bytype-cap.sh LOCKPATH CORPUS_DIR WORK_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
LOCKPATH_MAX_TYPE_TARGETS=1 bash "$here/run-tree.sh" "$1" "$2" bytype-airq-ccw "$3" || exit 1
out=$3/bytype-airq-ccw/lockpath.out
n=$(grep -c 'warning: .*resolved by type' "$out")
capped=$(grep -c 'warning: .*resolved by type (2 candidates, capped at 1)' "$out")
if [ "$n" -eq 0 ] || [ "$n" != "$capped" ]; then
	echo "bytype-cap: FAIL $capped of $n lower-confidence warnings state the cap" >&2
	exit 1
fi
echo "bytype-cap: $n lower-confidence warnings, each says 'capped at 1'"
