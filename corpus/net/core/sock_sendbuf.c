// SPDX-License-Identifier: GPL-2.0-only
/*
 * sock_sendbuf.c - allocating a send buffer (models
 * sock_alloc_send_pskb() in net/core/sock.c): with no write space left, a
 * blocking sender sleeps until there is some; 'noblock' gives up at once.
 */
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <net/sock.h>

static long wait_for_wmem(struct sock *sk, long timeo)
{
	while (sk->sk_wmem_queued >= sk->sk_sndbuf && timeo)
		timeo = schedule_timeout(timeo); /* expect(icmp-reply-blocking): sleep-in-atomic schedule_timeout() gives up the CPU */
	return timeo;
}

struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode)
{
	if (sk->sk_wmem_queued >= sk->sk_sndbuf) {
		if (noblock) {
			*errcode = -EAGAIN;
			return NULL;
		}
		wait_for_wmem(sk, sk->sk_sndtimeo);
	}
	*errcode = 0;
	return kmalloc(sizeof(struct sk_buff) + size, GFP_ATOMIC);
}
