/* SPDX-License-Identifier: GPL-2.0-only
 * notifier.h - call chains.  A subsystem keeps a chain head, modules put
 * their notifier_block on it, and the chain's owner calls every block on
 * it through nb->notifier_call (kernel/notifier.c).  Every block in the
 * kernel is stored into the one key notifier_block.notifier_call, whatever
 * chain it goes on: a wide dispatch.
 */
#ifndef _LINUX_NOTIFIER_H
#define _LINUX_NOTIFIER_H

#include <linux/spinlock.h>
#include <linux/mutex.h>

struct notifier_block;
typedef int (*notifier_fn_t)(struct notifier_block *nb, unsigned long action, void *data);

struct notifier_block {
	notifier_fn_t notifier_call;
	struct notifier_block *next;
	int priority;
};

struct atomic_notifier_head {
	spinlock_t lock;
	struct notifier_block *head;
};

/* A blocking chain: its walkers sleep (the kernel's is an rwsem; a mutex
 * here), so its callbacks run in process context with interrupts on. */
struct blocking_notifier_head {
	struct mutex lock;
	struct notifier_block *head;
};

#define NOTIFY_DONE	0x0000
#define NOTIFY_OK	0x0001

extern int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
extern int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v);
extern int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *nb);
extern int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v);

#endif
