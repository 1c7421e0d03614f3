/* SPDX-License-Identifier: GPL-2.0-only
 * last_put.c - input of test_last_put: which calls run only where a
 * reference count hit zero (site.last_put; rules: refcount-drop).  The
 * callee's name says what is expected: l_* only then, o_* otherwise.  The
 * count is the parameter's member 'arg#0.ref' (site.last_put_obj, and the
 * puts' site.ref_obj; 'arg#0.c.ref' in put_nested(), a member of an
 * embedded struct, as sock.h's sk_refcnt), except in put_local(), whose
 * object is a local.  Only the first o_put() of put_again_later() is made
 * again on every path after it (site.again_arg).
 */
struct obj { int ref; int other; };

extern int refcount_dec_and_test(int *r);
extern int atomic_dec_and_test(int *r);
extern int kref_put(int *r, void (*release)(int *r));
extern void l_release(int *r), l_destroy(struct obj *o), l_free(struct obj *o), l_else(struct obj *o);
extern void l_and(struct obj *o), l_nested(struct obj *o);
extern void o_before(struct obj *o), o_after(struct obj *o), o_not_last(struct obj *o);
extern void o_plain(struct obj *o), l_released(struct obj *o);
extern struct obj *o_lookup(void);
extern void l_local(struct obj *o);
struct common { int ref; };
struct obj2 { int flags; struct common c; };
extern void l_nested_member(struct obj2 *o);
extern void o_put(struct obj *o);

/* the release of kref_put's own shape: called only when the count hits zero */
void put_obj(struct obj *o)
{
	o_before(o);
	if (refcount_dec_and_test(&o->ref))
		l_destroy(o);
	o_after(o);
}

/* 'if (!put) return;': the rest runs only for the last reference */
void put_early_return(struct obj *o)
{
	if (!atomic_dec_and_test(&o->ref))
		return;
	l_free(o);
	if (o->other)
		l_nested(o);
}

/* the negated test: its then-branch is the not-last case */
void put_negated(struct obj *o)
{
	if (!refcount_dec_and_test(&o->ref))
		o_not_last(o);
	else
		l_else(o);
}

/* a test beside it: '&&' keeps what the put says on the true side */
void put_and(struct obj *o)
{
	if (o->other && refcount_dec_and_test(&o->ref))
		l_and(o);
	o_plain(o);
}

/* kref_put's return value: 1 when it released */
void put_kref(struct obj *o)
{
	if (kref_put(&o->ref, l_release))
		l_released(o);   /* kref_put said it released */
}

/* a local's count: the release is the last put's, of no parameter */
void put_local(void)
{
	struct obj *o = o_lookup();

	if (refcount_dec_and_test(&o->ref))
		l_local(o);
}

/* the count in an embedded struct: 'arg#0.c.ref' */
void put_nested(struct obj2 *o)
{
	if (refcount_dec_and_test(&o->c.ref))
		l_nested_member(o);
}

/* the same call on the same parameter again on every path after it: the
 * first is made again (site.again_arg 0), the second is not */
void put_again_later(struct obj *o)
{
	o_put(o);
	if (o->other)
		o_plain(o);
	o_put(o);
}

/* ... not on the path that returns first, nor after a write of it */
void put_again_sometimes(struct obj *o, struct obj *next)
{
	o_put(o);
	if (o->other)
		return;
	o_put(o);
	o = next;
	o_put(o);
}
