// SPDX-License-Identifier: GPL-2.0-only
/*
 * chains.c - input of test_chains: callback chains in one file, with the
 * API names of rules/chains.rules declared (no bodies: link resolves the
 * chain calls at their call sites, chains.c in analyzer/link/).
 *  - on_two_deep: registered on head_a through two wrappers (reached
 *    from call_a);
 *  - on_three_deep: registered on head_a through three (past CHAIN_DEPTH:
 *    not reached);
 *  - on_b: registered on head_b (reached from call_b only);
 *  - wake_fn: a wait-queue entry's own function, stored through
 *    init_fn_entry()'s parameter, on queue q_a (reached from wake_a);
 *  - wake_q1 / wake_q2: two watchers put on two queues through one wrapper
 *    that takes both queue and entry as parameters: each queue reaches its
 *    own watcher's function only (pairs resolved per caller, not crossed);
 *  - call_unnamed: a chain call on a parameter nobody passes (reaches none);
 *  - reg_unnamed: a registration through a function pointer (no container).
 */
struct notifier_block { int (*notifier_call)(struct notifier_block *nb, unsigned long v, void *d); };
struct atomic_notifier_head { struct notifier_block *head; };
struct wait_queue_entry { int (*func)(struct wait_queue_entry *w, unsigned m, int f, void *k); };
struct wait_queue_head { struct wait_queue_entry *first; };
struct dev { struct atomic_notifier_head head_a, head_b; struct wait_queue_head q_a; };
struct watcher { struct wait_queue_entry wait; };
struct watcher1 { struct wait_queue_entry wait; };
struct watcher2 { struct wait_queue_entry wait; };
struct queues { struct wait_queue_head q1, q2; };

int atomic_notifier_chain_register(struct atomic_notifier_head *nh, struct notifier_block *nb);
int atomic_notifier_call_chain(struct atomic_notifier_head *nh, unsigned long v, void *d);
void add_wait_queue(struct wait_queue_head *q, struct wait_queue_entry *w);
void __wake_up(struct wait_queue_head *q, unsigned int mode, int nr, void *key);

static struct dev the_dev;

static int on_two_deep(struct notifier_block *nb, unsigned long v, void *d) { return 0; }
static int on_three_deep(struct notifier_block *nb, unsigned long v, void *d) { return 0; }
static int on_b(struct notifier_block *nb, unsigned long v, void *d) { return 0; }
static int wake_fn(struct wait_queue_entry *w, unsigned m, int f, void *k) { return 0; }

static struct notifier_block nb_two = { .notifier_call = on_two_deep };
static struct notifier_block nb_three = { .notifier_call = on_three_deep };
static struct notifier_block nb_b = { .notifier_call = on_b };

static int reg_inner(struct notifier_block *nb) { return atomic_notifier_chain_register(&the_dev.head_a, nb); }
static int reg_outer(struct notifier_block *nb) { return reg_inner(nb); }
static int reg_outermost(struct notifier_block *nb) { return reg_outer(nb); }

int setup(void)
{
	reg_outer(&nb_two);
	reg_outermost(&nb_three);
	return atomic_notifier_chain_register(&the_dev.head_b, &nb_b);
}

static inline void init_fn_entry(struct wait_queue_entry *w, int (*fn)(struct wait_queue_entry *, unsigned, int, void *))
{
	w->func = fn;
}

void watch(struct watcher *wt)
{
	init_fn_entry(&wt->wait, wake_fn);
	add_wait_queue(&the_dev.q_a, &wt->wait);
}

static int fn1(struct wait_queue_entry *w, unsigned m, int f, void *k) { return 1; }
static int fn2(struct wait_queue_entry *w, unsigned m, int f, void *k) { return 2; }
static struct queues qs;

static void put_on(struct wait_queue_head *q, struct wait_queue_entry *w)
{
	add_wait_queue(q, w);
}

void watch1(struct watcher1 *w)
{
	init_fn_entry(&w->wait, fn1);
	put_on(&qs.q1, &w->wait);
}

void watch2(struct watcher2 *w)
{
	init_fn_entry(&w->wait, fn2);
	put_on(&qs.q2, &w->wait);
}

void wake_q1(void) { __wake_up(&qs.q1, 3, 1, 0); }
void wake_q2(void) { __wake_up(&qs.q2, 3, 1, 0); }

void reg_unnamed(struct wait_queue_head *(*pick)(void), struct watcher *wt)
{
	add_wait_queue(pick(), &wt->wait);
}

void call_a(void) { atomic_notifier_call_chain(&the_dev.head_a, 1, 0); }
void call_b(void) { atomic_notifier_call_chain(&the_dev.head_b, 1, 0); }
void wake_a(void) { __wake_up(&the_dev.q_a, 3, 1, 0); }
void call_unnamed(struct atomic_notifier_head *h) { atomic_notifier_call_chain(h, 1, 0); }
