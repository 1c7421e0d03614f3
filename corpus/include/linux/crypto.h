/* SPDX-License-Identifier: GPL-2.0-only
 * crypto.h - corpus model of the crypto API's asynchronous requests.  Every
 * request type (akcipher, skcipher, aead, ahash) embeds one struct
 * crypto_async_request as 'base', whose 'complete' member is the caller's
 * completion.  crypto_wait_req() is how a synchronous user waits for an
 * asynchronous one: crypto_req_done() completes the wait.
 */
#ifndef _LINUX_CRYPTO_H
#define _LINUX_CRYPTO_H

#include <linux/types.h>
#include <linux/errno.h>
#include <linux/completion.h>

#define CRYPTO_TFM_REQ_MAY_SLEEP	0x00000200
#define CRYPTO_TFM_REQ_MAY_BACKLOG	0x00000400

struct crypto_async_request;
typedef void (*crypto_completion_t)(struct crypto_async_request *req, int err);

struct crypto_async_request {
	crypto_completion_t complete;
	void *data;
	u32 flags;
};

struct crypto_wait {
	struct completion completion;
	int err;
};

void crypto_req_done(struct crypto_async_request *req, int err);

static inline int crypto_wait_req(int err, struct crypto_wait *wait)
{
	if (err == -EINPROGRESS || err == -EBUSY) {
		wait_for_completion(&wait->completion); /* expect(embedded-crypto-skcipher): sleep-in-atomic wait_for_completion may sleep (wait_for_completion() blocks) in softirq context */
		err = wait->err;
	}
	return err;
}

#endif
