/* SPDX-License-Identifier: GPL-2.0-only
 * evq_users.c - code that hangs callbacks on chains, evq's and others:
 * - a statistics listener on evq's event chain, registered through
 *   evq_register_notifier() (a wrapper: the chain is named inside it); it
 *   takes a mutex, so evq's interrupt handler sleeps: a bug;
 * - a shutdown listener on a chain of its own, called only from process
 *   context; it sleeps, which is fine there;
 * - a poller (the shape of vhost's and epoll's): its entry goes on whatever
 *   queue the polled file's poll method hands to its queueing procedure.
 *   Which queue that is, only a run of the kernel knows: lockpath names no
 *   container for it and follows its wake function from no wake_up().  A
 *   limit, not a proof (docs/rules.md, "Callback chains").
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/delay.h>
#include <linux/notifier.h>
#include <linux/wait.h>
#include <linux/poll.h>

extern int evq_register_notifier(struct notifier_block *nb);
extern int evq_poll(struct file *file, poll_table *pt);

static DEFINE_MUTEX(evq_stats_mutex);
static unsigned long evq_stats_total;
static struct atomic_notifier_head evq_shutdown_chain;

static int evq_stats_event(struct notifier_block *nb, unsigned long ev, void *data)
{
	mutex_lock(&evq_stats_mutex); /* expect: sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in hardirq context */
	evq_stats_total += ev;
	mutex_unlock(&evq_stats_mutex);
	return NOTIFY_OK;
}

static struct notifier_block evq_stats_nb = {
	.notifier_call = evq_stats_event,
};

int evq_stats_init(void)
{
	return evq_register_notifier(&evq_stats_nb);
}

static int evq_shutdown_event(struct notifier_block *nb, unsigned long ev, void *data)
{
	msleep(20);
	return NOTIFY_DONE;
}

static struct notifier_block evq_shutdown_nb = {
	.notifier_call = evq_shutdown_event,
};

void evq_shutdown_prepare(void)
{
	atomic_notifier_chain_register(&evq_shutdown_chain, &evq_shutdown_nb);
}

void evq_shutdown(void)
{
	might_sleep();
	atomic_notifier_call_chain(&evq_shutdown_chain, 0, NULL);
}

struct evq_poller {
	struct wait_queue_entry wait;
	poll_table pt;
};

static int evq_poller_wake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	mutex_lock(&evq_stats_mutex);
	evq_stats_total++;
	mutex_unlock(&evq_stats_mutex);
	return 0;
}

static void evq_poller_queue(struct file *file, struct wait_queue_head *q, poll_table *pt)
{
	struct evq_poller *p = container_of(pt, struct evq_poller, pt);

	add_wait_queue(q, &p->wait);
}

void evq_poller_start(struct evq_poller *p, struct file *file)
{
	init_waitqueue_func_entry(&p->wait, evq_poller_wake);
	p->pt._qproc = evq_poller_queue;
	evq_poll(file, &p->pt);
}
