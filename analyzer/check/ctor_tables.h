/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ctor_tables.h - an object's table is the one its constructor was given
 * (ctor_tables.c says why): mlx5's RX reporter is made with the RX ops, so
 * a report on 'priv->rx_reporter' recovers with the RX ops' recover only.
 */
#ifndef LP_CTOR_TABLES_H
#define LP_CTOR_TABLES_H

#include <stdbool.h>
#include <stddef.h>

struct engine;

/* Names, each malloc'd (a VEC). */
struct name_list { char **v; size_t n, cap; };

/* Whether every store of something other than a global table into member
 * VIA ('devlink_health_reporter.ops') is a constructor's own: made through
 * the local it returns, from what its caller gives it ('reporter->ops =
 * ops'), and there is at least one. */
bool ctor_stores_explained(struct engine *e, const char *via);

/* The global tables (malloc'd names, appended to *TABLES) member VIA of the
 * objects member POINTEE points to ('*mlx5e_priv.rx_reporter') was given
 * by the constructors that made them; false when that is not known: a
 * store into the member of anything but such a constructor's result, a
 * constructor lockpath cannot follow, or one given something other than a
 * global table. */
bool ctor_tables_of(struct engine *e, const char *pointee, const char *via, struct name_list *tables);

#endif
