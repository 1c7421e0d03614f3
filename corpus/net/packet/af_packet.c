/* SPDX-License-Identifier: GPL-2.0-only
 * af_packet.c - modelled on net/packet/af_packet.c: a packet socket with
 * a TPACKET_V3 ring retires its current block from a timer, under the
 * socket's receive queue lock, and tells the reader through the socket's
 * data-ready callback.  The socket is '&po->sk', the first member of a
 * struct packet_sock; no one replaces a packet socket's callback, so it is
 * the default one.
 */
#include <net/sock.h>

struct tpacket_kbdq_core {
	struct timer_list retire_blk_timer;
	unsigned int blk_sizeof_priv;
};

struct packet_sock {
	struct sock sk;
	struct tpacket_kbdq_core rx_ring_core;
};

static void prb_close_block(struct packet_sock *po)
{
	struct sock *sk = &po->sk;

	po->rx_ring_core.blk_sizeof_priv = 0;
	sk->sk_data_ready(sk);
}

static void prb_retire_rx_blk_timer_expired(struct timer_list *t)
{
	struct packet_sock *po = from_timer(po, t, rx_ring_core.retire_blk_timer);

	spin_lock(&po->sk.sk_receive_queue.lock);
	prb_close_block(po);
	spin_unlock(&po->sk.sk_receive_queue.lock);
}

int packet_create(struct packet_sock *po)
{
	sock_init_data(&po->sk);
	timer_setup(&po->rx_ring_core.retire_blk_timer, prb_retire_rx_blk_timer_expired, 0);
	return 0;
}
