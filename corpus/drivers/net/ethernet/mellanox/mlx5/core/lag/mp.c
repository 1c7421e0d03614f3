// SPDX-License-Identifier: GPL-2.0-only
/*
 * lag/mp.c - multipath LAG: a route change reloads every representor type
 * under the LAG's mutex (the control of the rep-ops slots: a loop's type
 * is any type, the Ethernet one among them).
 */
#include "../mlx5_core.h"

struct mlx5_lag_mp {
	struct mlx5_lag *ldev;
	struct work_struct fib_work;
};

static void mlx5_lag_fib_update(struct work_struct *work)
{
	struct mlx5_lag_mp *mp = container_of(work, struct mlx5_lag_mp, fib_work);
	struct mlx5_lag *ldev = mp->ldev;

	mutex_lock(&ldev->lock);
	mlx5_eswitch_reload_reps(ldev->pf->eswitch);
	mutex_unlock(&ldev->lock);
}

void mlx5_lag_mp_init(struct mlx5_lag_mp *mp)
{
	INIT_WORK(&mp->fib_work, mlx5_lag_fib_update);
}
