// SPDX-License-Identifier: GPL-2.0-only
/*
 * en_tc.c - a NIC's offloaded traffic-control flows, modelled on mlx5's
 * en_tc.c: flows live in a hash table and flow groups in a list table,
 * both under the table's t_lock.  Re-offloading flows (a work item) drops
 * the empty groups and the encap entries under t_lock with the plain
 * destroys, which free no entry; only the cleanup, outside the lock,
 * destroys the flow table with a free function, and that function takes
 * t_lock itself.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rhashtable.h>
#include <linux/workqueue.h>

struct tc_flow_table {
	struct mutex t_lock;
	struct rhashtable flows;
	struct rhltable groups;
	struct rhashtable encaps;
	struct work_struct reoffload_work;
	unsigned int offloaded;
};

static void tc_flow_release(void *ptr, void *arg)
{
	struct tc_flow_table *tbl = arg;

	mutex_lock(&tbl->t_lock); /* expect(rhashtable-free-fn-locked): recursive-lock tc_flow_table.t_lock */
	tbl->offloaded--;
	mutex_unlock(&tbl->t_lock);
}

static void tc_drop_groups(struct tc_flow_table *tbl)
{
#ifdef TC_FREE_FLOWS_LOCKED
	rhashtable_free_and_destroy(&tbl->flows, tc_flow_release, tbl);
#endif
	rhltable_destroy(&tbl->groups);
	rhashtable_destroy(&tbl->encaps);
}

static void tc_reoffload_work(struct work_struct *work)
{
	struct tc_flow_table *tbl = container_of(work, struct tc_flow_table, reoffload_work);

	mutex_lock(&tbl->t_lock);
	tc_drop_groups(tbl);
	mutex_unlock(&tbl->t_lock);
}

void tc_table_init(struct tc_flow_table *tbl)
{
	mutex_init(&tbl->t_lock);
	INIT_WORK(&tbl->reoffload_work, tc_reoffload_work);
}

void tc_table_cleanup(struct tc_flow_table *tbl)
{
	rhashtable_free_and_destroy(&tbl->flows, tc_flow_release, tbl);
	cancel_work_sync(&tbl->reoffload_work);
}
