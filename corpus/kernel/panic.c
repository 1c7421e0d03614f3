/* SPDX-License-Identifier: GPL-2.0-only
 * panic.c - the end of the system (kernel/panic.c in Linux): panic() tells
 * the consoles, under a mutex that may sleep, and never returns.  rules/
 * contexts.rules says so ('noreturn panic'): a path that reaches panic()
 * ends there, so the console flush is not taken as code of the interrupt
 * that panicked.  __warn_printk() is WARN()'s message: a printk, which the
 * rules say is the report of a broken state ('bug-report __warn_printk'),
 * not a call a path follows.
 */
#include <linux/mutex.h>
#include <linux/printk.h>

static DEFINE_MUTEX(console_flush_mutex);
static int panic_messages;

static void console_flush_on_panic(void)
{
	mutex_lock(&console_flush_mutex);
	panic_messages++;
	mutex_unlock(&console_flush_mutex);
}

void panic(const char *msg)
{
	(void)msg;
	console_flush_on_panic();
	for (;;)
		;
}

void __warn_printk(const char *fmt, ...)
{
	printk("------------[ cut here ]------------\n");
	printk("%s", fmt);
}
