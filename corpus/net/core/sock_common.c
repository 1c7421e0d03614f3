/* SPDX-License-Identifier: GPL-2.0-only
 * sock_common.c - modelled on net/core/sock.c's sk_init_common(): a new
 * socket's receive queue gets a lockdep class per address family, not the
 * class of skb_queue_head_init()'s lock every other queue has.  Protocols
 * keep more queues of the same type beside it (udp's reader queue) and
 * nest the two locks; lockdep tells them apart by that class.  With
 * -DSK_QUEUE_ONE_CLASS the re-key is left out.
 */
#include <net/sock.h>
#include <linux/skbuff.h>
#include <linux/lockdep.h>

#define AF_MAX 46

#ifndef SK_QUEUE_ONE_CLASS
static struct lock_class_key af_rlock_keys[AF_MAX];
#endif

void sk_init_common(struct sock *sk)
{
	skb_queue_head_init(&sk->sk_receive_queue);
#ifndef SK_QUEUE_ONE_CLASS
	lockdep_set_class(&sk->sk_receive_queue.lock, af_rlock_keys + sk->sk_family);
#endif
}
