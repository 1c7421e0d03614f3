/* SPDX-License-Identifier: GPL-2.0-only
 * returned.c - input of test_returned: what extract records of an object a
 * call returns (func_ret, site_arg.ret_site), of a parameter's member read
 * as an argument (site_arg.src_field), of a local struct's designated
 * initialiser (site_arg.field), and the guard of the code after a switch
 * whose default leaves.
 */
typedef unsigned int gfp_t;
#define NULL ((void *)0)

struct buf { gfp_t gfp_mask; int len; };
struct iter { int pos; unsigned flags; };

extern void *kmalloc(unsigned long size, gfp_t flags);
extern void use_buf(struct buf *b);
extern void grow(struct buf *b, int by, gfp_t gfp);
extern int begin(int pos, unsigned flags);
extern void walk(struct iter *it);
extern void write_path(void);

static struct buf *buf_alloc(int len, gfp_t gfp_mask)
{
	struct buf *b = kmalloc(sizeof(*b), gfp_mask);

	if (!b)
		return NULL;
	b->len = len;
	b->gfp_mask = gfp_mask;
	return b;
}

struct buf *buf_start(gfp_t gfp_mask)
{
	struct buf *b = buf_alloc(64, gfp_mask);

	if (!b)
		return NULL;
	use_buf(b);
	return b;
}

void buf_grow(struct buf *b)
{
	grow(b, 16, b->gfp_mask);
}

void report(void)
{
	struct iter it = { .pos = 0, .flags = 4 };

	walk(&it);
}

int mapped(int pos, unsigned flags)
{
	switch (flags & 3) {
	case 1:
		break;
	case 2:
		break;
	default:
		goto out;
	}
	write_path();
out:
	return begin(pos, flags);
}

/* A member set from a parameter, by an initialiser and by a store: the
 * callee's member holds whatever the caller's caller passed. */
struct event_item {
	void *obj;
	int report;
};

extern void deliver(struct event_item *item);

void post_event(void *obj, int report)
{
	struct event_item item = { .obj = obj, .report = report };

	deliver(&item);
}

void post_stored(struct event_item *it, int report)
{
	it->report = report;
	deliver(it);
}

/* A zeroed object handed on: the member names a function writes
 * (func.member_writes) and whether the local held nothing but the
 * allocation before the call (site_arg.ret_only). */
struct lk { int v; };
struct node { struct buf *bus; unsigned flags; int ids[4]; struct lk lk; };

extern void *kzalloc(unsigned long size, gfp_t flags);
extern void set_flag(unsigned *flags);
extern void node_add(struct node *n);

static void node_fill(struct node *n, struct buf *b, const struct node *tmpl)
{
	n->ids[2] = 1;
	n->flags |= 2;
	set_flag(&n->flags);
	b->len++;
	*(&n->lk) = (struct lk){ 0 };   /* spin_lock_init() without lockdep */
	if (tmpl)
		*n = *tmpl;
}

void node_new(struct buf *b)
{
	struct node *n = NULL;

	n = kzalloc(sizeof(*n), 0);
	node_fill(n, b, NULL);
	node_add(n);
}

void node_reuse(struct node *old)
{
	struct node *n = old;

	if (!n)
		n = kzalloc(sizeof(*n), 0);
	node_add(n);
}

/* A label inside a guarded block that a goto from outside it jumps to: the
 * code after the label runs for the goto's values too (nf_reinject()'s
 * 'next_hook:'); one only the block's own code jumps to keeps the guard. */
extern void resume_step(void);
extern void retry_step(void);
extern int requeue(void);

void reenter(int v)
{
	if (v == 1) {
again:
		resume_step();
	}
	if (v == 3 && requeue())
		goto again;
}

void retry_inside(int v)
{
	if (v == 1) {
again:
		retry_step();
		if (requeue())
			goto again;
	}
}

/* Each assignment of a parameter with the tests it runs under ('wif:'):
 * the first only for a 4 as passed, the second for a 1, or where the
 * 'case 3:' jumps back in. */
extern unsigned rerun(void);
extern unsigned iterate(void);
extern void finish(void);

void verdict_walk(unsigned v)
{
	if (v == 4)
		v = rerun();
	if (v == 1) {
next:
		v = iterate();
	}
	switch (v & 255) {
	case 1:
		finish();
		break;
	case 3:
		if (requeue())
			goto next;
		break;
	}
}

/* ... none where a write is not a plain assignment */
void verdict_bumped(unsigned v)
{
	if (v == 2)
		v += 1;
	if (v == 3)
		finish();
}

/* ... likewise a case's code after a label another case jumps to */
extern void case_step(void);
extern void case_again(void);

void case_jump(int v)
{
	switch (v) {
	case 1:
back:
		case_step();
		break;
	case 2:
		if (requeue())
			goto back;
		break;
	}
}

