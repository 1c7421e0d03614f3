/* SPDX-License-Identifier: GPL-2.0-only
 * dm-crypt.c - corpus model of dm-crypt's asynchronous cipher requests: a
 * skcipher request per sector, completed by kcryptd_async_done(), which
 * runs the IV generator's post step.  The Elephant diffuser's post step
 * encrypts once more and waits for that to finish, which sleeps.  A
 * skcipher user: only a driver that finalizes skcipher requests reaches it.
 */
#include <linux/kernel.h>
#include <crypto/skcipher.h>

struct crypt_config;
struct dm_crypt_request {
	struct crypt_config *cc;
	sector_t iv_sector;
};

struct crypt_iv_operations {
	int (*post)(struct crypt_config *cc, u8 *iv, struct dm_crypt_request *dmreq);
};

struct crypt_config {
	const struct crypt_iv_operations *iv_gen_ops;
	struct skcipher_request *elephant_req;
	u8 *iv;
};

static int crypt_iv_elephant(struct crypt_config *cc, struct dm_crypt_request *dmreq)
{
	struct skcipher_request *req = cc->elephant_req;
	struct crypto_wait wait;

	init_completion(&wait.completion);
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_BACKLOG, crypto_req_done, &wait);
	return crypto_wait_req(crypto_skcipher_encrypt(req), &wait);
}

static int crypt_iv_elephant_post(struct crypt_config *cc, u8 *iv, struct dm_crypt_request *dmreq)
{
	return crypt_iv_elephant(cc, dmreq);
}

static const struct crypt_iv_operations crypt_iv_elephant_ops = {
	.post = crypt_iv_elephant_post,
};

static void kcryptd_async_done(struct crypto_async_request *async_req, int error)
{
	struct dm_crypt_request *dmreq = async_req->data;
	struct crypt_config *cc = dmreq->cc;

	if (!error && cc->iv_gen_ops && cc->iv_gen_ops->post)
		error = cc->iv_gen_ops->post(cc, cc->iv, dmreq);
}

void crypt_alloc_req_skcipher(struct crypt_config *cc, struct skcipher_request *req,
			      struct dm_crypt_request *dmreq)
{
	cc->iv_gen_ops = &crypt_iv_elephant_ops;
	dmreq->cc = cc;
	skcipher_request_set_callback(req, CRYPTO_TFM_REQ_MAY_BACKLOG | CRYPTO_TFM_REQ_MAY_SLEEP,
				      kcryptd_async_done, dmreq);
}
