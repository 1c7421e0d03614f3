// SPDX-License-Identifier: GPL-2.0-only
/*
 * printk_defer.c - printk and printk_deferred over vprintk_emit() (models
 * kernel/printk/printk.c): the level LOGLEVEL_SCHED says the caller is the
 * scheduler, and the message is stored but the console is left to later.
 * vprintk_emit() turns that level into a flag local before it rewrites the
 * level, and the console is flushed only without the flag.
 */
#include <linux/types.h>
#include <linux/printk.h>
#include <linux/console.h>

extern int log_store(int facility, int level, const char *fmt);
extern void defer_console_output(void);
extern void wake_up_klogd(void);
extern void console_reader_wake(void);

/* console_unlock()'s shape: every registered console gets the text, and
 * a console driver's write wakes its reader. */
static void console_flush(const char *text)
{
	struct console *con;

	for (con = console_drivers; con; con = con->next)
		con->write(con, text, 16);
	console_reader_wake();
}

int vprintk_emit(int facility, int level, const char *fmt)
{
	bool in_sched = false;
	int len;

	if (level == LOGLEVEL_SCHED) {
		level = LOGLEVEL_DEFAULT;
		in_sched = true;
	}
	len = log_store(facility, level, fmt);
	if (!in_sched)
		console_flush(fmt);
	if (in_sched)
		defer_console_output();
	else
		wake_up_klogd();
	return len;
}

int printk(const char *fmt, ...)
{
	return vprintk_emit(0, LOGLEVEL_DEFAULT, fmt);
}

int printk_deferred(const char *fmt, ...)
{
	return vprintk_emit(0, LOGLEVEL_SCHED, fmt);
}
