/* SPDX-License-Identifier: GPL-2.0-only
 * slot_tables.c - input of test_slot_tables: what extract records of ops
 * tables kept in an array indexed by a type (slot_store, site.ind_slot).
 */
#define NULL ((void *)0)

struct dev;
struct rep_ops { int (*load)(struct dev *d); void (*unload)(struct dev *d); };
struct table { int (*load)(struct dev *d); };

struct core {
	const struct rep_ops *ops[4];      /* slots: pointers to tables */
	struct table inline_tbls[2];       /* tables in the array itself: no slot */
	const struct rep_ops *other;
	const struct rep_ops **dyn;        /* through a pointer: no one array */
};

static int x_load(struct dev *d) { return 0; }
static void x_unload(struct dev *d) { }
static const struct rep_ops x_ops = { .load = x_load, .unload = x_unload };

void register_reps(struct core *c, const struct rep_ops *ops, unsigned char type)
{
	c->ops[type] = ops;
}

void register_fixed(struct core *c)
{
	c->ops[3] = &x_ops;
	c->ops[2] = c->other;
}

void unregister_reps(struct core *c, unsigned char type)
{
	c->ops[type] = NULL;
	c->dyn[type] = &x_ops;
}

int load_rep(struct core *c, struct dev *d, unsigned char type)
{
	return c->ops[type]->load(d);
}

int load_first(struct core *c, struct dev *d)
{
	return c->ops[1]->load(d) + c->inline_tbls[1].load(d) + c->dyn[1]->load(d);
}
