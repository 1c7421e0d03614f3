#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# bad-code.sh - code lockpath cannot fully analyse still gets a run that
# ends (ctest's TIMEOUT is the guard against a hang: no wall-clock bound
# here, which a loaded machine breaks), in bounded memory, with every
# finding it can make and a notice where
# it could not: a TU with parse errors (recorded with its diagnostics), a TU
# that crashes libclang (parentheses nested 200000 deep), an expression
# nested deeper than the walker's bound, a very long function, a call-graph
# cycle, a function pointer with 3000 candidates, the check's state
# bound, and two files whose paths end alike (their statics' keys merge:
# a warning says so).  Text, SARIF and HTML each say which TUs were
# incomplete and where a bound was hit.  The inputs are generated here.
#
#   bash bad-code.sh LOCKPATH LSAN_SUPPRESSIONS
. "$(dirname "$0")/lib.sh"
# A parse that crashes libclang leaks what clang had allocated (its crash
# recovery cannot unwind): those leaks, and only libclang's, are suppressed.
export LSAN_OPTIONS="suppressions=$ARG2:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

cat >ok.c <<'C'
#include "lp_test.h"
void do_io_irq(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_lock(&dev->lock);   /* found although other TUs are broken */
	spin_unlock(&dev->lock);
	spin_unlock(&dev->lock);
}
C
cat >broken.c <<'C'
#include "lp_test.h"
void broken_ok(struct device *dev)
{
	spin_lock(&dev->lock);
	dev->state = 1;
	spin_unlock(&dev->lock);
}
void broken(struct device *dev)
{
	this is not C;
	spin_lock(&dev->lock)
}
C
# 200000 nested parentheses: clang-19 overflows its stack on them.
awk 'BEGIN { n = 200000; printf "#include \"lp_test.h\"\nint parens(struct device *dev) { return ";
	for (i = 0; i < n; i++) printf "("; printf "dev->state"; for (i = 0; i < n; i++) printf ")"; print "; }" }' >parens.c
# a 5000-term sum: an expression tree 5000 deep, over the walker's bound (1000)
awk 'BEGIN { printf "#include \"lp_test.h\"\nint deep(struct device *dev)\n{\n\tint x = dev->state";
	for (i = 0; i < 5000; i++) printf " + dev->state"; print ";\n\treturn x;\n}" }' >deep.c
# one function of 60000 statements
awk 'BEGIN { print "#include \"lp_test.h\"\nvoid longfn(struct device *dev)\n{";
	for (i = 0; i < 20000; i++) print "\tspin_lock(&dev->lock);\n\tdev->state++;\n\tspin_unlock(&dev->lock);"; print "}" }' >long.c
# 200 functions calling each other in cycles, one of them taking the lock the
# entry point holds: the recursive-lock is found through the cycle.
awk 'BEGIN { n = 200; print "#include \"lp_test.h\"";
	for (i = 0; i < n; i++) printf "void cyc%d(struct device *dev);\n", i;
	for (i = 0; i < n; i++) {
		printf "void cyc%d(struct device *dev)\n{\n", i;
		if (i == 150) print "\tspin_lock(&dev->lock);\n\tspin_unlock(&dev->lock);";
		printf "\tif (dev->state)\n\t\tcyc%d(dev);\n\telse\n\t\tcyc%d(dev);\n}\n", (i + 1) % n, (i * 7 + 3) % n }
	print "void cycle_irq(struct device *dev)\n{\n\tspin_lock(&dev->lock);\n\tcyc0(dev);\n\tdev->ops->handler(dev);\n\tspin_unlock(&dev->lock);\n}" }' >cycle.c
# 3000 functions stored into device_ops.handler: over link's bound (512)
awk 'BEGIN { print "#include \"lp_test.h\"";
	for (i = 0; i < 3000; i++) printf "static void h%d(struct device *dev) { dev->state = %d; }\nconst struct device_ops ops%d = { .handler = h%d };\n", i, i, i, i }' >many.c
