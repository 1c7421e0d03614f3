/* SPDX-License-Identifier: GPL-2.0-only
 * socket_opts.c - corpus model of net/socket.c's setsockopt(2): the
 * system call dispatches through the socket's own proto_ops table, in
 * process context.  The root of the smc-layered-setsockopt tree's paths
 * (nothing in the tree calls it).  No findings here.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/net.h>

int sock_setsockopt_direct(struct socket *sock, int level, int optname, char *optval, unsigned int optlen)
{
	if (!sock->ops->setsockopt)
		return -EOPNOTSUPP;
	return sock->ops->setsockopt(sock, level, optname, optval, optlen);
}
