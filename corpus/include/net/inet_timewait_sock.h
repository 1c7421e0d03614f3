/* SPDX-License-Identifier: GPL-2.0-only
 * inet_timewait_sock.h - a socket in TIME_WAIT: a bound port and a timer
 * that unhashes it when the wait is over.
 */
#ifndef _NET_INET_TIMEWAIT_SOCK_H
#define _NET_INET_TIMEWAIT_SOCK_H

#include <linux/timer.h>
#include <net/inet_hashtables.h>

struct inet_timewait_sock {
	struct timer_list tw_timer;
	struct inet_hashinfo *tw_hinfo;
	unsigned short tw_num;
};

void inet_twsk_schedule(struct inet_timewait_sock *tw, int timeo);

#endif
