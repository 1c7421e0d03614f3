/* SPDX-License-Identifier: GPL-2.0-only
 * zfcp_erp.c - an FCP adapter's recovery queue and port list, two rwlocks
 * taken in both orders (the shape of drivers/s390/scsi/zfcp_erp.c and
 * zfcp_fsf.c).  An adapter event in hardirq context queues recovery under
 * the recovery lock, written, and marks every port under the port list's
 * lock, read.  The response tasklet walks the ports under the port list's
 * lock, read, and queues a port's recovery under the recovery lock,
 * written.
 *
 * Both sides of the port list's lock are readers, and the one inside the
 * recovery lock runs in hardirq: an rwlock_t reader in interrupt context
 * gets the lock past queued writers, so it never waits for the tasklet's
 * reader, and the two orders cannot deadlock.  lockdep says the same: a
 * dependency that takes a lock as a recursive read, followed by one that
 * holds it shared, does not close a cycle.
 *
 * ZFCP_STORY_HOST_RESET adds a host reset from a work item that takes the
 * port list's lock for reading inside the recovery lock in process
 * context.  That reader waits behind a queued writer, which waits for the
 * tasklet's reader, which waits for the recovery lock: the ABBA is real.
 * ZFCP_STORY_RESET_READ_BH has the reset read with read_lock_bh(), which
 * disables softirqs first: in_interrupt() holds, the read is recursive
 * again, and the two orders are harmless as in the interrupt.
 * ZFCP_STORY_STAT_LOCK puts the adapter's statistics lock between the
 * tasklet's two locks (a timer takes the recovery lock inside it): the
 * same story as a cycle of three classes.
 *
 * Must find (host reset): lock-order at the work item's read_lock, with
 * the tasklet as the other path (the hardirq reader's dependency comes
 * first but closes no cycle).
 * Must not find: lock-order between the hardirq reader and the tasklet.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/workqueue.h>
#include <linux/timer.h>

#define ZFCP_PORTS 4
#define ZFCP_STATUS_FAILED 0x1
#define ZFCP_STATUS_CLOSED 0x2

struct zfcp_adapter;

struct zfcp_port {
	struct zfcp_adapter *adapter;
	int status;
	int reopens;
};

struct zfcp_adapter {
	rwlock_t erp_lock;              /* the recovery queue */
	rwlock_t port_list_lock;        /* the ports */
	spinlock_t stat_lock;           /* the counters */
	struct zfcp_port ports[ZFCP_PORTS];
	int nports;
	int status;
	int queued;
	int responses;
	struct tasklet_struct resp_tasklet;
	struct work_struct reset_work;
	struct timer_list stat_timer;
};

static struct zfcp_adapter zfcp_adapter0;

/* Mark every port; the caller holds the recovery lock. */
static void zfcp_erp_set_adapter_status(struct zfcp_adapter *ad, int mask)
{
	unsigned long irqflags;
	int i;

	ad->status |= mask;
	read_lock_irqsave(&ad->port_list_lock, irqflags);
	for (i = 0; i < ad->nports; i++)
		ad->ports[i].status |= mask;
	read_unlock_irqrestore(&ad->port_list_lock, irqflags);
}

static void zfcp_erp_adapter_reopen(struct zfcp_adapter *ad)
{
	unsigned long irqflags;

	write_lock_irqsave(&ad->erp_lock, irqflags);
	ad->queued++;
	zfcp_erp_set_adapter_status(ad, ZFCP_STATUS_FAILED);
	write_unlock_irqrestore(&ad->erp_lock, irqflags);
}

static void zfcp_erp_port_reopen(struct zfcp_port *port)
{
	struct zfcp_adapter *ad = port->adapter;
	unsigned long irqflags;

	write_lock_irqsave(&ad->erp_lock, irqflags);
	port->reopens++;
	ad->queued++;
	write_unlock_irqrestore(&ad->erp_lock, irqflags);
}

