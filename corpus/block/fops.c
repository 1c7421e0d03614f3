// SPDX-License-Identifier: GPL-2.0-only
/*
 * fops.c - asynchronous direct I/O on a block device file, modelled on
 * block/fops.c: the bio goes to the device as it is, and its end_io hands
 * the result to the kiocb's own completion (aio's, io_uring's) from the
 * context the bio ended in.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/fs.h>
#include <linux/bio.h>

struct blkdev_dio {
	struct kiocb *iocb;
	long size;
	struct bio bio;
};

static void blkdev_bio_end_io_async(struct bio *bio)
{
	struct blkdev_dio *dio = container_of(bio, struct blkdev_dio, bio);
	struct kiocb *iocb = dio->iocb;

	iocb->ki_complete(iocb, bio->bi_status ? -EIO : dio->size);
}

long blkdev_direct_io_async(struct kiocb *iocb, struct blkdev_dio *dio, long size)
{
	dio->iocb = iocb;
	dio->size = size;
	dio->bio.bi_end_io = blkdev_bio_end_io_async;
	submit_bio(&dio->bio);
	return 0;
}
