#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# contexts-surest.sh - the per-function bound keeps a function's least
# guessed contexts, not the first ones the search found: run the
# contexts-surest-kept tree with $LOCKPATH_MAX_CONTEXTS=1.  stlck_done() is
# reached first through a callback pointer (guessing among three, holding
# nothing) and later by a direct call under the lock it takes; the tree's
# recursive-lock is on the second context, so it is found only if the bound
# kept the surer one.  The tree's ordinary test (corpus/contexts-surest-kept)
# runs it without the bound.
#
#   contexts-surest.sh LOCKPATH CORPUS_DIR WORK_DIR
set -u
[ $# -eq 3 ] || { echo "usage: contexts-surest.sh LOCKPATH CORPUS_DIR WORK_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
tree=contexts-surest-kept
LOCKPATH_MAX_CONTEXTS=1 bash "$here/run-tree.sh" "$1" "$2" $tree "$3" || exit 1
if ! grep -q "reached in more than 1 contexts.*only the 1 least guessed were followed" "$3/$tree/lockpath.out"; then
	echo "contexts-surest: FAIL the bound was not met, so the tree did not test it" >&2
	exit 1
fi
echo "contexts-surest: with one context per function, the least guessed one was kept"
