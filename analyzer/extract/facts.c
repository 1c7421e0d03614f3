// SPDX-License-Identifier: GPL-2.0-only
/*
 * facts.c - lifetime of one translation unit's in-memory facts.
 */
#include "extract/facts.h"

#include <stdlib.h>

struct tu_facts *facts_new(void)
{
	return xcalloc(1, sizeof(struct tu_facts));
}

void facts_free(struct tu_facts *f)
{
	if (!f)
		return;
	vec_free(&f->files);
	strmap_free(&f->file_index);
	vec_free(&f->includes);
	vec_free(&f->funcs);
	vec_free(&f->sites);
	vec_free(&f->stores);
	vec_free(&f->aliases);
	vec_free(&f->rets);
	vec_free(&f->slots);
	vec_free(&f->tables);
	vec_free(&f->results);
	vec_free(&f->links);
	vec_free(&f->diags);
	arena_free(&f->arena);
	free(f);
}

int facts_file(struct tu_facts *f, const char *path)
{
	bool created;
	int64_t *slot = strmap_put(&f->file_index, path, &created);
	if (created) {
		*slot = (int64_t)f->files.n;
		vec_push(&f->files, arena_strdup(&f->arena, path));
	}
	return (int)*slot;
}
