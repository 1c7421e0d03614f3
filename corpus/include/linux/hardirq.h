/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * hardirq.h - entering and leaving the hardirq context by hand: irq_enter()
 * accounts the interrupt and catches the tick up (kernel/softirq.c), which
 * takes the jiffies lock; irq_exit() leaves it.  Code that runs a handler
 * outside a real interrupt (cio_tsch()) brackets it with them.  With it,
 * local_bh_disable() and _local_bh_enable(), which keep softirqs off.
 */
#ifndef _LINUX_HARDIRQ_H
#define _LINUX_HARDIRQ_H

#include <linux/preempt.h>

extern void irq_enter(void);
extern void irq_exit(void);
extern void local_bh_disable(void);
extern void _local_bh_enable(void);

#endif
