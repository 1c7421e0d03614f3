/* SPDX-License-Identifier: GPL-2.0-only
 * params.c - command-line parameters.  parse_args() splits the line and
 * hands each word to parse_one(), which looks the name up in the table it
 * was given, one entry at a time, and sets a match under the parameter
 * mutex; a word no entry names goes to the caller's handler.  A caller
 * with no table passes NULL and a count of 0: the lookup loop never runs,
 * and neither does the mutex.  Models kernel/params.c (parse_one(),
 * parse_args(), kernel_param_lock()).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/moduleparam.h>

static DEFINE_MUTEX(param_lock);

extern int same_name(const char *a, const char *b);
extern char *next_word(char *args, char **param, char **val);

void kernel_param_lock(struct module *mod)
{
	(void)mod;
	mutex_lock(&param_lock); /* expect(params-count-table): sleep-in-atomic interrupts */
}

void kernel_param_unlock(struct module *mod)
{
	(void)mod;
	mutex_unlock(&param_lock);
}

static int parse_one(char *param, char *val, const char *doing, const struct kernel_param *params,
		     unsigned num_params, int (*unknown)(char *, char *, const char *, void *), void *arg)
{
	unsigned int n;
	int rc;

	for (n = 0; n < num_params; n++) {
		if (!same_name(param, params[n].name))
			continue;
		kernel_param_lock(params[n].mod);
		rc = params[n].ops->set(val, &params[n]);
		kernel_param_unlock(params[n].mod);
		return rc;
	}
	return unknown ? unknown(param, val, doing, arg) : -ENOENT;
}

char *parse_args(const char *doing, char *args, const struct kernel_param *params, unsigned num,
		 int (*unknown)(char *param, char *val, const char *doing, void *arg), void *arg)
{
	char *param, *val;

	while (*args) {
		args = next_word(args, &param, &val);
		if (parse_one(param, val, doing, params, num, unknown, arg) < 0)
			return param;
	}
	return NULL;
}
