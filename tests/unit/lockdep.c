// SPDX-License-Identifier: GPL-2.0-only
/*
 * lockdep.c - input for test_lockdep: what link makes of lockdep's class
 * calls (link/lockdep_class.c).  Comments on a line state it:
 *   'lockdep: NAME CLASS'   the lock class of key or lock path NAME has
 *                           lockdep class CLASS ('split': none known, two of
 *                           its locks nested are not a recursion;
 *                           'novalidate'; or the key, '@LINE' standing for
 *                           'init:tests/unit/lockdep.c:LINE', the init site on line LINE)
 *   'note: NAME'            ... and recursive-lock's note
 *   'apart: A B'            A and B are different lock classes
 *   'together: A B'         A and B are one lock class
 * Self-contained: its own small lock layer, with the kernel's names.
 */
struct lock_class_key { char one; };
struct lockdep_map { struct lock_class_key *key; const char *name; };
typedef struct raw_spinlock { int slock; struct lockdep_map dep_map; } raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; struct lockdep_map dep_map; } spinlock_t;
struct mutex { int owner; struct lockdep_map dep_map; };

extern struct lock_class_key __lockdep_no_validate__;
void __raw_spin_lock_init(raw_spinlock_t *l, const char *name, struct lock_class_key *key);
void __mutex_init(struct mutex *m, const char *name, struct lock_class_key *key);
void lockdep_init_map_type(struct lockdep_map *map, const char *name, struct lock_class_key *key, int sub);
void _raw_spin_lock(raw_spinlock_t *l);
void _raw_spin_unlock(raw_spinlock_t *l);
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
static inline raw_spinlock_t *spinlock_check(spinlock_t *l) { return &l->rlock; }

#define spin_lock_init(l) do { static struct lock_class_key __key; __raw_spin_lock_init(spinlock_check(l), #l, &__key); } while (0)
#define mutex_init(m) do { static struct lock_class_key __key; __mutex_init((m), #m, &__key); } while (0)
#define lockdep_set_class(l, k) lockdep_init_map_type(&(l)->dep_map, #k, k, 0)
#define lockdep_set_subclass(l, s) lockdep_init_map_type(&(l)->dep_map, #l, (l)->dep_map.key, s)
#define lockdep_set_novalidate_class(l) lockdep_init_map_type(&(l)->dep_map, #l, &__lockdep_no_validate__, 0)
#define spin_lock(l) _raw_spin_lock(&(l)->rlock)
#define spin_unlock(l) _raw_spin_unlock(&(l)->rlock)

/* Each lock class is taken somewhere: link classes only locks code takes. */
#define TAKE(l) do { spin_lock(l); spin_unlock(l); } while (0)

/* 1. One init site, keyed through a parameter by two callers: split. */
struct chan { spinlock_t lock; };
struct port_pair { struct chan tx, rx; };
static struct lock_class_key tx_key, rx_key;
static void chan_init(struct chan *c, struct lock_class_key *key)
{
	spin_lock_init(&c->lock);
	lockdep_set_class(&c->lock, key);
}
void pair_init(struct port_pair *p)
{
	chan_init(&p->tx, &tx_key);
	chan_init(&p->rx, &rx_key);
}
void chan_use(struct chan *c) { TAKE(&c->lock); }	/* lockdep: chan.lock split */

/* 2. Two plain init sites: two lockdep classes, split. */
struct twice { struct mutex m; };
void twice_a(struct twice *t) { mutex_init(&t->m); }
void twice_b(struct twice *t) { mutex_init(&t->m); }
void twice_use(struct twice *t) { mutex_lock(&t->m); mutex_unlock(&t->m); }	/* lockdep: twice.m split */

/* 3. One init site, one exception elsewhere: the init site's class, with a note. */
struct sub { spinlock_t *lock; };
static struct lock_class_key console_key;
void sub_create(struct sub *s, spinlock_t *mem)
{
	s->lock = mem;
	spin_lock_init(s->lock);
}
void sub_console(struct sub *s) { lockdep_set_class(s->lock, &console_key); }
void sub_use(struct sub *s) { TAKE(s->lock); }	/* lockdep: *sub.lock @70 */	/* note: *sub.lock */

/* 4. Novalidate right after init; a constant subclass right after init. */
struct node { struct mutex write_lock; spinlock_t lock; };
void node_alloc(struct node *n)
{
	mutex_init(&n->write_lock);
	lockdep_set_novalidate_class(&n->write_lock);
	spin_lock_init(&n->lock);
	lockdep_set_subclass(&n->lock, 2);
}
void node_use(struct node *n)
{
	mutex_lock(&n->write_lock);	/* lockdep: node.write_lock novalidate */
	mutex_unlock(&n->write_lock);
	TAKE(&n->lock);			/* lockdep: node.lock init:tests/unit/lockdep.c:81/2 */
}

/* 5. A key inside each object: split. */
struct team { struct mutex lock; struct lock_class_key key; };
void team_init(struct team *t) { __mutex_init(&t->lock, "team", &t->key); }
void team_use(struct team *t) { mutex_lock(&t->lock); mutex_unlock(&t->lock); }	/* lockdep: team.lock split */

/* 6. An exception the code names through its container: told apart. */
struct ctx { spinlock_t lock; };
struct cpu_ctx { struct ctx ctx; };
static struct lock_class_key cpu_key;
static void ctx_init(struct ctx *c) { spin_lock_init(&c->lock); }
void cpu_setup(struct cpu_ctx *cc)
{
	ctx_init(&cc->ctx);
	lockdep_set_class(&cc->ctx.lock, &cpu_key);
}
void ctx_use(struct cpu_ctx *cc, struct ctx *c)
{
	TAKE(&cc->ctx.lock);	/* lockdep: cpu_ctx.ctx.lock tests/unit/lockdep.c:cpu_key */	/* apart: cpu_ctx.ctx.lock ctx.lock */
	TAKE(&c->lock);		/* lockdep: ctx.lock @100 */
}

/* 7. Two globals aliased through one pointer field, each re-keyed: each
 * its own class, the pointer field's locks split. */
struct port { spinlock_t *lock; };
static spinlock_t a_lock, b_lock;
static struct lock_class_key a_key, b_key;
void ports_init(struct port *p, struct port *q)
{
	lockdep_set_class(&a_lock, &a_key);
	lockdep_set_class(&b_lock, &b_key);
	p->lock = &a_lock;
	q->lock = &b_lock;
}
void port_use(struct port *p)
{
	TAKE(p->lock);		/* lockdep: *port.lock split */	/* apart: tests/unit/lockdep.c:a_lock tests/unit/lockdep.c:b_lock */
	TAKE(&a_lock);		/* lockdep: tests/unit/lockdep.c:a_lock tests/unit/lockdep.c:a_key */
}

/* 8. Nothing lockdep-specific: no row, one class as before. */
struct plain { spinlock_t lock; spinlock_t *alias; };
void plain_use(struct plain *p) { p->alias = &p->lock; TAKE(p->alias); }	/* together: plain.lock *plain.alias */
