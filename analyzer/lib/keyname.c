// SPDX-License-Identifier: GPL-2.0-only
/*
 * keyname.c - taking keys apart and putting them together (see keyname.h).
 */
#include "lib/keyname.h"
#include "lib/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum keyname_kind keyname_kind(const char *key)
{
	if (!key || !strcmp(key, "?"))
		return KEYNAME_UNKNOWN;
	if (!strncmp(key, "arg#", 4))
		return KEYNAME_LOCK_PARAM;
	if (!strncmp(key, "arg:", 4))
		return KEYNAME_CALL_PARAM;
	if (!strncmp(key, "local:", 6))
		return KEYNAME_LOCAL;
	if (!strncmp(key, "ret:", 4))
		return KEYNAME_RET;
	if (!strncmp(key, "type:", 5))
		return KEYNAME_TYPE;
	return KEYNAME_PATH;
}

int keyname_lock_param(const char *key)
{
	if (keyname_kind(key) != KEYNAME_LOCK_PARAM)
		return -1;
	char *end;
	long n = strtol(key + 4, &end, 10);
	return end == key + 4 || *end || n < 0 || n > 1000 ? -1 : (int)n;
}

const char *keyname_arg_api(const struct keyname_arg *a, char *buf, size_t size)
{
	const char *colon = memchr(a->func, ':', a->func_len);
	const char *name = colon ? colon + 1 : a->func;
	snprintf(buf, size, "%.*s", (int)(a->func + a->func_len - name), name);
	return buf;
}

bool keyname_parse_arg(const char *key, struct keyname_arg *out)
{
	if (!key || strncmp(key, "arg:", 4))
		return false;
	const char *hash = strrchr(key, '#');
	if (!hash || hash == key + 4 || !hash[1])
		return false;
	char *end;
	long n = strtol(hash + 1, &end, 10);
	if (*end || n < 0 || n > 1000)
		return false;
	out->func = key + 4;
	out->func_len = (size_t)(hash - key - 4);
	out->n = (int)n;
	return true;
}

bool keyname_is_param_of(const char *key, const char *qname, int *n)
{
	struct keyname_arg a;
	if (!keyname_parse_arg(key, &a) || strlen(qname) != a.func_len || memcmp(a.func, qname, a.func_len))
		return false;
	*n = a.n;
	return true;
}

bool keyname_is_global(const char *key)
{
	if (keyname_kind(key) != KEYNAME_PATH || key[0] == '*')
		return false;   /* '*local:f:v', '*foo_ptr': what a pointer points to */
	const char *colon = strrchr(key, ':');
	return !strchr(colon ? colon + 1 : key, '.');
}

bool keyname_is_type(const char *key)
{
	return keyname_kind(key) == KEYNAME_TYPE;
}

const char *const keyname_annot_names[3] = { "must_hold", "acquires", "releases" };

bool keyname_next_annot(const char **cursor, enum keyname_annot *kind, const char **key, size_t *len)
{
	for (const char *p = *cursor; p && *p;) {
		size_t n = strcspn(p, ";");
		const char *colon = memchr(p, ':', n);
		for (int k = 0; colon && k < 3; k++)
			if ((size_t)(colon - p) == strlen(keyname_annot_names[k]) &&
			    !strncmp(p, keyname_annot_names[k], (size_t)(colon - p))) {
				*kind = (enum keyname_annot)k;
				*key = colon + 1;
				*len = n - (size_t)(colon + 1 - p);
				*cursor = p[n] ? p + n + 1 : p + n;
				return true;
			}
		p += n + (p[n] == ';');
	}
	return false;
}

const char *keyname_file(const char *path, char *buf, size_t size)
{
	/* the components, '.' dropped and 'x/..' folded, then the last few joined */
	const char *part[64];
	size_t len[64], n = 0;
	for (const char *p = path; *p;) {
		size_t l = strcspn(p, "/");
		if (l == 2 && !strncmp(p, "..", 2) && n && !(len[n - 1] == 2 && !strncmp(part[n - 1], "..", 2)))
			n--;
		else if (l && !(l == 1 && *p == '.')) {
			if (n == 64) {   /* deeper than any tree: keep the last ones */
				memmove(part, part + 1, sizeof(part[0]) * 63);
				memmove(len, len + 1, sizeof(len[0]) * 63);
				n--;
			}
			part[n] = p, len[n++] = l;
		}
		p += l + (p[l] == '/');
	}
	size_t first = n > KEYNAME_FILE_PARTS ? n - KEYNAME_FILE_PARTS : 0, at = 0;
	buf[0] = 0;
	for (size_t k = first; k < n && at < size; k++)
		at += (size_t)snprintf(buf + at, size - at, "%s%.*s", k > first ? "/" : "", (int)len[k], part[k]);
	return buf;
}

char *keyname_qualify(const char *path, const char *name, bool is_static)
{
	if (!is_static)
		return xstrdup(name);
	char file[4096];
	return xasprintf("%s:%s", keyname_file(path, file, sizeof(file)), name);
}

int keyname_walk_steps(const char *w)
{
	if (!*w)
		return 0;
	int n = strncmp(w, "arg#", 4) != 0;
	for (; *w; w++)
		n += *w == '/';
	return n;
}

int keyname_walk_split(const char *walk, const char **steps)
{
	int p;
	if (!walk || sscanf(walk, "arg#%d", &p) != 1 || p < 0)
		return -1;
	const char *slash = strchr(walk, '/');
	*steps = slash ? slash + 1 : "";
	return p;
}

size_t keyname_guard_ctor_stem(const char *fn)
{
	static const char prefix[] = "class_", suffix[] = "_constructor";
	size_t n = fn ? strlen(fn) : 0, k = sizeof(suffix) - 1;
	if (n <= k + sizeof(prefix) - 1 || strncmp(fn, prefix, sizeof(prefix) - 1) || strcmp(fn + n - k, suffix))
		return 0;
	return n - k;
}
