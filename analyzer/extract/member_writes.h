/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * member_writes.h - the member names a function writes (func.member_writes),
 * for check/zeroed.c: a member of a zeroed new object that no function the
 * object is handed to writes still holds 0 where a callee tests it
 * (device_create()'s device: 'if (!bus) return' in bus_probe_device()).
 *
 * A write is an assignment or an update ('x->f = v', 'x->f |= v', 'x->f++')
 * or a member's address taken ('&x->flags' handed to set_bit()), of any
 * object: the names are compared with the member a guard tests whatever
 * struct it is in, which only makes more members written.  An array
 * member's element written is the member written.  A whole struct
 * assigned through a pointer variable ('*p = tmpl') writes every member:
 * '*'; through the address of a member ('*(&dev->devres_lock) = ..', what
 * spin_lock_init() expands to) it is that member.
 */
#ifndef LP_MEMBER_WRITES_H
#define LP_MEMBER_WRITES_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include <stddef.h>

struct arena;

/* The member name expression LHS writes when assigned (a libclang-owned
 * spelling copied into BUF), "*" for a whole struct through a pointer, or
 * NULL for neither. */
const char *member_write_name(CXCursor lhs, char *buf, size_t size);

/* A function's written names: interned strings, compared by pointer. */
struct member_writes { const char **v; size_t n, cap; };   /* a VEC (lib/util.h) */

void member_writes_add(struct member_writes *mw, const char *interned);
/* 'a,b,c' sorted, in ARENA, or NULL when none. */
const char *member_writes_text(struct member_writes *mw, struct arena *arena);

#endif
