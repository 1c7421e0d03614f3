#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# order.sh - the likeliest and worst finding comes first (report/findings.c,
# rank_finding; docs/rules.md "Which findings come first"), in text, SARIF
# (rank, non-increasing) and the HTML index's default order.
#
# The 2019 balloon on ccw (hardirq: a recursive-lock, two sleeps, two
# lock-order cycles) with the DASD-like kick work of irq-inversion-ccw
# beside it (a process-context irq-inversion in drivers/s390/block/, which
# sorts first by place): the interrupt path's deadlock must lead, every
# hardirq finding before any process-context one.  (And the pages carry
# none of the template's own comments.)
#
#   bash order.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_corpus "$2" "$3"
need_jq

corpus_tree_plus balloon-ccw-2019 "$T/b" drivers/s390/block/dasd_kick.c
lp run "$T/b" --db "$T/b.db" --sarif "$T/b.sarif" --html "$T/html"
expect_rc 1 "run balloon + dasd kick"
warnings=$(grep ': warning: ' "$T/out" | grep -v '\[limit\]')
[ "$(wc -l <<<"$warnings")" = 5 ] || fail "expected the balloon's four findings and the kick work's irq-inversion"
first=${warnings%%$'\n'*}
grep -q 'virtio_ccw.c:.*already held as \*subchannel.lock.*\[recursive-lock\]' <<<"$first" ||
	fail "the first finding is not the interrupt path's recursive-lock: $first"
line=$(grep -n -m1 'dasd_kick.c:.*\[irq-inversion\]' <<<"$warnings" | cut -d: -f1 || true)
[ -n "$line" ] && [ "$line" -gt 1 ] ||
	fail "the work's irq-inversion (process context) is not after the interrupt path's findings"
jq -e '.runs[0].results | (.[0].ruleId == "recursive-lock")
	and ([.[].rank] as $r | [range(1; $r | length)] | all($r[.] <= $r[. - 1]))
	and ([.[].properties.context | {"hardirq": 0, "softirq": 1, "process": 2}[.]] as $c
	     | [range(1; $c | length)] | all($c[.] >= $c[. - 1]))
	and all(.[]; .rank >= 0 and .rank <= 100)' "$T/b.sarif" >/dev/null ||
	fail "SARIF: not in non-increasing rank, contexts not hardirq first, or the first is not the recursive-lock"
# (grep -m1, not head: under pipefail a SIGPIPE'd grep would end the script in silence)
row=$(sed -n '/id="findings-table"/,$p' "$T/html/index.html" | grep -m1 -o '<tr[^>]*><td.*' || true)
grep -q 'recursive-lock' <<<"$row" || fail "the HTML index's first finding row is not the recursive-lock"
grep -q 'bits guessed at indirect calls' "$T"/html/f/*.html 2>/dev/null || grep -rq 'bits guessed at indirect calls' "$T/html" ||
	fail "the finding pages do not show the rank's parts"
pass "the interrupt path's deadlock first, hardirq before process context, in text, SARIF and HTML"

# every page starts as HTML: the template's own '{{! ..}}' comment is not in it
for p in "$T/html/index.html" "$T"/html/findings/*.html; do
	[ "$(head -c 15 "$p")" = "<!DOCTYPE html>" ] || fail "$p does not start with <!DOCTYPE html>"
	! grep -q 'the template of every page' "$p" || fail "$p carries the template's comment"
done
pass "the pages carry no template comment"
