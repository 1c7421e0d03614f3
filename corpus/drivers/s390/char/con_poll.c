/* SPDX-License-Identifier: GPL-2.0-only
 * con_poll.c - a console driver whose helpers sleep only when their caller
 * says it may: the shape of hvc_console.c's __hvc_poll(hp, may_sleep) (the
 * interrupt passes false; only the khvcd thread passes true) and of
 * virtio_console.c's fill_readbuf(port, buf, count, to_user) (the console's
 * get_chars passes false; only read() passes true).
 *
 * A constant argument that a parameter test ('if (may_sleep)',
 * 'if (!nowait)', 'if (mode == CON_MODE_SYNC)') rules out makes the branch
 * dead on that path: lockpath follows the constant into the test as it does
 * into 'switch (param)'.
 *
 * A constant passed on unchanged keeps its value one and two calls down:
 * con_kick(p, true) hands 'async' to con_run (blk_mq_run_hw_queue passing
 * async on to __blk_mq_delay_run_hw_queue).  A struct pointer argument is
 * no constant: con_flush(p, &con_port0) runs its 'if (peer)' branch.
 *
 * Must find: sleep-in-atomic at the msleep in con_drain, which the
 * interrupt calls with may_sleep true (a bug of this model), and at the
 * one in con_flush, whose peer the interrupt passes.
 * Must not find: the sleeps in con_poll (may_sleep false), con_wait
 * (nowait 1), con_sync (CON_MODE_ASYNC) and con_run ('if (!async && ...)'
 * with async true, the shape of blk_mq_run_hw_queue's async argument),
 * reached from the interrupt directly and through con_kick.
 */
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/interrupt.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/sched.h>

#define CON_MODE_ASYNC	0
#define CON_MODE_SYNC	1

struct con_port {
	struct completion done;
	int pending;
	int chars;
};

static struct con_port con_port0;


static void con_poll(struct con_port *p, bool may_sleep)
{
	p->chars += p->pending;
	if (may_sleep)
		_cond_resched();   /* silent from the interrupt: may_sleep is false there */
}

static void con_wait(struct con_port *p, int nowait)
{
	if (!nowait)
		wait_for_completion(&p->done);   /* silent from the interrupt: nowait is 1 */
}

static void con_sync(struct con_port *p, int mode)
{
	if (mode == CON_MODE_SYNC)
		msleep(1);   /* silent from the interrupt: it asks for CON_MODE_ASYNC */
	p->pending = 0;
}

/* blk_mq_run_hw_queue(hctx, async): only a synchronous run that may block
 * runs the queue here; an async one is left to a work item. */
static void con_run(struct con_port *p, bool async)
{
	if (!async && p->pending)
		msleep(p->pending);   /* silent from the interrupt: it asks for async */
}

/* Passes its own 'async' on, and once more through con_kick_all. */
static void con_kick(struct con_port *p, bool async)
{
	p->chars = 0;
	con_run(p, async);
}

static void con_kick_all(struct con_port *p, bool async)
{
	con_kick(p, async);
	con_kick(&con_port0, async);
}

/* Waits for the peer port when there is one. */
static void con_flush(struct con_port *p, struct con_port *peer)
{
	if (peer)
		msleep(peer->pending); /* expect: sleep-in-atomic msleep */
	p->pending = 0;
}

static void con_drain(struct con_port *p, bool may_sleep)
{
	if (may_sleep)
		msleep(p->pending); /* expect: sleep-in-atomic msleep */
}

static irqreturn_t con_interrupt(int irq, void *dev)
{
	struct con_port *p = dev;

	con_poll(p, false);
	con_wait(p, 1);
	con_sync(p, CON_MODE_ASYNC);
	con_run(p, true);
	con_kick_all(p, true);
	con_flush(p, &con_port0);
	con_drain(p, true);
	return IRQ_HANDLED;
}

int con_setup(void)
{
	return request_irq(40, con_interrupt, 0, "con", &con_port0);
}
