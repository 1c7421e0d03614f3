/* SPDX-License-Identifier: GPL-2.0-only
 * blk-mq.h - the multi-queue block layer's driver interface: the block
 * core calls blk_mq_ops.queue_rq in process context (possibly with bh
 * disabled), completions are signalled from the driver's interrupt path.
 */
#ifndef _LINUX_BLK_MQ_H
#define _LINUX_BLK_MQ_H

#include <linux/types.h>
#include <linux/device.h>

typedef u8 blk_status_t;
#define BLK_STS_OK		0
#define BLK_STS_RESOURCE	9
#define BLK_STS_IOERR		10

struct request_queue;
struct gendisk;

struct bio;

struct request {
	struct request_queue *q;
	struct bio *bio;		/* its bios, chained through bi_next */
	unsigned int cmd_flags;
	sector_t sector;
	unsigned int data_len;
	void *end_io_data;		/* a passthrough request's owner (io_uring's command) */
};

struct blk_mq_hw_ctx {
	void *driver_data;
	unsigned int queue_num;
};

struct blk_mq_queue_data {
	struct request *rq;
	bool last;
};

struct blk_mq_ops {
	blk_status_t (*queue_rq)(struct blk_mq_hw_ctx *hctx, const struct blk_mq_queue_data *bd);
	void (*commit_rqs)(struct blk_mq_hw_ctx *hctx);
	void (*complete)(struct request *rq);
};

struct blk_mq_tag_set {
	const struct blk_mq_ops *ops;
	unsigned int nr_hw_queues;
	unsigned int queue_depth;
	unsigned int cmd_size;
	void *driver_data;
};

/* The driver's per-request data follows the request. */
static inline void *blk_mq_rq_to_pdu(struct request *rq)
{
	return rq + 1;
}

static inline struct request *blk_mq_rq_from_pdu(void *pdu)
{
	return (struct request *)pdu - 1;
}

extern void blk_mq_start_request(struct request *rq);
extern void blk_mq_end_request(struct request *rq, blk_status_t error);
extern bool blk_mq_complete_request_remote(struct request *rq);
extern void blk_mq_complete_request(struct request *rq);
/* Whether RQ is on a polled queue, one without an interrupt: its owner
 * reaps it by polling (block/blk-mq.c). */
extern bool blk_rq_is_poll(struct request *rq);
extern void blk_mq_stop_hw_queue(struct blk_mq_hw_ctx *hctx);
extern int blk_mq_alloc_tag_set(struct blk_mq_tag_set *set);
extern void blk_mq_free_tag_set(struct blk_mq_tag_set *set);
extern struct gendisk *blk_mq_alloc_disk(struct blk_mq_tag_set *set, void *queuedata);

#endif
