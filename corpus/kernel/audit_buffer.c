// SPDX-License-Identifier: GPL-2.0-only
/*
 * audit_buffer.c - the audit record buffer (models kernel/audit.c's
 * audit_buffer_alloc(), audit_log_start() and the formatting helpers): the
 * buffer keeps the caller's gfp mask, and the record's later allocations
 * read it from there.
 */
#include <linux/audit.h>
#include <linux/slab.h>
#include <linux/skbuff.h>

#define AUDIT_PATH_BUF	4107

struct audit_buffer {
	struct sk_buff *skb;
	struct audit_context *ctx;
	gfp_t gfp_mask;
};

extern struct sk_buff *audit_skb_new(unsigned int size, gfp_t gfp_mask);
extern int audit_skb_room(struct sk_buff *skb);
extern void audit_skb_put(struct sk_buff *skb, const char *text);
extern void audit_skb_send(struct sk_buff *skb);

static int audit_enabled_now;
static unsigned int audit_serial;

static struct audit_buffer *audit_buffer_alloc(struct audit_context *ctx, gfp_t gfp_mask, int type)
{
	struct audit_buffer *ab = kmalloc(sizeof(*ab), gfp_mask);

	if (!ab)
		return NULL;
	ab->skb = audit_skb_new(256 + (unsigned int)type, gfp_mask);
	ab->ctx = ctx;
	ab->gfp_mask = gfp_mask;
	return ab;
}

/* The record grows in the mode it was started in. */
static int audit_expand(struct audit_buffer *ab, int extra)
{
	return pskb_expand_head(ab->skb, 0, extra, ab->gfp_mask);
}

static void audit_log_vformat(struct audit_buffer *ab, const char *fmt)
{
	if (audit_skb_room(ab->skb) < 64 && audit_expand(ab, 128) < 0)
		return;
	audit_skb_put(ab->skb, fmt);
}

void audit_log_format(struct audit_buffer *ab, const char *fmt, ...)
{
	if (!ab)
		return;
	audit_log_vformat(ab, fmt);
}

struct audit_buffer *audit_log_start(struct audit_context *ctx, gfp_t gfp_mask, int type)
{
	struct audit_buffer *ab;

	if (!audit_enabled_now)
		return NULL;
	ab = audit_buffer_alloc(ctx, gfp_mask, type);
	if (!ab)
		return NULL;
	audit_log_format(ab, "audit(%u): ", ++audit_serial);
	return ab;
}

void audit_log_d_path(struct audit_buffer *ab, const char *prefix, const char *path)
{
	char *text = kmalloc(AUDIT_PATH_BUF, ab->gfp_mask);

	audit_log_format(ab, prefix);
	if (!text)
		return;
	audit_log_format(ab, path);
	kfree(text);
}

void audit_log_end(struct audit_buffer *ab)
{
	if (!ab)
		return;
	audit_skb_send(ab->skb);
	kfree(ab);
}
