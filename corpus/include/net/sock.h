/* SPDX-License-Identifier: GPL-2.0-only
 * sock.h - a network socket as far as allocating send buffers goes (a
 * sender waits for write space unless it asked not to block), and its
 * protocol: the ops table (struct proto) each socket points to, whose
 * init and destroy the core calls, and the socket spinlock
 * (bh_lock_sock(), a spin_lock() of sk_lock.slock in 6.1).
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/net.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

#define MSG_DONTWAIT	0x40
#define MSG_PROBE	0x10

struct sock;

struct proto {
	int (*init)(struct sock *sk);
	void (*destroy)(struct sock *sk);
	const char *name;
};

struct sock {
	unsigned short sk_family;	/* AF_*: its receive queue's lockdep class */
	long sk_sndtimeo;
	int sk_wmem_queued;
	int sk_sndbuf;
	struct proto *sk_prot;
	spinlock_t sk_slock;
	struct timer_list sk_timer;
	struct sk_buff_head sk_receive_queue;
	/* data arrived: sock_def_readable() unless a protocol or a kernel
	 * user of the socket put its own here */
	void (*sk_data_ready)(struct sock *sk);
};

void sock_init_data(struct sock *sk);
void sk_init_common(struct sock *sk);

#define bh_lock_sock(sk)	spin_lock(&(sk)->sk_slock)
#define bh_unlock_sock(sk)	spin_unlock(&(sk)->sk_slock)

struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode);

#endif
