#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# runner-selftest.sh - proves that run-tree.sh can fail.  It builds a tiny
# corpus in a temporary directory and a fake lockpath (a shell script that
# checks how it was called and prints canned output with a canned exit
# code), then runs run-tree.sh on cases that must pass and cases that must
# fail: a missing finding, an extra one, a wrong rule, a wrong text, exit
# codes that contradict the output, expect@+N / expect@-N, per-tree
# filters, expectations in included headers, bad expectations and trees.
#
#   runner-selftest.sh [RUN_TREE_SH]      exit 0 when every case behaves
set -u

here=$(cd "$(dirname "$0")" && pwd)
runner=${1:-$here/run-tree.sh}
[ -f "$runner" ] || { echo "runner-selftest: no $runner" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lp-runner-selftest.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
tmp=$(realpath -e "$tmp")
corpus=$tmp/corpus
work=$tmp/work
fake=$tmp/bin/lockpath
mkdir -p "$corpus/include/sys" "$corpus/src" "$corpus/trees" "$tmp/bin"

# ---------------------------------------------------------------- the fake lockpath
cat >"$fake" <<'EOF'
#!/bin/sh
# Fake lockpath: checks its command line and the compile database, prints
# the canned output in ./out (beside this script), exits with ./rc.
d=$(dirname "$0")
printf '%s\n' "$@" >"$d/args"
pwd >"$d/cwd"
[ "$#" -eq 4 ] && [ "$1" = run ] && [ "$3" = --db ] || { echo "fake: bad command line: $*" >&2; exit 2; }
[ -f "$2/compile_commands.json" ] || { echo "fake: no $2/compile_commands.json" >&2; exit 2; }
[ ! -e "$4" ] || { echo "fake: stale database $4 was not removed" >&2; exit 2; }
echo "fake: ran" >&2
cat "$d/out"
exit "$(cat "$d/rc")"
EOF
chmod +x "$fake"

# ---------------------------------------------------------------- the tiny corpus
# Line numbers matter: the canned outputs below refer to them.
cat >"$corpus/include/lk.h" <<'EOF'
/* lk.h - a header every tree includes */
void lk(void);
static inline void lk_irq(void) { lk(); } /* expect(alpha): sleep-in-atomic in header */
#include <sys/deep.h>
EOF
cat >"$corpus/include/sys/deep.h" <<'EOF'
/* deep.h - included from a header: its expectations count too */
void deep(void); /* expect(alpha): lock-order deep */
EOF
cat >"$corpus/include/unused.h" <<'EOF'
/* unused.h - included by no tree: this expectation must be ignored */
void unused(void); /* expect: recursive-lock never */
EOF
cat >"$corpus/src/local.h" <<'EOF'
/* local.h - a quoted include from the source's own directory */
void local(void); /* expect(alpha,beta): sleep-in-atomic local */
EOF
cat >"$corpus/src/a.c" <<'EOF'
#include <lk.h>
#include "local.h"
void g(void), h(void);
void f(void)
{
	g(); /* expect: recursive-lock lock_a */
	/* expect@+1: lock-order A -> B */
	h();
	h(); /* expect(beta): irq-inversion */
	/* expect@-4(beta): recursive-lock beta-only */
	/* plain comment, expected to be ignored */
}
EOF
cat >"$corpus/src/b.c" <<'EOF'
#include <lk.h>
void b(void) { }
EOF
cat >"$corpus/src/m.c" <<'EOF'
#include <lk.h>
void m(void); /* expect(theta): recursive-lock ab */ /* expect(theta): recursive-lock c */
EOF
cat >"$corpus/src/bad.c" <<'EOF'
void bad(void); /* expect recursive-lock no colon */
EOF
cat >"$corpus/src/badtree.c" <<'EOF'
void badtree(void); /* expect(alhpa): recursive-lock typo in tree name */
EOF
cat >"$corpus/src/nofind.c" <<'EOF'
void nofind(void); /* expect: recursive-lock but the tree says none */
EOF
printf '# alpha: a.c with headers\nsrc: src/a.c\n' >"$corpus/trees/alpha.tree"
printf '# beta: same source, flags, other filters\nsrc: src/a.c\nflags: -DBETA -Iinclude/sys\n' >"$corpus/trees/beta.tree"
printf '# gamma: nothing to find\n# expect-no-findings\nsrc: src/b.c\n' >"$corpus/trees/gamma.tree"
printf '# theta: two expectations on one line and rule\nsrc: src/m.c\n' >"$corpus/trees/theta.tree"
printf '# delta: a malformed expectation\nsrc: src/bad.c\n' >"$corpus/trees/delta.tree"
printf '# epsilon: a filter naming no tree\nsrc: src/badtree.c\n' >"$corpus/trees/epsilon.tree"
printf '# zeta: no expectations and no directive\nsrc: src/b.c\n' >"$corpus/trees/zeta.tree"
printf '# eta: expect-no-findings but an expectation applies\n# expect-no-findings\nsrc: src/nofind.c\n' \
	>"$corpus/trees/eta.tree"
printf '# iota: a bad tree file\nsource: src/b.c\n' >"$corpus/trees/iota.tree"

# Canned warning lines, exactly what alpha expects (paths in several spellings).
W_A6='src/a.c:6:2: warning: lock_a acquired in f is already held (process context) [recursive-lock]'
W_A8='/CORPUS/src/a.c:8:2: warning: possible circular locking: A -> B -> A [lock-order]'
W_LK='./include/../include/lk.h:3:35: warning: sleeping function called in header code [sleep-in-atomic]'
W_DEEP='include/sys/deep.h:2:1: warning: deep cycle [lock-order]'
W_LOCAL='src/local.h:2:1: warning: local sleeps [sleep-in-atomic]'
W_A9='src/a.c:9:2: warning: inconsistent irq state [irq-inversion]'
W_A6B='src/a.c:6:2: warning: beta-only acquired in f [recursive-lock]'
NOTE='src/a.c:4:1: note: entry f (process context)'
alpha_ok="$W_A6
$NOTE
$W_A8
$W_LK
$W_DEEP
$W_LOCAL
1 finding(s) - summary lines that are not diagnostics are ignored"

# ---------------------------------------------------------------- the harness
npass=0 nfail=0
# case NAME WANT_RC TREE RC OUTPUT [GREP_PATTERN...]: run the runner with the
# fake printing OUTPUT and exiting RC; want the runner to exit WANT_RC and
# its output to contain every GREP_PATTERN (fixed strings).
case_() {
	local name=$1 want=$2 tree=$3 rc=$4 output=$5 got pat ok=1
	shift 5
	printf '%s\n' "${output//\/CORPUS/$corpus}" >"$tmp/bin/out"
	[ -n "$output" ] || : >"$tmp/bin/out"
	echo "$rc" >"$tmp/bin/rc"
	# a stale database from an earlier run must be removed by the runner
	mkdir -p "$work/$tree" && echo stale >"$work/$tree/lockpath.db"
	bash "$runner" "$fake" "$corpus" "$tree" "$work" >"$tmp/log" 2>&1
	got=$?
	[ "$got" -eq "$want" ] || ok=0
	for pat in "$@"; do
		grep -qF -- "$pat" "$tmp/log" || { ok=0; echo "  (no '$pat' in the output)"; }
	done
	if [ $ok -eq 1 ]; then
		npass=$((npass + 1))
		echo "ok   - $name"
	else
		nfail=$((nfail + 1))
		echo "FAIL - $name: runner exited $got, wanted $want; its output:"
		sed 's/^/    | /' "$tmp/log"
	fi
}

# ---- must pass
case_ "exact match passes" 0 alpha 1 "$alpha_ok" "corpus/alpha: PASS (5 expected, 5 reported)"
case_ "order of warnings does not matter" 0 alpha 1 "$W_LOCAL
$W_DEEP
$W_LK
$W_A8
$NOTE
$W_A6"
case_ "expect-no-findings tree passes with exit 0 and no output" 0 gamma 0 "" "corpus/gamma: PASS (0 expected, 0 reported)"
case_ "two expectations on one key are matched as a multiset (by TEXT)" 0 theta 1 \
"src/m.c:2:1: warning: ab and c [recursive-lock]
src/m.c:2:1: warning: ab and d [recursive-lock]"
case_ "per-tree filters: beta's own expectations" 0 beta 1 "$W_A6
$W_A6B
$W_A8
$W_A9
$W_LOCAL"

# ---- must fail
case_ "a missing finding fails" 1 alpha 1 "$W_A6
$W_LK
$W_DEEP
$W_LOCAL" "src/a.c:8: missing lock-order \"A -> B\" (expectation at line 7)" "1 missing, 0 unexpected"
case_ "an extra finding (same key, twice) fails" 1 alpha 1 "$alpha_ok
$W_A6" "src/a.c:6: unexpected recursive-lock: lock_a acquired" "0 missing, 1 unexpected"
case_ "an extra finding (elsewhere) fails" 1 alpha 1 "$alpha_ok
src/b.c:2:16: warning: surprise [recursive-lock]" "src/b.c:2: unexpected recursive-lock: surprise"
case_ "a finding outside the corpus is unexpected" 1 alpha 1 "$alpha_ok
/usr/include/stdio.h:1:1: warning: far away [lock-order]" "/usr/include/stdio.h:1: unexpected lock-order"
case_ "the wrong rule fails" 1 alpha 1 "${alpha_ok/\[recursive-lock\]/[lock-order]}" \
	"src/a.c:6: missing recursive-lock \"lock_a\"" "src/a.c:6: unexpected lock-order"
case_ "a message without the expected TEXT fails" 1 alpha 1 "${alpha_ok/lock_a acquired/lock_b acquired}" \
	"src/a.c:6: missing recursive-lock \"lock_a\""
case_ "exit 0 with warnings fails" 1 alpha 0 "$alpha_ok" "exited with 0 (no findings) but printed 5 warning"
case_ "exit 1 without warnings fails" 1 gamma 1 "" "exited with 1 (findings) but printed no warning"
case_ "exit 2 (error) fails and shows stderr" 1 alpha 2 "$alpha_ok" "lockpath exited with 2" "fake: ran"
case_ "a crash fails" 1 gamma 139 "" "lockpath exited with 139"
case_ "a warning without [rule] fails" 1 gamma 1 "src/b.c:2:1: warning: no rule tag" "malformed diagnostic"
case_ "an error diagnostic on stdout fails" 1 gamma 0 "src/b.c:2:1: error: cannot parse" "malformed diagnostic"
case_ "a warning without a column is still a warning" 1 gamma 1 "src/b.c:2: warning: x: missing y [lock-order]" \
	"src/b.c:2: unexpected lock-order: x: missing y" "0 missing, 1 unexpected"
case_ "tool messages without a location are not diagnostics" 0 gamma 0 "lockpath: warning: cache is cold"
case_ "expect@+1: a warning on the comment's own line fails" 1 alpha 1 \
	"${alpha_ok/\/CORPUS\/src\/a.c:8:2/src/a.c:7:2}" "src/a.c:8: missing lock-order" "src/a.c:7: unexpected lock-order"
case_ "expect@-4 (beta): the beta-only finding is required in beta" 1 beta 1 "$W_A6
$W_A8
$W_A9
$W_LOCAL" "src/a.c:6: missing recursive-lock \"beta-only\" (expectation at line 10)"
case_ "per-tree filter: beta's expectation does not apply to alpha" 1 alpha 1 "$alpha_ok
$W_A9" "src/a.c:9: unexpected irq-inversion"
case_ "per-tree filter: alpha's header expectations do not apply to beta" 1 beta 1 "$W_A6
$W_A6B
$W_A8
$W_A9
$W_LOCAL
$W_LK" "include/lk.h:3: unexpected sleep-in-atomic"
case_ "an expectation in an included header is required" 1 alpha 1 "$W_A6
$W_A8
$W_DEEP
$W_LOCAL" "include/lk.h:3: missing sleep-in-atomic \"in header\""
case_ "an expectation two includes deep is required" 1 alpha 1 "$W_A6
$W_A8
$W_LK
$W_LOCAL" "include/sys/deep.h:2: missing lock-order \"deep\""
case_ "expect-no-findings: any warning fails" 1 gamma 1 "src/b.c:2:1: warning: x [recursive-lock]" \
	"src/b.c:2: unexpected recursive-lock"

# ---- bad input: the runner refuses (exit 2) rather than guess
case_ "a malformed expectation is an error" 2 delta 0 "" "bad expectation"
case_ "a filter naming an unknown tree is an error" 2 epsilon 0 "" "unknown tree 'alhpa'"
case_ "a tree with no expectations must say expect-no-findings" 2 zeta 0 "" "no expectation applies"
case_ "expect-no-findings with expectations is an error" 2 eta 0 "" "says expect-no-findings"
case_ "a bad tree file line is an error" 2 iota 0 "" "iota.tree:2: expected"
case_ "a missing tree is an error" 2 nosuchtree 0 "" "no tree file"

# ---- the compile database and the command line (from the last beta run)
case_ "beta again, to inspect what the runner wrote" 0 beta 1 "$W_A6
$W_A6B
$W_A8
$W_A9
$W_LOCAL"
want_json=$(cat <<EOF
[
  {
    "directory": "$corpus",
    "file": "$corpus/src/a.c",
    "arguments": ["clang-19", "-nostdinc", "-isystem", "$corpus/include", "-std=gnu11", "-D__KERNEL__", "-DKBUILD_MODNAME=\\"a\\"", "-DBETA", "-Iinclude/sys", "-c", "$corpus/src/a.c", "-o", "$corpus/src/a.c.o"]
  }
]
EOF
)
if [ "$(cat "$work/beta/compile_commands.json")" = "$want_json" ]; then
	npass=$((npass + 1)); echo "ok   - compile_commands.json has the documented shape"
else
	nfail=$((nfail + 1)); echo "FAIL - compile_commands.json differs:"
	diff <(echo "$want_json") "$work/beta/compile_commands.json" | sed 's/^/    | /'
fi
want_args=$(printf '%s\n' run "$work/beta" --db "$work/beta/lockpath.db")
if [ "$(cat "$tmp/bin/args")" = "$want_args" ] && [ "$(cat "$tmp/bin/cwd")" = "$corpus" ]; then
	npass=$((npass + 1)); echo "ok   - lockpath is run as 'run DIR --db DB' from the corpus directory"
else
	nfail=$((nfail + 1)); echo "FAIL - lockpath command line: $(tr '\n' ' ' <"$tmp/bin/args") in $(cat "$tmp/bin/cwd")"
fi

echo "runner-selftest: $npass passed, $nfail failed"
[ $nfail -eq 0 ]
