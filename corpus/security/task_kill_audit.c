// SPDX-License-Identifier: GPL-2.0-only
/*
 * task_kill_audit.c - the security hook a user's signal passes (models
 * security_task_kill() with an LSM that audits the decision: the audit
 * record is built under the audit command mutex).
 */
#include <linux/mutex.h>
#include <linux/sched/signal.h>

static DEFINE_MUTEX(audit_cmd_mutex);

void audit_log_signal(int sig);

int security_task_kill(struct task_struct *t, struct kernel_siginfo *info, int sig)
{
	mutex_lock(&audit_cmd_mutex);	/* expect(signal-mcck-unpriv): sleep-in-atomic mutex_lock may sleep */
	audit_log_signal(sig);
	mutex_unlock(&audit_cmd_mutex);
	return 0;
}
