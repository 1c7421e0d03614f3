/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_fs.c - virtio-fs's device side: its high-priority virtqueue, whose
 * callback runs from vring_interrupt() in the transport's interrupt context
 * and ends the requests the host answered.  Ending one may queue a FORGET,
 * through the connection's input-queue ops: virtio-fs's own (queue and let
 * a work item send it), never /dev/fuse's.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/module.h>
#include <linux/virtio.h>
#include <linux/virtio_config.h>
#include "virtio_fs.h"

static struct virtio_fs_vq virtio_fs_hiprio;

static void virtio_fs_vq_done(struct virtqueue *vq)
{
	struct virtio_fs_vq *fsvq = vq->vdev->priv;
	struct fuse_ireq *req;
	unsigned int len;

	while ((req = virtqueue_get_buf(vq, &len)) != NULL)
		fuse_ireq_end(&fsvq->fiq, req);
}

static void virtio_fs_dispatch_work(struct work_struct *work)
{
	struct virtio_fs_vq *fsvq = container_of(work, struct virtio_fs_vq, dispatch_work);

	virtqueue_kick(fsvq->vq);
}

static int virtio_fs_probe(struct virtio_device *vdev)
{
	vq_callback_t *cbs[] = { virtio_fs_vq_done };
	static const char * const names[] = { "hiprio" };
	struct virtqueue *vqs[1];
	int rc;

	vdev->priv = &virtio_fs_hiprio;
	fuse_iqueue_init(&virtio_fs_hiprio.fiq, &virtio_fs_fiq_ops, &virtio_fs_hiprio);
	INIT_WORK(&virtio_fs_hiprio.dispatch_work, virtio_fs_dispatch_work);
	rc = virtio_find_vqs(vdev, 1, vqs, cbs, names, NULL);
	if (rc)
		return rc;
	virtio_fs_hiprio.vq = vqs[0];
	virtio_device_ready(vdev);
	return 0;
}

static struct virtio_driver virtio_fs_driver = {
	.driver.name	= "virtiofs",
	.probe		= virtio_fs_probe,
};

int virtio_fs_init(void)
{
	return register_virtio_driver(&virtio_fs_driver);
}
