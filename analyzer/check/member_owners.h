/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * member_owners.h - a member that only one implementation's methods fill
 * holds that implementation's objects (member_owners.c says why): a call
 * that passes an object read from such a member binds the path to the
 * tables of that implementation's file (ops_tables.h), as far as the
 * object goes.  The engine calls it when it loads and when it enters a
 * callee.
 */
#ifndef LP_MEMBER_OWNERS_H
#define LP_MEMBER_OWNERS_H

struct engine;
struct ck_state;
struct ck_site;

/* After the sites, their arguments, the ops tables and the registrars are
 * loaded, before ops_reach_load: each member's owner, and the calls that
 * pass an object read from an owned member.  owners_free releases it. */
void owners_load(struct engine *e);
void owners_free(struct engine *e);
/* Entering NEXT's function from the call at SITE: bind it to the file
 * whose objects the call passes. */
void owners_bind(const struct engine *e, const struct ck_site *site, struct ck_state *next);
/* Owner OWNER's member ('netlink_tap.dev'). */
const char *owners_member(const struct engine *e, int owner);

#endif
