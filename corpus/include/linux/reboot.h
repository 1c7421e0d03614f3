/* SPDX-License-Identifier: GPL-2.0-only
 * reboot.h - reboot notifiers: a blocking chain that kernel_restart() runs
 * before the machine goes down (kernel/reboot.c).
 */
#ifndef _LINUX_REBOOT_H
#define _LINUX_REBOOT_H

#include <linux/notifier.h>

#define SYS_RESTART	0x0001

extern int register_reboot_notifier(struct notifier_block *nb);
extern void kernel_restart_prepare(char *cmd);

#endif
