/* SPDX-License-Identifier: GPL-2.0-only
 * dev_ioctl.c - corpus model of net/core/dev_ioctl.c: the SIOCSIFMTU ioctl
 * sets a device's MTU through dev_set_mtu(), in process context; the
 * entry of the team-nested tree's path.  No findings here.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/netdevice.h>

#define SIOCGIFMTU	0x8921
#define SIOCSIFMTU	0x8922

struct ifreq_mtu {
	char ifr_name[16];
	int ifr_mtu;
};

int dev_ifsioc(struct net_device *dev, struct ifreq_mtu *ifr, unsigned int cmd)
{
	switch (cmd) {
	case SIOCGIFMTU:
		ifr->ifr_mtu = (int)dev->mtu;
		return 0;
	case SIOCSIFMTU:
		return dev_set_mtu(dev, ifr->ifr_mtu);
	default:
		return -EINVAL;
	}
}
