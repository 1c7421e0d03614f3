/* SPDX-License-Identifier: GPL-2.0-only
 * smc_core.c - an SMC-R link's reference count.  The send tasklet
 * (softirq) takes a failing link down by handing it to a work item: it
 * takes a reference for the work, and drops it again at once when the
 * work was already pending.  That put undoes the function's own get of a
 * link its caller passed, so it is never the last one, and the link
 * group's teardown under it (a mutex) is not reached from the tasklet.
 *
 * Models: net/smc/smc_core.c (smcr_link_hold/put, __smcr_link_clear,
 * smcr_link_down_cond_sched), net/smc/smc_wr.c (the send tasklet).
 *
 * Must not find: sleep-in-atomic at the teardown's mutex_lock, but in the
 * controls: kept-put-smc-no-hold (-DSMC_DOWN_NO_HOLD: the put drops the
 * caller's reference) and kept-put-smc-local (-DSMC_DOWN_LOCAL: the link
 * is a local found in the group, whose caller holds no reference on it).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include "smc_core.h"

static void __smcr_link_clear(struct smc_link *lnk)
{
	struct smc_link_group *lgr = lnk->lgr;

	mutex_lock(&lgr->llc_conf_mutex); /* expect(kept-put-smc-no-hold,kept-put-smc-local): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in softirq context, in __smcr_link_clear; only where the put in smcr_link_put drops the last reference */
	lgr->lnk_cnt--;
	if (lgr->first == lnk)
		lgr->first = NULL;
	mutex_unlock(&lgr->llc_conf_mutex);
	kfree(lnk);
}

void smcr_link_hold(struct smc_link *lnk)
{
	refcount_inc(&lnk->refcnt);
}

void smcr_link_put(struct smc_link *lnk)
{
	if (refcount_dec_and_test(&lnk->refcnt))
		__smcr_link_clear(lnk);
}

/* The work item owns the reference it was given: process context. */
static void smc_link_down_work(struct work_struct *work)
{
	struct smc_link *lnk = container_of(work, struct smc_link, link_down_wrk);

	lnk->state = SMC_LNK_INACTIVE;
	smcr_link_put(lnk);
}

void smcr_link_down_cond_sched(struct smc_link *lnk)
{
	if (lnk->state != SMC_LNK_ACTIVE)
		return;
#ifndef SMC_DOWN_NO_HOLD
	smcr_link_hold(lnk);   /* for the work item, which puts it */
#endif
	if (!schedule_work(&lnk->link_down_wrk))
		smcr_link_put(lnk);   /* already pending: it has its own */
}

/* A link the group points to: nobody passed it, nobody holds it for us. */
static void smcr_lgr_first_down(struct smc_link_group *lgr)
{
	struct smc_link *lnk = lgr->first;

	if (!lnk)
		return;
	smcr_link_hold(lnk);
	if (!schedule_work(&lnk->link_down_wrk))
		smcr_link_put(lnk);
}

static void smc_wr_tx_tasklet_fn(unsigned long data)
{
	struct smc_link *lnk = (struct smc_link *)data;

	if (!lnk->wr_errors)
		return;
#ifdef SMC_DOWN_LOCAL
	smcr_lgr_first_down(lnk->lgr);
#else
	smcr_link_down_cond_sched(lnk);
	(void)smcr_lgr_first_down;
#endif
}

int smc_link_init(struct smc_link *lnk, struct smc_link_group *lgr)
{
	refcount_set(&lnk->refcnt, 1);
	lnk->lgr = lgr;
	lnk->state = SMC_LNK_ACTIVE;
	INIT_WORK(&lnk->link_down_wrk, smc_link_down_work);
	tasklet_init(&lnk->wr_tx_tasklet, smc_wr_tx_tasklet_fn, (unsigned long)lnk);
	return smc_llc_link_init(lnk);
}
