/* SPDX-License-Identifier: GPL-2.0-only
 * sched/signal.h - sending signals, as far as who may send one goes.  A
 * signal's info is a pointer, or one of two special values: no info (0,
 * as from user space) or "sent by the kernel" (1), which skips the
 * permission checks.  kill_cad_pid() signals init with its priv flag.
 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

#include <linux/sched.h>

#define SIGPWR	30

struct pid;
struct kernel_siginfo {
	int si_signo;
	int si_code;
};

#define SEND_SIG_NOINFO	((struct kernel_siginfo *) 0)
#define SEND_SIG_PRIV	((struct kernel_siginfo *) 1)

extern struct pid *cad_pid;
int kill_pid(struct pid *pid, int sig, int priv);

static inline int kill_cad_pid(int sig, int priv)
{
	return kill_pid(cad_pid, sig, priv);
}

#endif
