#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# shard.sh - 'lockpath extract --shard I/N' into N databases, 'lockpath merge'
# into one, and check: the findings (text and SARIF) are byte-identical to
# an unsharded run's.  Also: every TU lands in exactly one shard, a shard
# merged twice is refused with nothing written, and bad --shard values are
# usage errors.  The shards are merged in both orders: row ids then differ
# from the unsharded run's, and nothing may depend on them (a function
# defined in two TUs, as strncmp is in arch/s390/boot/string.c and
# lib/string.c: link picks one by place, not by row id).
source "$(dirname "$0")/lib.sh"

tree=balloon-2019-ccw-pci
copy_tree $tree w
cc=w/cc/compile_commands.json
total=$(jq length "$cc")
# a second, empty definition of virtio_config_changed (on the path of every
# finding) in another TU, written before virtio.c in an unsharded run
cat >>"$(tree_src w $tree virtio_pci_common.c)" <<'EOF'

void virtio_config_changed(struct virtio_device *vd)
{
}
EOF

lp run "$cc" --db whole.db -j 1 --sarif whole.sarif
expect_rc 1 "unsharded run"
cp "$T/out" whole.txt

# Shards are chosen by a hash of the absolute path, so which shard gets
# which TU (and whether one gets none: 12 TUs, 3 shards) depends on where
# the clone lives; the twice-merged shard is one that holds TUs.
n=3 seen=0 full=
for i in 1 2 3; do
	lp extract "$cc" --db shard$i.db --shard $i/$n -j 1
	expect_rc 0 "extract --shard $i/$n"
	k=$(sqlite3 shard$i.db "SELECT count(*) FROM tu")
	seen=$((seen + k))
	[ "$k" = 0 ] || full=shard$i.db
done
[ "$seen" = "$total" ] || fail "the shards hold $seen TUs, the database $total"
pass "3 shards hold the $total TUs once each"

for order in "3 2 1" "1 2 3"; do
	rm -f merged.db*
	lp merge merged.db $(for i in $order; do echo shard$i.db; done)
	expect_rc 0 "merge"
	expect_err "lockpath: merge: $total TUs from 3 databases"
	lp check --db merged.db --sarif merged.sarif
	expect_rc 1 "check of the merged database"
	cmp -s "$T/out" whole.txt || { diff whole.txt "$T/out" >&2; fail "merged ($order) findings differ from the unsharded run's (text)"; }
	cmp -s merged.sarif whole.sarif || fail "merged ($order) findings differ from the unsharded run's (SARIF)"
	pass "merged in the order $order, findings are byte-identical to the unsharded run's (text and SARIF)"
done

before=$(sqlite3 merged.db "SELECT count(*) FROM site")
lp merge merged.db "$full"
expect_rc 2 "merging a shard twice"
expect_err "both databases have the translation unit"
[ "$(sqlite3 merged.db "SELECT count(*) FROM site")" = "$before" ] || fail "a refused merge wrote facts"
pass "a shard merged twice is refused, nothing written"

for bad in 0/3 4/3 1/0 x 1/3x; do
	lp extract "$cc" --db bad.db --shard "$bad"
	expect_rc 2 "--shard $bad"
	expect_err "--shard expects I/N"
done
[ ! -e bad.db ] || fail "a bad --shard created a database"
pass "bad --shard values are usage errors"
