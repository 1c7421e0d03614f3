/* SPDX-License-Identifier: GPL-2.0-only
 * dead_tables.c - input of test_dead_tables: static tables whose function
 * stores stay or go.  A table named dead_* is handed out only by code a
 * constant condition cuts off (its stores must go); live_* ones are named
 * somewhere else too: in code that runs, in a macro argument that runs,
 * in another table's initialiser, in a macro argument beside a cut-off
 * branch of the same macro; or it is no static; or nothing names it at
 * all (a section keeps it).  Each table stores a function named after
 * it.
 */
#define OFF 0
struct ops { void (*fn)(void); };
extern void take(struct ops *o);
extern void dead_a_fn(void), dead_b_fn(void), live_a_fn(void), live_b_fn(void), live_c_fn(void);
extern void live_d_fn(void), live_e_fn(void), live_f_fn(void);
extern void bad_size(void);

static struct ops dead_a = { .fn = dead_a_fn };
static struct ops dead_b = { .fn = dead_b_fn };
static struct ops live_a = { .fn = live_a_fn };
static struct ops live_b = { .fn = live_b_fn };
static struct ops live_c = { .fn = live_c_fn };
struct ops live_d = { .fn = live_d_fn };      /* not static: other files may name it */
static struct ops *live_tables[] = { &live_c };
/* named nowhere: a linker section's entry (EXPORT_SYMBOL's, an initcall's) */
static struct ops live_e __attribute__((used, section(".discard.tables"))) = { .fn = live_e_fn };

#define REGISTER(o) take(o)
/* WRITE_ONCE()'s shape: a compile-time check under a constant condition,
 * cut off, beside the store of the live argument, on one line */
#define STORE_ONCE(p, v) do { if (sizeof(p) > 8) bad_size(); (p) = (v); } while (0)
static struct ops *current_ops;
static struct ops live_f = { .fn = live_f_fn };

int setup(int x)
{
	if (OFF)
		take(&dead_a);
	if (OFF) {
		take(&dead_b);
		take(&live_a);
	}
	take(&live_a);
	REGISTER(&live_b);
	STORE_ONCE(current_ops, &live_f);
	if (!OFF)
		return x;
	take(&dead_b);   /* after a return every path takes: cut off too */
	return 0;
}

int use_tables(void)
{
	take(live_tables[0]);
	return 0;
}
