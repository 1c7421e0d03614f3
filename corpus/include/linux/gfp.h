/* SPDX-License-Identifier: GPL-2.0-only */ /* gfp.h - allocation flags: GFP_KERNEL may sleep, GFP_ATOMIC and GFP_NOWAIT may not. */
#ifndef _LINUX_GFP_H
#define _LINUX_GFP_H

#include <linux/types.h>

#define ___GFP_DMA		0x01u
#define ___GFP_HIGH		0x20u
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_ZERO		0x100u
#define ___GFP_ATOMIC		0x200u
#define ___GFP_DIRECT_RECLAIM	0x400u
#define ___GFP_KSWAPD_RECLAIM	0x800u
#define ___GFP_NOWARN		0x2000u
#define ___GFP_NORETRY		0x8000u
#define ___GFP_NOLOCKDEP	0x10000000u

#define __GFP_DMA		((gfp_t)___GFP_DMA)
#define __GFP_HIGH		((gfp_t)___GFP_HIGH)
#define __GFP_IO		((gfp_t)___GFP_IO)
#define __GFP_FS		((gfp_t)___GFP_FS)
#define __GFP_ZERO		((gfp_t)___GFP_ZERO)
#define __GFP_ATOMIC		((gfp_t)___GFP_ATOMIC)
#define __GFP_DIRECT_RECLAIM	((gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM	((gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM		((gfp_t)(___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM))
#define __GFP_NOWARN		((gfp_t)___GFP_NOWARN)
#define __GFP_NORETRY		((gfp_t)___GFP_NORETRY)
#define __GFP_NOLOCKDEP		((gfp_t)___GFP_NOLOCKDEP)
#define GFP_ZONEMASK		(__GFP_DMA)

#define GFP_ATOMIC		(__GFP_HIGH | __GFP_ATOMIC | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL		(__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_NOWAIT		(__GFP_KSWAPD_RECLAIM)
#define GFP_NOFS		(__GFP_RECLAIM | __GFP_IO)
#define GFP_DMA			__GFP_DMA
#define GFP_HIGHUSER_MOVABLE	(GFP_KERNEL | __GFP_HIGH)

/* May an allocation with these flags reclaim by itself, and so sleep?
 * Callers test it before their own sleeping steps. */
static inline bool gfpflags_allow_blocking(const gfp_t flags)
{
	return (flags & __GFP_DIRECT_RECLAIM) != 0;
}

#endif
