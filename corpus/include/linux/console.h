/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * console.h - the consoles printk writes to: a driver registers a struct
 * console, and printk's flush calls each one's write (console_unlock() in
 * the kernel; kernel/printk/printk_defer.c here), in whatever context the
 * printk was made.
 */
#ifndef _LINUX_CONSOLE_H
#define _LINUX_CONSOLE_H

struct console {
	char name[16];
	void (*write)(struct console *con, const char *text, unsigned int len);
	struct console *next;
};

extern struct console *console_drivers;
extern void register_console(struct console *con);

#endif
