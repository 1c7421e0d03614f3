// SPDX-License-Identifier: GPL-2.0-only
/*
 * inet_timewait_sock.c - the end of TIME_WAIT (models
 * net/ipv4/inet_timewait_sock.c): the timer callback unhashes the socket
 * from both bind tables, the port bucket's lock taken first and the
 * address bucket's lock inside it.  Both locks are
 * 'inet_bind_hashbucket.lock'; they are two tables, two lockdep classes.
 */
#include <linux/timer.h>
#include <net/inet_timewait_sock.h>

static void twsk_unbind(struct inet_timewait_sock *tw)
{
	struct inet_hashinfo *h = tw->tw_hinfo;
	unsigned int slot = inet_bhashfn(tw->tw_num, h->bhash_size);
	struct inet_bind_hashbucket *port_b = &h->bhash[slot];
	struct inet_bind_hashbucket *addr_b = &h->bhash2[slot];

	spin_lock(&port_b->lock);
	spin_lock(&addr_b->lock);   /* expect(inet-bind-one-init-site, inet-bind-one-init-site-debug): recursive-lock inet_bind_hashbucket.lock acquired in twsk_unbind is already held */
	port_b->owners--;
	addr_b->owners--;
	spin_unlock(&addr_b->lock);
	spin_unlock(&port_b->lock);
}

static void tw_expire(struct timer_list *t)
{
	struct inet_timewait_sock *tw = from_timer(tw, t, tw_timer);

	twsk_unbind(tw);
}

void inet_twsk_schedule(struct inet_timewait_sock *tw, int timeo)
{
	timer_setup(&tw->tw_timer, tw_expire, 0);
	mod_timer(&tw->tw_timer, jiffies + timeo);
}
