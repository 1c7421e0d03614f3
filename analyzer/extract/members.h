/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * members.h - constants a function stores into struct members just before
 * it passes the struct to a call: fuse_send_writepage() sets
 * 'args->force = true' and calls fuse_simple_background(fm, args, ..),
 * which takes the sleeping fuse_get_req() branch only when force is false.
 * The walker keeps, per path, what each member holds ('*args' . 'force' =
 * 1), joins it like the lock state at every merge of paths, and records at
 * a call the members of each struct argument (site_arg.field); check
 * binds them to the callee's parameter for its 'arg#N.F' guards (lib/guardkey.h).
 *
 * Objects and members are named by interned strings compared by pointer:
 * 'args' (a struct variable), '*args' (what a pointer variable points to),
 * 'wpa->ia.ap.args' (a member struct).  What the walker cannot name is not
 * tracked.  A store by a called function is seen only where the callee is
 * a function of the same file that leaves the member set on every path
 * (walk_summary.c: trace_init_global_iter(&iter) sets iter.temp for
 * ftrace_dump()).  A pointer member holds a known value only as NULL or a
 * global's address (guard_global_address()).
 */
#ifndef LP_MEMBERS_H
#define LP_MEMBERS_H

#include <stdbool.h>

#define MEMBERS_MAX 12  /* members tracked per path; past it, 'lost' (ext4's xattr move sets seven) */

struct member_value {
	const char *obj, *field;   /* interned */
	long long value;
	bool known;                /* false: set to something not a constant ... */
	int param;                 /* ... the function's parameter PARAM ('ab->gfp_mask =
				    * gfp_mask': what the function returns, check/ret_members.c), or -1 */
};

struct members {
	unsigned char n;
	bool lost;                 /* more members were set than tracked */
	struct member_value e[MEMBERS_MAX];
};

/* OBJ.FIELD now holds VALUE (KNOWN), parameter PARAM (>= 0), or something else. */
void members_set(struct members *m, const char *obj, const char *field, long long value, bool known, int param);
/* Whether OBJ.FIELD is tracked, or a slot is free for it: a store the path
 * may skip rather than lose the members it has (a callee's, walk_summary.c). */
bool members_room(const struct members *m, const char *obj, const char *field);
/* OBJ.FIELD holds something else now, where that matters: a member
 * tracked, or, when ADD_FREE, one not tracked yet while a slot is free
 * (never 'lost'). */
void members_unknown(struct members *m, const char *obj, const char *field, bool add_free);
/* OBJ names another object now (the pointer variable was assigned):
 * forget its members, and those of objects reached through it (PREFIX
 * matches 'OBJ' and 'OBJ->...' / 'OBJ. ...'). */
void members_forget(struct members *m, const char *var);
/* Join B into A (two paths meet): a member keeps its value only if both
 * paths have it; on one path only, or with two values, it is unknown. */
void members_join(struct members *a, const struct members *b);

#endif
