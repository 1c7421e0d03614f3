/* SPDX-License-Identifier: GPL-2.0-only
 * tcp_pacing.c - a TCP socket's two soft hrtimers, modelled on
 * net/ipv4/tcp_timer.c and tcp_output.c: the pacing timer and the
 * compressed-ACK timer are initialised with *_PINNED_SOFT modes, so the
 * HRTIMER softirq runs them, never the clock's interrupt.  The pacing
 * kick frees the skb it held back with kfree_skb(), which is right in a
 * softirq with interrupts on; the compressed-ACK kick waits for send room
 * with msleep(), which is wrong in any softirq.
 *
 * Must find: sleep-in-atomic at the msleep, in softirq context.
 * Must not find: irqs-off-call at the pacing kick's kfree_skb, nor the
 * msleep in hardirq context (both would follow if __run_hrtimer's call
 * through timer->function reached soft timers from hrtimer_interrupt).
 */
#include <linux/kernel.h>
#include <linux/delay.h>
#include <linux/spinlock.h>
#include <linux/skbuff.h>
#include <linux/hrtimer.h>

struct tcp_sock {
	spinlock_t slock;
	struct hrtimer pacing_timer;
	struct hrtimer compressed_ack_timer;
	struct sk_buff *held_skb;
	int compressed_ack;
	int send_room;
};

static void tcp_ack_wait_room(struct tcp_sock *tp)
{
	while (!tp->send_room)
		msleep(1); /* expect: sleep-in-atomic msleep may sleep (msleep() sleeps) in softirq context */
}

static enum hrtimer_restart tcp_pace_kick(struct hrtimer *timer)
{
	struct tcp_sock *tp = container_of(timer, struct tcp_sock, pacing_timer);
	struct sk_buff *skb = tp->held_skb;

	tp->held_skb = NULL;
	kfree_skb(skb);
	return HRTIMER_NORESTART;
}

static enum hrtimer_restart tcp_compressed_ack_kick(struct hrtimer *timer)
{
	struct tcp_sock *tp = container_of(timer, struct tcp_sock, compressed_ack_timer);

	spin_lock_bh(&tp->slock);
	if (tp->compressed_ack)
		tp->compressed_ack--;
	spin_unlock_bh(&tp->slock);
	tcp_ack_wait_room(tp);
	return HRTIMER_NORESTART;
}

void tcp_init_xmit_timers(struct tcp_sock *tp)
{
	hrtimer_init(&tp->pacing_timer, CLOCK_MONOTONIC, HRTIMER_MODE_ABS_PINNED_SOFT);
	tp->pacing_timer.function = tcp_pace_kick;

	hrtimer_init(&tp->compressed_ack_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED_SOFT);
	tp->compressed_ack_timer.function = tcp_compressed_ack_kick;
}

void tcp_schedule_ack(struct tcp_sock *tp, ktime_t when)
{
	hrtimer_start(&tp->compressed_ack_timer, when, HRTIMER_MODE_REL_PINNED_SOFT);
}
