/* SPDX-License-Identifier: GPL-2.0-only
 * tcp_ulp_timers.c - an exported helper that arms TCP's timers on a
 * socket its caller hands in, with no caller in the tree (as an upper
 * layer protocol module built outside it would be): a socket of any
 * protocol may get the keepalive timer this way.
 */
#include <linux/export.h>
#include <net/inet_connection_sock.h>

void tcp_init_xmit_timers(struct sock *sk);

void tcp_ulp_arm_timers(struct sock *sk)
{
	tcp_init_xmit_timers(sk);
}
EXPORT_SYMBOL_GPL(tcp_ulp_arm_timers);
