/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * registrars.h - an entry works on the objects of the code that registered
 * it (registrars.c says why): the files whose ops tables
 * were called on the object a timer, work or handler was set on.  The
 * engine seeds such an entry once per file, bound to its tables
 * (ops_tables.h).
 */
#ifndef LP_REGISTRARS_H
#define LP_REGISTRARS_H

#include <stdint.h>

struct engine;

#define REG_MAX_SEEDS 4         /* files an entry is seeded with, at most (one state each) */

/* A file an entry's registration came from (the file of an ops table whose
 * method was called on the object), and that method, where the way up
 * ended. */
struct reg_seed { int64_t file; int method; };

/* After the functions, sites, call edges and ops tables are loaded: who
 * stores each function, and who calls it.  registrars_free releases it. */
void registrars_load(struct engine *e);
void registrars_free(struct engine *e);
/* The files entry ENTRY's registrations come from, into OUT[REG_MAX_SEEDS]
 * (kept for registrars_method); 0 when the way up is not known. */
int registrars_seeds(struct engine *e, int entry, struct reg_seed *out);
/* The method entry ENTRY's registration in FILE came through (a function
 * index), or -1 when ENTRY was not seeded with FILE. */
int registrars_method(const struct engine *e, int entry, int64_t file);

/* The files of the methods every way up from functions FUNCS[0..N-1]
 * ends at, walked as from an entry's registrars, into OUT[REG_MAX_SEEDS]
 * (their order is not stable); 0 when some way is lost. */
int registrars_files_above(const struct engine *e, const int *funcs, int n, struct reg_seed *out);
#endif
