/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * init_modes.h - callbacks whose store says where they run (rules'
 * 'init-mode' and 'defer-on').  An hrtimer runs its function from the
 * clock's hardirq, unless hrtimer_init() gave it a HRTIMER_MODE_*_SOFT
 * mode: then from the hrtimer softirq.  A bcache closure's function set
 * with a workqueue runs from that queue; set with NULL, on the spot.  Each
 * pair goes through one dispatcher (__run_hrtimer's 'fn(timer)',
 * closure_put_after_sub's 'destructor(cl)'), which a call key cannot tell
 * apart; the object's initialisation, or the storing call, can.  The
 * engine and the transport matrix ask this module which stores are such
 * callbacks: their call edges are not followed, and their functions are
 * entries of the rule's context.
 */
#ifndef LP_INIT_MODES_H
#define LP_INIT_MODES_H

#include <stddef.h>
#include <stdint.h>

struct lp_db;
struct lp_rules;
struct init_modes;

/* A function that runs as an entry of its own: FUNC_ID (func.id) in CTX. */
struct init_mode_entry { int64_t func_id; int ctx; };

struct init_modes *init_modes_load(struct lp_db *db, const struct lp_rules *r);
void init_modes_free(struct init_modes *im);
/* The context the function that store STORE (fnstore.id) put into an
 * object runs in as an entry, or -1: an ordinary store, its call edge
 * followed. */
int init_modes_store_ctx(const struct init_modes *im, int64_t store);
size_t init_modes_entry_count(const struct init_modes *im);
const struct init_mode_entry *init_modes_entry(const struct init_modes *im, size_t i);

#endif
