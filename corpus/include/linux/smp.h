/* SPDX-License-Identifier: GPL-2.0-only
 * smp.h - running a function on another CPU.  A call-single-data block
 * (csd) holds the function and its argument.  CSD_INIT() builds one as a
 * compound literal, which a static initialiser of a struct that embeds a
 * csd uses as is, and INIT_CSD() assigns to a csd through a pointer.
 * smp_call_function_single() fills a csd of its own (on its stack, or this
 * CPU's per-CPU one) with the function it is given;
 * smp_call_function_single_async() sends a csd its caller owns, already
 * filled.  On the calling CPU itself the function runs at once.
 */
#ifndef _LINUX_SMP_H
#define _LINUX_SMP_H

typedef void (*smp_call_func_t)(void *info);

struct __call_single_data {
	unsigned int flags;
	smp_call_func_t func;
	void *info;
};

typedef struct __call_single_data call_single_data_t;

#define CSD_INIT(_func, _info) \
	(struct __call_single_data){ .func = (_func), .info = (_info), }

#define INIT_CSD(_csd, _func, _info)		\
do {						\
	*(_csd) = CSD_INIT((_func), (_info));	\
} while (0)

extern int smp_processor_id(void);
int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait);
int smp_call_function_single_async(int cpu, call_single_data_t *csd);

#endif
