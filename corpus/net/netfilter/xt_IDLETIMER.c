/* SPDX-License-Identifier: GPL-2.0-only
 * xt_IDLETIMER.c - corpus model of an xtables target whose destructor
 * sleeps: it drops its timer from a list kept under a mutex.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/module.h>
#include <linux/netfilter/x_tables.h>

static DEFINE_MUTEX(idle_list_lock);
static int idle_timers;

static void idletimer_tg_destroy(const struct xt_tgdtor_param *par)
{
	mutex_lock(&idle_list_lock); /* expect(act-ipt-replace-locked): sleep-in-atomic mutex_lock */
	idle_timers--;
	mutex_unlock(&idle_list_lock);
}

static struct xt_target idletimer_tg = {
	.name		= "IDLETIMER",
	.destroy	= idletimer_tg_destroy,
};

static int __init idletimer_tg_init(void)
{
	return xt_register_target(&idletimer_tg);
}
module_init(idletimer_tg_init);
