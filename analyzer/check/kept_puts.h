/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * kept_puts.h - a put that undoes its function's own get of an object its
 * caller passed is not the last, nor is one its function makes again on
 * every path after it (kept_puts.c says why): smc's 'smcr_link_hold(lnk);
 * if (!schedule_work(..)) smcr_link_put(lnk);' does not release the link
 * there, nor does the completion's put_task_struct() in s390's pfault
 * interrupt, which puts the task again at 'out:'.
 */
#ifndef LP_KEPT_PUTS_H
#define LP_KEPT_PUTS_H

struct engine;

/* After the sites, their arguments, dominating calls and call edges are
 * loaded: marks each such put (ck_site.kept_put); returns how many. */
int kept_puts_load(struct engine *e);

#endif
