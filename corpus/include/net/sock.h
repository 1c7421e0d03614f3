/* SPDX-License-Identifier: GPL-2.0-only
 * sock.h - a network socket as far as allocating send buffers goes (a
 * sender waits for write space unless it asked not to block), and its
 * protocol: the ops table (struct proto) each socket points to, whose
 * init and destroy the core calls, and the socket spinlock
 * (bh_lock_sock(), a spin_lock() of sk_lock.slock in 6.1).  A new
 * socket's spinlock gets a lockdep class per address family, one set of
 * classes for the sockets the kernel opens for itself and one for the
 * user's, through sock_lock_init_class_and_name(): a macro, so that the
 * class names cost nothing without lockdep, around the init and re-key
 * macros of linux/spinlock.h and linux/lockdep.h.
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/net.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/lockdep.h>

#define MSG_DONTWAIT	0x40
#define MSG_PROBE	0x10
#define MSG_ZEROCOPY	0x4000000

struct sock;

struct proto {
	int (*init)(struct sock *sk);
	void (*destroy)(struct sock *sk);
	const char *name;
};

/* the socket lock: a spinlock for bottom halves, plus the owner flag a
 * process context sets while it holds the socket (lock_sock()) */
typedef struct {
	spinlock_t slock;
	int owned;
} socket_lock_t;

struct sock {
	unsigned short sk_family;	/* AF_*: its locks' lockdep classes */
	unsigned char sk_kern_sock;	/* opened by the kernel for itself */
	long sk_sndtimeo;
	int sk_wmem_queued;
	int sk_sndbuf;
	struct proto *sk_prot;
	socket_lock_t sk_lock;
	struct timer_list sk_timer;
	struct sk_buff_head sk_receive_queue;
	/* data arrived: sock_def_readable() unless a protocol or a kernel
	 * user of the socket put its own here */
	void (*sk_data_ready)(struct sock *sk);
};

void sock_init_data(struct sock *sk);
void sk_init_common(struct sock *sk);

#define bh_lock_sock(sk)	spin_lock(&((sk)->sk_lock.slock))
#define bh_unlock_sock(sk)	spin_unlock(&((sk)->sk_lock.slock))

/* the socket lock set up with the lockdep class KEY (named NAME) */
#define sock_lock_init_class_and_name(s, name, key)			\
do {									\
	(s)->sk_lock.owned = 0;						\
	spin_lock_init(&(s)->sk_lock.slock);				\
	lockdep_set_class_and_name(&(s)->sk_lock.slock, (key), (name));	\
} while (0)

struct sock *sk_alloc(unsigned short family, int kern);

struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode);

#endif
