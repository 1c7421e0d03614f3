// SPDX-License-Identifier: GPL-2.0-only
/*
 * main.c - null_blk, a block device without hardware, modelled on
 * drivers/block/null_blk/main.c in its timer completion mode: each
 * request is ended by an hrtimer that fires after the configured latency.
 * The timer is a hard one (HRTIMER_MODE_REL), so the request and its bios
 * end in hardirq context, as they would from a real device's interrupt.
 */
#include <linux/kernel.h>
#include <linux/blk-mq.h>
#include <linux/hrtimer.h>

struct nullb_cmd {
	struct request *rq;
	blk_status_t error;
	struct hrtimer timer;
};

static long null_latency_ns = 10000;

static enum hrtimer_restart null_cmd_timer_expired(struct hrtimer *timer)
{
	struct nullb_cmd *cmd = container_of(timer, struct nullb_cmd, timer);

	blk_mq_end_request(cmd->rq, cmd->error);
	return HRTIMER_NORESTART;
}

static blk_status_t null_queue_rq(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd)
{
	struct nullb_cmd *cmd = blk_mq_rq_to_pdu(bd->rq);

	cmd->rq = bd->rq;
	cmd->error = BLK_STS_OK;
	blk_mq_start_request(bd->rq);
	hrtimer_init(&cmd->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL);
	cmd->timer.function = null_cmd_timer_expired;
	hrtimer_start(&cmd->timer, null_latency_ns, HRTIMER_MODE_REL);
	return BLK_STS_OK;
}

static const struct blk_mq_ops null_mq_ops = {
	.queue_rq	= null_queue_rq,
};

int null_init_tag_set(struct blk_mq_tag_set *set)
{
	set->ops = &null_mq_ops;
	set->cmd_size = sizeof(struct nullb_cmd);
	return blk_mq_alloc_tag_set(set);
}
