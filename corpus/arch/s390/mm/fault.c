/* SPDX-License-Identifier: GPL-2.0-only
 * fault.c - corpus model of s390's pfault interrupt (arch/s390/mm/fault.c)
 * and the task's release (kernel/fork.c).  The hypervisor signals that a
 * page of a task is missing, then that it is back; the external interrupt
 * looks the task up, takes a reference of its own, and on a completion
 * wakes the task and drops the reference the wait list held, then its own
 * at 'out:'.  The first put is not the last: the function puts the same
 * task again on every path after it.  The release unlinks the task from
 * the pfault list under pfault_lock, which the first put's caller holds;
 * the last put at 'out:' comes after the unlock.
 *
 * Must find: nothing in pfault-put-again; in pfault-put-once
 * (-DPFAULT_PUT_ONCE: the reference taken by the lookup is handed to the
 * wait list, so the interrupt drops nothing at 'out:') recursive-lock at
 * the release's spin_lock, only where the put drops the last reference.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/sched/task.h>
#include <asm/irq.h>

#define PF_COMPLETE	0x0080
#define EXT_IRQ_CP_SERVICE	0x2603

static DEFINE_SPINLOCK(pfault_lock);
static LIST_HEAD(pfault_list);
static struct task_struct *pfault_tasks[4];

/* kernel/fork.c's release, with the pfault teardown: a task freed while on
 * the wait list leaves it. */
void __put_task_struct(struct task_struct *t)
{
	spin_lock(&pfault_lock); /* expect(pfault-put-once): recursive-lock acquired in __put_task_struct is already held (hardirq context); only where the put in put_task_struct drops the last reference */
	if (t->thread.pfault_wait)
		list_del(&t->thread.list);
	spin_unlock(&pfault_lock);
	kfree(t);
}

static struct task_struct *find_task_by_pid(int pid)
{
	return pfault_tasks[pid & 3];
}

static void pfault_interrupt(struct ext_code ext_code, unsigned int param32, unsigned long param64)
{
	struct task_struct *tsk;

	(void)param32;
	tsk = find_task_by_pid((int)param64);
	if (!tsk)
		return;
	get_task_struct(tsk);
	spin_lock(&pfault_lock);
	if (ext_code.subcode & PF_COMPLETE) {
		if (tsk->thread.pfault_wait == 1) {
			/* the wait list's reference */
			tsk->thread.pfault_wait = 0;
			list_del(&tsk->thread.list);
			put_task_struct(tsk);
		} else {
			tsk->thread.pfault_wait = -1;
		}
	} else {
		if (tsk->thread.pfault_wait == -1) {
			tsk->thread.pfault_wait = 0;
			goto out;
		}
		get_task_struct(tsk);   /* for the wait list */
		tsk->thread.pfault_wait = 1;
		list_add(&tsk->thread.list, &pfault_list);
	}
out:
	spin_unlock(&pfault_lock);
#ifndef PFAULT_PUT_ONCE
	put_task_struct(tsk);
#endif
}

int pfault_irq_init(void)
{
	return register_external_irq(EXT_IRQ_CP_SERVICE, pfault_interrupt);
}
