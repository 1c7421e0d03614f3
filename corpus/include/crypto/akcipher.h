/* SPDX-License-Identifier: GPL-2.0-only
 * akcipher.h - corpus model of the asymmetric-cipher request: its base is
 * embedded, and the setter stores the caller's completion through it.
 */
#ifndef _CRYPTO_AKCIPHER_H
#define _CRYPTO_AKCIPHER_H

#include <linux/crypto.h>

struct akcipher_request {
	struct crypto_async_request base;
	unsigned int src_len;
	unsigned int dst_len;
	void *__ctx[];
};

static inline void akcipher_request_set_callback(struct akcipher_request *req, u32 flags,
						 crypto_completion_t cmpl, void *data)
{
	req->base.complete = cmpl;
	req->base.data = data;
	req->base.flags = flags;
}

int crypto_akcipher_verify(struct akcipher_request *req);

#endif
