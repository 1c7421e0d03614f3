/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * audit.h - audit records.  A record is built in an audit_buffer that
 * remembers the allocation mode its caller chose at audit_log_start(): every
 * later allocation for the record (a growing skb, a path's text) uses it.
 * The LSM audit (lsm_audit.c) describes what an LSM decided about.
 */
#ifndef _LINUX_AUDIT_H
#define _LINUX_AUDIT_H

#include <linux/types.h>
#include <linux/gfp.h>

#define AUDIT_AVC	1400

struct audit_context;
struct audit_buffer;

struct audit_context *audit_context(void);
struct audit_buffer *audit_log_start(struct audit_context *ctx, gfp_t gfp_mask, int type);
void audit_log_format(struct audit_buffer *ab, const char *fmt, ...);
void audit_log_d_path(struct audit_buffer *ab, const char *prefix, const char *path);
void audit_log_end(struct audit_buffer *ab);

enum lsm_audit_type {
	LSM_AUDIT_DATA_PATH,
	LSM_AUDIT_DATA_NETIF,
};

struct common_audit_data {
	enum lsm_audit_type type;
	union {
		const char *path;
		int netif;
	} u;
};

void common_lsm_audit(struct common_audit_data *a);

#endif
