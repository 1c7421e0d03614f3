/* SPDX-License-Identifier: GPL-2.0-only
 * sock_init.c - modelled on net/core/sock.c: a new socket's default
 * callbacks.  Its data-ready callback wakes the readers; every protocol's
 * socket starts with it, and kernel users of a socket replace it.
 */
#include <net/sock.h>

static void sock_def_readable(struct sock *sk)
{
	sk->sk_wmem_queued = 0;   /* the model's stand-in for waking the readers */
}

void sock_init_data(struct sock *sk)
{
	sk->sk_receive_queue.next = NULL;
	sk->sk_receive_queue.qlen = 0;
	spin_lock_init(&sk->sk_receive_queue.lock);
	sk->sk_data_ready = sock_def_readable;
}
