// SPDX-License-Identifier: GPL-2.0-only
/*
 * walk_flow.c - the statements that move control: if/else, blocks, loops
 * (one pass; a loop with a condition may also end at its entry), switch
 * and case, labels and return.
 * Besides the lock state they carry the guards that hold for the code
 * walked: a branch's condition on a parameter or on the context, the code
 * after an 'if' whose branch always leaves (walk_if), kept at a label only
 * while every goto to it comes from code those guards hold for
 * (label_keeps_guards).
 */
#include "extract/walker.h"
#include "extract/keys.h"
#include "extract/guard.h"

#include <assert.h>
#include <string.h>

/* Enter the loop or switch C; false, past MAX_FRAMES nested ones (no
 * kernel function comes near), after recording the limit: its caller then
 * does not walk C's body, so frames[] never overflows and reads need no
 * bound. */
static bool push_frame(struct walker *w, bool is_switch, CXCursor c)
{
	if (w->nframes == MAX_FRAMES) {
		note_limit(w, c, "loops and switches", MAX_FRAMES);
		return false;
	}
	w->frames[w->nframes++] = (struct frame){ .is_switch = is_switch, .brk = dead_state, .entry = w->st,
						  .cont = dead_state };
	return true;
}

struct frame *top_frame(struct walker *w, bool want_loop)
{
	for (int i = w->nframes - 1; i >= 0; i--)
		if (!want_loop || !w->frames[i].is_switch)
			return &w->frames[i];
	return NULL;
}

static struct frame pop_frame(struct walker *w)
{
	assert(w->nframes > 0);
	return w->frames[--w->nframes];
}

/* A label by its statement: a goto's clang_getCursorReferenced() is not
 * clang_equalCursors() to the LabelStmt met in the body (another parent),
 * so labels are compared by where they are. */
struct label *label_of(struct walker *w, CXCursor stmt)
{
	CXSourceLocation at = clang_getCursorLocation(stmt);
	for (size_t i = 0; i < w->labels.n; i++)
		if (clang_equalLocations(clang_getCursorLocation(w->labels.v[i].stmt), at))
			return &w->labels.v[i];
	vec_push(&w->labels, ((struct label){ .stmt = stmt, .pending = dead_state }));
	return &w->labels.v[w->labels.n - 1];
}

struct region branch_enter(struct walker *w)
{
	struct region outer = w->region;
	w->cond_depth++;
	w->region = (struct region){ (int)w->f->sites.n, false, false };
	return outer;
}

void branch_leave(struct walker *w, struct region outer)
{
	w->cond_depth--;
	/* a way out of the arm is a way out of the run it sits in: what came
	 * before the arm may not reach the end of that run, but what comes
	 * after it does (the 'if (..) return;' before a report), and so does
	 * the arm's own last run, when nothing left it (bad_page()'s 'if
	 * (nr_shown == 60) { if (..) goto out; if (nr_unshown) pr_alert(..); }')
	 * unless it ends in no way on (a BUG(), a panic()); the runs around
	 * learn of the way out */
	if (w->region.left_any) {
		outer.start = w->region.left || w->st.dead ? (int)w->f->sites.n : w->region.start;
		outer.left = false;
		outer.left_any = true;
	}
	w->region = outer;
}

void region_restart(struct walker *w)
{
	if (!w->st.dead)
		return;   /* the code before falls in: it reaches the end of this run too */
	w->region.start = (int)w->f->sites.n;
	w->region.left = false;
}

void region_exit(struct walker *w)
{
	w->region.left = w->region.left_any = true;
}

/*
 * BUG() on s390 and x86 is a trap and __builtin_unreachable(): the sites of
 * the run that ends there lead nowhere else.  CHECK_DATA_CORRUPTION()'s
 * 'pr_err(fmt, ..); BUG();' is the list debug code's report of a corrupted
 * list, under whatever lock the list_del() was called with: its printk into
 * the console drivers is no path of that context.  (Generic BUG() is printk
 * and panic(): not read.)  slub's and the page allocator's reports of a
 * corrupted object or page end in add_taint(TAINT_BAD_PAGE,
 * LOCKDEP_NOW_UNRELIABLE) instead, which switches lockdep off because the
 * kernel's lock state may be corrupt too: their printks under
 * kmem_cache_node.list_lock or zone.lock are the same kind of report
 * (rule 'corruption-report').
 */
