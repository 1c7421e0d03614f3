/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_fs_fiq.c - virtio-fs's input-queue ops: the request waits on the
 * queue and a work item sends it (the kernel keeps this in virtio_fs.c;
 * the corpus splits it off so that the table and the interrupt callback
 * are two files of one module, as virtio_pci's are).
 */
#include <linux/kernel.h>
#include "virtio_fs.h"

static void virtio_fs_wake_and_unlock(struct fuse_iqueue *fiq)
{
	struct virtio_fs_vq *fsvq = fiq->priv;

	spin_unlock(&fiq->lock);
	schedule_work(&fsvq->dispatch_work);
}

const struct fuse_iqueue_ops virtio_fs_fiq_ops = {
	.wake_pending_and_unlock = virtio_fs_wake_and_unlock,
};
