// SPDX-License-Identifier: GPL-2.0-only
/*
 * slot_tables.c - arrays of ops tables indexed by a type.
 *
 * Some cores keep one ops table per kind of user in an array indexed by
 * the kind: mlx5's e-switch has 'const struct mlx5_eswitch_rep_ops
 * *rep_ops[NUM_REP_TYPES]', filled by
 * mlx5_eswitch_register_vport_reps(esw, ops, rep_type) with
 * 'esw->offloads.rep_ops[rep_type] = ops'; the Ethernet driver registers
 * its table with REP_ETH, mlx5_ib its own with REP_IB.  A call
 * 'esw->offloads.rep_ops[rep_type]->load(..)' is the key
 * 'mlx5_eswitch_rep_ops.load' like any table's member, which reaches both
 * drivers' loads; but with rep_type REP_IB on the path only the tables
 * registered into slot REP_IB can answer.  Extract records both halves:
 * the slot a call reads (site.ind_slot) and what each store into a slot
 * put there (slot_store); check/slot_tables.c joins them through the
 * registrations' call sites.
 */
#include "extract/slot_tables.h"
#include "extract/guard.h"
#include "lib/keyname.h"

#include <string.h>

/* 'N', 'arg#K' (the function's parameter K) or '*'. */
static const char *index_text(const struct key_env *e, CXCursor ix)
{
	long long v;
	ix = key_strip(ix);
	if (guard_const_value(ix, &v) && v >= 0)
		return arena_printf(e->arena, "%lld", v);
	int p = key_param_of(e->func, ix);
	return p >= 0 ? arena_printf(e->arena, "arg#%d", p) : "*";
}

/* The array key and the index of 'A[I]' (A a member or a global array), else false. */
static bool array_slot(const struct key_env *e, CXCursor c, const char **slot, const char **idx)
{
	c = key_strip(c);
	CXCursor kk[2];
	if (clang_getCursorKind(c) != CXCursor_ArraySubscriptExpr || key_children(c, kk, 2) != 2)
		return false;
	CXCursor arr = key_strip(kk[0]);
	if (clang_getCanonicalType(clang_getCursorType(arr)).kind != CXType_ConstantArray)
		return false;   /* 'p[i]' through a pointer: no one array */
	const char *k = key_fnptr(e, arr);
	if (!k || keyname_kind(k) != KEYNAME_PATH)
		return false;   /* a local array, a parameter */
	*slot = k;
	*idx = index_text(e, kk[1]);
	return true;
}

static bool is_struct_ptr(CXType t)
{
	t = clang_getCanonicalType(t);
	return t.kind == CXType_Pointer && clang_getCanonicalType(clang_getPointeeType(t)).kind == CXType_Record;
}

const char *slot_of_call(const struct key_env *e, CXCursor callee)
{
	CXCursor c = key_strip(callee);
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return NULL;
	CXCursor base[1];
	if (key_children(c, base, 1) != 1 || !is_struct_ptr(clang_getCursorType(key_strip(base[0]))))
		return NULL;   /* 'tbl[i].fn': the member of an array of tables, not a slot */
	const char *slot, *idx;
	if (!array_slot(e, base[0], &slot, &idx))
		return NULL;
	return arena_printf(e->arena, "%s[%s]", slot, idx);
}

bool slot_store_of(const struct key_env *e, CXCursor lhs, CXCursor rhs, struct slot_store *out)
{
	if (!is_struct_ptr(clang_getCursorType(key_strip(lhs))))
		return false;
	if (!array_slot(e, lhs, &out->slot, &out->idx))
		return false;
	long long v;
	if (guard_const_value(key_strip(rhs), &v) && v == 0)
		return false;   /* 'rep_ops[t] = NULL' */
	out->value = key_object_ptr(e, rhs);
	return true;
}
