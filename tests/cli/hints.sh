#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# hints.sh - the fix hint of every finding (rules/hints.rules,
# analyzer/report/hints.c), in text ('note: fix:' last), SARIF
# (properties.hint, the example as a related location) and HTML (#fix).
# Each situation once, with and without an example in the tree:
#   - the 2019 balloon with virtio-blk beside it: the interrupt path's
#     recursive-lock and sleep-in-atomic name virtblk_config_changed, the
#     other config_changed callback, which only queues work;
#   - the same balloon alone: no callback of any key on the path only queues
#     work, so the generic "defer" text and no example;
#   - irq-inversion-ccw: the same lock class taken with spin_lock_irq in the
#     same driver is the example;
#   - escapes-ccw: msleep under a spinlock gets mdelay (hint-alternative);
#   - a generated tree: lock-order with a majority order (3 of 4) and a tie
#     (generic), a sleep under a spinlock with no alternative, a sleep with
#     interrupts off, an irq-inversion with no irqsave example, a
#     recursive-lock in process context;
#   - the hints are rules: --rules with a later file replaces a text, a
#     directory without hints gives none, a bad hint stops report with
#     FILE:LINE.
#
#   bash hints.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_corpus "$2" "$3"
RULES=$(realpath "$CORPUS/../rules")
need_jq

# fix_lines: the 'note: fix:' lines of the text output, in order.
fix_lines() { grep -E ': note: fix: ' "$T/out" || true; }
# expect_fix RULE_LINE_REGEX TEXT: the fix note right after the finding's
# notes (before the next warning) of the finding whose warning matches, is TEXT.
expect_fix() {
	local got
	got=$(awk -v re="$1" '/: warning: / { inside = ($0 ~ re) } inside && /: note: fix: / { sub(/.*: note: fix: /, ""); print; exit }' "$T/out")
	[ "$got" = "$2" ] || fail "fix note of /$1/: got '$got', expected '$2'"
}

# ---------------------------------------------------------------- balloon + virtio-blk
# the same commands, plus drivers/block/virtio_blk.c
corpus_tree_plus balloon-ccw-2019 "$T/bb" drivers/block/virtio_blk.c
lp run "$T/bb" --db "$T/bb.db" --sarif "$T/bb.sarif" --html "$T/bb-html"
expect_rc 1 "run balloon + virtio-blk"
[ "$(grep -c ': warning: ' "$T/out")" = 4 ] || fail "virtio-blk beside the balloon changes the findings"
[ "$(fix_lines | wc -l)" = 4 ] || fail "expected one fix note per finding"
# a fix note is the last note of its finding: the next line is a warning or the end
awk '/: note: fix: / { fix = NR } /: warning: / && NR > 1 && fix != NR - 1 { bad = 1 } END { exit bad || fix != NR }' "$T/out" ||
	fail "a fix note is not its finding's last line"
ex='virtblk_config_changed (drivers/block/virtio_blk.c:171), also called through virtio_driver.config_changed, only queues work'
expect_fix 'already held as \*subchannel.lock.*\[recursive-lock\]' \
	"defer the work to a work item: queue it from virtballoon_changed and take *ccw_device.ccwlock in the work function, where *subchannel.lock is not held; $ex"
expect_fix 'mutex_lock may sleep .*\[sleep-in-atomic\]' \
	"defer the work to a work item: queue it from virtballoon_changed and do the sleeping part (mutex_lock) in the work function; $ex"
pass "text: the interrupt path's findings name virtio-blk's config_changed, which only queues work"
grep -q ': note: fix: take virtio_ccw_device.io_lock and \*ccw_device.ccwlock in one order on every path' "$T/out" ||
	fail "lock-order without order counts: the generic hint"
pass "text: lock-order with no majority order in the tree gets the generic hint"

jq -e '[.runs[0].results[] | .properties.hint | strings] | length == 4' "$T/bb.sarif" >/dev/null ||
	fail "SARIF: every result has properties.hint"
