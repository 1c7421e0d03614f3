/* SPDX-License-Identifier: GPL-2.0-only
 * engine.h - corpus model of the crypto engine that hardware drivers
 * queue requests to; a driver finalizes each request by its own type.
 */
#ifndef _CRYPTO_ENGINE_H
#define _CRYPTO_ENGINE_H

#include <linux/spinlock.h>
#include <crypto/akcipher.h>
#include <crypto/skcipher.h>

struct crypto_engine {
	spinlock_t queue_lock;
	bool busy;
	struct crypto_async_request *cur_req;
};

void crypto_finalize_akcipher_request(struct crypto_engine *engine, struct akcipher_request *req, int err);
void crypto_finalize_skcipher_request(struct crypto_engine *engine, struct skcipher_request *req, int err);

#endif
