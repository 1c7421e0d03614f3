/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ret_members.h - what an object a call returned holds in its members
 * (ret_members.c says why): 'ab = audit_log_start(ctx, GFP_ATOMIC, ..)'
 * returns a buffer whose gfp_mask is GFP_ATOMIC, and a kmalloc(..,
 * ab->gfp_mask) below the calls ab is passed to does not sleep.
 */
#ifndef LP_RET_MEMBERS_H
#define LP_RET_MEMBERS_H

struct engine;

/* After the sites, their arguments, the call edges and the parameters each
 * function writes are loaded (before the parameters' uses are passed on):
 * each function's returned members (func_ret, through the calls whose
 * results it returns), and at each call that passes such a result
 * (site_arg.ret_site) the arguments that bind the callee's members. */
void ret_members_load(struct engine *e);

#endif
