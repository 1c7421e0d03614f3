/* SPDX-License-Identifier: GPL-2.0-only */ /* types.h - fixed-width and kernel scalar types, list heads, atomics' storage. */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/stddef.h>

typedef unsigned char		__u8;
typedef signed char		__s8;
typedef unsigned short		__u16;
typedef short			__s16;
typedef unsigned int		__u32;
typedef int			__s32;
typedef unsigned long long	__u64;
typedef long long		__s64;

typedef __u8	u8;
typedef __s8	s8;
typedef __u16	u16;
typedef __s16	s16;
typedef __u32	u32;
typedef __s32	s32;
typedef __u64	u64;
typedef __s64	s64;
typedef long long	loff_t;

/* Little-endian and virtio-endian fields: plain integers here (no sparse). */
typedef __u16	__le16;
typedef __u32	__le32;
typedef __u64	__le64;
typedef __u16	__virtio16;
typedef __u32	__virtio32;
typedef __u64	__virtio64;

typedef _Bool			bool;
typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
typedef long			ssize_t;
typedef unsigned long		uintptr_t;
typedef unsigned long		addr_t;
typedef unsigned int		gfp_t;
typedef u64			dma_addr_t;
typedef u64			phys_addr_t;
typedef u64			sector_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	long counter;
} atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

#endif
