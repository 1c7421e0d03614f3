/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * json_kind.h - naming a JSON value's type in messages ("expected an
 * array, not a string"), for the compile database and baseline readers.
 */
#ifndef LP_JSON_KIND_H
#define LP_JSON_KIND_H

#include <jansson.h>

/* "an object", "an array", "a string", "a number", "a boolean" or "null". */
const char *json_kind(const json_t *j);

#endif
