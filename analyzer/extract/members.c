// SPDX-License-Identifier: GPL-2.0-only
/*
 * members.c - member constants per path (see members.h).
 */
#include "extract/members.h"

#include <string.h>

static struct member_value *find(struct members *m, const char *obj, const char *field)
{
	for (unsigned i = 0; i < m->n; i++)
		if (m->e[i].obj == obj && m->e[i].field == field)
			return &m->e[i];
	return NULL;
}

void members_set(struct members *m, const char *obj, const char *field, long long value, bool known, int param)
{
	struct member_value *v = find(m, obj, field);
	if (!v && m->n == MEMBERS_MAX) {
		m->lost = true;   /* the call sites say so: their callees bind nothing */
		return;
	}
	if (!v)
		v = &m->e[m->n++];
	*v = (struct member_value){ obj, field, value, known, known ? -1 : param };
}

bool members_room(const struct members *m, const char *obj, const char *field)
{
	return m->n < MEMBERS_MAX || find((struct members *)m, obj, field);
}

void members_unknown(struct members *m, const char *obj, const char *field, bool add_free)
{
	if (find(m, obj, field) || (add_free && m->n < MEMBERS_MAX))
		members_set(m, obj, field, 0, false, -1);
}

/* Whether OBJ is VAR's object, or reached through it ('*args', 'args->x'). */
static bool through(const char *obj, const char *var)
{
	size_t n = strlen(var);
	if (obj[0] == '*' && !strncmp(obj + 1, var, n) && (!obj[n + 1] || obj[n + 1] == '-' || obj[n + 1] == '.'))
		return true;
	return !strncmp(obj, var, n) && (!obj[n] || obj[n] == '-' || obj[n] == '.');
}

void members_forget(struct members *m, const char *var)
{
	unsigned k = 0;
	for (unsigned i = 0; i < m->n; i++)
		if (!through(m->e[i].obj, var))
			m->e[k++] = m->e[i];
	m->n = (unsigned char)k;
}

void members_join(struct members *a, const struct members *b)
{
	for (unsigned i = 0; i < a->n; i++) {
		struct member_value *v = &a->e[i];
		const struct member_value *w = find((struct members *)b, v->obj, v->field);
		if (!w || !w->known || w->value != v->value)
			v->known = false;
		if (!w || w->param != v->param)
			v->param = -1;
	}
	for (unsigned i = 0; i < b->n; i++)
		if (!find(a, b->e[i].obj, b->e[i].field))
			members_set(a, b->e[i].obj, b->e[i].field, 0, false, -1);
	a->lost |= b->lost;
}