void region_doom(struct walker *w)
{
	if (w->st.dead || w->region.left)
		return;
	for (size_t i = (size_t)w->region.start; i < w->f->sites.n; i++)
		w->f->sites.v[i].doomed = true;
}

/* Enter guard G; false when the nesting bound is reached (the site then
 * keeps the enclosing guard, which is no less true). */
bool push_guard(struct walker *w, const struct guard *g, unsigned start, unsigned end)
{
	if (w->nguards >= MAX_FRAMES)
		return false;
	w->gframes[w->nguards] = (struct guard_frame){ .start = start, .end = end, .serial = ++w->guard_serial };
	w->guards[w->nguards++] = g;
	return true;
}

/* Enter every guard of S (NULL: none); how many were entered (the nesting
 * bound may stop some: the site then keeps the others, no less true). */
int push_guards(struct walker *w, const struct guard_set *s, unsigned start, unsigned end)
{
	int n = 0;
	for (int i = 0; s && i < s->n && push_guard(w, &s->v[i], start, end); i++)
		n++;
	return n;
}

int push_guards_for(struct walker *w, const struct guard_set *s, CXCursor c)
{
	CXSourceRange r = clang_getCursorExtent(c);
	return push_guards(w, s, key_offset(clang_getRangeStart(r)), key_offset(clang_getRangeEnd(r)));
}

struct next_case { unsigned after, at; };

static enum CXChildVisitResult find_next_case(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct next_case *nc = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_SwitchStmt)
		return CXChildVisit_Continue;   /* its cases are its own */
	if (k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
		unsigned off = key_offset(clang_getCursorLocation(c));
		if (off > nc->after && off < nc->at)
			nc->at = off;
	}
	return CXChildVisit_Recurse;
}

/* Where the code a goto may come from and stay under guard frame GF ends,
 * for the label at AT: a switch's case ends at the next case. */
static unsigned frame_end(const struct guard_frame *gf, unsigned at)
{
	if (!gf->is_switch)
		return gf->end;
	struct next_case nc = { at, gf->end };
	clang_visitChildren(gf->cases, find_next_case, &nc);
	return nc.at;
}

bool label_asm_target(struct walker *w, unsigned at)
{
	gotos_collect(w);
	if (w->computed_goto)
		return true;
	if (!w->wild_jumps)
		return false;
	for (size_t g = 0; g < w->gotos.n; g++)
		if (w->gotos.v[g].to == at)
			return false;
	return true;
}

/*
 * The label C is the target of gotos: a guard around it holds past it only
 * if every goto to it comes from the code the guard holds for.
 * nf_reinject() runs its hooks again under 'if (verdict == NF_ACCEPT) {
 * next_hook: .. }', and its 'case NF_QUEUE:' jumps back to 'next_hook'
 * with the verdict the queue gave: the code after the label does not run
 * under the test.  A label an asm may jump to (label_asm_target) ends
 * every guard.
 */
void guards_at_label(struct walker *w, CXCursor c)
{
	unsigned at = key_offset(clang_getCursorLocation(c));
	writes_note_label(w, at);
	if (!w->nguards)
		return;
	bool wild = label_asm_target(w, at);
	for (int i = 0; i < w->nguards; i++) {
		struct guard_frame *gf = &w->gframes[i];
		unsigned end = frame_end(gf, at);
		gf->broken |= wild;
		for (size_t g = 0; !gf->broken && g < w->gotos.n; g++) {
			const struct goto_pos *p = &w->gotos.v[g];
			gf->broken = p->to == at && (p->from < gf->start || p->from > end);
		}
	}
}