void case_loop(int v)
{
	switch (v) {
	case 1:
again:
		case_again();
		if (requeue())
			goto again;
		break;
	case 2:
		break;
	}
}

/* An asm may be an 'asm goto' to a label no goto names: past one, no test
 * holds; a label the function's gotos name is theirs alone (s390's
 * WARN_ON() is an asm, and nf_reinject() has one). */
extern void asm_step(void);

void asm_label(int v)
{
	__asm__ volatile("");
	if (v == 1) {
l_yes:
		asm_step();
	}
}

void verdict_warned(unsigned v)
{
	__asm__ volatile("");
	if (v == 1) {
next:
		v = iterate();
	}
	if ((v & 255) == 3 && requeue())
		goto next;
	if (v == 1)
		finish();
}

/* The right side of '&&' runs where the left side held, of '||' where it
 * did not (nfqnl_reinject()'s conntrack update). */
extern int refresh(void);
extern int recheck(void);

int and_right(int v)
{
	return v == 2 && refresh() < 0;
}

int or_right(int v)
{
	return v == 2 || recheck();
}

/* What a function of the same file stores into its argument's pointee on
 * every path is what the caller passes on after the call (ftrace_dump()'s
 * trace_init_global_iter()); a member it sets on some paths only is
 * unknown after it, and a helper that points its parameter elsewhere first
 * sets nothing of the caller's. */
struct rd_iter { int mode; char *buf; int size; };
static char rd_static_buf[16];
extern void rd_print(struct rd_iter *it);

static void rd_init(struct rd_iter *it)
{
	it->buf = rd_static_buf;
	it->size = 16;
	if (it->size > it->mode)
		it->mode = 2;
}

static void rd_init_moved(struct rd_iter *it, struct rd_iter *other)
{
	it = other;
	it->size = 8;
}

void rd_dump(void)
{
	static struct rd_iter it;

	it.mode = 1;
	rd_init(&it);
	rd_print(&it);
}

void rd_dump_moved(struct rd_iter *o)
{
	struct rd_iter it = { .size = 4 };

	rd_init_moved(&it, o);
	rd_print(&it);
}

/* A mask chosen by a context test is a value per path state: the graph
 * tracer's open() allocates with GFP_ATOMIC where it is atomic or has
 * interrupts off (site_arg.cond 'A:B@T,F').  A local set so before the
 * interrupts change is not: the test ran in the other state. */
extern int preempt_count(void);
extern unsigned long arch_local_save_flags(void);
extern int arch_irqs_disabled_flags(unsigned long flags);
extern void arch_local_irq_disable(void);
#define in_atomic() (preempt_count() != 0)
#define irqs_disabled() arch_irqs_disabled_flags(arch_local_save_flags())
extern void *ctx_alloc(unsigned long size, gfp_t gfp);

void open_ctx_mask(void)
{
	gfp_t gfp = (in_atomic() || irqs_disabled()) ? 0x20 : 0x400;

	ctx_alloc(8, gfp);
}

void open_ctx_direct(void)
{
	ctx_alloc(16, in_atomic() ? 0x20 : 0x400);
}

void open_ctx_then_irqs_off(void)
{
	gfp_t gfp = in_atomic() ? 0x20 : 0x400;

	arch_local_irq_disable();
	ctx_alloc(24, gfp);
}

/* A parameter assigned what a call returns: a mask write when the callee
 * returns that argument having only masked it (current_gfp_context()),
 * anything when it returns something else. */
extern unsigned int task_scope(void);
extern void populate_chunk(void);

static inline gfp_t scope_mask(gfp_t flags)
{
	if (task_scope())
		flags &= ~0xc0u;
	return flags;
}

static inline gfp_t scope_other(gfp_t flags, gfp_t other)
{
	return task_scope() ? other : flags;
}

void gfp_scoped(gfp_t gfp)
{
	gfp = scope_mask(gfp);
	if (gfp & 0x400)
		populate_chunk();
}

void gfp_replaced(gfp_t gfp, gfp_t other)
{
	gfp = scope_other(gfp, other);
	if (gfp & 0x400)
		populate_chunk();
}

/* A helper's stores fill free slots only: a caller that tracks eleven
 * members keeps them (and passes them on) after a helper that sets three. */
struct many { int a, b, c, d, e, f, g, h, i, j, k, x, y, z; };
extern void use_many(struct many *m);

static void many_init(struct many *m)
{
	m->x = 1;
	m->y = 2;
	m->z = 3;
}

void many_fill(void)
{
	struct many m;

	m.a = 1; m.b = 1; m.c = 1; m.d = 1; m.e = 1; m.f = 1;
	m.g = 1; m.h = 1; m.i = 1; m.j = 1; m.k = 1;
	many_init(&m);
	use_many(&m);
}
