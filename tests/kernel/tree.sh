#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# tree.sh - fixture: set up (or reuse) the reference kernel tree, both
# flavours, with scripts/kernel-tree.sh.  About 2 minutes from nothing on 2
# cores (plus the packages' download), 0.2 s when it is ready.
#   tree.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

"$root/scripts/kernel-tree.sh" --flavour both
for f in clang gcc; do
	db=$(need_tree $f)
	n=$(jq length "$db")
	[ "$n" -ge 90 ] || fail "$db has $n TUs; expected about 100 (see $kdir/$f/build.log)"
	note "$f: $n TUs in $db"
done
