/* SPDX-License-Identifier: GPL-2.0-only
 * scm_events.c - an interrupt handler that reaches the kernel's generic
 * dispatch points, the story of a whole-kernel run.  Models the shape of an
 * s390 storage-class-memory event handler: a hardirq handler that, with its
 * lock held, drops references with kref_put(), tells listeners through an
 * atomic notifier chain, queues an RCU free and drains finished work.
 *
 * In a whole kernel each of those calls is a dispatch through a key that
 * hundreds of functions were stored into: the release argument of
 * kref_put(), notifier_block.notifier_call, callback_head.func.  Resolving
 * them to everything turned one handler into thousands of findings.  Here:
 * - kref_put(&req->ref, scm_request_release) calls that release only: the
 *   path binds kref_put's parameter (scm_device_release, which sleeps, is
 *   passed only by process-context code);
 * - kref_put(&cb->ref, scm_callback_release) is the real bug: that release
 *   takes scm_lock, which the handler holds;
 * - atomic_notifier_call_chain() goes through notifier_block.notifier_call,
 *   which scm_listeners.c's 72 listeners make a wide dispatch: not a path
 *   for held locks (the listeners take scm_lock, on another chain);
 * - scm_drain() reaches rcu_run_ready()'s head->func: the RCU callbacks are
 *   softirq entries of their own, never callees of this handler;
 * - panic() never returns (rules: noreturn): its console flush, which
 *   sleeps, is not code of this interrupt.
 *
 * Must find: one recursive-lock, in scm_callback_release.
 * Must not find: a sleep-in-atomic in scm_device_release (not passed on
 * this path) or in panic's console flush, a recursive-lock in a listener
 * or in scm_request_free_rcu.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/interrupt.h>
#include <linux/kref.h>
#include <linux/notifier.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>

DEFINE_SPINLOCK(scm_lock);
static DEFINE_MUTEX(scm_list_mutex);
static int scm_devices_online;
static struct atomic_notifier_head scm_event_chain;

struct scm_callback {
	struct kref ref;
	int pending;
};

struct scm_request {
	struct kref ref;
	struct rcu_head rcu;
	struct scm_callback *cb;
	int status;
};

struct scm_device {
	struct kref ref;
	int online;
};

extern void rcu_run_ready(void);
extern void panic(const char *msg) __attribute__((__noreturn__));

/* The request's last put frees it: nothing else. */
static void scm_request_release(struct kref *ref)
{
	kfree(container_of(ref, struct scm_request, ref));
}

/* A device's last put takes it off the online count, under a mutex. */
static void scm_device_release(struct kref *ref)
{
	struct scm_device *gone = container_of(ref, struct scm_device, ref);

	mutex_lock(&scm_list_mutex);
	scm_devices_online -= gone->online;
	mutex_unlock(&scm_list_mutex);
	kfree(gone);
}

/* A callback's last put clears what is pending on it, under scm_lock. */
static void scm_callback_release(struct kref *ref)
{
	struct scm_callback *cb = container_of(ref, struct scm_callback, ref);
	unsigned long flags;

	spin_lock_irqsave(&scm_lock, flags); /* expect: recursive-lock scm_lock acquired in scm_callback_release is already held */
	cb->pending = 0;
	spin_unlock_irqrestore(&scm_lock, flags);
	kfree(cb);
}

/* Runs from the RCU softirq, after a grace period. */
static void scm_request_free_rcu(struct rcu_head *head)
{
	unsigned long flags;

	spin_lock_irqsave(&scm_lock, flags);
	scm_devices_online += 0;
	spin_unlock_irqrestore(&scm_lock, flags);
}

/* What the listeners call (scm_listeners.c), from their own chain. */
void scm_note_event(unsigned long event)
{
	unsigned long flags;

	spin_lock_irqsave(&scm_lock, flags);
	scm_devices_online += event == 0;
	spin_unlock_irqrestore(&scm_lock, flags);
}

static void scm_drain(void)
{
	rcu_run_ready();
}

static irqreturn_t scm_irq_handler(int irq, void *data)
{
	struct scm_request *req = data;

	if (!req)
		panic("scm: interrupt without a request");
	spin_lock(&scm_lock);
	req->status = irq;
	kref_put(&req->cb->ref, scm_callback_release);
	atomic_notifier_call_chain(&scm_event_chain, req->status, req);
	call_rcu(&req->rcu, scm_request_free_rcu);
	kref_put(&req->ref, scm_request_release);
	scm_drain();
	spin_unlock(&scm_lock);
	return IRQ_HANDLED;
}

/* Process context: the device goes away. */
void scm_device_remove(struct scm_device *sdev)
{
	kref_put(&sdev->ref, scm_device_release);
}

int scm_events_init(void *dev)
{
	return request_irq(48, scm_irq_handler, 0, "scm", dev);
}
