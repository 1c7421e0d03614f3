/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_fs.h - what virtio_fs.c and virtio_fs_fiq.c, one module, share.
 */
#ifndef _FS_FUSE_VIRTIO_FS_H
#define _FS_FUSE_VIRTIO_FS_H

#include <linux/workqueue.h>
#include "fuse_iqueue.h"

struct virtqueue;

struct virtio_fs_vq {
	struct virtqueue *vq;
	struct fuse_iqueue fiq;
	struct work_struct dispatch_work;   /* sends what fiq holds, in process context */
};

extern const struct fuse_iqueue_ops virtio_fs_fiq_ops;

#endif
