/*
 * lockkeys.c - input for test_lockkeys: every lock operation carries the key
 * lockpath must give it, in a comment 'key: KEY' on its line; comments
 * 'same-class: A B' and 'other-class: A B' state what link's alias union
 * must conclude.  Self-contained: its own small lock layer,
 * shaped like the kernel's (inline wrappers over _raw_ primitives, a
 * checking pass-through, the rlock member).
 */
struct raw_spinlock { int slock; };
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
struct mutex { int owner; };

void _raw_spin_lock(struct raw_spinlock *l);
void _raw_spin_unlock(struct raw_spinlock *l);
unsigned long _raw_spin_lock_irqsave(struct raw_spinlock *l);
void _raw_spin_unlock_irqrestore(struct raw_spinlock *l, unsigned long flags);
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);

#define raw_spin_lock(l) _raw_spin_lock(l)
static inline void spin_lock(spinlock_t *l) { raw_spin_lock(&l->rlock); }
static inline void spin_unlock(spinlock_t *l) { _raw_spin_unlock(&l->rlock); }
static inline struct raw_spinlock *spinlock_check(spinlock_t *l) { return &l->rlock; }
#define spin_lock_irqsave(l, f) do { f = _raw_spin_lock_irqsave(spinlock_check(l)); } while (0)

struct inner { spinlock_t lock; };
struct outer { struct inner in; spinlock_t *lockptr; struct mutex m; };
struct dev { spinlock_t *ccwlock; struct outer *o; };
#define get_lock(d) ((d)->ccwlock)

spinlock_t global_lock;
static spinlock_t file_lock;
static spinlock_t *table_lock_of(struct dev *d) { return d->ccwlock; }

void embedded(struct outer *x)
{
	spin_lock(&x->in.lock);          /* key: inner.lock */
	spin_unlock(&x->in.lock);        /* key: inner.lock */
}

void through_pointer(struct outer *x)
{
	spin_lock(x->lockptr);           /* key: *outer.lockptr */
	spin_unlock(x->lockptr);         /* key: *outer.lockptr */
}

void through_macro(struct dev *d)
{
	unsigned long f;
	spin_lock_irqsave(get_lock(d), f);   /* key: *dev.ccwlock */
	(void)f;
}

void nested_member(struct dev *d)
{
	spin_lock(&d->o->in.lock);       /* key: inner.lock */
	mutex_lock(&d->o->m);            /* key: outer.m */
	mutex_unlock(&d->o->m);          /* key: outer.m */
}

void globals(void)
{
	spin_lock(&global_lock);         /* key: global_lock */
	spin_lock(&file_lock);           /* key: tests/unit/lockkeys.c:file_lock */
}

void local_pointer(struct dev *d)
{
	spinlock_t *l = d->ccwlock;
	spin_lock(l);                    /* key: *dev.ccwlock */
	spinlock_t *m = &d->o->in.lock;
	spin_lock(m);                    /* key: inner.lock */
}

void returned(struct dev *d)
{
	spin_lock(table_lock_of(d));     /* key: ret:tests/unit/lockkeys.c:table_lock_of */
}

void parameter(spinlock_t *p, struct outer *x)
{
	spin_lock(p);                    /* key: arg#0 */
	embedded(x);
}

/* A function that only locks its parameter is a wrapper, like spin_lock:
 * its callers get the lock operation, with their own argument as the key. */
void lock_dev(struct dev *d, spinlock_t *l) { spin_lock(l); }

void calls_wrapper(struct dev *d)
{
	lock_dev(d, d->ccwlock);         /* key: *dev.ccwlock */
}

void aliases(struct dev *d, struct outer *o)
{
	d->ccwlock = o->lockptr;         /* same-class: *dev.ccwlock *outer.lockptr */
	o->lockptr = &o->in.lock;        /* same-class: *outer.lockptr inner.lock */
	                                 /* same-class: ret:tests/unit/lockkeys.c:table_lock_of inner.lock */
	                                 /* other-class: global_lock inner.lock */
	                                 /* other-class: tests/unit/lockkeys.c:file_lock global_lock */
}