CFLAGS_EXTRA=-fbracket-depth=300000 compdb cc ok.c broken.c parens.c deep.c long.c cycle.c many.c
# cycle_irq is a second hardirq entry point
cp -r "$INPUTS/../../../rules" rules
echo 'entry cycle_irq hardirq' >>rules/contexts.rules

# bounded memory (peak RSS from /usr/bin/time when installed; ASan
# inflates it, so the bound is generous)
timer=()
[ ! -x /usr/bin/time ] || timer=(/usr/bin/time -f %M -o "$T/rss")
start=$SECONDS
rc=0
"${timer[@]}" "$LOCKPATH" run cc --db t.db --rules rules --sarif t.sarif --html html -j2 >"$T/out" 2>"$T/err" || rc=$?
secs=$((SECONDS - start))
expect_rc 1 "run on the bad code"
! grep -q Sanitizer "$T/err" || fail "sanitizer report"
rss=$(tail -1 "$T/rss" 2>/dev/null || echo 0)
[ "$rss" -lt 3000000 ] || fail "the run used $((rss / 1024)) MB"
pass "the run ends with findings in $secs s, $((rss / 1024)) MB"

# a TU with parse errors: recorded with its diagnostics, the rest still analysed
expect_err "^lockpath: broken.c: 2 parse errors, first: use of undeclared identifier 'this'"
expect_err "^lockpath: extract: 7 TUs, 7 parsed, 0 unchanged, 1 with errors, 1 failed"
[ "$(sql t.db "SELECT t.status, t.n_errors FROM tu t JOIN file f ON f.id = t.file_id WHERE f.path LIKE '%/broken.c'")" = "1|2" ] ||
	fail "broken.c is not recorded with status 1 and 2 errors"
[ "$(sql t.db "SELECT count(*) FROM tu_diag d JOIN tu t ON t.id = d.tu_id JOIN file f ON f.id = t.file_id WHERE f.path LIKE '%/broken.c' AND d.severity >= 3")" = 2 ] ||
	fail "broken.c's diagnostics are not recorded"
[ "$(sql t.db "SELECT count(*) FROM func WHERE name = 'broken_ok'")" = 1 ] || fail "broken.c's good function is not in the facts"
expect_out "^ok.c:5:[0-9]+: warning: device.lock acquired in do_io_irq is already held .*\[recursive-lock\]"
pass "a TU with parse errors is recorded with its diagnostics; analysis continues"

# libclang crashing on one TU costs that TU
expect_err "^lockpath: parens.c: not parsed: libclang crashed while parsing it"
[ "$(sql t.db "SELECT t.status FROM tu t JOIN file f ON f.id = t.file_id WHERE f.path LIKE '%/parens.c'")" = 2 ] ||
	fail "parens.c is not recorded as failed"
pass "a TU that crashes libclang is recorded as failed; the run goes on"

# every output says which TUs were incomplete
expect_out "^broken.c:1:1: warning: this translation unit has 2 parse errors \(first: .*broken.c:10:2: use of undeclared identifier 'this'\); its facts are incomplete.*\[incomplete-tu\]"
expect_out "^parens.c:1:1: warning: this translation unit could not be parsed \(libclang crashed while parsing it\).*\[incomplete-tu\]"
expect_err "^lockpath: [0-9]+ findings?.* in 7 translation units \(2 incomplete, 1 not parsed at all\)"
for f in broken.c parens.c; do
	grep -A12 '"id": "incomplete-tu"' t.sarif | grep -q "\"uri\": \"$f\"" ||
		fail "t.sarif: no incomplete-tu notification for $f"
done
grep -q '"executionSuccessful": true' t.sarif || fail "t.sarif: no executionSuccessful"
grep -q '2 with parse errors' html/index.html || fail "html/index.html does not count the incomplete TUs"
grep -q 'broken.c.*parsed with errors' html/index.html || fail "html/index.html does not list broken.c as parsed with errors"
grep -q 'parens.c.*not parsed' html/index.html || fail "html/index.html does not list parens.c as not parsed"
pass "text, SARIF and HTML say which TUs were incomplete"

