/* SPDX-License-Identifier: GPL-2.0-only
 * evq.c - an s390 character device's event queue: the interrupt handler
 * counts an event under the device lock, wakes the device's read queue and
 * tells the listeners on its atomic notifier chain, still holding the lock.
 * Models the shape of the char drivers whose handlers call wake_up() and
 * atomic_notifier_call_chain() (drivers/s390/char, the mlx5 and genwqe irq
 * handlers of a whole-kernel run).
 *
 * Both calls are chain calls: what they run is what was registered on the
 * named container (evq_dev.readq, evq_dev.events), not everything ever
 * stored into wait_queue_entry.func or notifier_block.notifier_call.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/notifier.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <linux/fs.h>

struct evq_dev {
	spinlock_t lock;
	struct wait_queue_head readq;
	struct atomic_notifier_head events;
	int pending;
};

/* A watcher runs a wake function of its own when the read queue is woken. */
struct evq_watcher {
	struct wait_queue_entry wait;
	struct evq_dev *dev;
	int seen;
};

static struct evq_dev evq_main;

/* Woken with evq_main.lock held by the handler: takes it again. */
static int evq_watch_wake(struct wait_queue_entry *wait, unsigned int mode, int sync, void *key)
{
	struct evq_watcher *w = container_of(wait, struct evq_watcher, wait);

	spin_lock(&w->dev->lock); /* expect: recursive-lock evq_dev.lock acquired in evq_watch_wake is already held */
	w->seen = w->dev->pending;
	spin_unlock(&w->dev->lock);
	return 0;
}

/* The queue is a parameter here: its callers name it. */
static void evq_watch_on(struct wait_queue_head *q, struct evq_watcher *w)
{
	init_waitqueue_func_entry(&w->wait, evq_watch_wake);
	add_wait_queue(q, &w->wait);
}

void evq_watch(struct evq_dev *dev, struct evq_watcher *w)
{
	w->dev = dev;
	evq_watch_on(&dev->readq, w);
}

int evq_register_notifier(struct notifier_block *nb)
{
	return atomic_notifier_chain_register(&evq_main.events, nb);
}

/* Readers sleep on the read queue (wait_event: autoremove_wake_function). */
long evq_read(struct file *file, char *buf, unsigned long len)
{
	struct evq_dev *dev = file->private_data;
	int got;

	if (wait_event_interruptible(dev->readq, dev->pending > 0))
		return -1;
	spin_lock_irq(&dev->lock);
	got = dev->pending;
	dev->pending = 0;
	spin_unlock_irq(&dev->lock);
	return got;
}

/* The device's poll method hands its read queue to the poller. */
int evq_poll(struct file *file, poll_table *pt)
{
	poll_wait(file, &evq_main.readq, pt);
	return evq_main.pending > 0;
}

static irqreturn_t evq_interrupt(int irq, void *data)
{
	struct evq_dev *dev = data;

	spin_lock(&dev->lock);
	dev->pending++;
	wake_up(&dev->readq);
	atomic_notifier_call_chain(&dev->events, dev->pending, dev);
	spin_unlock(&dev->lock);
	return IRQ_HANDLED;
}

int evq_init(void)
{
	spin_lock_init(&evq_main.lock);
	init_waitqueue_head(&evq_main.readq);
	return request_irq(52, evq_interrupt, 0, "evq", &evq_main);
}
