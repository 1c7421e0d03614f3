// SPDX-License-Identifier: GPL-2.0-only
/*
 * columns.c - the text forms of the enum columns stored as text, and the
 * callback keys (columns.h).
 */
#include "db/columns.h"

#include <string.h>

const char *context_name(enum lp_context c)
{
	switch (c) {
	case CTX_PROCESS: return "process";
	case CTX_SOFTIRQ: return "softirq";
	case CTX_HARDIRQ: return "hardirq";
	}
	return "?";
}

enum lp_context context_from_name(const char *s)
{
	return !strcmp(s, "hardirq") ? CTX_HARDIRQ : !strcmp(s, "softirq") ? CTX_SOFTIRQ : CTX_PROCESS;
}

const char *const db_callback_keys[] = {
	"virtio_driver.config_changed",   /* __virtio_config_changed: drv->config_changed(dev) */
	"virtqueue.callback",             /* vring_interrupt: vq->vq.callback(&vq->vq) */
};
const int db_ncallback_keys = sizeof(db_callback_keys) / sizeof(db_callback_keys[0]);
