/* SPDX-License-Identifier: GPL-2.0-only */ /* irq.h - architecture-level registration of a prepared irqaction. */
#ifndef _LINUX_IRQ_H
#define _LINUX_IRQ_H

#include <linux/interrupt.h>

extern int setup_irq(unsigned int irq, struct irqaction *act);

#endif
