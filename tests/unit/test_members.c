// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_members.c - unit test of analyzer/extract/members, the member
 * constants the walker keeps per path: a store and its overwrite, two
 * paths that meet (same constant kept, different or one-sided made
 * unknown), an object reassigned (its members and those reached through it
 * forgotten, a longer name with the same start kept), and the bound.
 *
 * usage: test_members      exit 0 if all pass, 1 otherwise
 */
#include "extract/members.h"

#include <stdio.h>
#include "expect.h"

/* Names are compared by pointer, as the walker interns them. */
static const char *ARGS = "*args", *ARGS2 = "*args2", *WPA = "wpa->args", *CMD = "cmd";
static const char *FORCE = "force", *NOREPLY = "noreply";

/* M holds OBJ.FIELD as VALUE (KNOWN), or has no entry for it (PRESENT 0). */
static void holds(const struct members *m, const char *obj, const char *field, int present, int known,
		  long long value, const char *what)
{
	const struct member_value *v = NULL;
	for (unsigned i = 0; i < m->n; i++)
		if (m->e[i].obj == obj && m->e[i].field == field)
			v = &m->e[i];
	int ok = present ? v && v->known == known && (!known || v->value == value) : !v;
	expect(ok, what);
}

int main(void)
{
	struct members a = {0}, b;
	members_set(&a, ARGS, FORCE, 1, true, -1);
	holds(&a, ARGS, FORCE, 1, 1, 1, "a store is kept");
	members_set(&a, ARGS, FORCE, 0, true, -1);
	holds(&a, ARGS, FORCE, 1, 1, 0, "a second store replaces the first");
	expect(a.n == 1, "one entry per member");

	b = a;
	members_join(&a, &b);
	holds(&a, ARGS, FORCE, 1, 1, 0, "two paths with one constant keep it");
	members_set(&b, ARGS, FORCE, 1, true, -1);
	members_join(&a, &b);
	holds(&a, ARGS, FORCE, 1, 0, 0, "two paths with two constants: unknown");

	struct members c = {0}, d = {0};
	members_set(&d, ARGS, NOREPLY, 1, true, -1);
	members_join(&c, &d);
	holds(&c, ARGS, NOREPLY, 1, 0, 0, "a store on one path only: unknown");

	struct members e = {0};
	members_set(&e, ARGS, FORCE, 1, true, -1);
	members_set(&e, ARGS2, FORCE, 1, true, -1);
	members_set(&e, WPA, FORCE, 1, true, -1);
	members_forget(&e, "args");
	holds(&e, ARGS, FORCE, 0, 0, 0, "a reassigned pointer forgets its pointee's members");
	holds(&e, ARGS2, FORCE, 1, 1, 1, "... but not another variable's");
	members_forget(&e, "wpa");
	holds(&e, WPA, FORCE, 0, 0, 0, "... nor those reached through it");

	/* ext4's xattr move sets seven members of three structs before the
	 * call that needs the last one, 'i.value = NULL' */
	struct members f = {0};
	static const char *objs[] = { "*is", "*bs", "i", "b" }, *fields[] = { "not_found", "bh", "name", "value_len" };
	int set = 0;
	for (int o = 0; o < 4; o++)
		for (int k = 0; k < 4 && set < MEMBERS_MAX; k++, set++)
			members_set(&f, objs[o], fields[k], 0, true, -1);
	expect(set == MEMBERS_MAX && MEMBERS_MAX >= 8, "a path tracks at least eight members");
	expect(!f.lost, "the bound is not reached at MEMBERS_MAX");
	members_set(&f, CMD, NOREPLY, 1, true, -1);
	expect(f.lost, "past the bound the path says members were lost");
	struct members g = {0};
	members_join(&g, &f);
	expect(g.lost, "a join keeps 'lost'");

	/* 'ab->gfp_mask = gfp_mask': a member that holds a parameter */
	struct members h = {0}, i = {0};
	members_set(&h, ARGS, FORCE, 0, false, 1);
	expect(h.e[0].param == 1, "a member set to a parameter holds it");
	i = h;
	members_join(&h, &i);
	expect(h.e[0].param == 1, "two paths that store the same parameter keep it");
	members_set(&i, ARGS, FORCE, 0, false, 2);
	members_join(&h, &i);
	expect(h.e[0].param == -1, "two paths with two parameters: neither");
	members_set(&i, ARGS, FORCE, 3, true, 2);
	expect(i.e[0].param == -1, "a constant is no parameter");

	return expect_done("members");
}
