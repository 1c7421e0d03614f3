/* SPDX-License-Identifier: GPL-2.0-only
 * sclp_tasks.c - a console's task table behind an rwlock, read from its
 * interrupt handler (a sysrq-like "show tasks"), read by one work item and
 * written by another.  Readers of an rwlock_t never wait for each other: a
 * reader in hardirq context gets the lock even while a reader it
 * interrupted holds it (and queued writers wait), so a read_lock() with
 * interrupts on is no inversion against a read_lock() in hardirq; lockdep
 * agrees.  A write_lock() with interrupts on is one: the handler's
 * read_lock() spins on the writer it interrupted.
 *
 * Must find: irq-inversion at the writer's write_lock.
 * Must not find: irq-inversion at the scanning work's read_lock.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>

struct sclp_task_table {
	rwlock_t lock;
	int ntasks;
	int shown;
	struct work_struct scan_work;
	struct work_struct add_work;
};

static struct sclp_task_table sclp_tasks;

static irqreturn_t sclp_tasks_irq(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	read_lock(&sclp_tasks.lock);
	sclp_tasks.shown = sclp_tasks.ntasks;
	read_unlock(&sclp_tasks.lock);
	return IRQ_HANDLED;
}

static void sclp_tasks_scan(struct work_struct *work)
{
	int n;

	(void)work;
	read_lock(&sclp_tasks.lock);
	n = sclp_tasks.ntasks;
	read_unlock(&sclp_tasks.lock);
	sclp_tasks.shown = n;
}

static void sclp_tasks_add(struct work_struct *work)
{
	(void)work;
	write_lock(&sclp_tasks.lock); /* expect: irq-inversion sclp_task_table.lock is acquired with interrupts enabled in sclp_tasks_add */
	sclp_tasks.ntasks++;
	write_unlock(&sclp_tasks.lock);
}

int sclp_tasks_init(void)
{
	rwlock_init(&sclp_tasks.lock);
	INIT_WORK(&sclp_tasks.scan_work, sclp_tasks_scan);
	INIT_WORK(&sclp_tasks.add_work, sclp_tasks_add);
	return request_irq(1, sclp_tasks_irq, 0, "sclp_tasks", NULL);
}
