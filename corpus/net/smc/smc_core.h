/* SPDX-License-Identifier: GPL-2.0-only
 * smc_core.h - an SMC-R link and its link group, as smc_core.c and
 * smc_llc.c share them: the link is reference counted, and a link that
 * goes down is handed to a work item with a reference of its own.
 */
#ifndef _SMC_CORE_H
#define _SMC_CORE_H

#include <linux/mutex.h>
#include <linux/refcount.h>
#include <linux/workqueue.h>
#include <linux/interrupt.h>
#include <linux/timer.h>

enum smc_link_state { SMC_LNK_UNUSED, SMC_LNK_ACTIVE, SMC_LNK_INACTIVE };

struct smc_link_group {
	struct mutex llc_conf_mutex;   /* serialises link add and teardown: sleeps */
	struct smc_link *first;
	int lnk_cnt;
};

struct smc_link {
	refcount_t refcnt;
	enum smc_link_state state;
	struct smc_link_group *lgr;
	struct work_struct link_down_wrk;
	struct tasklet_struct wr_tx_tasklet;
	struct timer_list llc_timer;
	int wr_errors;
};

void smcr_link_hold(struct smc_link *lnk);
void smcr_link_put(struct smc_link *lnk);
void smcr_link_down_cond_sched(struct smc_link *lnk);
int smc_llc_link_init(struct smc_link *lnk);

#endif
