// SPDX-License-Identifier: GPL-2.0-only
/*
 * lsm_audit.c - the audit record of an LSM decision (models
 * security/lsm_audit.c): common_lsm_audit() runs wherever an LSM denies
 * something, interrupts included, so it starts its record with GFP_ATOMIC.
 */
#include <linux/audit.h>

#ifdef LSM_AUDIT_GFP_KERNEL
#define LSM_AUDIT_GFP	GFP_KERNEL
#else
#define LSM_AUDIT_GFP	(GFP_ATOMIC | __GFP_NOWARN)
#endif

static void dump_common_audit_data(struct audit_buffer *ab, struct common_audit_data *a)
{
	switch (a->type) {
	case LSM_AUDIT_DATA_PATH:
		audit_log_d_path(ab, " path=", a->u.path);
		break;
	case LSM_AUDIT_DATA_NETIF:
		audit_log_format(ab, " netif=%d", a->u.netif);
		break;
	}
}

void common_lsm_audit(struct common_audit_data *a)
{
	struct audit_buffer *ab;

	if (!a)
		return;
	ab = audit_log_start(audit_context(), LSM_AUDIT_GFP, AUDIT_AVC);
	if (!ab)
		return;
	dump_common_audit_data(ab, a);
	audit_log_end(ab);
}
