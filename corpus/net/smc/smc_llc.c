/* SPDX-License-Identifier: GPL-2.0-only
 * smc_llc.c - the link layer's test-link timer.  When a test goes
 * unanswered it schedules the link's down work the way NFS starts its
 * state manager: a bare refcount_inc() on the link it was passed, and the
 * put, in another file, only where the hand-off failed.  That put is not
 * the last either.
 *
 * Models: net/smc/smc_llc.c (the test-link timer), fs/nfs/nfs4state.c's
 * nfs4_schedule_state_manager() (refcount_inc(&clp->cl_count), then
 * nfs_put_client() when kthread_run() fails).
 */
#include <linux/kernel.h>
#include "smc_core.h"

static void smc_llc_link_lost(struct smc_link *lnk)
{
	refcount_inc(&lnk->refcnt);
	if (!schedule_work(&lnk->link_down_wrk))
		smcr_link_put(lnk);
}

static void smc_llc_testlink_timer(struct timer_list *t)
{
	struct smc_link *lnk = from_timer(lnk, t, llc_timer);

	if (lnk->state == SMC_LNK_ACTIVE)
		smc_llc_link_lost(lnk);
}

int smc_llc_link_init(struct smc_link *lnk)
{
	timer_setup(&lnk->llc_timer, smc_llc_testlink_timer, 0);
	return 0;
}
