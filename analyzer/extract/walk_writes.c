// SPDX-License-Identifier: GPL-2.0-only
/*
 * walk_writes.c - the tests each assignment of a parameter runs under.
 *
 * A guard on a parameter that the function assigns something other than a
 * constant says nothing ('writes:arg#N=*', extract/guard.h).  nf_reinject()
 * assigns its verdict from the hooks it runs again, but only under 'if
 * (verdict == NF_REPEAT)' and under 'if (verdict == NF_ACCEPT) { next_hook:
 * .. }', which its 'case NF_QUEUE:' jumps back into: a caller that passes
 * NF_DROP reaches none of those assignments, and the final switch sees the
 * verdict it passed.
 *
 * The walk notes each assignment of a parameter with the guards on that
 * parameter around it, every label it meets, and every goto with the
 * guards around it.  An assignment after a label inside one of its guards
 * also runs when a goto jumps to that label: under the goto's guards and
 * the ones entered after the label.  'wif:arg#N=V@G^G/G;' (lib/guardkey.h)
 * lists, per assignment, those alternatives; check takes the values the
 * parameter can hold as a fixed point over them.  Where the walk did not
 * see every write of the parameter (a compound assignment, '&p', code a
 * constant condition cut off, a goto it did not walk, a computed goto),
 * no 'wif:' is written and the plain 'writes:' rule stands; an assignment
 * past a label an asm may jump to is made on any path.
 */
#include "extract/walker.h"
#include "extract/guard.h"
#include "extract/keys.h"
#include "lib/guardkey.h"

#include <string.h>

#define WRITE_ALTS_MAX 16   /* ways into one assignment; past them it is unconditional */

void writes_note_label(struct walker *w, unsigned at)
{
	vec_push(&w->labels_met, ((struct label_met){ at, w->guard_serial }));
}

/* The guards entered around the code walked, into G: those that test
 * parameter PARAM itself (-1: every guard), those a label broke only if
 * BROKEN; MARK: they are some site's now (guard_mark_used). */
static int guards_here(struct walker *w, int param, bool broken, bool mark, struct write_guard g[WRITE_GUARDS_MAX])
{
	int n = 0;
	for (int i = w->nguards - 1; i >= 0 && n < WRITE_GUARDS_MAX; i--) {
		const struct guard *gd = w->guards[i];
		bool plain = !gd->ctx_dead && gd->param >= 0 && !gd->field[0];
		if ((param >= 0 && (!plain || gd->param != param)) || (!broken && !guard_holds(w, i)))
			continue;
		const char *t = guard_text(&w->f->arena, gd);
		if (!t)
			continue;
		if (mark)
			guard_mark_used(w, gd);
		g[n++] = (struct write_guard){ gd->param, plain, w->gframes[i].serial, t };
	}
	return n;
}

void writes_note_goto(struct walker *w, unsigned to)
{
	if (w->func < 0)
		return;
	struct goto_seen gs = { .to = to, .dead = w->st.dead };
	gs.n = guards_here(w, -1, false, !gs.dead, gs.g);
	vec_push(&w->gotos_seen, gs);
}

void writes_note_site(struct walker *w, size_t site)
{
	bool broken = false;
	for (int i = 0; i < w->nguards && !broken; i++)
		broken = !guard_holds(w, i);
	if (!broken || w->func < 0)
		return;
	struct pending_site ps = { .site = site, .nlabels = w->labels_met.n };
	ps.n = guards_here(w, -1, true, true, ps.g);
	vec_push(&w->psites, ps);
}

void writes_note_assign(struct walker *w, CXCursor lhs, CXCursor rhs)
{
	int p = w->func >= 0 ? key_param_of(w->kenv.func, lhs) : -1;
	if (p < 0 || p >= 64)
		return;
	struct param_write pw = { .param = p, .nlabels = w->labels_met.n };
	pw.any = !guard_const_value(rhs, &pw.value);
	/* a dead assignment (after a return) runs on no path: no guard can hold */
	pw.n = w->st.dead ? -1 : guards_here(w, p, true, false, pw.g);
	vec_push(&w->pwrites, pw);
}

/* One alternative: the guards of A (of parameter P itself; -1: all) and
 * of B entered after serial AFTER, '^' separated, into SB; false if it has
 * none (it always runs). */
static bool add_alt(struct strbuf *sb, int p, const struct write_guard *a, int na, const struct write_guard *b,
		    int nb, unsigned after)
{
	size_t start = sb->len;
	const char *seen[2 * WRITE_GUARDS_MAX];
	int n = 0;
	for (int i = 0; i < na + nb; i++) {
		const struct write_guard *g = i < na ? &a[i] : &b[i - na];
		if ((p >= 0 && (!g->plain || g->param != p)) || (i >= na && g->serial <= after))
			continue;
		if (guard_seen(seen, n, g->text))
			continue;
		sb_addf(sb, "%s%s", n ? "^" : "", g->text);
		seen[n++] = g->text;
	}
	return sb->len > start;
}

