/* SPDX-License-Identifier: GPL-2.0-only
 * inet_hashtables.h - the bind hash of TCP: two tables of one bucket type,
 * by port (bhash) and by port and address (bhash2).  A bucket's lock is
 * 'inet_bind_hashbucket.lock' in either table; lockdep tells the tables
 * apart only because each is initialised at a spin_lock_init() of its own.
 */
#ifndef _NET_INET_HASHTABLES_H
#define _NET_INET_HASHTABLES_H

#include <linux/types.h>
#include <linux/spinlock.h>

struct inet_bind_hashbucket {
	spinlock_t lock;
	unsigned int owners;
};

struct inet_hashinfo {
	struct inet_bind_hashbucket *bhash;
	struct inet_bind_hashbucket *bhash2;
	unsigned int bhash_size;
};

extern struct inet_hashinfo tcp_hashinfo;

/* the bucket of a port: both tables are indexed the same way */
static inline unsigned int inet_bhashfn(unsigned short port, unsigned int size)
{
	return port & (size - 1);
}

#endif
