/* SPDX-License-Identifier: GPL-2.0-only
 * always.c - input of test_always: which calls run on every call of their
 * function (site.always).  The callee's name says what is expected: a_*
 * runs always, n_* not (a branch, a loop body, a '?:' arm, the right of
 * '&&', a switch, or after a return or goto).
 */
extern void a_top(void), a_do(void), a_after_if(void), a_first(void);
extern void n_cond(void), n_then(void), n_else(void), n_loop(void), n_for(void), n_arm(void), n_rhs(void);
extern void n_case(void), n_after_return(void), n_mid(void), n_label(void);
extern int a_test(void);

void shapes(int x)
{
	a_top();
	if (a_test())
		n_then();
	else
		n_else();
	a_after_if();
	while (x-- > 10)
		n_loop();
	for (int i = 0; i < x; i++)
		n_for();
	do {
		a_do();
	} while (0);
	x = x ? (n_arm(), 1) : 0;
	if (x && (n_rhs(), 1))
		n_cond();
	switch (x) {
	case 1:
		n_case();
		break;
	}
	if (x > 5)
		return;
	n_after_return();
}

void unwind(int x)
{
	a_first();
	if (x)
		goto out;
	n_mid();
out:
	n_label();
}