jq -e '[.runs[0].results[] | select(.ruleId == "recursive-lock")] | length == 1 and
	(.[0].properties.hint | test("virtblk_config_changed \\(drivers/block/virtio_blk.c:171\\)")) and
	(.[0].relatedLocations | any(.physicalLocation.artifactLocation.uri == "drivers/block/virtio_blk.c" and
		.physicalLocation.region.startLine == 171 and
		(.message.text | test("^virtblk_config_changed, also called through virtio_driver.config_changed, only queues work")))) and
	(.[0] | has("fixes") | not)' "$T/bb.sarif" >/dev/null ||
	fail "SARIF: the recursive-lock's hint and its example as a related location"
jq -e '[.runs[0].results[] | select(.ruleId == "lock-order") | .relatedLocations[] | select(.message.text | test("queues work"))] | length == 0' \
	"$T/bb.sarif" >/dev/null || fail "SARIF: a hint without an example adds no related location"
pass "SARIF: properties.hint on every result, the example as a related location with a message"

page=$(grep -l '<h1><span class="num">#[0-9]*</span> <span class="rule recursive-lock">' "$T"/bb-html/findings/*.html | head -1)
[ -n "$page" ] || fail "HTML: no recursive-lock page"
grep -q '<section id="fix"><h2>How this is usually fixed</h2>' "$page" || fail "HTML: no fix section in $page"
grep -q '<p class="hint">defer the work to a work item: queue it from virtballoon_changed' "$page" || fail "HTML: the hint"
grep -q "The tree's example: virtblk_config_changed" "$page" || fail "HTML: the example"
grep -q 'queue_work(virtblk_wq' "$page" || fail "HTML: the example's source"
pass "HTML: the finding page shows the hint, the example and its source"

# ---------------------------------------------------------------- balloon alone: no example
corpus_tree balloon-ccw-2019 "$T/b"
lp run "$T/b" --db "$T/b.db" --sarif "$T/b.sarif"
expect_rc 1 "run balloon"
expect_fix 'already held as \*subchannel.lock.*\[recursive-lock\]' \
	"defer the work to a work item: queue it from the interrupt path and take *ccw_device.ccwlock in the work function, where *subchannel.lock is not held"
expect_fix 'mutex_lock may sleep .*\[sleep-in-atomic\]' \
	"defer the work to a work item: queue it from the interrupt path and call mutex_lock() in the work function, in process context"
grep -q 'only queues work' "$T/out" && fail "an example named in a tree without one"
jq -e '[.runs[0].results[] | .relatedLocations[]? | select(.message.text | test("queues work"))] | length == 0' \
	"$T/b.sarif" >/dev/null || fail "SARIF: an example in a tree without one"
pass "no deferring callback in the tree: the generic defer hint, no example"

# ---------------------------------------------------------------- irq-inversion, sleep alternative
corpus_tree irq-inversion-ccw "$T/ii"
lp run "$T/ii" --db "$T/ii.db" --sarif "$T/ii.sarif"
expect_rc 1 "run irq-inversion-ccw"
expect_fix '\[irq-inversion\]' \
	"take *ccw_device.ccwlock with spin_lock_irqsave() here, as do_reload_device (drivers/s390/block/dasd_kick.c:74) already does with spin_lock_irq(): it is also taken in hardirq context"
jq -e '.runs[0].results[0].relatedLocations | any(.physicalLocation.artifactLocation.uri == "drivers/s390/block/dasd_kick.c"
	and .physicalLocation.region.startLine == 74 and (.message.text | test("do_reload_device takes")))' \
	"$T/ii.sarif" >/dev/null || fail "SARIF: the irqsave example"
pass "irq-inversion: an acquisition of the same class that disables interrupts is the example"

corpus_tree escapes-ccw "$T/es"
lp run "$T/es" --db "$T/es.db"
expect_rc 1 "run escapes-ccw"
expect_fix 'msleep may sleep .*\[sleep-in-atomic\]' \
	"call mdelay() instead of msleep(): it busy-waits and does not sleep (keep the wait short), or move the call out from under *ccw_device.ccwlock"
pass "sleep-in-atomic under a spinlock: the rules' non-sleeping alternative"

# ---------------------------------------------------------------- a generated tree
cat >gen.c <<'EOF'
#include "lp_test.h"
void schedule(void);
void msleep(unsigned int ms);
void arch_local_irq_disable(void);
void arch_local_irq_enable(void);
struct pair { spinlock_t a, b, c, d; };

/* a before b in three functions, b before a in one */
void ab1(struct pair *p) { spin_lock(&p->a); spin_lock(&p->b); spin_unlock(&p->b); spin_unlock(&p->a); }
void ab2(struct pair *p) { spin_lock(&p->a); spin_lock(&p->b); spin_unlock(&p->b); spin_unlock(&p->a); }
void ab3(struct pair *p) { spin_lock(&p->a); spin_lock(&p->b); spin_unlock(&p->b); spin_unlock(&p->a); }
void ba(struct pair *p) { spin_lock(&p->b); spin_lock(&p->a); spin_unlock(&p->a); spin_unlock(&p->b); }
/* c and d: one each way, no majority */
void cd(struct pair *p) { spin_lock(&p->c); spin_lock(&p->d); spin_unlock(&p->d); spin_unlock(&p->c); }
void dc(struct pair *p) { spin_lock(&p->d); spin_lock(&p->c); spin_unlock(&p->c); spin_unlock(&p->d); }
void sleeps_locked(struct pair *p) { spin_lock(&p->c); schedule(); spin_unlock(&p->c); }
void sleeps_irqs_off(void) { arch_local_irq_disable(); schedule(); arch_local_irq_enable(); }
void do_io_irq(struct device *dev) { spin_lock(&dev->lock); dev->state++; spin_unlock(&dev->lock); }
void kick(struct device *dev) { arch_local_irq_enable(); spin_lock(&dev->lock); dev->state = 0; spin_unlock(&dev->lock); }
void relock(struct device *dev) { spin_lock(&dev->lock); spin_lock(&dev->lock); spin_unlock(&dev->lock); }
EOF
compdb gen gen.c
lp run gen --db gen.db --sarif gen.sarif
expect_rc 1 "run the generated tree"
expect_fix 'pair.a .*\[lock-order\]' \
	"take pair.a before pair.b on every path: 3 of 4 functions that take both locks in their own body take pair.a first"
expect_fix 'pair.c .*\[lock-order\]' \
	"take pair.d and pair.c in one order on every path, or release one before taking the other"
expect_fix 'schedule may sleep .* while holding spinlock pair.c' \
	"move the call to schedule() out of the critical section: before pair.c is taken or after it is released"
expect_fix 'schedule may sleep .* with interrupts disabled' \
	"move the call to schedule() to where interrupts are enabled again"
expect_fix '\[irq-inversion\]' \
	"take device.lock with spin_lock_irqsave() here: it is also taken in hardirq context, so an interrupt on this CPU while it is held spins forever"
expect_fix '\[recursive-lock\]' \
	"relock takes device.lock while the path already holds it as device.lock: where the lock is already held, call a helper that expects it held instead of one that takes it (split the locking out into a wrapper), or release device.lock first"
[ "$(fix_lines | wc -l)" = "$(grep -c ': warning: ' "$T/out")" ] || fail "a finding without a fix note"
pass "generated tree: order counts (3 of 4), a tie, outside, irqs-off, irqsave without example, split"

# ---------------------------------------------------------------- the hints are rules
mkdir rules-local
cp "$RULES"/*.rules rules-local/
printf 'hint lock-order order-count "local: {first} first ({count}/{total})"\n' >rules-local/zz-local.rules
lp report --db gen.db --rules rules-local
expect_rc 1 "report --rules with a local hint"
expect_fix 'pair.a .*\[lock-order\]' "local: pair.a first (3/4)"
pass "a later rules file replaces a hint"

rm rules-local/hints.rules rules-local/zz-local.rules
lp report --db gen.db --rules rules-local
expect_rc 1 "report --rules without hints"
[ -z "$(fix_lines)" ] || fail "rules without hints still gave fix notes"
pass "rules without hints: no fix notes"

printf '# local\nhint lock-order order "take {a} as {example} does"\n' >rules-local/zz-bad.rules
lp report --db gen.db --rules rules-local
expect_error_rc2 "report with a bad hint" \
	"rules-local/zz-bad.rules:2: expected one of \{a\}, \{b\} in 'hint lock-order order', got '\{example\}'"
pass "a bad hint stops the report with FILE:LINE: what was expected"
