// SPDX-License-Identifier: GPL-2.0-only
/*
 * nfqueue_instance.c - a queue instance's life (models the instance table
 * of net/netfilter/nfnetlink_queue.c): queued packets wait on the
 * instance's list under its lock.  Destroying an instance flushes that
 * list from an RCU callback, in softirq, with the lock held, handing every
 * packet back with a drop.  The verdict passes through nfqnl_reinject(),
 * which may only turn it into a drop, and nf_reinject() frees a dropped
 * packet without running a hook or the okfn.
 */
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <net/netfilter/nf_queue.h>

#ifdef NFQNL_FLUSH_ACCEPT
#define FLUSH_VERDICT	NF_ACCEPT	/* the control: a flush that lets packets through */
#else
#define FLUSH_VERDICT	NF_DROP
#endif

struct nfqnl_instance {
	spinlock_t lock;
	unsigned int waiting;
	struct list_head queue_list;
	struct rcu_head rcu;
};

struct nfqnl_instance *nfqnl_instance_by_num(unsigned int queuenum);
bool nf_bridge_ports_ok(struct nf_queue_entry *entry);
int nf_conntrack_refresh(struct nf_queue_entry *entry);
bool nf_ct_unconfirmed_dropped(struct nf_queue_entry *entry);

static int nfqnl_enqueue(struct nf_queue_entry *entry, unsigned int queuenum)
{
	struct nfqnl_instance *inst = nfqnl_instance_by_num(queuenum);

	if (!inst)
		return -1;
	spin_lock_bh(&inst->lock);	/* expect(nfqueue-flush-accept): recursive-lock nfqnl_instance.lock acquired in nfqnl_enqueue is already held */
	list_add_tail(&entry->list, &inst->queue_list);
	inst->waiting++;
	spin_unlock_bh(&inst->lock);
	return 0;
}

/* a verdict is checked once more before the packet goes back: each check
 * can only make it a drop */
static void nfqnl_reinject(struct nf_queue_entry *entry, unsigned int verdict)
{
	if (!nf_bridge_ports_ok(entry))
		verdict = NF_DROP;
	if ((verdict == NF_ACCEPT || verdict == NF_REPEAT || verdict == NF_STOP) &&
	    nf_conntrack_refresh(entry) < 0)
		verdict = NF_DROP;
	if (verdict != NF_DROP && nf_ct_unconfirmed_dropped(entry))
		verdict = NF_DROP;
	nf_reinject(entry, verdict);
}

static void nfqnl_flush(struct nfqnl_instance *inst)
{
	struct nf_queue_entry *entry, *tmp;

	spin_lock_bh(&inst->lock);
	list_for_each_entry_safe(entry, tmp, &inst->queue_list, list) {
		list_del(&entry->list);
		inst->waiting--;
		nfqnl_reinject(entry, FLUSH_VERDICT);
	}
	spin_unlock_bh(&inst->lock);
}

static void instance_destroy_rcu(struct rcu_head *head)
{
	struct nfqnl_instance *inst = container_of(head, struct nfqnl_instance, rcu);

	nfqnl_flush(inst);
	kfree(inst);
}

void nfqnl_instance_destroy(struct nfqnl_instance *inst)
{
	call_rcu(&inst->rcu, instance_destroy_rcu);
}

static const struct nf_queue_handler nfqnl_qh = {
	.outfn = nfqnl_enqueue,
};

void nfqnl_queue_init(void)
{
	nf_register_queue_handler(&nfqnl_qh);
}
