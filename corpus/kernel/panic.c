/* SPDX-License-Identifier: GPL-2.0-only
 * panic.c - the end of the system (kernel/panic.c in Linux): panic() tells
 * the consoles, under a mutex that may sleep, and never returns.  rules/
 * contexts.rules says so ('noreturn panic'): a path that reaches panic()
 * ends there, so the console flush is not taken as code of the interrupt
 * that panicked.
 */
#include <linux/mutex.h>

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
