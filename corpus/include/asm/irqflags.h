/* SPDX-License-Identifier: GPL-2.0-only
 * asm/irqflags.h - the architecture's interrupt mask, s390 flavour: the
 * PSW mask is changed with STNSM/STOSM (here out-of-line primitives, as the
 * host compiler cannot assemble them).  Everything above these is inline.
 */
#ifndef _ASM_IRQFLAGS_H
#define _ASM_IRQFLAGS_H

#include <linux/compiler.h>

#define ARCH_IRQ_ENABLED	(3UL << (64 - 8))

extern unsigned long __arch_local_irq_stnsm(unsigned char and_mask);
extern unsigned long __arch_local_irq_stosm(unsigned char or_mask);

/* The I/O and external interrupt bits of the PSW mask: STNSM 0xfc clears both. */
#define ARCH_IRQ_MASK_KEEP	0xff
#define ARCH_IRQ_MASK_OFF	0xfc
#define ARCH_IRQ_MASK_ON	0x03

/* Read the mask: AND with all ones changes nothing and returns the old value. */
static __always_inline unsigned long arch_local_save_flags(void)
{
	return __arch_local_irq_stnsm(ARCH_IRQ_MASK_KEEP);
}

/* Turn interrupts off and hand back what the mask was. */
static __always_inline unsigned long arch_local_irq_save(void)
{
	return __arch_local_irq_stnsm(ARCH_IRQ_MASK_OFF);
}

/* Off without keeping the old mask: the same primitive, value dropped. */
static __always_inline void arch_local_irq_disable(void)
{
	arch_local_irq_save();
}

/* On: OR the two interrupt bits back into the mask. */
static __always_inline void arch_local_irq_enable(void)
{
	__arch_local_irq_stosm(ARCH_IRQ_MASK_ON);
}

static __always_inline bool arch_irqs_disabled_flags(unsigned long fl)
{
	return !(fl & ARCH_IRQ_ENABLED);
}

static __always_inline void arch_local_irq_restore(unsigned long fl)
{
	if (arch_irqs_disabled_flags(fl))
		return;
	arch_local_irq_enable();
}

#endif
