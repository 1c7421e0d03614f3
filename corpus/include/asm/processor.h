/* SPDX-License-Identifier: GPL-2.0-only */ /* asm/processor.h - cpu_relax. */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

#include <linux/compiler.h>

static inline void cpu_relax(void)
{
	barrier();
}

#endif
