// SPDX-License-Identifier: GPL-2.0-only
/*
 * blk-mq.c - ending a request, modelled on block/blk-mq.c's
 * blk_mq_end_request() and blk_update_request(): each bio of the request
 * is completed in turn, on the spot, in the context of whoever ends the
 * request (a driver's interrupt, its completion timer).
 */
#include <linux/kernel.h>
#include <linux/blk-mq.h>
#include <linux/bio.h>

static void end_request_bios(struct request *rq, blk_status_t error)
{
	struct bio *bio = rq->bio;

	while (bio) {
		struct bio *next = bio->bi_next;

		bio->bi_status = error;
		bio_endio(bio);
		bio = next;
	}
	rq->bio = NULL;
}

void blk_mq_end_request(struct request *rq, blk_status_t error)
{
	end_request_bios(rq, error);
}
