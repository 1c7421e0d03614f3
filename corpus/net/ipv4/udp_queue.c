/* SPDX-License-Identifier: GPL-2.0-only
 * udp_queue.c - modelled on net/ipv4/udp.c: a udp socket reads from a
 * reader queue of its own and refills it from the socket's receive queue,
 * the softirq's side, taking the receive queue's lock inside the reader
 * queue's.  Both are struct sk_buff_head, named through locals that point
 * at them; the locks are two objects of two lockdep classes.
 */
#include <linux/kernel.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <net/sock.h>

struct udp_sock {
	struct sock sk;
	struct sk_buff_head reader_queue;
	int forward_deficit;
};

static inline struct udp_sock *udp_sk(const struct sock *sk)
{
	return (struct udp_sock *)sk;
}

void udp_init_sock(struct sock *sk)
{
	sk_init_common(sk);
	skb_queue_head_init(&udp_sk(sk)->reader_queue);
}

/* Move what softirq queued to the reader's queue; both locks held. */
static void udp_refill(struct sk_buff_head *from, struct sk_buff_head *to)
{
	while (from->next) {
		struct sk_buff *skb = from->next;

		from->next = skb->next;
		from->qlen--;
		skb->next = NULL;
		to->qlen++;
	}
}

static int first_packet_length(struct sock *sk)
{
	struct sk_buff_head *readq = &udp_sk(sk)->reader_queue;
	struct sk_buff_head *softq = &sk->sk_receive_queue;
	int len = -1;

	spin_lock_bh(&readq->lock);
	if (!readq->qlen && softq->qlen) {
		spin_lock(&softq->lock); /* expect(udp-queue-one-class): recursive-lock */
		udp_refill(softq, readq);
		spin_unlock(&softq->lock);
	}
	if (readq->next)
		len = (int)readq->next->len;
	spin_unlock_bh(&readq->lock);
	return len;
}

int udp_ioctl(struct sock *sk, int cmd, unsigned long arg)
{
	(void)arg;
	return cmd == 0x541B ? first_packet_length(sk) : -1;
}
