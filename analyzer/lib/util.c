// SPDX-License-Identifier: GPL-2.0-only
/*
 * util.c - fatal errors, checked allocation, strbuf, strmap, content hashes.
 * Everything here is thread-safe except the static buffer of display_path,
 * which only the (single-threaded) report phase uses.
 */
#include "lib/util.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <limits.h>
#include <xxhash.h>

int lp_progress;
int lp_verbose;

void die(const char *fmt, ...)
{
	va_list ap;
	fputs("lockpath: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	/* A fatal error ends the process where it stands: what the command had
	 * allocated is not freed, and the leak checker of a sanitizer build must
	 * not call that a leak (exit() would run it).  sqlite needs no close: an
	 * open transaction is rolled back by the next opener, as after a crash. */
	fflush(NULL);
	_exit(LP_EXIT_ERROR);
}

void warn(const char *fmt, ...)
{
	va_list ap;
	fputs("lockpath: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void *check_alloc(void *p)
{
	if (!p)
		die("out of memory");
	return p;
}

void *xmalloc(size_t n) { return check_alloc(malloc(n ? n : 1)); }
void *xcalloc(size_t n, size_t size) { return check_alloc(calloc(n ? n : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return check_alloc(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return check_alloc(strdup(s)); }
char *xstrndup(const char *s, size_t n) { return check_alloc(strndup(s, n)); }

char *xasprintf(const char *fmt, ...)
{
	char *s;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		die("out of memory");
	va_end(ap);
	return s;
}

static void sb_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 <= sb->cap)
		return;
	size_t cap = sb->cap ? sb->cap : 64;
	while (cap < sb->len + extra + 1)
		cap *= 2;
	sb->buf = xrealloc(sb->buf, cap);
	sb->cap = cap;
}

void sb_addn(struct strbuf *sb, const char *s, size_t n)
{
	sb_grow(sb, n);
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = 0;
}

void sb_add(struct strbuf *sb, const char *s) { sb_addn(sb, s, strlen(s)); }
void sb_addc(struct strbuf *sb, char c) { sb_addn(sb, &c, 1); }

void sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		die("bad format string");
	sb_grow(sb, (size_t)n);
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vaddf(sb, fmt, ap);
	va_end(ap);
}

void sb_reset(struct strbuf *sb)
{
	sb_truncate(sb, 0);
}

void sb_truncate(struct strbuf *sb, size_t len)
{
	if (len > sb->len)
		return;
	sb->len = len;
	if (sb->buf)
		sb->buf[len] = 0;
}

char *sb_detach(struct strbuf *sb)
{
	char *s = sb->buf ? sb->buf : xstrdup("");
	sb->buf = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void sb_free(struct strbuf *sb)
{
	free(sb->buf);
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

uint64_t str_hash(const char *s)
{
	return XXH3_64bits(s, strlen(s));
}

static struct strmap_entry *strmap_find(const struct strmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct strmap_entry *e = &m->e[i];
		if (!e->key || (e->hash == h && !strcmp(e->key, key)))
			return e;
	}
}

static void strmap_grow(struct strmap *m)
{
	struct strmap old = *m;
	m->cap = old.cap ? old.cap * 2 : 64;
	m->e = xcalloc(m->cap, sizeof(*m->e));
	for (size_t i = 0; i < old.cap; i++)
		if (old.e[i].key)
			*strmap_find(m, old.e[i].key, old.e[i].hash) = old.e[i];
	free(old.e);
}

int64_t *strmap_put(struct strmap *m, const char *key, bool *created)
{
	if ((m->n + 1) * 4 >= m->cap * 3)
		strmap_grow(m);
	uint64_t h = str_hash(key);
	struct strmap_entry *e = strmap_find(m, key, h);
	if (created)
		*created = !e->key;
	if (!e->key) {
		e->key = xstrdup(key);
		e->hash = h;
		e->val = 0;
		m->n++;
	}
	return &e->val;
}

int strmap_id(struct strmap *m, const char *key, bool *created)
{
	bool fresh;
	int64_t *slot = strmap_put(m, key, &fresh);
	if (fresh)
		*slot = (int64_t)m->n - 1;
	if (created)
		*created = fresh;
	return (int)*slot;
}

int64_t *strmap_get(const struct strmap *m, const char *key)
{
	if (!m->cap)
		return NULL;
	struct strmap_entry *e = strmap_find(m, key, str_hash(key));
	return e->key ? &e->val : NULL;
}

void strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	m->e = NULL;
	m->n = m->cap = 0;
}

static void hex128(XXH128_hash_t h, char out[33])
{
	snprintf(out, 33, "%016llx%016llx", (unsigned long long)h.high64, (unsigned long long)h.low64);
}

void hash_hex(const void *data, size_t len, char out[33])
{
	hex128(XXH3_128bits(data, len), out);
}

/* Read in blocks into the stack, not mmap()ed: a re-gate hashes a thousand
 * headers, and each munmap() was a TLB flush on every CPU the process ran
 * on (7% of an unchanged extract).  XXH3's streaming hash is the one-shot
 * hash of the same bytes, so databases made before still match. */
bool hash_file(const char *path, char out[33])
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	XXH3_state_t *h = XXH3_createState();
	bool ok = h && XXH3_128bits_reset(h) == XXH_OK;
	char buf[64 * 1024];
	for (ssize_t n; ok && (n = read(fd, buf, sizeof(buf))) != 0;) {
		if (n < 0 && errno == EINTR)
			continue;
		ok = n > 0 && XXH3_128bits_update(h, buf, (size_t)n) == XXH_OK;
	}
	close(fd);
	if (ok)
		hex128(XXH3_128bits_digest(h), out);
	XXH3_freeState(h);
	return ok;
}

double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double thread_cpu_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

const char *display_path(const char *abs)
{
	static char cwd[PATH_MAX];
	static size_t cwdlen;
	if (!cwdlen && getcwd(cwd, sizeof(cwd)))
		cwdlen = strlen(cwd);
	if (cwdlen > 1 && !strncmp(abs, cwd, cwdlen) && abs[cwdlen] == '/')
		return abs + cwdlen + 1;
	return abs;
}

const char *path_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	_Alignas(16) char data[];
};

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct arena_chunk *c = a->head;
	if (!c || c->used + n > c->cap) {
		size_t cap = n > 65536 ? n : 65536;
		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->cap = cap;
		c->next = a->head;
		a->head = c;
	}
	void *p = c->data + c->used;
	c->used += n;
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	return memcpy(arena_alloc(a, n), s, n);
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(a, (size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return s;
}

void arena_free(struct arena *a)
{
	while (a->head) {
		struct arena_chunk *next = a->head->next;
		free(a->head);
		a->head = next;
	}
}

int int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

size_t lower_bound_i64(const void *base, size_t n, size_t size, size_t offset, int64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t k;
		memcpy(&k, (const char *)base + mid * size + offset, sizeof(k));
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t lower_bound_int(const void *base, size_t n, size_t size, int key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int k;
		memcpy(&k, (const char *)base + mid * size, sizeof(k));
		if (k < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

int guess_eighths(int n)
{
	static const double eighth_bit = 1.0905077326652577;   /* 2^(1/8) */
	int t = 0;
	for (double x = 1.0; x < (double)n - 1e-9; x *= eighth_bit)
		t++;
	return t;
}
