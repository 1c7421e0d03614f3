/* SPDX-License-Identifier: GPL-2.0-only
 * wait.c - wait queues (kernel/sched/wait.c in Linux).  Entries go on a
 * queue head's list under its lock; waking walks the list, still under the
 * lock, and calls each entry's func: a task's autoremove_wake_function, or
 * a wake function of the entry's owner.  The walk is the call through
 * wait_queue_entry.func that the chain rules resolve per queue.  Each
 * init_waitqueue_head() expansion gives its queue's lock a class of its own.
 */
#include <linux/wait.h>
#include <linux/lockdep.h>

extern int wake_up_process(void *task);

void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
			   struct lock_class_key *key)
{
	spin_lock_init(&wq_head->lock);
	/* the class is the one init_waitqueue_head() declared at the caller */
	lockdep_set_class_and_name(&wq_head->lock, key, name);
	INIT_LIST_HEAD(&wq_head->head);
}

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

/* Every waiter's wake function, with the head's lock held. */
static void wake_each(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key)
{
	struct wait_queue_entry *pos, *next;

	list_for_each_entry_safe(pos, next, &wq_head->head, entry) {
		if (pos->func(pos, mode, 0, key) && (pos->flags & WQ_FLAG_EXCLUSIVE) && !--nr)
			break;
	}
}

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	wake_each(wq_head, mode, nr, key);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode, int sync, void *key)
{
	int woken = wake_up_process(wq_entry->private);

	if (woken)
		list_del(&wq_entry->entry);
	return woken;
}

void init_wait_entry(struct wait_queue_entry *wq_entry, int flags)
{
	wq_entry->flags = flags;
	wq_entry->private = NULL;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}

long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock_irqrestore(&wq_head->lock, flags);
	return 0;
}

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	unsigned long flags;

	spin_lock_irqsave(&wq_head->lock, flags);
	list_del(&wq_entry->entry);
	spin_unlock_irqrestore(&wq_head->lock, flags);
}
