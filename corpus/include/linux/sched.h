/* SPDX-License-Identifier: GPL-2.0-only */ /* sched.h - task states and schedule(), the one function that really sleeps. */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

#include <linux/kernel.h>

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))

struct task_struct;

extern void schedule(void);
extern long schedule_timeout(long timeout);
extern void io_schedule(void);

#endif
