/* SPDX-License-Identifier: GPL-2.0-only */ /* compiler.h - attribute and annotation macros (corpus model of the kernel's compiler*.h). */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __cold			__attribute__((__cold__))
#define __noreturn		__attribute__((__noreturn__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define ____cacheline_aligned_in_smp	__aligned(256)

/* sparse annotations: empty for the compiler, as in the kernel */
#define __iomem
#define __user
#define __force
#define __bitwise
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __cond_lock(x, c)	(c)

#define barrier()		__asm__ __volatile__("" : : : "memory")
/* the code after it is never reached: BUG()'s end, as in the kernel */
#define unreachable()		do { __builtin_unreachable(); } while (0)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

#endif
