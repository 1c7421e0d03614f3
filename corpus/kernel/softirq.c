/* SPDX-License-Identifier: GPL-2.0-only
 * softirq.c - the softirq vector: open_softirq() installs an action that
 * __do_softirq() runs (not modelled; rules: keyentry softirq_action.action).
 */
#include <linux/kernel.h>
#include <linux/interrupt.h>

static struct softirq_action softirq_vec[NR_SOFTIRQS];

void open_softirq(int nr, void (*action)(struct softirq_action *))
{
	softirq_vec[nr].action = action;
}
