// SPDX-License-Identifier: GPL-2.0-only
/*
 * ip_append.c - queueing data on a socket's pending frames (models
 * ip_append_data() and __ip_append_data() in net/ipv4/ip_output.c): the
 * new buffer is allocated with the caller's MSG_DONTWAIT bit as the
 * allocator's 'noblock', so a caller that passes MSG_DONTWAIT never waits.
 * A sender that asks for MSG_ZEROCOPY may have the user's pages pinned
 * instead of copied: a flag local set in two inner branches of the
 * MSG_ZEROCOPY test ('zc'), read when the data goes in.
 */
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/errno.h>
#include <net/sock.h>

/* skb_zerocopy_iter_dgram()'s shape: pinning the user's pages may fault
 * them in. */
static int zerocopy_pin_pages(struct sock *sk, int length)
{
	might_sleep(); /* expect(icmp-reply-zerocopy): sleep-in-atomic might_sleep */
	return sk->sk_sndbuf < length ? -EAGAIN : 0;
}

static int append_frames(struct sock *sk, int length, unsigned int flags)
{
	bool zc = false;
	int err;
	struct sk_buff *skb;

	if ((flags & MSG_ZEROCOPY) && length) {
		if (sk->sk_kern_sock) {
			if (sk->sk_sndbuf >= length)
				zc = true;
		} else if (sk->sk_wmem_queued == 0) {
			zc = true;
		}
	}
	skb = sock_alloc_send_skb(sk, length + 16, flags & MSG_DONTWAIT, &err);
	if (!skb)
		return err;
	if (!zc)
		return 0;   /* the data is copied into the new buffer */
	return zerocopy_pin_pages(sk, length);
}

int ip_append_data(struct sock *sk, int length, unsigned int flags)
{
	if (flags & MSG_PROBE)
		return 0;
	return append_frames(sk, length, flags);
}
