/* SPDX-License-Identifier: GPL-2.0-only
 * sock.h - a network socket as far as allocating send buffers goes: a
 * sender waits for write space unless it asked not to block.
 */
#ifndef _NET_SOCK_H
#define _NET_SOCK_H

#include <linux/types.h>
#include <linux/skbuff.h>
#include <linux/net.h>

#define MSG_DONTWAIT	0x40
#define MSG_PROBE	0x10

struct sock {
	long sk_sndtimeo;
	int sk_wmem_queued;
	int sk_sndbuf;
};

struct sk_buff *sock_alloc_send_skb(struct sock *sk, unsigned long size, int noblock, int *errcode);

#endif
