/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_crypto_akcipher_algs.c - corpus model of virtio-crypto's RSA
 * requests: the data callback finalizes the akcipher request the device
 * answered, through the crypto engine.  That request's completion is one
 * stored through an akcipher_request, never a skcipher user's.  No
 * findings here.
 */
#include <linux/kernel.h>
#include "virtio_crypto_common.h"

struct virtio_crypto_akcipher_request {
	struct virtio_crypto_request base;
	struct akcipher_request *akcipher_req;
};

static void virtio_crypto_akcipher_finalize_req(struct virtio_crypto_akcipher_request *vc_akcipher_req,
						struct akcipher_request *req, int err)
{
	crypto_finalize_akcipher_request(vc_akcipher_req->base.dataq->engine, req, err);
}

static void virtio_crypto_dataq_akcipher_callback(struct virtio_crypto_request *vc_req, int len)
{
	struct virtio_crypto_akcipher_request *vc_akcipher_req =
		container_of(vc_req, struct virtio_crypto_akcipher_request, base);
	int error = vc_req->status ? -EINVAL : 0;

	virtio_crypto_akcipher_finalize_req(vc_akcipher_req, vc_akcipher_req->akcipher_req, error);
}

int virtio_crypto_rsa_do_req(struct virtio_crypto_akcipher_request *vc_akcipher_req,
			     struct akcipher_request *req, struct data_queue *dq)
{
	vc_akcipher_req->base.dataq = dq;
	vc_akcipher_req->base.alg_cb = virtio_crypto_dataq_akcipher_callback;
	vc_akcipher_req->akcipher_req = req;
	return 0;
}