#ifdef ZFCP_STORY_STAT_LOCK
static void zfcp_count_closed(struct zfcp_adapter *ad)
{
	spin_lock(&ad->stat_lock);
	ad->responses++;
	spin_unlock(&ad->stat_lock);
}

/* The statistics timer reopens the first port when no response came. */
static void zfcp_stat_expired(struct timer_list *t)
{
	struct zfcp_adapter *ad = from_timer(ad, t, stat_timer);
	unsigned long irqflags;

	spin_lock_irqsave(&ad->stat_lock, irqflags);
	if (!ad->responses)
		zfcp_erp_port_reopen(&ad->ports[0]);
	ad->responses = 0;
	spin_unlock_irqrestore(&ad->stat_lock, irqflags);
}
#endif

static void zfcp_resp_tasklet(unsigned long data)
{
	struct zfcp_adapter *ad = (struct zfcp_adapter *)data;
	unsigned long irqflags;
	int i;

	read_lock_irqsave(&ad->port_list_lock, irqflags);
	for (i = 0; i < ad->nports; i++) {
		if (!(ad->ports[i].status & ZFCP_STATUS_CLOSED))
			continue;
#ifdef ZFCP_STORY_STAT_LOCK
		zfcp_count_closed(ad);
#else
		zfcp_erp_port_reopen(&ad->ports[i]);
#endif
	}
	read_unlock_irqrestore(&ad->port_list_lock, irqflags);
}

#ifdef ZFCP_STORY_HOST_RESET
static void zfcp_host_reset(struct work_struct *work)
{
	struct zfcp_adapter *ad = container_of(work, struct zfcp_adapter, reset_work);
	unsigned long irqflags;
	int i;

	write_lock_irqsave(&ad->erp_lock, irqflags);
#ifdef ZFCP_STORY_RESET_READ_BH
	read_lock_bh(&ad->port_list_lock);   /* softirqs off: a recursive read again */
	for (i = 0; i < ad->nports; i++)
		ad->queued += ad->ports[i].reopens;
	read_unlock_bh(&ad->port_list_lock);
#else
	read_lock(&ad->port_list_lock); /* expect(zfcp-erp-host-reset): lock-order zfcp_adapter.port_list_lock is acquired while zfcp_adapter.erp_lock is held, and on another path */ /* expect(zfcp-erp-host-reset-cycle): lock-order zfcp_adapter.port_list_lock is acquired while zfcp_adapter.erp_lock is held, closing the dependency cycle */
	for (i = 0; i < ad->nports; i++)
		ad->queued += ad->ports[i].reopens;
	read_unlock(&ad->port_list_lock);
#endif
	write_unlock_irqrestore(&ad->erp_lock, irqflags);
}
#endif

/* An adapter event: the channel's interrupt handler (hardirq). */
static irqreturn_t zfcp_adapter_irq(int irq, void *dev)
{
	(void)irq;
	zfcp_erp_adapter_reopen(dev);
	return IRQ_HANDLED;
}

int zfcp_adapter_init(void)
{
	struct zfcp_adapter *ad = &zfcp_adapter0;
	int i;

	rwlock_init(&ad->erp_lock);
	rwlock_init(&ad->port_list_lock);
	spin_lock_init(&ad->stat_lock);
	for (i = 0; i < ZFCP_PORTS; i++)
		ad->ports[i].adapter = ad;
	ad->nports = ZFCP_PORTS;
	tasklet_init(&ad->resp_tasklet, zfcp_resp_tasklet, (unsigned long)ad);
#ifdef ZFCP_STORY_HOST_RESET
	INIT_WORK(&ad->reset_work, zfcp_host_reset);
#endif
#ifdef ZFCP_STORY_STAT_LOCK
	timer_setup(&ad->stat_timer, zfcp_stat_expired, 0);
#endif
	return request_irq(7, zfcp_adapter_irq, 0, "zfcp", ad);
}
