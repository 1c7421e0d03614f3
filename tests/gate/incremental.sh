#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# incremental.sh - a second run on the same database re-parses only the
# translation units whose arguments or included files changed (all of them
# when the rules did), then links
# and checks the whole program again, and finds exactly what a run from
# scratch finds.  Prints the time of the full run and of the incremental
# re-gate with one TU changed.
. "$(dirname "$0")/lib.sh"

tree=balloon-ccw-2019
copy_tree $tree "$T/w"
cc=$T/w/cc
total=$(grep -c '^src:' "$T/w/corpus/trees/$tree.tree")
now() { date +%s.%N; }

t0=$(now)
lp run "$cc" --db full.db --sarif full.sarif
t1=$(now)
expect_rc 1 "full run"
expect_err "extract: $total TUs, $total parsed, 0 unchanged"

cp full.db incr.db
lp run "$cc" --db incr.db
expect_err "extract: $total TUs, 0 parsed, $total unchanged"
pass "an unchanged tree re-parses nothing"

# one .c file changes: one TU parsed, same findings as from scratch
virtio=$(tree_src "$T/w" $tree 'virtio/virtio\.c')
printf '\nstatic int lp_unrelated_helper(int n)\n{\n\treturn n + 1;\n}\n' >>"$virtio"
t2=$(now)
lp gate --baseline full.sarif --db incr.db "$cc"
t3=$(now)
expect_rc 0 "incremental re-gate"
expect_err "extract: $total TUs, 1 parsed, $((total - 1)) unchanged"
n=$(sarif_count full.sarif)
expect_summary "0 new, 0 fixed, $n unchanged"
lp run "$cc" --db fresh.db
lp report --db fresh.db
mv out fresh.txt
lp report --db incr.db
diff -u fresh.txt out >&2 || fail "the incremental database reports differently from a fresh one"
pass "one changed .c file re-parses one TU and reports what a fresh run reports"

# a header: the TUs that include it, and no other
hdr=$T/w/corpus/include/linux/virtio_config.h
printf '\n/* touched */\n' >>"$hdr"
lp run "$cc" --db incr.db
expect_err "extract: $total TUs, [1-9][0-9]* parsed"
parsed=$(sed -n 's/.*extract: [0-9]* TUs, \([0-9]*\) parsed.*/\1/p' err)
users=0
flags=$(sed -n 's/^flags:[[:space:]]*//p' "$T/w/corpus/trees/$tree.tree" | tr '\n' ' ')
for s in $(sed -n 's/^src:[[:space:]]*//p' "$T/w/corpus/trees/$tree.tree"); do
	# shellcheck disable=SC2086
	clang-19 -nostdinc -isystem "$T/w/corpus/include" -std=gnu11 -D__KERNEL__ $flags -M "$T/w/corpus/$s" 2>/dev/null |
		grep -q 'include/linux/virtio_config.h' && users=$((users + 1))
done
[ "$parsed" = "$users" ] || fail "a changed header re-parsed $parsed TUs, but $users include it"
lp run "$cc" --db incr.db
expect_err "extract: $total TUs, 0 parsed"
pass "a changed header re-parses the $users TUs that include it"

# a changed command line: that TU only
sed -i "0,/\"-D__KERNEL__\"/s//\"-D__KERNEL__\", \"-DLP_GATE_TEST=1\"/" "$cc/compile_commands.json"
lp run "$cc" --db incr.db
expect_err "extract: $total TUs, 1 parsed, $((total - 1)) unchanged"
pass "a changed command line re-parses that TU only"

# changed rules that extract reads: every TU again (what is held where
# depends on them), then nothing; the findings are a fresh run's under those
# rules (a comment or a check-only line parses nothing: cli/rules-change)
cp -r "$(dirname "$CORPUS")/rules" "$T/rules"
printf '\nsleep lp_gate_test_sleeper "a maintainer'"'"'s rule"\n' >>"$T/rules/sleep.rules"
lp run "$cc" --db incr.db --rules "$T/rules"
expect_err "extract: $total TUs, $total parsed, 0 unchanged"
lp run "$cc" --db incr.db --rules "$T/rules"
expect_err "extract: $total TUs, 0 parsed, $total unchanged"
lp run "$cc" --db incr.db
expect_err "extract: $total TUs, $total parsed, 0 unchanged"
pass "changed rules re-parse every TU once"

awk -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" -v n="$total" 'BEGIN {
	printf "timing: full run %.2f s (%d TUs); incremental re-gate %.2f s (1 TU changed)\n", b - a, n, d - c }'
