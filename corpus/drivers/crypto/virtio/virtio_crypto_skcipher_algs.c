/* SPDX-License-Identifier: GPL-2.0-only
 * virtio_crypto_skcipher_algs.c - corpus model of virtio-crypto's
 * symmetric requests: the same shape as the RSA file's, finalizing a
 * skcipher request, whose completion is a skcipher user's (dm-crypt's).
 * The finding of the embedded-crypto-skcipher tree comes through here.
 */
#include <linux/kernel.h>
#include "virtio_crypto_common.h"

struct virtio_crypto_sym_request {
	struct virtio_crypto_request base;
	struct skcipher_request *skcipher_req;
};

static void virtio_crypto_skcipher_finalize_req(struct virtio_crypto_sym_request *vc_sym_req,
						struct skcipher_request *req, int err)
{
	crypto_finalize_skcipher_request(vc_sym_req->base.dataq->engine, req, err);
}

static void virtio_crypto_dataq_sym_callback(struct virtio_crypto_request *vc_req, int len)
{
	struct virtio_crypto_sym_request *vc_sym_req =
		container_of(vc_req, struct virtio_crypto_sym_request, base);
	int error = vc_req->status ? -EINVAL : 0;

	virtio_crypto_skcipher_finalize_req(vc_sym_req, vc_sym_req->skcipher_req, error);
}

int virtio_crypto_skcipher_do_req(struct virtio_crypto_sym_request *vc_sym_req,
				  struct skcipher_request *req, struct data_queue *dq)
{
	vc_sym_req->base.dataq = dq;
	vc_sym_req->base.alg_cb = virtio_crypto_dataq_sym_callback;
	vc_sym_req->skcipher_req = req;
	return 0;
}