/* Walk branch S under the guards of GS. */
static void walk_guarded(struct walker *w, CXCursor s, const struct guard_set *gs)
{
	int pushed = push_guards_for(w, gs, s);
	struct region outer = branch_enter(w);   /* a branch of 'if' */
	walk_stmt(w, s);
	branch_leave(w, outer);
	w->nguards -= pushed;
}

struct goto_scan { const struct kids *block; bool stays; };

/* Whether AT is outside the statements of BLOCK: a label of an enclosing
 * block, past the end of this one, where its guards are gone. */
static bool outside_block(const struct kids *block, CXSourceLocation at)
{
	if (!block || !block->n)
		return false;
	unsigned first, last, off;
	CXFile ff, lf, af;
	clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(block->v[0])), &ff, NULL, NULL, &first);
	clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(block->v[block->n - 1])), &lf, NULL, NULL,
				   &last);
	clang_getExpansionLocation(at, &af, NULL, NULL, &off);
	return ff && af && clang_File_isEqual(ff, af) && clang_File_isEqual(lf, af) && (off < first || off > last);
}

static enum CXChildVisitResult goto_in_block(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct goto_scan *g = d;
	enum CXCursorKind k = clang_getCursorKind(c);
	CXCursor ref[1];
	if (k == CXCursor_IndirectGotoStmt) {
		g->stays = false;
	} else if (k == CXCursor_GotoStmt) {
		bool found = false;
		CXCursor target = key_children(c, ref, 1) ? clang_getCursorReferenced(ref[0]) : clang_getNullCursor();
		/* by place: the cursor a label reference gives is not equal to the
		 * block's own cursor of the same label */
		CXSourceLocation at = clang_getCursorLocation(target);
		for (unsigned i = 0; g->block && i < g->block->n && !found; i++)
			found = clang_getCursorKind(g->block->v[i]) == CXCursor_LabelStmt &&
				clang_equalLocations(clang_getCursorLocation(g->block->v[i]), at);
		g->stays = found || outside_block(g->block, at);
	}
	return g->stays ? CXChildVisit_Recurse : CXChildVisit_Break;
}

/* Whether every goto in BODY jumps to a label of the block being walked,
 * where walk_block drops the guards after a statement ('default: goto
 * out;'), or out of the block, where they are gone: a label deeper in
 * would run under a guard its gotos ignore. */
static bool gotos_stay_in_block(const struct walker *w, CXCursor body)
{
	struct goto_scan g = { w->block_kids, true };
	clang_visitChildren(body, goto_in_block, &g);
	return g.stays;
}

/* Walk 'if' statement C.  AFTER (may be NULL): for an 'if' without 'else'
 * whose branch always leaves ('if (in_interrupt()) { defer(); return; }'),
 * the guards of the code after it, which runs only where the condition was
 * false ('if (a || b) return;': both); returns whether there are any.  A branch with a goto counts only
 * where every goto jumps to a label of the block being walked, or out of
 * it (gotos_stay_in_block): a label nested further down would be code the
 * guard does not hold for ('if (!(flags & CREATE)) { ..; goto cleanup; }'
 * is how most error exits are written). */
bool walk_if(struct walker *w, CXCursor c, struct guard_set *after)
{
	struct kids k;
	bool guards_after = false;
	kids_get(&k, c);
	if (k.n >= 2) {
		struct lstate t, f;
		struct guard_set then_s, else_s;
		branch_guards(w, k.v[0], &then_s, &else_s);
		walk_cond(w, k.v[0], &t, &f);
		w->st = t;
		walk_guarded(w, k.v[1], &then_s);
		struct lstate after_then = w->st;
		w->st = f;
		if (k.n >= 3)
			walk_guarded(w, k.v[2], &else_s);
		if (after && k.n == 2 && else_s.n && after_then.dead && !w->st.dead) {
			*after = else_s;
			guards_after = gotos_stay_in_block(w, k.v[1]);
		}
		ls_join(w, &w->st, &after_then);
	}
	kids_free(&k);
	return guards_after;
}

