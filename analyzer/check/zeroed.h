/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * zeroed.h - a member of a zeroed new object holds 0 until written
 * (zeroed.c says why): device_create() kzalloc()s its device and stores
 * no bus into it, so bus_probe_device() below returns at 'if (!bus)'.
 */
#ifndef LP_ZEROED_H
#define LP_ZEROED_H

#include <stdbool.h>

struct engine;
struct ck_state;

/* After the sites, their arguments and the call edges are loaded: each
 * call that passes a zeroed allocator's object (site_arg.ret_site, with
 * ret_only) gets an argument that binds the callee's parameter as zeroed
 * (member CK_ZERO_FIELD, its value the allocation's index here). */
void zeroed_load(struct engine *e);
/* Whether state S's parameter PARAM points to a zeroed object whose member
 * FIELD (a field id) no function it was handed to writes: it holds 0. */
bool zeroed_member_is_zero(const struct engine *e, const struct ck_state *s, int param, int field);
void zeroed_free(struct engine *e);

#endif
