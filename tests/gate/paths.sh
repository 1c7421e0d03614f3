#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# paths.sh - a tree reached through a symlinked directory (a CI workspace or
# /home that is a symlink), and compile entries whose file is spelled with
# './' or '../' (the kernel's gen_compile_commands.py writes
# arch/s390/kvm/../../../virt/kvm/kvm_main.c), are the same tree: every TU
# parses and the findings are the base run's, fingerprint for fingerprint.
# The bug this guards against: the source named in the command was compared
# with the entry's real path by spelling, so it stayed in the arguments,
# libclang got it twice (two jobs) and refused every TU with "libclang
# cannot parse anything with this command line".
. "$(dirname "$0")/lib.sh"

tree=balloon-ccw-2019
copy_tree $tree "$T/a"
lp run "$T/a/cc" --db base.db --sarif base.sarif
expect_rc 1 "run on the 2019 tree"
n=$(sarif_count base.sarif)
[ "$n" -ge 4 ] || fail "the 2019 tree should have findings"
cp "$T/out" base.out

# same_as_base WHAT: the last run parsed every TU and found what the base run found
same_as_base() {
	expect_rc 0 "gate on $1"
	expect_err 'extract: ([0-9]+) TUs, \1 parsed, 0 unchanged, 0 with errors, 0 failed'
	expect_summary "0 new, 0 fixed, $n unchanged"
	pass "$1: every TU parsed, the same $n findings"
}

# the compile database written through a symlink to the tree's directory
ln -s "$T/a" "$T/link"
bash "$COMPDB_SH" $tree "$T/link/cc" "$T/link/corpus"
grep -q "\"$T/link/corpus/drivers" "$T/a/cc/compile_commands.json" || fail "the commands do not name the symlink"
lp gate --baseline base.sarif --db link.db "$T/link/cc"
same_as_base "the tree through a symlinked directory"

# 'file' and the source argument relative, through '..': include/../drivers/x.c
bash "$COMPDB_SH" $tree "$T/a/cc" "$T/a/corpus"
sed -i "s|\"$T/a/corpus/\(drivers/[^\"]*\.c\)\"|\"include/../\1\"|g" "$T/a/cc/compile_commands.json"
grep -q '"include/../drivers/' "$T/a/cc/compile_commands.json" || fail "no '../' spelling in the commands"
lp gate --baseline base.sarif --db dotdot.db "$T/a/cc"
same_as_base "sources spelled 'include/../drivers/...'"

# ... and './drivers/x.c', absolute in 'file', relative in the command
bash "$COMPDB_SH" $tree "$T/a/cc" "$T/a/corpus"
sed -i "s|, \"$T/a/corpus/\(drivers/[^\"]*\.c\)\"|, \"./\1\"|g" "$T/a/cc/compile_commands.json"
grep -q '"./drivers/' "$T/a/cc/compile_commands.json" || fail "no './' spelling in the commands"
lp gate --baseline base.sarif --db dot.db "$T/a/cc"
same_as_base "sources spelled './drivers/...'"

# the text report names the files as the base run did
lp report --db dot.db
cmp -s base.out "$T/out" || { diff base.out "$T/out" | head >&2; fail "the report differs from the base run's"; }
pass "the report is the base run's"