# bounds: each a 'limit' notice at the place it was hit, in every output
expect_out "^deep.c:4:[0-9]+: warning: in deep, statements or expressions are nested deeper than 1000 levels; the code below this point was not analysed \[limit\]"
expect_out "^cycle.c:[0-9]+:[0-9]+: warning: calls through 'device_ops.handler' can reach at least 3000 functions; only the first 512 were followed.*\[limit\]"
expect_err "1 call keys reach more than 512 functions"
[ "$(grep -c '"id": "limit"' t.sarif)" = 2 ] || fail "t.sarif: expected 2 limit notifications"
grep -q "nested deeper than 1000 levels" html/index.html || fail "html/index.html: no nesting limit notice"
grep -q "can reach at least 3000 functions" html/index.html || fail "html/index.html: no call-key limit notice"
pass "the nesting and call-target bounds are reported where they were hit"

# the long function and the cycle are analysed whole
[ "$(sql t.db "SELECT count(*) FROM site s JOIN func f ON f.id = s.func_id WHERE f.name = 'longfn' AND s.kind IN (2, 3)")" = 40000 ] ||
	fail "longfn: expected 40000 lock operations in the facts"
expect_out "^cycle.c:[0-9]+:[0-9]+: warning: device.lock acquired in cyc150 is already held .*\[recursive-lock\]"
pass "a 60000-statement function and a 200-function call cycle are analysed"

# the check's state bound
LOCKPATH_MAX_STATES=50 "$LOCKPATH" check --db t.db --rules rules >"$T/out" 2>"$T/err" && rc=0 || rc=$?
expect_rc 1 "check with 50 states at most (a finding is still made)"
expect_err "the search stopped at 50 states; findings may be missing"
lp report --db t.db --sarif s2.sarif
expect_out "^lockpath: warning: the check stopped after 50 states .*findings may be missing \[limit\]"
grep -q 'the check stopped after 50 states' s2.sarif || fail "s2.sarif: no state-bound notification"
pass "the check's state bound is reported"

# the next extract tries the crashed TU again, not the one with parse errors
lp extract cc --db t.db --rules rules
expect_rc 0 "extract again"
expect_err "^lockpath: extract: 7 TUs, 1 parsed, 6 unchanged, 0 with errors, 1 failed"
pass "the next run parses the crashed TU again, and only it"

# a command libclang cannot use at all (two sources: two jobs) costs its TU,
# not the run: recorded as not parsed with the reason, and counted
cp ok.c two.c
compdb cc2 ok.c two.c
sed -i 's|"two.c", "-o"|"two.c", "ok.c", "-o"|' cc2/compile_commands.json
grep -q '"two.c", "ok.c"' cc2/compile_commands.json || fail "cc2: no two-source command"
lp run cc2 --db two.db --rules rules --sarif two.sarif
expect_rc 1 "run with one unusable command"
expect_err "^lockpath: two.c: not parsed: libclang cannot parse anything with this command line"
expect_err "^lockpath: extract: 2 TUs, 2 parsed, 0 unchanged, 0 with errors, 1 failed"
expect_err "^lockpath: 1 finding.* in 2 translation units \(1 incomplete, 1 not parsed at all\)"
expect_out "^ok.c:5:[0-9]+: warning: device.lock acquired in do_io_irq is already held .*\[recursive-lock\]"
expect_out "^two.c:1:1: warning: this translation unit could not be parsed \(libclang cannot parse anything with this command line.*\[incomplete-tu\]"
[ "$(sql two.db "SELECT t.status || '|' || d.message FROM tu t JOIN file f ON f.id = t.file_id JOIN tu_diag d ON d.tu_id = t.id WHERE f.path LIKE '%/two.c'")" = \
  "2|libclang cannot parse anything with this command line (run it with clang -fsyntax-only to see why)" ] ||
	fail "two.c is not recorded as not parsed, with the reason"
