/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * slot_tables.h - arrays of ops tables indexed by a type (see slot_tables.c).
 */
#ifndef LP_SLOT_TABLES_H
#define LP_SLOT_TABLES_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include "extract/keys.h"

/* A struct pointer stored into an array slot ('rep_ops[rep_type] = ops'):
 * the array's key, the index ('1', 'arg#2', '*') and the value ('arg#1',
 * an object key such as 'en_rep.c:rep_ops', NULL: not known). */
struct slot_store { const char *slot, *idx, *value; };

/* 'mlx5_esw_offload.rep_ops[arg#2]' for a call through a member of the
 * table an array slot points to ('esw->offloads.rep_ops[rep_type]->load');
 * NULL for any other callee. */
const char *slot_of_call(const struct key_env *e, CXCursor callee);

/* Whether 'LHS = RHS' stores a struct pointer into an array slot, into
 * *OUT.  A NULL stored (an unregistration) is no store: it calls nothing. */
bool slot_store_of(const struct key_env *e, CXCursor lhs, CXCursor rhs, struct slot_store *out);

#endif
