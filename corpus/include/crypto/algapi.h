/* SPDX-License-Identifier: GPL-2.0-only
 * algapi.h - corpus model of the helpers crypto drivers use.  A request is
 * completed through its base alone: the completion is read into a local
 * and called, so by key it is every completion stored into
 * crypto_async_request.complete, of every request type.
 */
#ifndef _CRYPTO_ALGAPI_H
#define _CRYPTO_ALGAPI_H

#include <linux/crypto.h>

static inline void crypto_request_complete(struct crypto_async_request *req, int err)
{
	crypto_completion_t complete = req->complete;

	complete(req, err);
}

#endif
