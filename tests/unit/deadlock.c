// SPDX-License-Identifier: GPL-2.0-only
/*
 * deadlock.c - input for test_engine: the 2019 balloon deadlock in a dozen
 * lines.  do_cio_interrupt (a hardirq entry in rules/contexts.rules) takes
 * the subchannel lock and calls ccw_helper, which takes the ccw device
 * lock, which setup() made the same lock.  One recursive-lock finding, and
 * a sleep under it.  Self-contained, like lockkeys.c.
 */
struct raw_spinlock { int slock; };
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;
struct mutex { int owner; };

void _raw_spin_lock(struct raw_spinlock *l);
void _raw_spin_unlock(struct raw_spinlock *l);
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
static inline void spin_lock(spinlock_t *l) { _raw_spin_lock(&l->rlock); }
static inline void spin_unlock(spinlock_t *l) { _raw_spin_unlock(&l->rlock); }

struct subchannel { spinlock_t *lock; };
struct ccw_device { spinlock_t *ccwlock; struct mutex io; };

void setup(struct ccw_device *cdev, struct subchannel *sch)
{
	cdev->ccwlock = sch->lock;
}

static void ccw_helper(struct ccw_device *cdev)
{
	spin_lock(cdev->ccwlock);
	spin_unlock(cdev->ccwlock);
	mutex_lock(&cdev->io);
	mutex_unlock(&cdev->io);
}

void do_cio_interrupt(struct subchannel *sch, struct ccw_device *cdev)
{
	spin_lock(sch->lock);
	ccw_helper(cdev);
	spin_unlock(sch->lock);
}

/* Nine locks at once: one more than the check tracks (CK_MAX_HELD), which
 * it must count (check_stats.held_full) for the report to say so. */
struct nine { spinlock_t l1, l2, l3, l4, l5, l6, l7, l8, l9; };

void hold_nine(struct nine *n)
{
	spin_lock(&n->l1);
	spin_lock(&n->l2);
	spin_lock(&n->l3);
	spin_lock(&n->l4);
	spin_lock(&n->l5);
	spin_lock(&n->l6);
	spin_lock(&n->l7);
	spin_lock(&n->l8);
	spin_lock(&n->l9);
	spin_unlock(&n->l9);
	spin_unlock(&n->l8);
	spin_unlock(&n->l7);
	spin_unlock(&n->l6);
	spin_unlock(&n->l5);
	spin_unlock(&n->l4);
	spin_unlock(&n->l3);
	spin_unlock(&n->l2);
	spin_unlock(&n->l1);
}
