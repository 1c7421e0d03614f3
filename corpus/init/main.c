/* SPDX-License-Identifier: GPL-2.0-only
 * main.c - early boot, with interrupts still off.  The boot configuration
 * block's keys go through parse_args() with no parameter table of their
 * own (NULL, 0): every word reaches the unknown-word handler, and no
 * parameter is set under the mutex.  Models init/main.c (start_kernel(),
 * setup_boot_config()).
 *
 * With -DBOOT_CONFIG_OWN_TABLE (hypothetical) the block is parsed against
 * a table of its own, whose setters run under the parameter mutex with
 * interrupts off.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/irqflags.h>
#include <linux/moduleparam.h>

extern char *boot_config_line(void);

static int bootconfig_word(char *param, char *val, const char *doing, void *arg)
{
	(void)param; (void)val; (void)doing; (void)arg;
	return 0;
}

#ifdef BOOT_CONFIG_OWN_TABLE
extern const struct kernel_param bootconfig_table[];
extern unsigned bootconfig_table_size;
#define BOOT_TABLE bootconfig_table
#define BOOT_TABLE_SIZE bootconfig_table_size
#else
#define BOOT_TABLE NULL
#define BOOT_TABLE_SIZE 0
#endif

static void setup_boot_config(void)
{
	char *line = boot_config_line();

	if (line)
		parse_args("bootconfig", line, BOOT_TABLE, BOOT_TABLE_SIZE, bootconfig_word, NULL);
}

void start_kernel(void)
{
	local_irq_disable();
	setup_boot_config();
}
