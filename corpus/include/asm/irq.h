/* SPDX-License-Identifier: GPL-2.0-only */ /* asm/irq.h - s390 interrupt numbers and per-class statistics. */
#ifndef _ASM_IRQ_H
#define _ASM_IRQ_H

#define EXT_INTERRUPT	0
#define IO_INTERRUPT	1
#define THIN_INTERRUPT	2

enum interruption_class {
	IRQEXT_CLK,
	IRQIO_CIO,
	IRQIO_DAS,
	IRQIO_VIR,
	IRQIO_VAI,
	NR_ARCH_IRQS
};

extern void inc_irq_stat(enum interruption_class irq);

/* External interrupts: a handler per interruption code, registered with
 * register_external_irq() and run from do_ext_irq() in hardirq context. */
#define EXT_IRQ_CLK_COMP	0x1004
#define EXT_IRQ_EMERGENCY_SIG	0x1201
#define EXT_IRQ_EXTERNAL_CALL	0x1202

struct ext_code {
	unsigned short subcode;
	unsigned short code;
};

typedef void (*ext_int_handler_t)(struct ext_code, unsigned int, unsigned long);

extern int register_external_irq(unsigned short code, ext_int_handler_t handler);

#endif
