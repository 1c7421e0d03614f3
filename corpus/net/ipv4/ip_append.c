// SPDX-License-Identifier: GPL-2.0-only
/*
 * ip_append.c - queueing data on a socket's pending frames (models
 * ip_append_data() and __ip_append_data() in net/ipv4/ip_output.c): the
 * new buffer is allocated with the caller's MSG_DONTWAIT bit as the
 * allocator's 'noblock', so a caller that passes MSG_DONTWAIT never waits.
 */
#include <net/sock.h>

static int append_frames(struct sock *sk, int length, unsigned int flags)
{
	int err;
	struct sk_buff *skb = sock_alloc_send_skb(sk, length + 16, flags & MSG_DONTWAIT, &err);

	return skb ? 0 : err;
}

int ip_append_data(struct sock *sk, int length, unsigned int flags)
{
	if (flags & MSG_PROBE)
		return 0;
	return append_frames(sk, length, flags);
}
