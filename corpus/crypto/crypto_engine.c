/* SPDX-License-Identifier: GPL-2.0-only
 * crypto_engine.c - corpus model of crypto/crypto_engine.c's finalize
 * path.  Each request type has its own finalize helper, and each passes
 * its request's embedded base to the one generic finalize, which completes
 * it: the object the completion is called on is '&req->base' of the type
 * the driver finalized.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <crypto/algapi.h>
#include <crypto/engine.h>

static void crypto_finalize_request(struct crypto_engine *engine, struct crypto_async_request *req, int err)
{
	unsigned long flags;

	spin_lock_irqsave(&engine->queue_lock, flags);
	if (engine->cur_req == req)
		engine->busy = false;
	spin_unlock_irqrestore(&engine->queue_lock, flags);

	crypto_request_complete(req, err);
}

void crypto_finalize_akcipher_request(struct crypto_engine *engine, struct akcipher_request *req, int err)
{
	crypto_finalize_request(engine, &req->base, err);
}

void crypto_finalize_skcipher_request(struct crypto_engine *engine, struct skcipher_request *req, int err)
{
	crypto_finalize_request(engine, &req->base, err);
}