grep -A12 '"id": "incomplete-tu"' two.sarif | grep -q '"uri": "two.c"' || fail "two.sarif: no incomplete-tu notification for two.c"
pass "a TU whose command libclang cannot use is recorded as not parsed; the run goes on"

# 70 loops nested in one function, over the walker's bound on loops and
# switches (64): a limit notice where it was hit, and the code after the
# nest is still analysed (the lock taken again there is found)
awk 'BEGIN { print "#include \"lp_test.h\"\nvoid do_io_irq(struct device *dev)\n{\n\tspin_lock(&dev->lock);";
	printf "\t"; for (i = 0; i < 70; i++) printf "while (dev->state) "; print "dev->state++;";
	print "\tspin_lock(&dev->lock);\n\tspin_unlock(&dev->lock);\n\tspin_unlock(&dev->lock);\n}" }' >nest.c
compdb cc3 nest.c
lp run cc3 --db nest.db --rules rules
expect_rc 1 "run on 70 nested loops"
expect_out "^nest.c:5:[0-9]+: warning: in do_io_irq, loops and switches are nested deeper than 64 levels; the code below this point was not analysed \[limit\]"
expect_out "^nest.c:6:[0-9]+: warning: device.lock acquired in do_io_irq is already held .*\[recursive-lock\]"
pass "loops nested past the walker's bound: a limit notice, the code after them analysed"

# 20 distinct locks held at once in one function, over the walker's bound
# on the locks it tracks per function (16): one limit notice at the
# function, never a silent drop; the recursive-lock on a tracked lock is
# still found
awk 'BEGIN { print "#include \"lp_test.h\"";
	for (i = 0; i < 20; i++) printf "spinlock_t l%d;\n", i;
	print "void do_io_irq(struct device *dev)\n{\n\tspin_lock(&dev->lock);";
	for (i = 0; i < 20; i++) printf "\tspin_lock(&l%d);\n", i;
	print "\tspin_lock(&dev->lock);";
	for (i = 19; i >= 0; i--) printf "\tspin_unlock(&l%d);\n", i;
	print "\tspin_unlock(&dev->lock);\n\tspin_unlock(&dev->lock);\n}" }' >many_locks.c
compdb cc4 many_locks.c
lp run cc4 --db many_locks.db --rules rules --sarif many_locks.sarif
expect_rc 1 "run on 20 locks held at once"
expect_out "^many_locks.c:22:[0-9]+: warning: in do_io_irq, more than 16 distinct locks are taken or released; the others were not tracked, so findings on them may be missing \[limit\]"
expect_out "^many_locks.c:45:[0-9]+: warning: device.lock acquired in do_io_irq is already held .*\[recursive-lock\]"
# (and the check's own bound on held locks, 8, is the second limit)
expect_out "^lockpath: warning: paths held more than 8 locks at once .*\[limit\]"
[ "$(grep -c '"id": "limit"' many_locks.sarif)" = 2 ] || fail "many_locks.sarif: expected 2 limit notifications"
pass "locks past the walker's per-function bound: one limit notice, not a silent drop"

# two files whose paths end alike (the last three components name a static's
# file in keys, lib/keyname.h), each with a static function of one name:
# their keys merge, and link says so rather than merge them in silence
for top in one two; do
	mkdir -p "$top/drivers/char/kbd"
	cat >"$top/drivers/char/kbd/keys.c" <<C
#include "lp_test.h"
static void kbd_helper(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_unlock(&dev->lock);
}
void kbd_$top(struct device *dev)
{
	kbd_helper(dev);
}
C
done
compdb cc5 one/drivers/char/kbd/keys.c two/drivers/char/kbd/keys.c
lp run cc5 --db shared.db --rules rules
expect_rc 0 "run on two files whose paths end alike"
expect_err "^lockpath: warning: 1 static function names are shared by two files whose paths end alike, and so are their keys \(the first: char/kbd/keys.c:kbd_helper \(.*/one/drivers/char/kbd/keys.c, .*/two/drivers/char/kbd/keys.c\)\)"
pass "static functions of one name in two files whose paths end alike: a warning, not a silent merge"
