// SPDX-License-Identifier: GPL-2.0-only
/*
 * health.c - modelled on mlx5's core health.c and the reload of a
 * firmware reset: the device's two firmware reporters.  The plain
 * firmware reporter only diagnoses; the fatal one recovers the device
 * under the interface mutex.  A reset's reload work loads the device
 * again, holding that mutex while the Ethernet side resumes
 * (en_main.c).  A fatal error is reported from a work item.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/workqueue.h>
#include <net/devlink.h>
#include "mlx5_core.h"

int mlx5_load_one(struct mlx5_core_dev *dev)
{
	int err;

	mutex_lock(&dev->intf_state_mutex);
	err = mlx5e_resume(dev->en_priv);
	mutex_unlock(&dev->intf_state_mutex);
	return err;
}

static int mlx5_recover_device(struct mlx5_core_dev *dev)
{
	mutex_lock(&dev->intf_state_mutex);   /* expect(mlx5e-rx-reporter-lookup): recursive-lock mlx5_core_dev.intf_state_mutex */
	dev->en_priv = NULL;
	mutex_unlock(&dev->intf_state_mutex);
	return 0;
}

static int mlx5_fw_reporter_diagnose(struct devlink_health_reporter *reporter, void *priv_ctx)
{
	return 0;
}

static int mlx5_fw_fatal_reporter_recover(struct devlink_health_reporter *reporter, void *priv_ctx)
{
	struct mlx5_core_dev *dev = devlink_health_reporter_priv(reporter);

	return mlx5_recover_device(dev);
}

static const struct devlink_health_reporter_ops mlx5_fw_reporter_ops = {
	.name = "fw",
	.diagnose = mlx5_fw_reporter_diagnose,
};

static const struct devlink_health_reporter_ops mlx5_fw_fatal_reporter_ops = {
	.name = "fw_fatal",
	.recover = mlx5_fw_fatal_reporter_recover,
};

static void mlx5_fw_fatal_reporter_err_work(struct work_struct *work)
{
	struct mlx5_core_health *health = container_of(work, struct mlx5_core_health, report_work);

	devlink_health_report(health->fw_fatal_reporter, "firmware fatal error", NULL);
}

static void mlx5_sync_reset_reload_work(struct work_struct *work)
{
	struct mlx5_core_health *health = container_of(work, struct mlx5_core_health, reload_work);
	struct mlx5_core_dev *dev = container_of(health, struct mlx5_core_dev, health);

	mlx5_load_one(dev);
}

void mlx5_fw_reporters_create(struct mlx5_core_dev *dev)
{
	struct mlx5_core_health *health = &dev->health;

	health->fw_reporter = devlink_health_reporter_create(dev->devlink, &mlx5_fw_reporter_ops, 0, dev);
	health->fw_fatal_reporter = devlink_health_reporter_create(dev->devlink, &mlx5_fw_fatal_reporter_ops,
								   0, dev);
	INIT_WORK(&health->report_work, mlx5_fw_fatal_reporter_err_work);
	INIT_WORK(&health->reload_work, mlx5_sync_reset_reload_work);
}
