/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * dead_tables.h - a file's static table that only dead code hands out
 * (dead_tables.c says why): its initialiser's function stores are dropped
 * from the TU's facts.  The walker notes the candidate tables and the code
 * a constant condition cut off; walk_tu() asks at the end of the TU.
 */
#ifndef LP_DEAD_TABLES_H
#define LP_DEAD_TABLES_H

#include <clang-c/Index.h>
#include <stddef.h>

#include "lib/util.h"

struct tu_facts;

/* A static variable of the main file whose initialiser stored functions
 * (its canonical cursor): tu_facts.stores[first, end). */
struct dead_table_var { CXCursor var; size_t first, end; };

struct dead_tables {
	VEC(struct dead_table_var) vars;
	VEC(CXCursor) code;       /* statements of main-file functions the walk cut off */
};

/* VAR's initialiser, just walked, stored F->stores[FIRST, F->stores.n). */
void dead_tables_note_var(struct dead_tables *d, CXCursor var, size_t first, const struct tu_facts *f);
/* STMT, of a main-file function, is code a constant condition cut off. */
void dead_tables_note_code(struct dead_tables *d, CXCursor stmt);
/* At the end of the TU: drop the stores of each noted table that no code
 * outside the cut-off runs and its own initialiser names; how many tables. */
int dead_tables_drop(struct dead_tables *d, CXTranslationUnit tu, struct tu_facts *f);
void dead_tables_free(struct dead_tables *d);

#endif
