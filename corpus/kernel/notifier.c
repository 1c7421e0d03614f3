/* SPDX-License-Identifier: GPL-2.0-only
 * notifier.c - the chain walkers (kernel/notifier.c in Linux): register
 * links a block into a chain head's list, call_chain runs each block's
 * notifier_call in turn; an atomic chain's head lock spins, a blocking
 * chain's sleeps.
 */
#include <linux/notifier.h>

static int walk_chain(struct notifier_block **first, unsigned long val, void *v)
{
	int last = NOTIFY_DONE;
	struct notifier_block *nb;

	for (nb = *first; nb; nb = nb->next)
		last = nb->notifier_call(nb, val, v);
	return last;
}

/* Link N in by priority, highest first. */
static void link_block(struct notifier_block **first, struct notifier_block *n)
{
	struct notifier_block **pos;

	for (pos = first; *pos && (*pos)->priority >= n->priority; pos = &(*pos)->next)
		;
	n->next = *pos;
	*pos = n;
}

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *n)
{
	unsigned long flags;

	spin_lock_irqsave(&nh->lock, flags);
	link_block(&nh->head, n);
	spin_unlock_irqrestore(&nh->lock, flags);
	return 0;
}

int blocking_notifier_chain_register(struct blocking_notifier_head *nh, struct notifier_block *n)
{
	mutex_lock(&nh->lock);
	link_block(&nh->head, n);
	mutex_unlock(&nh->lock);
	return 0;
}

int blocking_notifier_call_chain(struct blocking_notifier_head *nh, unsigned long val, void *v)
{
	int ret = NOTIFY_DONE;

	if (nh->head) {
		mutex_lock(&nh->lock);
		ret = walk_chain(&nh->head, val, v);
		mutex_unlock(&nh->lock);
	}
	return ret;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v)
{
	return walk_chain(&nh->head, val, v);
}