static enum CXChildVisitResult collect_gotos(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct walker *w = d;
	CXCursor ref[1];
	enum CXCursorKind k = clang_getCursorKind(c);
	w->computed_goto |= k == CXCursor_IndirectGotoStmt;
	if (k == CXCursor_IndirectGotoStmt || k == CXCursor_AsmStmt)
		w->wild_jumps = true;
	else if (k == CXCursor_GotoStmt && key_children(c, ref, 1))
		vec_push(&w->gotos, ((struct goto_pos){ key_offset(clang_getCursorLocation(c)),
			key_offset(clang_getCursorLocation(clang_getCursorReferenced(ref[0]))) }));
	else if (k == CXCursor_LabelStmt)
		vec_push(&w->label_offs, key_offset(clang_getCursorLocation(c)));
	return CXChildVisit_Recurse;
}

void gotos_collect(struct walker *w)
{
	if (!w->gotos_done) {
		w->wild_jumps = w->computed_goto = false;
		clang_visitChildren(w->kenv.func, collect_gotos, w);
		w->gotos_done = true;
	}
}

/* Where the guard that begins at START, in a block that ends at END, stops
 * holding: at the first label of (START, END] that a goto from code it
 * does not hold for enters, or END.  Code it holds for is the code from
 * START up to that label, so the answer is a fixed point: a goto back from
 * further down ('retry:' .. 'if (!*locked) goto retry;', gup's
 * __get_user_pages_locked() after its 'if (!locked) return ret;') keeps
 * the guard at its label while nothing from outside enters between.  In a
 * function with an asm, a label no goto names may be an asm goto's, and
 * entered from anywhere (label_asm_target): the guard stops there; s390's
 * BUG_ON() is an asm, and gup's loop has several. */
static unsigned guard_reach(struct walker *w, unsigned start, unsigned end)
{
	unsigned reach = end;
	for (size_t l = 0; l < w->label_offs.n; l++) {
		unsigned at = w->label_offs.v[l];
		if (at > start && at < reach && label_asm_target(w, at))
			reach = at;
	}
	for (bool moved = true; moved;) {
		moved = false;
		for (size_t g = 0; g < w->gotos.n; g++) {
			const struct goto_pos *p = &w->gotos.v[g];
			if (p->to > start && p->to < reach && !(p->from > start && p->from < reach)) {
				reach = p->to;
				moved = true;
			}
		}
	}
	return reach;
}

/* How many of the guards that hold after the statements ending at
 * START[0..N) of a block ending at END, the first ones, still hold at the
 * label at LABEL: those for which every goto to a label from them to it
 * (LABEL included) comes from code they hold for (guard_reach).  ext4's
 * allocation jumps to 'got_allocated_blocks:' only from code past 'if
 * ((flags & CREATE) == 0) { ..; goto out; }'. */
static int label_keeps_guards(struct walker *w, const unsigned *start, int n, unsigned label, unsigned end)
{
	gotos_collect(w);
	if (w->computed_goto)
		return 0;
	for (int i = 0; i < n; i++)
		if (label >= guard_reach(w, start[i], end))
			return i;
	return n;
}

/* Walk the statements of block C.  The code after an 'if' whose branch
 * always leaves is under that 'if''s other guard, up to the next label
 * that a goto from elsewhere jumps to (walk_if, label_keeps_guards). */
