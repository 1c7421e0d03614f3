/* SPDX-License-Identifier: GPL-2.0-only
 * bio.h - a unit of block I/O and its completion.  Whoever submits a bio
 * sets bi_end_io; bio_endio() calls it from wherever the I/O ended, which
 * for most drivers is their interrupt or a timer standing in for one.
 */
#ifndef _LINUX_BIO_H
#define _LINUX_BIO_H

#include <linux/types.h>
#include <linux/blk-mq.h>

struct folio;
struct bio;
typedef void (bio_end_io_t)(struct bio *bio);

struct bio {
	struct bio *bi_next;		/* the next bio of its request */
	blk_status_t bi_status;
	bio_end_io_t *bi_end_io;
	void *bi_private;
	struct folio **folios;		/* the pages it reads or writes (block/bio.c) */
	int nr_folios;
};

static inline void bio_endio(struct bio *bio)
{
	if (bio->bi_end_io)
		bio->bi_end_io(bio);
}

extern void submit_bio(struct bio *bio);

#endif
