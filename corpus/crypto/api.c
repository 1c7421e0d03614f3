/* SPDX-License-Identifier: GPL-2.0-only
 * api.c - corpus model of crypto_req_done(), the completion a synchronous
 * user hands an asynchronous request: it wakes the waiter, from any
 * context.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/crypto.h>

void crypto_req_done(struct crypto_async_request *req, int err)
{
	struct crypto_wait *wait = req->data;

	if (err == -EINPROGRESS)
		return;
	wait->err = err;
	complete(&wait->completion);
}
