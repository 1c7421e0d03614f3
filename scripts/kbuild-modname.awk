# SPDX-License-Identifier: GPL-2.0-only
# kbuild-modname.awk - the module an object belongs to, as Kbuild would name
# it in -DKBUILD_MODNAME: the composite object whose 'NAME-y :=' or
# 'NAME-objs +=' list in the directory's Makefile names OBJ (a path
# relative to that directory, 'en/health.o' for a subdirectory's file; a
# list may go on over lines ending in '\'), else nothing (the caller then
# uses OBJ's own base name, as Kbuild does).
#
#   awk -v obj=virtio_pci_common.o -f scripts/kbuild-modname.awk DIR/Makefile
#
# Used by scripts/corpus-compdb.sh and tests/corpus/run-tree.sh.
/^[ \t]*#/ { next }
/\\$/ { sub(/\\$/, ""); held = held $0 " "; next }
held != "" { $0 = held $0; held = "" }
match($0, /^[A-Za-z0-9_]+-(y|objs)[ \t]*[:+]?=/) {
	name = substr($0, 1, RLENGTH)
	sub(/-(y|objs)[ \t]*[:+]?=$/, "", name)
	n = split(substr($0, RLENGTH + 1), words, /[ \t]+/)
	for (i = 1; i <= n; i++)
		if (words[i] == obj) {
			print name
			exit
		}
}
