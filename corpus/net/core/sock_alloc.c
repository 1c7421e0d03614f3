/* SPDX-License-Identifier: GPL-2.0-only
 * sock_alloc.c - modelled on net/core/sock.c's sk_alloc() and
 * sock_lock_init(): every new socket's spinlock is put in a lockdep class
 * of its address family, from one array of keys for the sockets the
 * kernel opens for itself (an MPTCP subflow, a tunnel's UDP socket) and
 * another for the user's.  The re-key is written inside
 * sock_lock_init_class_and_name() (net/sock.h), a macro around
 * spin_lock_init() and lockdep_set_class_and_name(), so nothing at the
 * call names it.  With -DSOCK_LOCK_ONE_CLASS every socket's spinlock keeps
 * the class of its one init site.
 */
#include <net/sock.h>
#include <linux/slab.h>

#define AF_MAX 46

#ifndef SOCK_LOCK_ONE_CLASS
static struct lock_class_key af_family_slock_keys[AF_MAX];
static struct lock_class_key af_family_kern_slock_keys[AF_MAX];
static const char *const af_slock_names[AF_MAX] = { [0] = "slock-AF_UNSPEC" };
static const char *const af_kern_slock_names[AF_MAX] = { [0] = "k-slock-AF_UNSPEC" };
#endif

static inline void sock_lock_init(struct sock *sk)
{
#ifdef SOCK_LOCK_ONE_CLASS
	sk->sk_lock.owned = 0;
	spin_lock_init(&sk->sk_lock.slock);
#else
	if (!sk->sk_kern_sock)
		sock_lock_init_class_and_name(sk, af_slock_names[sk->sk_family],
					      af_family_slock_keys + sk->sk_family);
	else
		sock_lock_init_class_and_name(sk, af_kern_slock_names[sk->sk_family],
					      af_family_kern_slock_keys + sk->sk_family);
#endif
}

struct sock *sk_alloc(unsigned short family, int kern)
{
	struct sock *sk = kzalloc(sizeof(*sk), GFP_KERNEL);

	if (!sk)
		return NULL;
	sk->sk_family = family;
	sk->sk_kern_sock = kern != 0;
	sock_lock_init(sk);
	return sk;
}
