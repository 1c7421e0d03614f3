/* SPDX-License-Identifier: GPL-2.0-only
 * exit_irqs.c - input of test_exit_irqs: what each function leaves its
 * caller's interrupt state as (func.exit_irqs: 1 off, -1 on, 2 restored to
 * what the caller saved, 0 as it was), and the state of the sites after
 * the function's own save and restore (site.irqs_off 2) or where its paths
 * disagree (3: off or as at entry).  A function's
 * name says what is expected: off_*, on_*, restore_*, none_*.
 */
extern unsigned long arch_local_irq_save(void);
extern void arch_local_irq_restore(unsigned long flags);
extern void arch_local_irq_disable(void);
extern void arch_local_irq_enable(void);
extern void work(void);
extern int ready(void);

/* rq_lock_irqsave()'s shape: saves, returns the flags, interrupts off */
unsigned long off_save(void)
{
	unsigned long flags = arch_local_irq_save();

	work();
	return flags;
}

/* spin_unlock_irq()'s shape */
void on_enable(void)
{
	arch_local_irq_disable();
	work();
	arch_local_irq_enable();
}

/* rq_unlock_irqrestore()'s shape: restores flags its caller saved */
void restore_callers(unsigned long flags)
{
	work();
	arch_local_irq_restore(flags);
}

/* a save and restore of its own: the caller's state again, and the call
 * after the restore runs as at entry (site.irqs_off 2) */
void none_balanced(void)
{
	unsigned long flags = arch_local_irq_save();

	work();
	arch_local_irq_restore(flags);
	work();
}

/* off on one path only: nothing is said, and the call after the branches
 * meet is off or as at entry (site.irqs_off 3) */
void none_one_path(int x)
{
	if (x)
		arch_local_irq_disable();
	work();
}

/* a loop whose body disables interrupts after its call: from the second
 * iteration on the call runs with them off (site.irqs_off 3 too) */
void none_loop(int n)
{
	while (n--) {
		work();
		arch_local_irq_disable();
	}
}

void none_untouched(void)
{
	work();
}

/* lock_timer_base()'s shape: a 'for (;;)' left only by the return, with
 * interrupts off (the state before the body is no way out) */
unsigned long off_forever(void)
{
	for (;;) {
		unsigned long flags = arch_local_irq_save();

		if (ready())
			return flags;
		arch_local_irq_restore(flags);
	}
}

/* the same with an initialisation and an increment, no condition */
unsigned long off_forever_counted(void)
{
	int tries;

	for (tries = 0;; tries++) {
		unsigned long flags = arch_local_irq_save();

		if (ready())
			return flags;
		arch_local_irq_restore(flags);
	}
}

/* a condition: the loop may end before the body runs, interrupts as they were */
unsigned long none_bounded(int n)
{
	for (int tries = 0; tries < n; tries++) {
		unsigned long flags = arch_local_irq_save();

		if (ready())
			return flags;
		arch_local_irq_restore(flags);
	}
	return 0;
}

/* only a condition ('for (; c;)'): the same */
unsigned long none_cond_only(void)
{
	for (; !ready();) {
		unsigned long flags = arch_local_irq_save();

		if (ready())
			return flags;
		arch_local_irq_restore(flags);
	}
	return 0;
}

/* a macro's 'for (;;)': no part at all, nothing to read */
#define spin_until_ready	for (;;)
unsigned long off_macro_forever(void)
{
	spin_until_ready {
		unsigned long flags = arch_local_irq_save();

		if (ready())
			return flags;
		arch_local_irq_restore(flags);
	}
}

/* a header a macro writes with a part left out is not read (its tokens
 * are the macro's definition): walked as a loop that may end at its entry,
 * which this one, with a condition, may */
#define retry_while(c)	for (; (c);)
unsigned long none_macro_cond(void)
{
	retry_while(!ready()) {
		unsigned long flags = arch_local_irq_save();

		if (ready())
			return flags;
		arch_local_irq_restore(flags);
	}
	return 0;
}
