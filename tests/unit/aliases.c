// SPDX-License-Identifier: GPL-2.0-only
/*
 * aliases.c - input for test_aliases: lock classes made by link's
 * union-find over lock-pointer assignments, and the proof a finding keeps.
 * Four names of one lock: the ccw device's lock is the port's (join_port),
 * the port's is the subchannel's (join_sch), the subchannel's points into
 * an object (join_obj); a longer chain (the detour_* functions) joins the
 * ccw device's lock to the subchannel's as well.  do_cio_interrupt holds
 * the subchannel's lock into ccw_helper, which takes the ccw device's: one
 * recursive-lock, whose proof is the shortest chain, from the acquired key
 * back to the held one.  A lock parameter (take_param's 'arg#0') is a
 * different lock in every call and is never in a class; a lock nobody
 * assigns is a class of its own.  Self-contained, like deadlock.c.
 */
struct raw_spinlock { int slock; };
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;

void _raw_spin_lock(struct raw_spinlock *l);
void _raw_spin_unlock(struct raw_spinlock *l);
static inline void spin_lock(spinlock_t *l) { _raw_spin_lock(&l->rlock); }
static inline void spin_unlock(spinlock_t *l) { _raw_spin_unlock(&l->rlock); }

struct subchannel { spinlock_t *lock; };
struct ccw_device { spinlock_t *ccwlock; };
struct port { spinlock_t *plock; };
struct hop1 { spinlock_t *l1; };
struct hop2 { spinlock_t *l2; };
struct obj { spinlock_t lock; };
struct lonely { spinlock_t lock; };

void join_port(struct ccw_device *cdev, struct port *p)
{
	cdev->ccwlock = p->plock;
}

void join_sch(struct port *p, struct subchannel *sch)
{
	p->plock = sch->lock;
}

void join_obj(struct subchannel *sch, struct obj *o)
{
	sch->lock = &o->lock;
}

void detour_1(struct ccw_device *cdev, struct hop1 *h)
{
	cdev->ccwlock = h->l1;
}

void detour_2(struct hop1 *h, struct hop2 *g)
{
	h->l1 = g->l2;
}

void detour_3(struct hop2 *g, struct subchannel *sch)
{
	g->l2 = sch->lock;
}

void take_param(spinlock_t *l)
{
	spin_lock(l);
	spin_unlock(l);
}

void take_lonely(struct lonely *x)
{
	spin_lock(&x->lock);
	spin_unlock(&x->lock);
}

static void ccw_helper(struct ccw_device *cdev)
{
	spin_lock(cdev->ccwlock);
	spin_unlock(cdev->ccwlock);
}

void do_cio_interrupt(struct subchannel *sch, struct ccw_device *cdev)
{
	spin_lock(sch->lock);
	ccw_helper(cdev);
	spin_unlock(sch->lock);
}
