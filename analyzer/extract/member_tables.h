/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * member_tables.h - ops tables an object's member points to (see
 * member_tables.c).
 */
#ifndef LP_MEMBER_TABLES_H
#define LP_MEMBER_TABLES_H

#include <clang-c/Index.h>
#include <stdbool.h>
#include "extract/keys.h"

/* A table pointer stored into a member ('cdev->dev.bus = &ccw_bus_type'):
 * the member's key ('device.bus'), the object whose member it is
 * ('ccw_device.dev', 'arg#0', '*local:f:dev'; NULL: no name) and the
 * table ('device.c:ccw_bus_type'; NULL: not a global table).  When it is
 * no global, SRC names the object the stored pointer points to, if it
 * can ('arg#0' for 'raw->cdev = cdev'): check/embedded.c pairs it with
 * the callbacks the same function stores through that object. */
struct table_store { const char *member, *obj, *value, *src; };

/* For a call through a member of the table a member points to
 * ('dev->bus->remove(dev)'): that member's key ('device.bus') into
 * *MEMBER and the object it is read from ('arg#0') into *OBJ; false for
 * any other callee, or an object with no name. */
bool table_of_call(const struct key_env *e, CXCursor callee, const char **member, const char **obj);

/* Whether 'LHS = RHS' stores a pointer to an ops table (a struct with
 * function-pointer members) into a member, into *OUT.  A NULL stored is
 * no store: through it nothing is called. */
bool table_store_of(const struct key_env *e, CXCursor lhs, CXCursor rhs, struct table_store *out);

/* Whether member FIELD of local struct VAR, initialised to VALUE
 * ('struct xt_tgdtor_param par = { .target = t }'), is such a store, into *OUT. */
bool table_init_store_of(const struct key_env *e, CXCursor var, CXCursor field, CXCursor value,
			 struct table_store *out);

/* Whether 'LHS = RHS' stores into a member a pointer to an object one of
 * whose members points to an ops table, or whose struct the TU does not
 * see ('priv->rx_reporter = reporter', a devlink_health_reporter with its
 * 'ops', private to net/devlink): the member's key
 * ('mlx5e_priv.rx_reporter') into *MEMBER.  A NULL stored is no store.
 * check/ctor_tables.c reads which constructor made such an object. */
bool holder_store_of(const struct key_env *e, CXCursor lhs, CXCursor rhs, const char **member);

#endif
