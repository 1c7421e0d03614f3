/* SPDX-License-Identifier: GPL-2.0-only
 * net/devlink.h - devlink's health reporters as a driver sees them: a
 * reporter is an opaque handle that devlink makes with the driver's ops
 * (its recover and diagnose methods), and a report on it may recover
 * through those ops at once.  The struct itself is private to
 * net/devlink/leftover.c.
 */
#ifndef _NET_DEVLINK_H_
#define _NET_DEVLINK_H_

#include <linux/types.h>

struct devlink;
struct devlink_port;
struct devlink_health_reporter;

struct devlink_health_reporter_ops {
	const char *name;
	int (*recover)(struct devlink_health_reporter *reporter, void *priv_ctx);
	int (*diagnose)(struct devlink_health_reporter *reporter, void *priv_ctx);
};

struct devlink_health_reporter *
devlink_health_reporter_create(struct devlink *devlink, const struct devlink_health_reporter_ops *ops,
			       u64 graceful_period, void *priv);
struct devlink_health_reporter *
devlink_port_health_reporter_create(struct devlink_port *port, const struct devlink_health_reporter_ops *ops,
				    u64 graceful_period, void *priv);
struct devlink_health_reporter *
devlink_health_reporter_find_by_name(struct devlink *devlink, const char *name);
void *devlink_health_reporter_priv(struct devlink_health_reporter *reporter);
int devlink_health_report(struct devlink_health_reporter *reporter, const char *msg, void *priv_ctx);

#endif
