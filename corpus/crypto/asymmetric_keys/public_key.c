/* SPDX-License-Identifier: GPL-2.0-only
 * public_key.c - corpus model of a signature check: an akcipher request
 * whose completion is crypto_req_done(), waited for in process context.
 * The one completion stored through an akcipher_request in this tree.
 * No findings here.
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <crypto/akcipher.h>

int public_key_verify_signature(struct akcipher_request *req)
{
	struct crypto_wait cwait;

	init_completion(&cwait.completion);
	akcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_BACKLOG | CRYPTO_TFM_REQ_MAY_SLEEP,
				      crypto_req_done, &cwait);
	return crypto_wait_req(crypto_akcipher_verify(req), &cwait);
}
