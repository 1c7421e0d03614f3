// SPDX-License-Identifier: GPL-2.0-only
/*
 * eq_netif.c - an event queue interrupt that hands a port's packet on, and
 * the LSM checks the interface it came in on (models mlx4_interrupt()
 * reaching SELinux's netif check in hardirq context).
 */
#include <linux/interrupt.h>
#include <linux/audit.h>

int avc_has_netif_perm(u32 ssid, int ifindex, u32 requested);

struct mlx4_eq {
	int ifindex;
	u32 peer_sid;
};

static struct mlx4_eq mlx4_port_eq;

static irqreturn_t mlx4_interrupt(int irq, void *dev_ptr)
{
	struct mlx4_eq *eq = dev_ptr;

	if (avc_has_netif_perm(eq->peer_sid, eq->ifindex, 1))
		return IRQ_NONE;
	return IRQ_HANDLED;
}

int mlx4_eq_init(void)
{
	return request_irq(33, mlx4_interrupt, 0, "mlx4-eq", &mlx4_port_eq);
}
