// SPDX-License-Identifier: GPL-2.0-only
/*
 * signal_perm.c - delivering a signal to a process (models kill_pid(),
 * kill_pid_info(), group_send_sig_info() and check_kill_permission() in
 * kernel/signal.c): the permission check, with its audit and security
 * hooks, runs only for a signal from user space; the kernel's own signals
 * (info SEND_SIG_PRIV) skip it.  -DKILL_CAD_UNPRIV makes the caller below
 * send as if from user space.
 */
#include <linux/sched/signal.h>

#define SIGNAL_FROM_USER(si)	((si)->si_code <= 0)
#define __si_special(priv)	((priv) ? SEND_SIG_PRIV : SEND_SIG_NOINFO)

struct task_struct *pid_task_of(struct pid *pid);
int security_task_kill(struct task_struct *t, struct kernel_siginfo *info, int sig);
int deliver_signal(int sig, struct kernel_siginfo *info, struct task_struct *t);

static inline bool info_is_special(const struct kernel_siginfo *info)
{
	return info <= SEND_SIG_PRIV;
}

static inline bool sent_from_user(const struct kernel_siginfo *info)
{
	return info == SEND_SIG_NOINFO || (!info_is_special(info) && SIGNAL_FROM_USER(info));
}

static int check_kill_permission(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
	if (sig < 0 || sig > 64)
		return -22;
	if (!sent_from_user(info))
		return 0;
	return security_task_kill(t, info, sig);
}

int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	int err = check_kill_permission(sig, info, p);

	return err ? err : deliver_signal(sig, info, p);
}

int kill_pid_info(int sig, struct kernel_siginfo *info, struct pid *pid)
{
	struct task_struct *p = pid_task_of(pid);

	return p ? group_send_sig_info(sig, info, p) : -3;
}

int kill_pid(struct pid *pid, int sig, int priv)
{
	return kill_pid_info(sig, __si_special(priv), pid);
}
