#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# contexts-bound.sh - a context past the per-function bound still shows its
# lock orders when its acquisitions are replayed: run the
# contexts-past-bound tree with $LOCKPATH_MAX_CONTEXTS=1 (sclp_add_request()
# is reached under two console locks, one context is kept).  Without
# $LOCKPATH_REPLAY_DROPPED one of the tree's two lock orders must be missing
# (else the tree does not exercise the bound); with it, the tree's own
# expectations must hold, and the bound's notice must say how it was met.
#
#   contexts-bound.sh LOCKPATH CORPUS_DIR WORK_DIR
set -u
[ $# -eq 3 ] || { echo "usage: contexts-bound.sh LOCKPATH CORPUS_DIR WORK_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
tree=contexts-past-bound
if LOCKPATH_MAX_CONTEXTS=1 bash "$here/run-tree.sh" "$1" "$2" $tree "$3/sampled" >"$3.sampled.log" 2>&1 ||
   ! grep -q "FAIL (2 expected, 1 reported, 1 missing, 0 unexpected" "$3.sampled.log"; then
	echo "contexts-bound: FAIL with one context and no replay, one of the two orders should be missing:" >&2
	cat "$3.sampled.log" >&2
	exit 1
fi
LOCKPATH_MAX_CONTEXTS=1 LOCKPATH_REPLAY_DROPPED=1 bash "$here/run-tree.sh" "$1" "$2" $tree "$3/replayed" || exit 1
if ! grep -q "reached in more than 1 contexts.*read off a followed context" "$3/replayed/$tree/lockpath.out"; then
	echo "contexts-bound: FAIL the bound's notice does not say the dropped context was replayed" >&2
	exit 1
fi
echo "contexts-bound: one order missing with one context per function; both with the replay"
