/* SPDX-License-Identifier: GPL-2.0-only
 * casts.c - input of test_casts: what extract records of a function's casts
 * of its parameters (func.param_casts) and of a call's object that is the
 * first member of a named struct (site.ind_head).
 */
struct common { union { unsigned long long pair; struct { unsigned int a, b; }; }; int fam; };
struct sock { struct common c; void (*ready)(struct sock *sk); };
struct inet { struct sock sk; int id; };
struct conn { struct inet inet; void *ulp; };
struct pkt { struct sock sk; int ring; };
struct tail { int n; struct sock sk; };         /* sk is not its first member */
struct red { int x; };
struct blue { int y; };
union either { struct red r; struct blue b; };
struct opaque { union either u; };               /* a union of structs first: no chain */
struct lead { struct { struct red r; } in; };    /* an unnamed struct leads to one: no chain */

static inline struct conn *conn_of(const struct sock *sk) { return (struct conn *)sk; }   /* from const */

/* on every call: recorded */
void ready_conn(struct sock *sk) { struct conn *c = (struct conn *)sk; c->ulp = 0; }
/* only in a branch: not */
void ready_branch(struct sock *sk, int f) { if (f) ((struct conn *)sk)->ulp = 0; }
/* after an early return: not */
void ready_late(struct sock *sk) { if (!sk->ready) return; ((struct conn *)sk)->ulp = 0; }
/* the parameter is assigned: not */
void ready_written(struct sock *sk, struct sock *other) { sk = other; ((struct conn *)sk)->ulp = 0; }
/* from 'void *': says nothing of what it held */
void ready_void(void *p) { ((struct conn *)p)->ulp = 0; }
/* to the same struct: nothing new, also when it only drops a const */
void ready_same(struct sock *sk) { ((struct sock *)sk)->ready = 0; }
void ready_unconst(const struct sock *sk) { ((struct sock *)sk)->ready = 0; }
/* through a helper on every call: the helper's cast (check carries it up) */
void ready_helper(struct sock *sk) { conn_of(sk)->ulp = 0; }
/* parameter 1 */
void second(int n, struct sock *sk) { ((struct pkt *)sk)->ring = n; }
/* chains that say nothing: a union of structs, an unnamed struct leading to one */
void to_opaque(struct red *r) { ((struct opaque *)r)->u.r.x = 0; }
void to_lead(struct red *r) { ((struct lead *)r)->in.r.x = 0; }

void call_first(struct pkt *po)
{
	struct sock *sk = &po->sk;
	sk->ready(sk);                  /* a local set once: 0=pkt>sock>common */
}

void call_direct(struct pkt *po)
{
	po->sk.ready(&po->sk);          /* the member itself: 0=pkt>sock>common */
}

void call_not_first(struct tail *t)
{
	struct sock *sk = &t->sk;
	sk->ready(sk);                  /* sk is not tail's first member: none */
}

void call_other_arg(struct pkt *po, struct sock *other)
{
	struct sock *sk = &po->sk;
	sk->ready(other);               /* the object is not passed: none */
}

void call_reassigned(struct pkt *po, struct sock *other)
{
	struct sock *sk = &po->sk;
	if (po->ring)
		sk = other;
	sk->ready(sk);                  /* two values: none */
}

/* container_of() as the kernel writes it: a statement expression over 'void *' */
#define container_of(ptr, type, member) ({ void *__mptr = (void *)(ptr); \
	((type *)(__mptr - __builtin_offsetof(type, member))); })
/* of a first member (of a first member): a cast of the parameter, recorded */
void ready_container(struct sock *sk) { struct conn *c = container_of(sk, struct conn, inet.sk); c->ulp = 0; }
/* of a member further in: another address, not */
void ready_tail(struct sock *sk) { struct tail *t = container_of(sk, struct tail, sk); t->n = 0; }
/* of a local, not a parameter: not */
void ready_local(struct pkt *po) { struct sock *s = &po->sk; container_of(s, struct pkt, sk)->ring = 0; }
