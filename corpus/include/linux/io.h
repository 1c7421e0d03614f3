/* SPDX-License-Identifier: GPL-2.0-only */ /* io.h - port/memory-mapped I/O accessors (lib/iomap.c): plain loads and stores, no locks. */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler.h>

extern unsigned int ioread8(const void __iomem *addr);
extern unsigned int ioread16(const void __iomem *addr);
extern unsigned int ioread32(const void __iomem *addr);
extern void iowrite8(u8 val, void __iomem *addr);
extern void iowrite16(u16 val, void __iomem *addr);
extern void iowrite32(u32 val, void __iomem *addr);

/* Memory-mapped registers (virtio-mmio): single loads and stores, no locks either. */
extern u8 readb(const volatile void __iomem *addr);
extern u16 readw(const volatile void __iomem *addr);
extern u32 readl(const volatile void __iomem *addr);
extern void writeb(u8 val, volatile void __iomem *addr);
extern void writew(u16 val, volatile void __iomem *addr);
extern void writel(u32 val, volatile void __iomem *addr);

#endif
