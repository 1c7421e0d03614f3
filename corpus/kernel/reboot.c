/* SPDX-License-Identifier: GPL-2.0-only
 * reboot.c - the reboot notifier chain (kernel/reboot.c in Linux): drivers
 * register to quiesce their devices; a restart runs the chain from the
 * reboot syscall, in process context.
 */
#include <linux/reboot.h>

static struct blocking_notifier_head reboot_notifier_list;

int register_reboot_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_register(&reboot_notifier_list, nb);
}

void kernel_restart_prepare(char *cmd)
{
	blocking_notifier_call_chain(&reboot_notifier_list, SYS_RESTART, cmd);
}
