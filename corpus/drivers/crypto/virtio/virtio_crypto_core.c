/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_crypto_core.c - corpus model of virtio-crypto's data queues: the
 * virtqueue interrupt schedules a tasklet, which runs each finished
 * request's callback (softirq context, the queue lock dropped around it).
 * No findings here.
 */
#include <linux/kernel.h>
#include "virtio_crypto_common.h"

static void virtcrypto_done_task(unsigned long data)
{
	struct data_queue *data_vq = (struct data_queue *)data;
	struct virtio_crypto_request *vc_req;
	unsigned long flags;
	unsigned int len;

	spin_lock_irqsave(&data_vq->lock, flags);
	do {
		virtqueue_disable_cb(data_vq->vq);
		while ((vc_req = virtqueue_get_buf(data_vq->vq, &len)) != NULL) {
			spin_unlock_irqrestore(&data_vq->lock, flags);
			if (vc_req->alg_cb)
				vc_req->alg_cb(vc_req, len);
			spin_lock_irqsave(&data_vq->lock, flags);
		}
	} while (!virtqueue_enable_cb(data_vq->vq));
	spin_unlock_irqrestore(&data_vq->lock, flags);
}

int virtcrypto_init_vqs(struct data_queue *dq, int n)
{
	for (int i = 0; i < n; i++) {
		spin_lock_init(&dq[i].lock);
		tasklet_init(&dq[i].done_task, virtcrypto_done_task, (unsigned long)&dq[i]);
	}
	return 0;
}
