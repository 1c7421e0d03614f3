#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# header-order.sh - the facts of a header's inline functions do not depend
# on which TU walked them.  Extract walks each header function once per
# run, in the first TU that includes it; corpus tree header-order-sched's
# inline calls a function that returns holding the runqueue lock, which only
# core.c's TU knows (a summary of its main file), and another calls a lock
# wrapper core.c defines.  The compile database in both orders, one worker
# each: the same findings (text and SARIF: the one lock-order the tree
# expects), and the same sites and lock states recorded for the inlines.
#
#   bash header-order.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_corpus "$2" "$3"
need_jq

mkdir -p "$T/fwd" "$T/rev"
corpus_tree header-order-sched "$T/fwd"
jq reverse "$T/fwd/compile_commands.json" >"$T/rev/compile_commands.json"
[ "$(jq -r '.[0].file' "$T/fwd/compile_commands.json")" != "$(jq -r '.[0].file' "$T/rev/compile_commands.json")" ] ||
	fail "the two compile databases start with the same TU"

held_at_call() {   # DB: the sites of the header's inlines, with the locks recorded held at each
	sqlite3 "$1" "SELECT f.name, s.line, s.kind, coalesce(s.callee_name, ''), coalesce(s.lock_key, ''),
		(SELECT coalesce(group_concat(l.lock_key || '=' || l.held), '-') FROM site_lock l WHERE l.site_id = s.id)
		FROM site s JOIN func f ON f.id = s.func_id
		WHERE f.name IN ('rq_enqueue_task', 'rq_count_enqueue') ORDER BY f.name, s.line, s.col"
}

for o in fwd rev; do
	lp run "$T/$o/compile_commands.json" --db "$T/$o.db" -j 1 --sarif "$T/$o.sarif"
	expect_rc 1 "run ($o)"   # the lock-order the tree expects (callee_effects.c)
	grep ': warning: ' "$T/out" | grep -v '\[limit\]' >"$T/$o.warnings" || true
	held_at_call "$T/$o.db" >"$T/$o.held"
done
[ "$(grep -c '\[lock-order\]' "$T/fwd.warnings")" = 1 ] || fail "expected the one lock-order, got: $(cat "$T/fwd.warnings")"
cmp -s "$T/fwd.warnings" "$T/rev.warnings" || { diff "$T/fwd.warnings" "$T/rev.warnings" >&2; fail "the findings depend on the order of the compile database"; }
[ "$(sarif_fps "$T/fwd.sarif")" = "$(sarif_fps "$T/rev.sarif")" ] || fail "the SARIF fingerprints depend on the order"
cmp -s "$T/fwd.held" "$T/rev.held" || { diff "$T/fwd.held" "$T/rev.held" >&2; fail "the inlines' sites or lock states depend on the order"; }
pass "core.c first or fair_enqueue.c first: the same findings, the same facts for sched.h's inline"
