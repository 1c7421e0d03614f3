/* SPDX-License-Identifier: GPL-2.0-only
 * subflow.c - modelled on net/mptcp/subflow.c: an MPTCP subflow is a TCP
 * socket whose data-ready callback the ULP's init replaced (saving TCP's
 * own).  The callback finds its subflow context through the socket's
 * connection-oriented part (mptcp_subflow_ctx() over inet_csk(), a cast)
 * and moves what arrived to the MPTCP socket, dequeueing under the
 * subflow's receive queue lock, with the MPTCP socket's data lock held
 * (mptcp_data_lock(), its socket spinlock taken with bottom halves off).
 */
#include <net/inet_connection_sock.h>

struct mptcp_subflow_context {
	struct sock *conn;
	void (*tcp_data_ready)(struct sock *sk);
};

static inline struct mptcp_subflow_context *mptcp_subflow_ctx(const struct sock *sk)
{
#ifdef SUBFLOW_CTX_USER_DATA
	/* the control: the context hangs off the socket itself, no cast */
	return (struct mptcp_subflow_context *)sk->sk_timer.function;
#else
	struct inet_connection_sock *icsk = inet_csk(sk);

	return icsk->icsk_ulp_data;
#endif
}

static void subflow_data_ready(struct sock *sk)
{
	struct mptcp_subflow_context *subflow = mptcp_subflow_ctx(sk);
	struct sock *msk = subflow->conn;
	struct sk_buff *skb;

	if (!msk)
		return;
	spin_lock_bh(&msk->sk_lock.slock);   /* expect(netlink-reply-subflow-late-check,sock-slock-one-class): recursive-lock socket_lock_t.slock */
	skb = skb_dequeue(&sk->sk_receive_queue);
	if (skb)
		consume_skb(skb);
	spin_unlock_bh(&msk->sk_lock.slock);
}

int subflow_ulp_init(struct sock *sk, struct mptcp_subflow_context *ctx)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	icsk->icsk_ulp_data = ctx;
	ctx->tcp_data_ready = sk->sk_data_ready;
	sk->sk_data_ready = subflow_data_ready;
	return 0;
}