void walk_block(struct walker *w, CXCursor c)
{
	enum { MAX_AFTER = 8 };
	struct guard after[MAX_AFTER];
	struct guard_set slot;             /* the guards after the statement walked */
	unsigned after_start[MAX_AFTER];   /* where each guard begins: its statement's end */
	int nafter = 0;
	struct kids kk;
	kids_get(&kk, c);
	unsigned block_end = key_offset(clang_getRangeEnd(clang_getCursorExtent(c)));
	const struct kids *outer = w->block_kids;
	w->block_kids = &kk;
	w->scope_depth++;
	for (unsigned i = 0; i < kk.n; i++) {
		enum CXCursorKind k = clang_getCursorKind(kk.v[i]);
		if (k == CXCursor_LabelStmt || k == CXCursor_CaseStmt || k == CXCursor_DefaultStmt) {
			/* jumped to from elsewhere: the guards that hold there stay */
			int keep = k == CXCursor_LabelStmt && nafter ?
				   label_keeps_guards(w, after_start, nafter, key_offset(clang_getCursorLocation(kk.v[i])),
						      block_end) : 0;
			w->nguards -= nafter - keep;
			nafter = keep;
		}
		bool may_guard = k == CXCursor_IfStmt || k == CXCursor_SwitchStmt;
		w->after_slot = may_guard && nafter < MAX_AFTER ? &slot : NULL;
		w->after_found = false;
		walk_stmt(w, kk.v[i]);
		for (int g = 0; may_guard && w->after_slot == NULL && w->after_found && g < slot.n &&
				nafter < MAX_AFTER; g++) {
			after[nafter] = slot.v[g];
			after_start[nafter] = key_offset(clang_getRangeEnd(clang_getCursorExtent(kk.v[i])));
			if (!push_guard(w, &after[nafter], after_start[nafter], block_end))
				break;
			nafter++;
		}
		w->after_slot = NULL;
	}
	w->nguards -= nafter;
	leave_scopes(w, --w->scope_depth, clang_getRangeEnd(clang_getCursorExtent(c)), true);
	w->block_kids = outer;
	kids_free(&kk);
}

/* S, a state the first pass reached from the loop head in frame DEPTH with
 * the interrupts untouched, in the later iterations too, which start from
 * BACK. */
static void irqs_again(struct lstate *s, int depth, const struct lstate *back)
{
	if (!s->dead && (s->irqs_head & (1ULL << depth))) {
		s->irqs |= back->irqs;
		s->irqs_touched = s->irqs_touched || back->irqs_touched;
	}
}

/*
 * The loop in frame DEPTH was walked once, from its entry; the iterations
 * after start from BACK (the body's end and its 'continue's).  Locks and
 * guards are as the one pass found them, but the interrupt state is not:
 * stop_machine's multi_cpu_stop() runs a state machine in a loop, and the
 * case that calls the stopper's function comes in an iteration after the
 * one whose case disabled interrupts.  So every site (and every way out:
 * the loop's exit, its 'break's) that the loop head's state reached
 * untouched in the first pass may also be in BACK's states.
 */
static void loop_again(struct walker *w, int depth, int first_site, const struct lstate *back,
		       struct lstate *exit_state)
{
	if (back->dead)
		return;
	for (size_t i = (size_t)first_site; i < w->f->sites.n; i++) {
		struct xsite *s = &w->f->sites.v[i];
		if (!(s->irq_head & (1ULL << depth)))
			continue;
		s->irq_bits |= back->irqs;
		s->irq_touched = s->irq_touched || back->irqs_touched;
		s->irqs_off = irqs_state(s->irq_bits, s->irq_touched);
	}
	irqs_again(exit_state, depth, back);
	irqs_again(&w->frames[depth].brk, depth, back);
}

/*
 * Where a 'for' header's parts are: libclang gives a ForStmt's children
 * without the parts left empty, so 'for (; cond; )' and 'for (init;;)' both
 * come as two.  One child is the body alone, four are every part; for two
 * or three, the semicolons of the header as written say which child is the
 * condition.  Returns its index in K (the body is last), FOR_NO_COND for an
 * empty one ('for (;;)'), or FOR_UNREAD where the header is not written out
 * in the file (a macro such as for_each_possible_cpu() writes it: its
 * tokens are the macro's definition, at other offsets).  *NINIT is the
 * number of children before the condition.
 */
enum { FOR_NO_COND = -1, FOR_UNREAD = -2 };

static bool written_out(CXSourceLocation loc)
{
	CXFile ef, sf;
	unsigned eoff, soff;
	clang_getExpansionLocation(loc, &ef, NULL, NULL, &eoff);
	clang_getSpellingLocation(loc, &sf, NULL, NULL, &soff);
	return ef && sf && clang_File_isEqual(ef, sf) && eoff == soff;
}

