/* SPDX-License-Identifier: GPL-2.0-only
 * predicates.c - input of test_predicates: a call in a condition whose
 * callee can only return 0 in some contexts is a context test.  The name
 * of each function called under such a condition says the guard expected
 * on it: irq_* must not run in hardirq or softirq states, never_* in no
 * state at all (a stub that always returns 0), any_* anywhere (nothing is
 * known about the predicate).  A static function that returns one constant
 * is that constant (extract/const_calls.c): never_* and cut_* under a test
 * of it that is false are cut off; any_* under one that is true are not.  And a label only an 'asm goto' jumps to is
 * reached with the lock state of the asm: fault_sleep() runs holding
 * s->lock.
 */
extern int preempt_count(void);
#define in_task()	(!(preempt_count() & 0x1ff00))
#define bool		_Bool
#define false		0
#define true		1

extern void irq_early_return(void), irq_after(void), irq_expr(void), irq_and(void);
extern void never_stub(void), any_asm_goto(void), any_param(void), any_extern(void);
extern void any_recursive(void), any_computed(void);
extern void any_eq(void), cut_ne(void), cut_not_eq(void);
extern bool extern_pred(void);
extern void fault_sleep(void), ok_path(void);
struct spinlock { int x; };
extern void spin_lock(struct spinlock *l);
extern void spin_unlock(struct spinlock *l);
struct dev { struct spinlock lock; };

/* unsafe_get_user()'s shape: the asm jumps to the error label */
int read_user_locked(struct dev *s)
{
	spin_lock(&s->lock);
	asm goto("" : : : : fault);
	ok_path();
	spin_unlock(&s->lock);
	return 0;
fault:
	fault_sleep();
	spin_unlock(&s->lock);
	return -14;
}

struct req { unsigned int flags; };
int tracing;

static bool task_only(struct req *r)
{
	if (r->flags & 1)
		return false;
	if (!in_task())
		return false;
	return true;
}

static bool is_task(void)
{
	return in_task();
}

static bool stub_off(void)
{
	return false;
}

/* static_branch_unlikely()'s shape: 'return true' only after the asm's jump */
static bool key_enabled(void)
{
	asm goto("" : : : : l_yes);
	return false;
l_yes:
	return true;
}

/* a stub of another constant, with a statement before its return */
static int mode_stub(int x)
{
	(void)x;
	return 7;
}

static bool flag_of(int x)
{
	return x;
}

static bool deep(int n)
{
	return n ? deep(n - 1) : false;
}

/* a computed goto: 'yes' is reached, though no goto names it */
static bool jump(int i)
{
	static void *const target[] = { &&no, &&yes };

	goto *target[i & 1];
no:
	return false;
yes:
	return true;
}

static bool later_pred(void);

void callers(struct req *r, int x, int res)
{
	if ((res == -11 || res == -95) && task_only(r))
		irq_early_return();
	if (later_pred())
		irq_after();
	if (is_task())
		irq_expr();
	if (tracing && !stub_off() && task_only(r))
		irq_and();
	if (stub_off())
		never_stub();
	if (key_enabled())
		any_asm_goto();
	if (flag_of(x))
		any_param();
	if (extern_pred())
		any_extern();
	if (deep(x))
		any_recursive();
	if (jump(x))
		any_computed();
	if (mode_stub(x) == 7)
		any_eq();
	if (mode_stub(x) != 7)
		cut_ne();
	if (!(mode_stub(x) == 7))
		cut_not_eq();
}

/* defined after its caller: walked on demand */
static bool later_pred(void)
{
	if (!in_task())
		return false;
	return true;
}
