/* SPDX-License-Identifier: GPL-2.0-only
 * public_key.c - corpus model of a signature check: an akcipher request
 * whose completion is crypto_req_done(), waited for in process context.
 * The one completion stored through an akcipher_request in this tree.
 * No findings here.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <crypto/akcipher.h>

int public_key_verify_signature(struct akcipher_request *req)
{
	struct crypto_wait cwait;

	init_completion(&cwait.completion);
	akcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_BACKLOG | CRYPTO_TFM_REQ_MAY_SLEEP,
				      crypto_req_done, &cwait);
	return crypto_wait_req(crypto_akcipher_verify(req), &cwait);
}

#ifdef PKEY_DIRECT_DONE
/*
 * A completion stored straight into the request's embedded base, not
 * through the setter (crypto/ahash.c does this for its unaligned
 * requests): it is an akcipher_request's completion all the same.  This
 * one is a hypothetical bug: it counts finished checks under a mutex,
 * though a driver may complete the request from a tasklet.
 */
static DEFINE_MUTEX(pkey_stats_lock);
static unsigned long pkey_checks_done;

static void pkey_count_done(struct crypto_async_request *base, int err)
{
	mutex_lock(&pkey_stats_lock); /* expect(embedded-crypto-direct): sleep-in-atomic mutex_lock */
	pkey_checks_done++;
	mutex_unlock(&pkey_stats_lock);
	crypto_req_done(base, err);
}

int public_key_verify_counted(struct akcipher_request *req, struct crypto_wait *cwait)
{
	init_completion(&cwait->completion);
	req->base.complete = pkey_count_done;
	req->base.data = cwait;
	return crypto_wait_req(crypto_akcipher_verify(req), cwait);
}
#endif
