// SPDX-License-Identifier: GPL-2.0-only
/*
 * avc_denial.c - an access vector check that audits its denials (models
 * security/selinux/avc.c: avc_has_perm() -> avc_audit() ->
 * slow_avc_audit() -> common_lsm_audit()).
 */
#include <linux/audit.h>

int avc_lookup_allowed(u32 ssid, u32 tsid, u32 requested);
int avc_has_netif_perm(u32 ssid, int ifindex, u32 requested);

static void slow_avc_audit(struct common_audit_data *a)
{
	common_lsm_audit(a);
}

int avc_has_netif_perm(u32 ssid, int ifindex, u32 requested)
{
	struct common_audit_data ad;

	if (avc_lookup_allowed(ssid, (u32)ifindex, requested))
		return 0;
	ad.type = LSM_AUDIT_DATA_NETIF;
	ad.u.netif = ifindex;
	slow_avc_audit(&ad);
	return -13;
}
