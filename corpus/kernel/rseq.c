/* SPDX-License-Identifier: GPL-2.0-only
 * rseq.c - corpus model of kernel/rseq.c and the signal delivery that
 * calls it (arch/s390/kernel/signal.c): a task's pending signal is
 * delivered from a work item (process context, interrupts on).
 * rseq_signal_deliver() notes the event under 'scoped_guard(irq)'; the
 * guard's constructor disables interrupts, and its destructor, which the
 * compiler calls at the end of the statement, enables them again.
 * libclang shows the constructor's call only.  The fixup after it reads
 * user memory, which may sleep: with interrupts on, as they are.
 *
 * Must find: nothing in rseq-scoped-irq-guard; in rseq-irqs-left-off
 * (-DRSEQ_NOTE_UNSCOPED: the event noted after a plain local_irq_disable()
 * that nothing enables again) sleep-in-atomic at the copy.
 */
#include <linux/kernel.h>
#include <linux/workqueue.h>
#include <linux/rseq.h>

extern unsigned long copy_from_user(void *to, const void *from, unsigned long n);

void __rseq_handle_notify_resume(struct rseq_task *t)
{
	unsigned long cs;

	if (copy_from_user(&cs, t->rseq, sizeof(cs))) /* expect(rseq-irqs-left-off): sleep-in-atomic copy_from_user may sleep (user copy may fault and sleep) with interrupts disabled */
		return;
	t->rseq_event_mask = 0;
}

static struct rseq_task task0;
static struct work_struct signal_work;

#ifdef RSEQ_NOTE_UNSCOPED
static void rseq_note_unscoped(struct rseq_task *t)
{
	local_irq_disable();
	t->rseq_event_mask |= 1UL;
}
#endif

/* The delivery of a pending signal to the task. */
static void deliver_signal_work(struct work_struct *work)
{
	(void)work;
#ifdef RSEQ_NOTE_UNSCOPED
	rseq_note_unscoped(&task0);
	__rseq_handle_notify_resume(&task0);
#else
	rseq_signal_deliver(&task0);
#endif
}

int rseq_signal_init(void)
{
	INIT_WORK(&signal_work, deliver_signal_work);
	return schedule_work(&signal_work);
}
