// SPDX-License-Identifier: GPL-2.0-only
/*
 * nfnetlink_queue.c - the queue handler (models nfqnl_enqueue_packet() in
 * net/netfilter/nfnetlink_queue.c): a queue configured to fail open gives
 * a packet it cannot deliver to user space straight back, accepted, in the
 * context of the hook that queued it.
 */
#include <net/netfilter/nf_queue.h>

#define QUEUE_FAIL_OPEN	0x1

struct nfqnl_instance {
	unsigned int flags;
	unsigned int peer_portid;
};

struct nfqnl_instance *nfqnl_instance_of(unsigned int queuenum);
int nfqnl_deliver(struct nfqnl_instance *q, struct nf_queue_entry *entry);

static void nfqnl_give_back(struct nf_queue_entry *entry, unsigned int verdict)
{
	nf_reinject(entry, verdict);
}

static int nfqnl_enqueue_packet(struct nf_queue_entry *entry, unsigned int queuenum)
{
	struct nfqnl_instance *q = nfqnl_instance_of(queuenum);
	int err = q ? nfqnl_deliver(q, entry) : -1;

	if (err < 0 && q && (q->flags & QUEUE_FAIL_OPEN)) {
		nfqnl_give_back(entry, NF_ACCEPT);
		return 0;
	}
	return err;
}

static const struct nf_queue_handler nfqnl_handler = {
	.outfn = nfqnl_enqueue_packet,
};

void nfnetlink_queue_init(void)
{
	nf_register_queue_handler(&nfqnl_handler);
}
