/* SPDX-License-Identifier: GPL-2.0-only
 * vmalloc.h - virtually contiguous allocations (mm/vmalloc.c).  vfree()
 * may be called from an interrupt: it then defers the unmapping.
 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

extern void *vmalloc(unsigned long size);
extern void vfree(const void *addr);

#endif
