/* SPDX-License-Identifier: GPL-2.0-only
 * ur_timeout.c - a unit-record device's request timer: when a channel
 * program does not end in time, the timer (softirq) fails the request and
 * calls its completion callback, the way the s390 tape and unit-record
 * drivers time out their requests.  The driver's completion was written
 * for the process context that waits for the request (a bug of this
 * model): it takes the device's mutex to requeue, and it waits for the
 * device's reset, two sleeps below the one call through req->callback.
 * The timer is atomic by its context, not by a lock: the call the sleeps
 * are one bug of is the last one through a function pointer on the path,
 * where the path chose this driver's completion.  With -DUR_RESET_HOOK the
 * reset is the device type's own callback (ur->type->reset), a function
 * pointer below that one: its sleep is a finding of its own.
 */
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/mutex.h>
#include <linux/completion.h>

struct ur_request;

struct ur_type {
	void (*reset)(struct ur_request *req);
};

struct ur_request {
	struct timer_list timer;
	int rc;
	void (*callback)(struct ur_request *req);
	const struct ur_type *type;
};

static DEFINE_MUTEX(ur_queue_mutex);
static struct completion ur_reset_done;
static int ur_requeued;

static void ur_wait_reset(struct ur_request *req)
{
	(void)req;
	wait_for_completion(&ur_reset_done); /* expect(ur-timeout-hook): sleep-in-atomic wait_for_completion */
}

static const struct ur_type ur_printer_type = {
	.reset = ur_wait_reset,
};

static bool ur_requeue_on_error;

static void ur_requeue(struct ur_request *req)
{
	if (!ur_requeue_on_error)
		return;
	mutex_lock(&ur_queue_mutex); /* expect(ur-timeout): sleep-in-atomic this finding stands for the 2 sleeps found below that call */ /* expect(ur-timeout-hook): sleep-in-atomic in ur_requeue */
	ur_requeued += req->rc != 0;
	mutex_unlock(&ur_queue_mutex);
}

static void ur_request_done(struct ur_request *req)
{
	ur_requeue(req);
#ifdef UR_RESET_HOOK
	req->type->reset(req);
#else
	ur_wait_reset(req);
#endif
}

static void ur_request_timeout(struct timer_list *t)
{
	struct ur_request *req = from_timer(req, t, timer);

	req->rc = -1;
	req->callback(req);
}

void ur_start_request(struct ur_request *req)
{
	req->callback = ur_request_done;
	req->type = &ur_printer_type;
	timer_setup(&req->timer, ur_request_timeout, 0);
	mod_timer(&req->timer, jiffies + HZ);
}
