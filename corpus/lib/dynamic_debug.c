// SPDX-License-Identifier: GPL-2.0-only
/*
 * dynamic_debug.c - a pr_debug() site switched on (models
 * lib/dynamic_debug.c): the message gets a prefix, '<intr> ' in an
 * interrupt, then the caller's text.  Both go through vsnprintf(): the
 * prefix with a literal of this file, the message with the caller's
 * format, whatever it is.
 */
#include <linux/types.h>
#include <linux/preempt.h>
#include <linux/sprintf.h>
#include <linux/dynamic_debug.h>

extern int current_pid(void);
extern void debug_emit(const char *prefix, const char *text);

static void ddebug_prefix(const struct _ddebug *site, char *buf, size_t size)
{
	if (!(site->flags & _DPRINTK_FLAGS_INCL_TID)) {
		buf[0] = '\0';
		return;
	}
	if (in_interrupt())
		snprintf(buf, size, "<intr> ");
	else
		snprintf(buf, size, "[%d] ", current_pid());
}

void __dynamic_pr_debug(struct _ddebug *descriptor, const char *fmt, ...)
{
	char prefix[32], text[128];
	va_list args;

	ddebug_prefix(descriptor, prefix, sizeof(prefix));
	va_start(args, fmt);
	vsnprintf(text, sizeof(text), fmt, args);
	va_end(args);
	debug_emit(prefix, text);
}
