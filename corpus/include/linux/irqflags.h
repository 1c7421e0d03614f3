/* SPDX-License-Identifier: GPL-2.0-only
 * irqflags.h - local_irq_*: generic macros over raw_local_irq_*, which are
 * macros over the architecture's static inline arch_local_irq_*.
 */
#ifndef _LINUX_IRQFLAGS_H
#define _LINUX_IRQFLAGS_H

#include <linux/types.h>
#include <linux/typecheck.h>
#include <asm/irqflags.h>

#define raw_local_irq_disable()		arch_local_irq_disable()
#define raw_local_irq_enable()		arch_local_irq_enable()
#define raw_local_irq_save(fl)						\
	do {								\
		typecheck(unsigned long, fl);				\
		fl = arch_local_irq_save();				\
	} while (0)
#define raw_local_irq_restore(fl)					\
	do {								\
		typecheck(unsigned long, fl);				\
		arch_local_irq_restore(fl);				\
	} while (0)
#define raw_irqs_disabled()		arch_irqs_disabled_flags(arch_local_save_flags())

#define local_irq_enable()		do { raw_local_irq_enable(); } while (0)
#define local_irq_disable()		do { raw_local_irq_disable(); } while (0)
#define local_irq_save(fl)		do { raw_local_irq_save(fl); } while (0)
#define local_irq_restore(fl)	do { raw_local_irq_restore(fl); } while (0)
#define irqs_disabled()			raw_irqs_disabled()

#endif
