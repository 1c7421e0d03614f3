// SPDX-License-Identifier: GPL-2.0-only
/*
 * checks.c - the registry of checks, built from check_list.h (checks.h).
 */
#include "check/checks.h"

#include <limits.h>
#include <string.h>

const struct check_info checks[CHECK_COUNT] = {
#define CHECK(fn_, ...) { .fn = #fn_, __VA_ARGS__ },
#include "check/check_list.h"
#undef CHECK
};

static const struct check_info unknown = {
	.fn = "", .name = "", .summary = "", .offence = CK_ACQUIRES, .paths = CK_ONE_PATH,
	.transfer = CK_TRANSFER_NEVER, .line_rank = INT_MAX,
};

int check_find(const char *name)
{
	for (int i = 0; name && i < CHECK_COUNT; i++)
		if (!strcmp(checks[i].name, name))
			return i;
	return -1;
}

const struct check_info *check_get(int id)
{
	return id >= 0 && id < CHECK_COUNT ? &checks[id] : &unknown;
}
