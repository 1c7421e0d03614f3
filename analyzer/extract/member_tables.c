// SPDX-License-Identifier: GPL-2.0-only
/*
 * member_tables.c - ops tables an object's member points to.
 *
 * The driver core calls a device's bus through the device:
 * 'dev->bus->remove(dev)'.  By key that is 'bus_type.remove', every bus's
 * remove in the tree, so a partition's device_del() reached the ccw bus's
 * remove and the DASD driver behind it.  But a device's bus is stored by
 * the code that owns the device, through the struct it embeds it in: the
 * ccw bus only into a ccw_device's ('cdev->dev.bus = &ccw_bus_type'), the
 * virtio bus only into a virtio_device's, none into a block_device's
 * bd_device.  Extract records both halves: the member a call reads its
 * table from, with the object it reads it from (site.ind_table,
 * site.ind_table_obj), and every store of a pointer to such a table into a
 * member (table_store), with the object and the table when it is a global.
 * check/embedded.c joins them with the object a path passed.
 */
#include "extract/member_tables.h"
#include "extract/guard.h"
#include "lib/keyname.h"

#include <string.h>

/* The struct type T points to, into *REC; false when T points to no struct. */
static bool pointee_record(CXType t, CXType *rec)
{
	t = clang_getCanonicalType(t);
	if (t.kind != CXType_Pointer)
		return false;
	*rec = clang_getCanonicalType(clang_getPointeeType(t));
	return rec->kind == CXType_Record;
}

struct field_test { bool (*test)(CXType t); bool found; };

static enum CXVisitorResult find_field(CXCursor field, CXClientData d)
{
	struct field_test *ft = d;
	if (ft->test(clang_getCursorType(field))) {
		ft->found = true;
		return CXVisit_Break;
	}
	return CXVisit_Continue;
}

/* Whether struct type REC has a member whose type passes TEST. */
static bool has_field(CXType rec, bool (*test)(CXType t))
{
	struct field_test ft = { test, false };
	clang_Type_visitFields(rec, find_field, &ft);
	return ft.found;
}

/* A pointer to a struct with a function-pointer member: an ops table's type. */
static bool is_table_ptr(CXType t)
{
	CXType rec;
	return pointee_record(t, &rec) && has_field(rec, key_is_fnptr_type);
}

/* A pointer to a struct with a member that points to an ops table, or to
 * a struct this TU does not see: a handle whose struct is private to the
 * file that makes it (net/devlink's health reporter), like its table. */
static bool is_holder_ptr(CXType t)
{
	CXType rec;
	return pointee_record(t, &rec) &&
	       (clang_Type_getSizeOf(rec) == CXTypeLayoutError_Incomplete || has_field(rec, is_table_ptr));
}

/* The key of member expression C ('device.bus'), or NULL. */
static const char *member_key(const struct key_env *e, CXCursor c)
{
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return NULL;
	const char *k = key_fnptr(e, c);   /* a field's key, whatever its type */
	return k && keyname_kind(k) == KEYNAME_PATH ? k : NULL;
}

bool table_of_call(const struct key_env *e, CXCursor callee, const char **member, const char **obj)
{
	CXCursor c = key_strip(callee), base[1];
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr || key_children(c, base, 1) != 1)
		return false;
	CXCursor b = key_strip(base[0]);
	if (!is_table_ptr(clang_getCursorType(b)) || !(*member = member_key(e, b)))
		return false;
	*obj = key_member_base(e, b);
	return *obj != NULL;
}

/* The table VALUE points to, if a global ('&ccw_bus_type'), or NULL. */
static const char *table_value(const struct key_env *e, CXCursor value)
{
	const char *k = key_object_ptr(e, value);
	return keyname_is_global(k) ? k : NULL;
}

bool table_init_store_of(const struct key_env *e, CXCursor var, CXCursor field, CXCursor value,
			 struct table_store *out)
{
	if (!is_table_ptr(clang_getCursorType(field)))
		return false;
	long long v;
	if (guard_const_value(key_strip(value), &v) && v == 0)
		return false;
	CXString name = clang_getCursorSpelling(field);
	out->member = arena_printf(e->arena, "%s.%s", key_record_name(e->arena, field), clang_getCString(name));
	clang_disposeString(name);
	out->obj = key_var_object(e, var);
	out->value = table_value(e, value);
	out->src = out->value ? NULL : key_object_ptr(e, value);
	return true;
}

bool table_store_of(const struct key_env *e, CXCursor lhs, CXCursor rhs, struct table_store *out)
{
	CXCursor l = key_strip(lhs);
	if (!is_table_ptr(clang_getCursorType(l)) || !(out->member = member_key(e, l)))
		return false;
	long long v;
	if (guard_const_value(key_strip(rhs), &v) && v == 0)
		return false;   /* 'dev->bus = NULL' */
	out->obj = key_member_base(e, l);
	out->value = table_value(e, rhs);
	out->src = out->value ? NULL : key_object_ptr(e, rhs);
	return true;
}

bool holder_store_of(const struct key_env *e, CXCursor lhs, CXCursor rhs, const char **member)
{
	CXCursor l = key_strip(lhs);
	if (!is_holder_ptr(clang_getCursorType(l)) || !(*member = member_key(e, l)))
		return false;
	long long v;
	return !(guard_const_value(key_strip(rhs), &v) && v == 0);
}
