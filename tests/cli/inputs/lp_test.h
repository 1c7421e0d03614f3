/*
 * lp_test.h - the few kernel locking primitives the CLI tests' generated
 * trees use, spelled the way rules/kernel-locks.rules knows them (an
 * extern _raw_spin_lock under static inline spin_lock, 'rlock' inside a
 * spinlock_t), and one hardirq entry point from rules/contexts.rules.
 */
#ifndef LP_TEST_H
#define LP_TEST_H

typedef struct raw_spinlock { int slock; } raw_spinlock_t;
typedef struct spinlock { struct raw_spinlock rlock; } spinlock_t;

void _raw_spin_lock(raw_spinlock_t *lock);
void _raw_spin_unlock(raw_spinlock_t *lock);

static inline void spin_lock(spinlock_t *lock) { _raw_spin_lock(&lock->rlock); }
static inline void spin_unlock(spinlock_t *lock) { _raw_spin_unlock(&lock->rlock); }

struct device;
struct device_ops { void (*handler)(struct device *dev); };
struct device {
	spinlock_t lock;
	const struct device_ops *ops;
	int state;
};

/* rules/contexts.rules: 'entry do_io_irq hardirq' */
void do_io_irq(struct device *dev);

#endif
