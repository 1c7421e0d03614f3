/* SPDX-License-Identifier: GPL-2.0-only
 * notifier.c - the chain walkers (kernel/notifier.c in Linux): register
 * links a block into a chain head's list, call_chain runs each block's
 * notifier_call in turn, under the head's lock for atomic chains.
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

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *n)
{
	unsigned long flags;
	struct notifier_block **pos;

	spin_lock_irqsave(&nh->lock, flags);
	for (pos = &nh->head; *pos && (*pos)->priority >= n->priority; pos = &(*pos)->next)
		;
	n->next = *pos;
	*pos = n;
	spin_unlock_irqrestore(&nh->lock, flags);
	return 0;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long val, void *v)
{
	return walk_chain(&nh->head, val, v);
}
