/* SPDX-License-Identifier: GPL-2.0-only
 * skcipher.h - corpus model of the symmetric-cipher request: the same
 * embedded base as every request type, set through its own setter.
 */
#ifndef _CRYPTO_SKCIPHER_H
#define _CRYPTO_SKCIPHER_H

#include <linux/crypto.h>

struct skcipher_request {
	unsigned int cryptlen;
	u8 *iv;
	struct crypto_async_request base;
	void *__ctx[];
};

static inline void skcipher_request_set_callback(struct skcipher_request *req, u32 flags,
						 crypto_completion_t compl, void *data)
{
	req->base.complete = compl;
	req->base.data = data;
	req->base.flags = flags;
}

int crypto_skcipher_encrypt(struct skcipher_request *req);

#endif
