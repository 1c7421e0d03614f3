/* SPDX-License-Identifier: GPL-2.0-only
 * member_tables.c - input of test_member_tables: what extract records of
 * ops tables an object's member points to (table_store, site.ind_table).
 */
#define NULL ((void *)0)

struct dev;
struct bus_ops { int (*probe)(struct dev *d); void (*remove)(struct dev *d); };
struct plain { int n; };                 /* no function pointer: not a table */

struct dev { const struct bus_ops *bus; struct plain *data; };
struct card { int id; struct dev dev; };

static int x_probe(struct dev *d) { return 0; }
static void x_remove(struct dev *d) { }
static const struct bus_ops x_bus = { .probe = x_probe, .remove = x_remove };

void card_init(struct card *c, struct plain *p)
{
	c->dev.bus = &x_bus;      /* through the container: a global table */
	c->dev.data = p;          /* not a table's type: not recorded */
}

void dev_set_bus(struct dev *d, const struct bus_ops *ops)
{
	d->bus = ops;             /* through a parameter: a table not known */
}

void dev_clear(struct dev *d)
{
	d->bus = NULL;            /* no store: through it nothing is called */
}

void dev_remove(struct dev *d)
{
	if (d->bus && d->bus->remove)
		d->bus->remove(d);
}

struct rm_param { const struct bus_ops *bus; int flags; };

void rm_with(struct dev *d)
{
	struct rm_param p = { .bus = &x_bus, .flags = 1 };   /* a local's initialiser: a store */
	p.bus->remove(d);
}

int card_probe(struct card *c)
{
	const struct bus_ops *ops = c->dev.bus;
	return c->dev.bus->probe(&c->dev) + ops->probe(&c->dev);
}

/* A constructor (check/ctor_tables.c): the object it returns holds the
 * table it was given. */
void *kzalloc(unsigned long size, unsigned int flags);

struct dev *dev_make(const struct bus_ops *ops)
{
	struct dev *made = kzalloc(sizeof(*made), 0);

	made->bus = ops;
	return made;
}

struct handle;                           /* a struct this file does not see */
struct handle *handle_get(void);
struct owner { struct dev *main, *spare, *direct; struct handle *h; struct plain *p; };

void owner_init(struct owner *o, struct dev *given, struct plain *p)
{
	struct dev *d = dev_make(&x_bus);

	o->main = d;                     /* what the call returned, through a local */
	o->spare = given;                /* something else */
	o->direct = dev_make(&x_bus);    /* what the call returned, straight */
	o->h = handle_get();             /* an opaque handle */
	o->p = p;                        /* no table member: not recorded */
	o->main = NULL;                  /* no store */
}
