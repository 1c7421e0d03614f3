/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * sched/mm.h - a task's scoped allocation constraints (include/linux/
 * sched/mm.h): code inside memalloc_noio_save() .. restore() allocates
 * without I/O or file system reclaim whatever mask its callees pass, so
 * the allocators narrow the mask they were given by the task's flags.
 */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/gfp.h>

#define PF_MEMALLOC_NOIO	0x00080000
#define PF_MEMALLOC_NOFS	0x00040000

extern unsigned int current_task_flags(void);

static inline gfp_t current_gfp_context(gfp_t flags)
{
	unsigned int pflags = current_task_flags();

	if (pflags & (PF_MEMALLOC_NOIO | PF_MEMALLOC_NOFS)) {
		if (pflags & PF_MEMALLOC_NOIO)
			flags &= ~(__GFP_IO | __GFP_FS);
		else
			flags &= ~__GFP_FS;
	}
	return flags;
}

#endif
