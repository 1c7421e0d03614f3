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
 *
 * With -DBHASH_INIT_MACRO the init is written inside a macro of this
 * file's, a do-while that also clears the bucket (as notifier.h's
 * ATOMIC_INIT_NOTIFIER_HEAD() and seqlock.h's seqlock_init() write
 * spin_lock_init()); with -DBHASH_INIT_ALIAS through a one-line macro for
 * spin_lock_init() (jfs's LOGGC_LOCK_INIT(), mlx4's
 * MLX4_INIT_DOORBELL_LOCK()).  Each use is still an init site of its own.
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

#if defined(BHASH_INIT_MACRO)
#define bucket_init(b)				\
	do {					\
		spin_lock_init(&(b)->lock);	\
		(b)->owners = 0;		\
	} while (0)
#elif defined(BHASH_INIT_ALIAS)
#define bucket_lock_init(b)	spin_lock_init(&(b)->lock)
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
#if defined(BHASH_ONE_INIT_SITE)
		bind_bucket_setup(&tcp_hashinfo.bhash[i]);
		bind_bucket_setup(&tcp_hashinfo.bhash2[i]);
#elif defined(BHASH_INIT_MACRO)
		bucket_init(&tcp_hashinfo.bhash[i]);
		bucket_init(&tcp_hashinfo.bhash2[i]);
#elif defined(BHASH_INIT_ALIAS)
		bucket_lock_init(&tcp_hashinfo.bhash[i]);
		tcp_hashinfo.bhash[i].owners = 0;
		bucket_lock_init(&tcp_hashinfo.bhash2[i]);
		tcp_hashinfo.bhash2[i].owners = 0;
#else
		spin_lock_init(&tcp_hashinfo.bhash[i].lock);
		tcp_hashinfo.bhash[i].owners = 0;
		spin_lock_init(&tcp_hashinfo.bhash2[i].lock);
		tcp_hashinfo.bhash2[i].owners = 0;
#endif
	}
}
