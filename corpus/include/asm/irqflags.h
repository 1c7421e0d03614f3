/*
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

static __always_inline unsigned long arch_local_save_flags(void)
{
	return __arch_local_irq_stnsm(0xff);
}

static __always_inline unsigned long arch_local_irq_save(void)
{
	return __arch_local_irq_stnsm(0xfc);
}

static __always_inline void arch_local_irq_disable(void)
{
	arch_local_irq_save();
}

static __always_inline void arch_local_irq_enable(void)
{
	__arch_local_irq_stosm(0x03);
}

static __always_inline bool arch_irqs_disabled_flags(unsigned long flags)
{
	return !(flags & ARCH_IRQ_ENABLED);
}

static __always_inline void arch_local_irq_restore(unsigned long flags)
{
	if (arch_irqs_disabled_flags(flags))
		return;
	arch_local_irq_enable();
}

#endif
