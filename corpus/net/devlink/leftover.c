// SPDX-License-Identifier: GPL-2.0-only
/*
 * net/devlink/leftover.c - modelled on 6.1's devlink health code: a
 * reporter is allocated zeroed, its ops and private data stored into it
 * once, and a report recovers through 'reporter->ops->recover' when the
 * ops have a recover (auto-recovery).  The port flavour makes its reporter
 * with the common constructor and returns what that returned.
 */
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <net/devlink.h>

struct devlink {
	struct list_head reporter_list;
	struct mutex reporters_lock;
};

struct devlink_port {
	struct devlink *devlink;
	struct list_head reporter_list;
};

struct devlink_health_reporter {
	struct list_head list;
	void *priv;
	const struct devlink_health_reporter_ops *ops;
	struct devlink *devlink;
	struct devlink_port *devlink_port;
	u64 graceful_period;
	bool auto_recover;
	int error_count;
};

void *devlink_health_reporter_priv(struct devlink_health_reporter *reporter)
{
	return reporter->priv;
}

static struct devlink_health_reporter *
__devlink_health_reporter_create(struct devlink *devlink, const struct devlink_health_reporter_ops *ops,
				 u64 graceful_period, void *priv)
{
	struct devlink_health_reporter *fresh;

	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return ERR_PTR(-ENOMEM);
	fresh->priv = priv;
	fresh->ops = ops;
	fresh->devlink = devlink;
	fresh->graceful_period = graceful_period;
	fresh->auto_recover = ops->recover != NULL;
	return fresh;
}

struct devlink_health_reporter *
devlink_health_reporter_create(struct devlink *devlink, const struct devlink_health_reporter_ops *ops,
			       u64 graceful_period, void *priv)
{
	struct devlink_health_reporter *made;

	mutex_lock(&devlink->reporters_lock);
	made = __devlink_health_reporter_create(devlink, ops, graceful_period, priv);
	if (!IS_ERR(made))
		list_add(&made->list, &devlink->reporter_list);
	mutex_unlock(&devlink->reporters_lock);
	return made;
}

struct devlink_health_reporter *
devlink_port_health_reporter_create(struct devlink_port *port, const struct devlink_health_reporter_ops *ops,
				    u64 graceful_period, void *priv)
{
	struct devlink_health_reporter *made;

	made = __devlink_health_reporter_create(port->devlink, ops, graceful_period, priv);
	if (IS_ERR(made))
		return made;
	made->devlink_port = port;
	list_add(&made->list, &port->reporter_list);
	return made;
}

/* Reporters are looked up by the name their ops carry: any one of the list. */
struct devlink_health_reporter *
devlink_health_reporter_find_by_name(struct devlink *devlink, const char *name)
{
	struct list_head *pos;

	for (pos = devlink->reporter_list.next; pos != &devlink->reporter_list; pos = pos->next) {
		struct devlink_health_reporter *r = container_of(pos, struct devlink_health_reporter, list);

		if (r->ops->name == name)
			return r;
	}
	return NULL;
}

static int devlink_health_reporter_recover(struct devlink_health_reporter *reporter, void *priv_ctx)
{
	if (!reporter->ops->recover)
		return -EOPNOTSUPP;
	return reporter->ops->recover(reporter, priv_ctx);
}

int devlink_health_report(struct devlink_health_reporter *reporter, const char *msg, void *priv_ctx)
{
	reporter->error_count++;
	if (!reporter->auto_recover)
		return 0;
	return devlink_health_reporter_recover(reporter, priv_ctx);
}
