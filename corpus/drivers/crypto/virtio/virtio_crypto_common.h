/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_crypto_common.h - corpus model of virtio-crypto's shared types:
 * a data virtqueue with its completion tasklet, and the per-request
 * callback that each algorithm file sets for its own requests.
 */
#ifndef _VIRTIO_CRYPTO_COMMON_H
#define _VIRTIO_CRYPTO_COMMON_H

#include <linux/spinlock.h>
#include <linux/interrupt.h>
#include <linux/virtio.h>
#include <crypto/engine.h>

struct data_queue {
	struct virtqueue *vq;
	spinlock_t lock;
	struct crypto_engine *engine;
	struct tasklet_struct done_task;
};

struct virtio_crypto_request;
typedef void (*virtio_crypto_data_callback)(struct virtio_crypto_request *vc_req, int len);

struct virtio_crypto_request {
	u8 status;
	struct data_queue *dataq;
	virtio_crypto_data_callback alg_cb;
};

int virtcrypto_init_vqs(struct data_queue *dq, int n);

#endif