/* The offsets of the two semicolons of LOOP's header, which ends where
 * BODY starts; false if there are not two. */
static bool header_semicolons(CXCursor loop, CXCursor body, unsigned semi[2])
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(loop);
	CXFile file;
	unsigned line, col, nsemi = 0, depth = 0, n;
	clang_getExpansionLocation(clang_getRangeStart(clang_getCursorExtent(body)), &file, &line, &col, NULL);
	CXSourceRange header = clang_getRange(clang_getRangeStart(clang_getCursorExtent(loop)),
					      clang_getLocation(tu, file, line, col));
	CXToken *toks;
	clang_tokenize(tu, header, &toks, &n);
	for (unsigned i = 0; i < n && nsemi < 2; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);
		if (!strcmp(t, "(") || !strcmp(t, "["))
			depth++;
		else if (!strcmp(t, ")") || !strcmp(t, "]"))
			depth--;
		else if (!strcmp(t, ";") && depth == 1)
			semi[nsemi++] = key_offset(clang_getTokenLocation(tu, toks[i]));
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	return nsemi == 2;
}

static int for_cond_index(CXCursor loop, const struct kids *k, unsigned *ninit)
{
	*ninit = k->n == 4;
	if (k->n == 1 || k->n == 4)
		return k->n == 4 ? 1 : FOR_NO_COND;
	unsigned semi[2];
	if (!written_out(clang_getRangeStart(clang_getCursorExtent(loop))) ||
	    !header_semicolons(loop, k->v[k->n - 1], semi))
		return FOR_UNREAD;
	for (unsigned i = 0; i + 1 < k->n; i++) {
		unsigned at = key_offset(clang_getRangeStart(clang_getCursorExtent(k->v[i])));
		if (at < semi[0])
			(*ninit)++;
		else if (at < semi[1])
			return (int)i;
	}
	return FOR_NO_COND;
}

/*
 * for: the initialisation, the condition, the body, then the increment
 * from the body's end and its 'continue's (the next iteration's start).  A
 * body counted from 0 up to a parameter runs under the guard that the
 * count is not 0 (guard_for_count).  A loop without a condition ('for
 * (;;)') leaves only by 'break' (or return, goto): task_rq_lock() returns
 * from inside one with the runqueue locked and interrupts off, and the
 * state before its body is no way out.  A
 * header not written out is walked as a loop that may end anywhere: its
 * parts in order, the state before the body a way out.
 */
static void walk_for(struct walker *w, CXCursor c, const struct kids *k, struct lstate *exit_state)
{
	unsigned ninit = 0, body = k->n - 1;
	int cond = for_cond_index(c, k, &ninit);
	if (cond == FOR_UNREAD) {
		for (unsigned i = 0; i < body; i++)
			walk_stmt(w, k->v[i]);
		*exit_state = w->st;
		struct region outer = branch_enter(w);
		walk_stmt(w, k->v[body]);
		branch_leave(w, outer);
		ls_join(w, exit_state, &w->st);
		ls_join(w, exit_state, &w->frames[w->nframes - 1].cont);
		return;
	}
	for (unsigned i = 0; i < ninit; i++)
		walk_stmt(w, k->v[i]);
	struct region outer = w->region;
	bool may_skip = cond != FOR_NO_COND;
	*exit_state = dead_state;
	if (may_skip) {
		struct lstate t;
		walk_cond(w, k->v[cond], &t, exit_state);
		w->st = t;
		outer = branch_enter(w);   /* the body may not run */
	}
	struct guard count;   /* 'for (i = 0; i < n; ..)': the body runs for n != 0 */
	struct guard_set counted = { 0 };
	if (may_skip && ninit == 1 && guard_for_count(w->kenv.func, k->v[0], k->v[cond], &count))
		guard_set_add(&counted, &count);
	int pushed = push_guards_for(w, &counted, k->v[body]);
	walk_stmt(w, k->v[body]);
	w->nguards -= pushed;
	ls_join(w, &w->frames[w->nframes - 1].cont, &w->st);
	w->st = w->frames[w->nframes - 1].cont;   /* the increment runs after both */
	w->frames[w->nframes - 1].cont = dead_state;
	unsigned first_inc = may_skip ? (unsigned)cond + 1 : ninit;
	for (unsigned i = first_inc; i < body; i++)
		walk_stmt(w, k->v[i]);
	if (may_skip) {
		branch_leave(w, outer);
		ls_join(w, exit_state, &w->st);   /* the condition, again, fails */
	}
}

