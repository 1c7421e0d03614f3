#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# move.sh - fingerprints survive edits that change no path: blank lines at
# the top of every file (all lines shift), a new unrelated function above
# the functions on the path, code added elsewhere in those functions, the
# balloon re-indented with spaces, and the balloon's file renamed.  The
# gate must see every finding of the 2019 tree as unchanged, whether the
# head was analysed incrementally (the base database) or from scratch.
# And they must change when a function on the path is renamed.
. "$(dirname "$0")/lib.sh"

tree=balloon-ccw-2019
base_run $tree "$T/w" 1 --sarif base.sarif
cc=$T/w/cc
n=$(sarif_count base.sarif)
[ "$n" -ge 1 ] || fail "the 2019 tree should have findings"

balloon=$(tree_src "$T/w" $tree 'virtio_balloon')
ccw=$(tree_src "$T/w" $tree 'virtio_ccw\.c')
unrelated='static int lp_unrelated_helper(int n)\n{\n\treturn n * 2 + 1;\n}\n'

# every file of the tree and every header: three blank lines on top
for f in $(sed -n 's/^src:[[:space:]]*//p' "$T/w/corpus/trees/$tree.tree") $(cd "$T/w/corpus" && find drivers include -name '*.h'); do
	sed -i '1{h;s/.*//;p;p;p;x}' "$T/w/corpus/$f"
done
# a new function above the callback and above ccw_io_helper; code added inside both
awk -v fn="$unrelated" '/^static void virtballoon_changed\(/ { printf "%s\n", fn; infn = 1 }
	infn && /unsigned long irqfl;/ { print; print "\n\tif (!vbl)\n\t\treturn;"; infn = 0; next }
	{ print }' "$balloon" >"$balloon.new" && mv "$balloon.new" "$balloon"
awk -v fn="$unrelated" '/^static int ccw_io_helper\(/ { printf "%s\n", fn; infn = 1 }
	infn && /int ret;/ { print; print "\n\tif (!cp)\n\t\treturn -EINVAL;"; infn = 0; next }
	{ print }' "$ccw" >"$ccw.new" && mv "$ccw.new" "$ccw"
grep -q 'return -EINVAL;' "$ccw" && grep -q 'if (!vbl)' "$balloon" || fail "the code-moving edits did not apply"
# re-indented, and renamed
expand -t 8 "$balloon" >"$T/w/corpus/drivers/virtio/lp_moved_balloon.c"
rm "$balloon"
sed -i "s|${balloon#"$T/w/corpus/"}|drivers/virtio/lp_moved_balloon.c|" "$T/w/corpus/trees/$tree.tree"
bash "$COMPDB_SH" $tree "$cc" "$T/w/corpus" || fail "cannot write the compile database"

lp gate --baseline base.sarif --db head.db "$cc"
expect_rc 0 "incremental gate after moving code"
expect_err "extract: [0-9]+ TUs, [0-9]+ parsed, [0-9]+ unchanged, 0 with errors, 0 failed, 1 removed"
expect_summary "0 new, 0 fixed, $n unchanged, 0 suppressed, 0 stale"
pass "moved code keeps all $n fingerprints (incremental)"

lp gate --baseline base.db --db fresh.db "$cc"
expect_rc 0 "gate from scratch after moving code"
expect_summary "0 new, 0 fixed, $n unchanged, 0 suppressed, 0 stale"
pass "moved code keeps all $n fingerprints (from scratch)"

moved=$T/w/corpus/drivers/virtio/lp_moved_balloon.c
sed -i 's/\<virtballoon_changed\>/virtballoon_config_changed/g' "$moved"
lp gate --baseline base.sarif --db head.db "$cc"
expect_rc 1 "gate after renaming a function on the path"
k=$(grep -c 'note: new since the baseline' out || true)
[ "$k" -ge 1 ] || fail "renaming virtballoon_changed should change fingerprints"
expect_summary "$k new, $k fixed, $((n - k)) unchanged"
expect_out 'note: \[[0-9]+\] virtballoon_config_changed'
pass "renaming a function on the path changes its $k fingerprint(s)"
