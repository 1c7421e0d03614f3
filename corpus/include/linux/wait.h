/* SPDX-License-Identifier: GPL-2.0-only
 * wait.h - wait queues.  wait_event() is a macro: it may return at once
 * when the condition holds, otherwise it loops preparing to wait, testing
 * the condition and calling schedule().  The condition is evaluated in the
 * caller, so a function called from it runs on the caller's path.
 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/lockdep_types.h>

struct wait_queue_entry;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned int mode,
				 int flags, void *key);

struct wait_queue_entry {
	unsigned int flags;
	void *private;
	wait_queue_func_t func;
	struct list_head entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define WQ_FLAG_EXCLUSIVE	0x01

extern void __init_waitqueue_head(struct wait_queue_head *wq_head, const char *name,
				  struct lock_class_key *key);

#define init_waitqueue_head(wq_head)					\
	do {								\
		static struct lock_class_key __key;			\
		__init_waitqueue_head((wq_head), #wq_head, &__key);	\
	} while (0)

extern void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr, void *key);

/* The wake function wait_event()'s entries get (init_wait_entry). */
extern int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned int mode,
				    int sync, void *key);
/* Put an entry with a wake function of its own on a queue (kernel/sched/wait.c). */
extern void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* An entry whose waking runs FN instead of waking a task. */
static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry,
					     wait_queue_func_t fn)
{
	wq_entry->private = NULL;
	wq_entry->flags = 0;
	wq_entry->func = fn;
}
#define wake_up(x)		__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_all(x)		__wake_up(x, TASK_NORMAL, 0, NULL)

extern void init_wait_entry(struct wait_queue_entry *wq_entry, int flags);
extern long prepare_to_wait_event(struct wait_queue_head *wq_head,
				  struct wait_queue_entry *wq_entry, int state);
extern void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

#define ___wait_is_interruptible(state)	((state) == TASK_INTERRUPTIBLE)

/* The wait loop; CMD is what to do when the condition is still false. */
#define ___wait_event(wq_head, condition, state, exclusive, ret, cmd)		\
({										\
	struct wait_queue_entry __we;						\
	long __we_ret = (ret);							\
										\
	init_wait_entry(&__we, (exclusive) ? WQ_FLAG_EXCLUSIVE : 0);		\
	for (;;) {								\
		long __we_sig = prepare_to_wait_event(&(wq_head), &__we, state); \
										\
		if (condition)							\
			break;							\
		if (___wait_is_interruptible(state) && __we_sig) {		\
			__we_ret = __we_sig;					\
			break;							\
		}								\
		cmd;								\
	}									\
	finish_wait(&(wq_head), &__we);						\
	__we_ret;								\
})

#define __wait_event(wq_head, condition)					\
	(void)___wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0, 0, schedule())

#define wait_event(wq_head, condition)						\
	do {									\
		might_sleep();							\
		if (condition)							\
			break;							\
		__wait_event(wq_head, condition);				\
	} while (0)

#define __wait_event_interruptible(wq_head, condition)				\
	___wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0, 0, schedule())

#define wait_event_interruptible(wq_head, condition)				\
({										\
	long __wei_ret = 0;							\
	might_sleep();								\
	if (!(condition))							\
		__wei_ret = __wait_event_interruptible(wq_head, condition);	\
	(int)__wei_ret;								\
})

#endif