void walk_loop(struct walker *w, CXCursor c, enum CXCursorKind kind)
{
	struct kids k;
	kids_get(&k, c);
	if (!k.n) {
		kids_free(&k);
		return;
	}
	struct lstate exit_state = dead_state;
	if (!push_frame(w, false, c)) {
		kids_free(&k);
		return;
	}
	int depth = w->nframes - 1, first_site = (int)w->f->sites.n;
	w->st.irqs_head |= 1ULL << depth;
	if (kind == CXCursor_DoStmt) {
		walk_stmt(w, k.v[0]);
		if (k.n > 1) {   /* a 'continue' goes to the condition too */
			ls_join(w, &w->st, &w->frames[depth].cont);
			w->frames[depth].cont = dead_state;
			struct lstate t;
			walk_cond(w, k.v[1], &t, &exit_state);
			w->st = t;
		}
	} else if (kind == CXCursor_WhileStmt && k.n == 2) {
		struct lstate t, f;
		walk_cond(w, k.v[0], &t, &f);
		exit_state = f;
		w->st = t;
		struct region outer = branch_enter(w);   /* the body may not run */
		walk_stmt(w, k.v[1]);
		branch_leave(w, outer);
		ls_join(w, &exit_state, &w->st);
		ls_join(w, &exit_state, &w->frames[depth].cont);   /* the condition, after a 'continue' */
	} else {
		walk_for(w, c, &k, &exit_state);
	}
	struct lstate back = w->frames[depth].cont;   /* the next iteration starts from */
	ls_join(w, &back, &w->st);                   /* the body's end or a 'continue' */
	loop_again(w, depth, first_site, &back, &exit_state);
	struct frame fr = pop_frame(w);
	w->st = exit_state;
	ls_join(w, &w->st, &fr.brk);
	w->st.irqs_head &= ~(1ULL << depth);
	kids_free(&k);
}

/* The code at a 'break' of switch frame FR (or at its end) runs for the
 * case values of FR's guard now: the code after the switch runs for them. */
void switch_exit(struct frame *fr)
{
	const struct guard *g = fr->guard;
	if (!g || g->any) {
		fr->out.any = true;
		return;
	}
	for (int i = 0; i < g->n && !fr->out.any; i++) {
		bool seen = false;
		for (int j = 0; j < fr->out.n; j++)
			seen |= fr->out.v[j] == g->v[i];
		if (seen)
			continue;
		if (fr->out.n == GUARD_MAX_VALUES)
			fr->out.any = true;
		else
			fr->out.v[fr->out.n++] = g->v[i];
	}
}

/* Enter the guard G of a switch with body BODY: it holds for one case at a
 * time, from its label to the next (walk_case moves it, frame_end finds
 * the next). */
static bool push_switch_guard(struct walker *w, const struct guard *g, CXCursor body)
{
	CXSourceRange r = clang_getCursorExtent(body);
	if (!push_guard(w, g, key_offset(clang_getRangeStart(r)), key_offset(clang_getRangeEnd(r))))
		return false;
	w->gframes[w->nguards - 1].cases = body;
	w->gframes[w->nguards - 1].is_switch = true;
	return true;
}

