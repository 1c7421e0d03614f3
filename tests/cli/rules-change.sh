#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# rules-change.sh - a second run on one database with other rules (or
# another lockpath) stores the header functions' facts again.  Every TU is
# parsed again then (the rules and the extractor are in each TU's hash),
# but a header's function already in the database was claimed and never
# walked again, so its old facts stayed beside the new TUs' facts: a call
# the new rules make a lock acquisition was still a plain call.  Such a
# run drops every TU's old facts at once (they are all stale; one TU at a
# time the deletes cost the whole kernel 634 s): each TU is stored once,
# and nothing points to a fact that went.
#
#   bash rules-change.sh LOCKPATH
. "$(dirname "$0")/lib.sh"

cat >take.h <<'C'
#include "lp_test.h"
extern void my_take(spinlock_t *l);
static inline void take(struct device *dev) { my_take(&dev->lock); }
C
cat >a.c <<'C'
#include "take.h"
void a_fn(struct device *dev) { take(dev); }
C
cat >b.c <<'C'
#include "take.h"
void b_fn(struct device *dev) { take(dev); }
C
compdb cc a.c b.c
rules=$(cd "$(dirname "$0")/../../rules" && pwd)
LOCKPATH_RULES=$rules lp extract cc --db t.db
expect_rc 0 "extract with the project's rules"
[ "$(sql t.db "SELECT group_concat(kind) FROM site WHERE callee_name = 'my_take'")" = 1 ] ||
	fail "my_take() in the header's take() is not one plain call: $(sql t.db "SELECT kind FROM site WHERE callee_name = 'my_take'")"
pass "the header's call of my_take() is a call"

cp -r "$rules" more
echo 'acquire my_take 0' >more/zz-test.rules
LOCKPATH_RULES=$T/more lp extract cc --db t.db
expect_rc 0 "extract again with a rule that makes my_take() an acquisition"
expect_err "2 parsed, 0 unchanged"
got=$(sql t.db "SELECT group_concat(kind) FROM site WHERE func_id IN (SELECT id FROM func WHERE name = 'take')")
[ "$got" = 2 ] || fail "the header's take() kept its old facts (site kinds '$got', want one acquisition, 2)"
pass "the header's take() was walked again with the new rules"
[ "$(sql t.db "SELECT count(*) FROM tu")/$(sql t.db "SELECT count(*) FROM func WHERE name IN ('a_fn', 'b_fn')")" = 2/2 ] ||
	fail "the TUs were not stored once each: $(sql t.db "SELECT count(*) FROM tu") TUs"
orphans=$(sql t.db "SELECT (SELECT count(*) FROM site_arg WHERE site_id NOT IN (SELECT id FROM site)) +
	(SELECT count(*) FROM site_lock WHERE site_id NOT IN (SELECT id FROM site)) +
	(SELECT count(*) FROM site WHERE func_id NOT IN (SELECT id FROM func)) +
	(SELECT count(*) FROM func_ret WHERE func_id NOT IN (SELECT id FROM func)) +
	(SELECT count(*) FROM result_store WHERE func_id NOT IN (SELECT id FROM func)) +
	(SELECT count(*) FROM table_store WHERE func_id NOT IN (SELECT id FROM func)) +
	(SELECT count(*) FROM fnstore WHERE tu_id IS NOT NULL AND tu_id NOT IN (SELECT id FROM tu)) +
	(SELECT count(*) FROM func WHERE tu_id IS NOT NULL AND tu_id NOT IN (SELECT id FROM tu))")
[ "$orphans" = 0 ] || fail "$orphans facts point to facts that went"
pass "each TU stored once, no fact left over"

LOCKPATH_RULES=$T/more lp extract cc --db t.db
expect_rc 0 "a third run with the same rules"
expect_err "0 parsed, 2 unchanged"
[ "$(sql t.db "SELECT count(*) FROM func WHERE name = 'take'")" = 1 ] || fail "take() is not stored once"
pass "nothing parsed again, the header's function kept"

# A comment, another spacing and a line of a directive extract never reads
# ('context-call', check's) change no TU's facts: nothing is parsed again,
# but the findings are checked again under the new rules.
LOCKPATH_RULES=$T/more lp run cc --db t.db
expect_rc 0 "a run that checks"
LOCKPATH_RULES=$T/more lp run cc --db t.db
expect_rc 0 "a run with the same rules"
expect_err "0 parsed, 2 unchanged"
expect_err "check: not run again"
{
	echo '# a comment, and the rule written with other spacing'
	echo 'acquire	my_take   0   # the same words'
	echo 'context-call a_fn take hardirq "a check-only line"'
} >more/zz-test.rules
LOCKPATH_RULES=$T/more lp run cc --db t.db
expect_rc 0 "a run after a comment and a check-only line"
expect_err "0 parsed, 2 unchanged"
expect_err "lockpath: check: "
pass "a comment or a check-only rule parses nothing again, and checks again"
! grep -q "extracted with other rules" "$T/err" || fail "a check-only change warned of stale facts"
echo 'sleep my_take "an extract-read directive"' >>more/zz-test.rules
# 'check' alone does not parse: it says its facts are the old rules'
LOCKPATH_RULES=$T/more lp check --db t.db
expect_rc 0 "a check after a line extract reads"
expect_err "warning: the facts were extracted with other rules"
pass "a check with rules extract reads changed says it uses the old facts"
LOCKPATH_RULES=$T/more lp run cc --db t.db
expect_rc 0 "a run after a line extract reads"
expect_err "2 parsed, 0 unchanged"
pass "a line extract reads parses every TU again"
LOCKPATH_RULES=$T/more lp check --db t.db
expect_rc 0 "a check after that run"
! grep -q "extracted with other rules" "$T/err" || fail "a check on facts of its own rules warned of stale facts"
pass "after the run the check's facts are its rules'"
