// SPDX-License-Identifier: GPL-2.0-only
/*
 * tcp_hashinit.c - boot-time setup of TCP's bind hash (models tcp_init()
 * in net/ipv4/tcp.c): both tables are allocated, and every bucket's lock
 * is initialised, by port table first and by address table second, each
 * in a loop of its own.  So lockdep gives the two tables two classes.
 *
 * With -DBHASH_ONE_INIT_SITE both tables go through one helper instead,
 * whose spin_lock_init() and lockdep_set_class() put every bucket of both
 * in one class, and nesting two buckets is what lockdep reports.
 */
#include <linux/slab.h>
#include <net/inet_hashtables.h>

struct inet_hashinfo tcp_hashinfo;

#ifdef BHASH_ONE_INIT_SITE
#include <linux/lockdep.h>

/* the helper names the class itself, right after the init: still one
 * class for every bucket of both tables */
static struct lock_class_key bind_bucket_key;

static void bind_bucket_setup(struct inet_bind_hashbucket *b)
{
	spin_lock_init(&b->lock);
	lockdep_set_class(&b->lock, &bind_bucket_key);
	b->owners = 0;
}
#endif

static struct inet_bind_hashbucket *bind_table_alloc(unsigned int n)
{
	return kmalloc(n * sizeof(struct inet_bind_hashbucket), GFP_KERNEL);
}

void tcp_init(void)
{
	unsigned int n = 1024, i;

	tcp_hashinfo.bhash_size = n;
	tcp_hashinfo.bhash = bind_table_alloc(n);
	tcp_hashinfo.bhash2 = bind_table_alloc(n);
	for (i = 0; i < n; i++) {
#ifdef BHASH_ONE_INIT_SITE
		bind_bucket_setup(&tcp_hashinfo.bhash[i]);
		bind_bucket_setup(&tcp_hashinfo.bhash2[i]);
#else
		spin_lock_init(&tcp_hashinfo.bhash[i].lock);
		tcp_hashinfo.bhash[i].owners = 0;
		spin_lock_init(&tcp_hashinfo.bhash2[i].lock);
		tcp_hashinfo.bhash2[i].owners = 0;
#endif
	}
}
