#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# lock-cycles.sh - lock-order's cycle search on a graph made to test it,
# each dependency on its own path (a function nobody calls):
#  - a four-class cycle a -> b -> c -> d -> a with a chord b -> d found
#    last: one finding, the shortest cycle through the chord,
#    b -> d -> a -> b, at the chord's acquisition;
#  - a separate three-class cycle g -> h -> i -> g: its own finding;
#  - an ABBA e <-> f: the two-path finding, and no longer cycle through it;
#    its other path's notes say how that path starts and the lock it takes;
#  - the cycle findings have a path per dependency in the database and a
#    code flow per dependency in SARIF; a fingerprint does not depend on
#    the order the functions are written in.
#
#   bash lock-cycles.sh LOCKPATH
. "$(dirname "$0")/lib.sh"

# edge FUNC HELD TAKEN
edge() { printf 'void %s(struct s *s) { spin_lock(&s->%s); spin_lock(&s->%s); spin_unlock(&s->%s); spin_unlock(&s->%s); }\n' "$@" "$3" "$2"; }
write_tree() {   # DIR, then the edges in the order to write them
	local d=$1
	shift
	mkdir -p "$d"
	{
		echo '#include "lp_test.h"'
		echo 'struct s { spinlock_t a, b, c, d, e, f, g, h, i; };'
		for e in "$@"; do edge $e; done
	} >"$d/x.c"
	printf '[{"directory":"%s","file":"%s/x.c","arguments":["clang","-c","-I%s","x.c"]}]\n' "$d" "$d" "$INPUTS" \
		>"$d/compile_commands.json"
}
edges=("p1 a b" "p2 b c" "p3 c d" "p4 d a" "p5 e f" "p6 f e" "p7 g h" "p8 h i" "p9 i g" "pa b d")
write_tree "$T/fwd" "${edges[@]}"

lp run "$T/fwd" --db "$T/fwd.db" --sarif "$T/fwd.sarif"
expect_rc 1 "run"
[ "$(grep -c 'warning: .*\[lock-order\]' "$T/out")" = 3 ] || fail "expected three lock-order findings"
expect_out 'x.c:12:[0-9]+: warning: s.d is acquired while s.b is held, closing the dependency cycle s.b -> s.d -> s.a -> s.b,'
expect_out 'warning: s.g is acquired while s.i is held, closing the dependency cycle s.i -> s.g -> s.h -> s.i,'
expect_out 'warning: s.e is acquired while s.f is held, and on another path .*possible ABBA deadlock'
expect_out 'note: the path of the dependency s.d -> s.a:'
# the ABBA's other path says how it starts and which lock it takes, as the first does
expect_out 'note: \[0\] p5 \(not called in the tree: process context\) acquires s\.f$'
expect_out 'note: possible unsafe locking scenario \(A = s.b, B = s.d, C = s.a\):'
pass "one finding per cycle: the shortest through the dependency found last, the ABBA on its own"

paths=$(sql "$T/fwd.db" "SELECT group_concat(n, ' ') FROM (SELECT count(DISTINCT h.path) n FROM finding f
	JOIN finding_hop h ON h.finding_id = f.id GROUP BY f.id ORDER BY n)")
[ "$paths" = "2 3 3" ] || fail "paths per finding: '$paths', expected '2 3 3'"
flows=$(jq -r '[.runs[0].results[] | .codeFlows | length] | sort | map(tostring) | join(" ")' "$T/fwd.sarif")
[ "$flows" = "2 3 3" ] || fail "SARIF code flows per result: '$flows', expected '2 3 3'"
pass "a path per dependency in the database and in SARIF"

# the same graph written in another order: the cycles close elsewhere, but
# a cycle is the same finding (same classes, same paths): same fingerprints
# for the ABBA and the g-h-i cycle; the a-d component has its chord last again
rev=()
for ((k = ${#edges[@]} - 2; k >= 0; k--)); do rev+=("${edges[k]}"); done
rev+=("pa b d")
write_tree "$T/rev" "${rev[@]}"
lp run "$T/rev" --db "$T/rev.db" --sarif "$T/rev.sarif"
expect_rc 1 "run (reordered)"
[ "$(sarif_fps "$T/fwd.sarif")" = "$(sarif_fps "$T/rev.sarif")" ] || fail "fingerprints changed with the order of the functions"
pass "fingerprints do not depend on the order the search met the dependencies"
