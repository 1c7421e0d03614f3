/* SPDX-License-Identifier: GPL-2.0-only */ /* async.h - asynchronous function calls, run later from a kernel thread (process context). */
#ifndef _LINUX_ASYNC_H
#define _LINUX_ASYNC_H

#include <linux/types.h>

typedef u64 async_cookie_t;
typedef void (*async_func_t)(void *data, async_cookie_t cookie);

#define NUMA_NO_NODE	(-1)

extern async_cookie_t async_schedule_node(async_func_t func, void *data, int node);

static inline async_cookie_t async_schedule(async_func_t func, void *data)
{
	return async_schedule_node(func, data, NUMA_NO_NODE);
}

#endif
