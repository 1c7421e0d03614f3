// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_held.c - the check engine's held-set operations and memo keys
 * (engine_int.h), on sets and states built here, without a database:
 *  - engine_held_add keeps the set sorted by class with one entry per
 *    class, and at CK_MAX_HELD drops the lock and counts it (held_full);
 *  - engine_held_remove removes a class, and ignores one not held;
 *  - engine_state_signature: states that differ only in their path
 *    (parent, guess, hops) or in which key of one class a lock parameter
 *    is bound to are one state; a different function, context, irq state,
 *    held set, bound class, constant, function binding or ops binding (the
 *    unit, ops_tables.c) is another; held sets built in any order key alike.
 */
#include "check/engine_int.h"
#include "expect.h"

#include <string.h>

static struct ck_held lock(int cls) { return (struct ck_held){ .cls = cls, .key = cls, .acq = 100 + cls }; }

static bool sorted_unique(const struct ck_held *h, int n)
{
	for (int i = 1; i < n; i++)
		if (h[i - 1].cls >= h[i].cls)
			return false;
	return true;
}

static void test_held_set(void)
{
	struct check_stats st = {0};
	struct ck_held h[CK_MAX_HELD];
	int n = 0;
	int order[] = { 5, 2, 9, 2, 7 };
	for (int i = 0; i < 5; i++)
		engine_held_add(&st, h, &n, lock(order[i]));
	expect(n == 4 && sorted_unique(h, n) && h[0].cls == 2 && h[3].cls == 9,
	       "add 5, 2, 9, 2, 7: the set is 2, 5, 7, 9");
	expect(h[0].acq == 102, "a class added again keeps its first acquisition");
	engine_held_remove(h, &n, 5);
	expect(n == 3 && h[0].cls == 2 && h[1].cls == 7 && h[2].cls == 9, "remove 5: 2, 7, 9");
	engine_held_remove(h, &n, 42);
	expect(n == 3, "removing a class not held changes nothing");
	engine_held_remove(h, &n, 9);
	engine_held_remove(h, &n, 2);
	engine_held_remove(h, &n, 7);
	expect(n == 0, "removing every class empties the set");

	/* full: the lock past CK_MAX_HELD is dropped and counted */
	for (int c = 1; c <= CK_MAX_HELD; c++)
		engine_held_add(&st, h, &n, lock(c * 10));
	expect(n == CK_MAX_HELD && st.held_full == 0, "CK_MAX_HELD locks fit, nothing counted");
	engine_held_add(&st, h, &n, lock(5));
	expect(n == CK_MAX_HELD && st.held_full == 1 && h[0].cls == 10, "one more is dropped and counted once");
	engine_held_add(&st, h, &n, lock(30));
	expect(n == CK_MAX_HELD && st.held_full == 1, "a class already held is no drop, even in a full set");
	expect(sorted_unique(h, n), "the full set is still sorted");
}

/* Keys 0 and 1 are of class 1, key 2 of class 2. */
static struct ck_key keys[] = { { "*a.lock", 1, -1 }, { "*b.lock", 1, -1 }, { "c.lock", 2, -1 } };

static bool same_key(const struct engine *e, const struct ck_state *a, const struct ck_state *b)
{
	struct strbuf sa = {0}, sb = {0};
	engine_state_signature(e, a, &sa);
	engine_state_signature(e, b, &sb);
	bool same = !strcmp(sb_str(&sa), sb_str(&sb));
	sb_free(&sa);
	sb_free(&sb);
	return same;
}

static struct ck_state base_state(void)
{
	struct ck_state s = { .func = 3, .ctx = CTX_HARDIRQ, .irqs = IRQS_OFF, .parent = 7, .guess = 8, .hops = 2 };
	s.held[s.nheld++] = lock(4);
	s.bind[s.nbind].n = 0;
	s.bind[s.nbind++].key = 0;
	s.consts[s.nconst++] = (struct ck_const){ 1, CK_NO_FIELD, -19 };
	s.fnbind[s.nfnbind++] = (struct ck_fnbind){ 2, 11, 500 };
	return s;
}

static void test_memo_keys(void)
{
	struct engine e = {0};
	e.keys.v = keys;
	e.keys.n = e.keys.cap = sizeof(keys) / sizeof(keys[0]);
	struct ck_state a = base_state(), b = base_state();
	expect(same_key(&e, &a, &b), "equal states: one key");
	b.parent = 1;
	b.guess = 80;
	b.hops = 9;
	b.via_site = 42;
	b.visited = true;
	expect(same_key(&e, &a, &b), "the path (parent, guess, hops, call) is not in the key");
	b = base_state();
	b.bind[0].key = 1;
	expect(same_key(&e, &a, &b), "a lock parameter bound to another key of the same class: one key");
	b.bind[0].key = 2;
	expect(!same_key(&e, &a, &b), "... to a key of another class: another key");

	b = base_state(); b.func = 4;
	expect(!same_key(&e, &a, &b), "another function: another key");
	b = base_state(); b.ctx = CTX_SOFTIRQ;
	expect(!same_key(&e, &a, &b), "another context: another key");
	b = base_state(); b.irqs = IRQS_ON;
	expect(!same_key(&e, &a, &b), "another irq state at entry: another key");
	b = base_state(); b.held[0] = lock(5);
	expect(!same_key(&e, &a, &b), "another held class: another key");
	b = base_state(); b.nheld = 0;
	expect(!same_key(&e, &a, &b), "no held lock: another key");
	b = base_state(); b.consts[0].value = 0;
	expect(!same_key(&e, &a, &b), "another constant: another key");
	b = base_state(); b.consts[0].field = 0;
	expect(!same_key(&e, &a, &b), "the constant of a member, not the parameter: another key");
	b = base_state(); b.fnbind[0].func = 12;
	expect(!same_key(&e, &a, &b), "another bound function: another key");
	b = base_state(); b.impl[b.nimpl++].ops = 1;
	expect(!same_key(&e, &a, &b), "an ops table bound: another key");
	b = base_state(); b.impl[b.nimpl].ops = 1; b.impl[b.nimpl++].unit = -3;
	a.impl[a.nimpl].ops = 1; a.impl[a.nimpl++].unit = 7;
	expect(!same_key(&e, &a, &b), "an ops table bound to another unit (a module): another key");
	a = base_state();

	/* held sets built in different orders key alike */
	struct check_stats st = {0};
	a = base_state(), b = base_state();
	a.nheld = b.nheld = 0;
	int one[] = { 4, 1, 9 }, other[] = { 9, 4, 1 };
	for (int i = 0; i < 3; i++) {
		engine_held_add(&st, a.held, &a.nheld, lock(one[i]));
		engine_held_add(&st, b.held, &b.nheld, lock(other[i]));
	}
	expect(same_key(&e, &a, &b), "held 4, 1, 9 and held 9, 4, 1: one key");
}

int main(void)
{
	test_held_set();
	test_memo_keys();
	return expect_done("test_held");
}