static size_t gotos_to(const struct walker *w, unsigned at, size_t *seen)
{
	size_t n = 0;
	*seen = 0;
	for (size_t i = 0; i < w->gotos.n; i++)
		n += w->gotos.v[i].to == at;
	for (size_t i = 0; i < w->gotos_seen.n; i++)
		*seen += w->gotos_seen.v[i].to == at;
	return n;
}

/* Append the alternatives of code under guards G[0..N) (those of parameter
 * P itself; -1: all), after the first NLABELS labels met, to SB: the
 * guards themselves, and for each label inside one of them, each goto to
 * it with the guards entered after the label.  False if the code runs on
 * any path (SB is then left as it was). */
static bool alternatives(struct walker *w, int p, const struct write_guard *g, int n, size_t nlabels,
			 struct strbuf *sb)
{
	size_t start = sb->len;
	int nalts = 1;
	if (!add_alt(sb, p, NULL, 0, g, n, 0))
		goto always;
	for (size_t l = 0; l < nlabels; l++) {
		const struct label_met *lm = &w->labels_met.v[l];
		bool encloses = false;
		for (int j = 0; j < n && !encloses; j++)
			encloses = g[j].serial <= lm->serial;
		if (!encloses)
			continue;   /* the code from the label on is under the guards anyway */
		size_t seen;
		if (gotos_to(w, lm->at, &seen) > seen || label_asm_target(w, lm->at))
			goto always;   /* a goto the walk did not see, or an asm's */
		for (size_t i = 0; i < w->gotos_seen.n; i++) {
			const struct goto_seen *gs = &w->gotos_seen.v[i];
			if (gs->to != lm->at || gs->dead)
				continue;
			if (++nalts > WRITE_ALTS_MAX)
				goto always;
			sb_addc(sb, '/');
			if (!add_alt(sb, p, gs->g, gs->n, g, n, lm->serial))
				goto always;
		}
	}
	return true;
always:
	sb_truncate(sb, start);
	return false;
}

/* 'wif:' entries for parameter P into SB: whether any assignment of it is
 * conditional. */
static bool param_conditions(struct walker *w, int p, struct strbuf *sb)
{
	int plain, other, seen = 0;
	for (size_t i = 0; i < w->pwrites.n; i++)
		seen += w->pwrites.v[i].param == p;
	guard_write_counts(w->kenv.func, p, &plain, &other);
	if (other || plain != seen)
		return false;
	size_t start = sb->len;
	bool conditional = false;
	for (size_t i = 0; i < w->pwrites.n; i++) {
		const struct param_write *pw = &w->pwrites.v[i];
		if (pw->param != p || pw->n < 0)
			continue;
		if (pw->any)
			sb_addf(sb, "wif:arg#%d=*", p);
		else
			sb_addf(sb, "wif:arg#%d=%lld", p, pw->value);
		size_t at = sb->len;
		sb_addc(sb, '@');
		if (alternatives(w, p, pw->g, pw->n, pw->nlabels, sb))
			conditional = true;
		else
			sb_truncate(sb, at);
		sb_addc(sb, ';');
	}
	if (!conditional)
		sb_truncate(sb, start);
	return conditional;
}

/*
 * A site past a label that broke one of its guards runs where one of the
 * alternatives holds: 'alt:G^G/G' joins the guards that still hold
 * (lib/guardkey.h).  nf_reinject()'s call of nf_iterate() past
 * 'next_hook:' runs for an accept, or for the queue verdict of the case
 * that jumps back.
 */
void writes_resolve_sites(struct walker *w)
{
	if (w->psites.n)
		gotos_collect(w);
	for (size_t i = 0; i < w->psites.n && !w->computed_goto; i++) {
		const struct pending_site *ps = &w->psites.v[i];
		struct xsite *site = &w->f->sites.v[ps->site];
		struct strbuf sb = {0};
		if (site->guard)
			sb_addf(&sb, "%s;", site->guard);
		size_t at = sb.len;
		sb_add(&sb, "alt:");
		if (alternatives(w, -1, ps->g, ps->n, ps->nlabels, &sb) && sb.len > at + 4)
			site->guard = intern(w, sb.buf);
		sb_free(&sb);
	}
}

const char *writes_conditions(struct walker *w)
{
	if (!w->pwrites.n)
		return NULL;
	gotos_collect(w);
	if (w->computed_goto)
		return NULL;
	unsigned long long done = 0;
	struct strbuf sb = {0};
	for (size_t i = 0; i < w->pwrites.n; i++) {
		int p = w->pwrites.v[i].param;
		if ((done >> p & 1) || !(w->guarded >> p & 1))
			continue;
		done |= 1ULL << p;
		param_conditions(w, p, &sb);
	}
	const char *t = sb.len ? arena_strdup(&w->f->arena, sb_str(&sb)) : NULL;
	sb_free(&sb);
	return t;
}