/*
 * 'switch (param)': each case's code is under the case's values.  The code
 * after the switch is under the values of the cases that leave it by
 * 'break' or by its end, when the default (there must be one) does not:
 * gfs2's iomap_begin goes on to its write path after 'switch (flags &
 * (IOMAP_WRITE | IOMAP_ZERO))' only for those two, since 'default: goto
 * out;'.  Returns whether *AFTER (if not NULL) holds that guard.
 */
bool walk_switch(struct walker *w, CXCursor c, struct guard_set *after)
{
	bool guards_after = false;
	struct kids k;
	kids_get(&k, c);
	if (k.n >= 2) {
		walk_expr(w, k.v[0]);
		long long mask;
		struct guard g = { .param = guard_switch_param(w->kenv.func, k.v[0], &mask), .any = true };
		g.mask = mask;
		guards_at_entry(w, k.v[0], &g, 1);
		if (!push_frame(w, true, c)) {
			kids_free(&k);
			return false;
		}
		if (g.param >= 0)
			w->frames[w->nframes - 1].guard = &g;
		bool guarded = g.param >= 0 && push_switch_guard(w, &g, k.v[k.n - 1]);
		w->st = dead_state;   /* code before the first case label is unreachable */
		struct region outer = branch_enter(w);
		walk_stmt(w, k.v[k.n - 1]);
		branch_leave(w, outer);
		if (guarded)
			w->nguards--;
		if (!w->st.dead)
			switch_exit(&w->frames[w->nframes - 1]);
		struct frame fr = pop_frame(w);
		if (after && g.param >= 0 && fr.has_default && !fr.out.any && fr.out.n > 0 &&
		    gotos_stay_in_block(w, k.v[k.n - 1])) {
			after->n = 1;
			after->v[0] = fr.out;
			after->v[0].param = g.param;
			after->v[0].mask = g.mask;
			guards_after = true;
		}
		ls_join(w, &w->st, &fr.brk);
		if (!fr.has_default)
			ls_join(w, &w->st, &fr.entry);
	}
	kids_free(&k);
	return guards_after;
}

void walk_case(struct walker *w, CXCursor c, bool is_default)
{
	struct frame *fr = NULL;
	for (int i = w->nframes - 1; i >= 0 && !fr; i--)
		if (w->frames[i].is_switch)
			fr = &w->frames[i];
	region_restart(w);   /* before the join: a case fallen into stays in the run */
	if (fr) {
		if (fr->guard) {   /* before the join: did anything fall through to here? */
			guard_case(fr->guard, c, is_default, w->st.dead);
			for (int i = w->nguards - 1; i >= 0; i--)
				if (w->guards[i] == fr->guard) {
					w->gframes[i].start = key_offset(clang_getCursorLocation(c));
					/* fallen into from the case before: a goto from there stays in */
					w->gframes[i].broken &= !w->st.dead;
					break;
				}
		}
		ls_join(w, &w->st, &fr->entry);
		fr->has_default |= is_default;
	}
	struct kids k;
	kids_get(&k, c);
	if (k.n)
		walk_stmt(w, k.v[k.n - 1]);   /* the labelled statement; the rest is the case value */
	kids_free(&k);
}

void walk_return(struct walker *w, CXCursor c)
{
	CXCursor kk[1];
	if (key_children(c, kk, 1)) {
		long long v;
		if (!w->st.dead && !(guard_const_value(kk[0], &v) && v == 0))
			w->ret_live |= GK_ALL_STATES & ~guards_ctx_dead(w) &
				       ~guard_context_false(w->tu, w->kenv.func, w->env->rules, call_zero, w, kk[0]);
		walk_expr(w, kk[0]);
		note_return(w, kk[0]);
		if (w->returns_lockptr) {
			const char *self = arena_printf(&w->f->arena, "ret:%s", w->kenv.func_qname);
			add_alias(w, c, self, key_lock_ptr(&w->kenv, kk[0]));
		}
	}
	leave_scopes(w, 0, clang_getCursorLocation(c), false);   /* after the value: 'return f();' runs locked */
	ls_join(w, &w->exit, &w->st);
	w->st = dead_state;
	w->left = true;
	region_exit(w);
}
