/* SPDX-License-Identifier: GPL-2.0-only */ /* stackdepot.h - stack traces stored once, by handle (lib/stackdepot.c). */
#ifndef _LINUX_STACKDEPOT_H
#define _LINUX_STACKDEPOT_H

#include <linux/types.h>
#include <linux/gfp.h>

typedef u32 depot_stack_handle_t;

depot_stack_handle_t stack_depot_save(unsigned long *entries, unsigned int nr_entries, gfp_t alloc_flags);

#endif
