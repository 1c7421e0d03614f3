// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_diff.c - unit test of the unified-diff reader (analyzer/gate/diff.c)
 * and of how the gate matches the diff's names to the database's files
 * (gate_name_match).  Each input in DIR (tests/unit/diff/, NAME.diff)
 * carries its expectations in its first lines, which the reader skips as
 * text before the patch:
 *   # expect: LINE          one line of diff_dump's output; the dump must be
 *                           exactly these lines, in order
 *   # expect-error: L: MSG  the input is refused with "FILE:L: MSG", exactly
 *
 * usage: test_diff DIR      exit 0 if all pass, 1 otherwise
 */
#include "gate/diff.h"
#include "gate/gate.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void result(bool ok, const char *what, const char *detail)
{
	if (ok) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "FAIL: %s\n%s", what, detail ? detail : "");
}

static char *slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	if (!fp)
		return NULL;
	struct strbuf sb = {0};
	char buf[4096];
	size_t n;
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sb_addn(&sb, buf, n);
	fclose(fp);
	*len = sb.len;
	return sb.buf ? sb_detach(&sb) : xstrdup("");
}

/* The '# expect: ' lines of DATA, one a line, into WANT; the error expected into *want_err. */
static void expectations(const char *data, struct strbuf *want, char **want_err)
{
	for (const char *p = data; *p;) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		if (n >= 10 && !strncmp(p, "# expect: ", 10)) {
			sb_addn(want, p + 10, n - 10);
			sb_addc(want, '\n');
		} else if (n >= 16 && !strncmp(p, "# expect-error: ", 16)) {
			*want_err = xstrndup(p + 16, n - 16);
		}
		p = nl ? nl + 1 : p + n;
	}
}

static void check_input(const char *dir, const char *name)
{
	char *path = xasprintf("%s/%s", dir, name);
	size_t len;
	char *data = slurp(path, &len);
	if (!data) {
		result(false, path, "  cannot read it\n");
		free(path);
		return;
	}
	struct strbuf want = {0}, err = {0};
	char *want_err = NULL;
	expectations(data, &want, &want_err);
	if (!want.len && !want_err)
		result(false, path, "  no '# expect:' or '# expect-error:' line\n");
	struct diff d = {0};
	int rc = diff_parse_buffer(&d, path, data, len, &err);
	if (want_err) {
		const char *got = sb_str(&err);
		size_t pl = strlen(path);
		bool ok = rc && !strncmp(got, path, pl) && got[pl] == ':' && !strcmp(got + pl + 1, want_err);
		char *detail = xasprintf("  want: %s:%s\n  got:  %s\n", path, want_err, rc ? got : "(accepted)");
		result(ok, path, detail);
		free(detail);
	} else {
		char *dump = NULL;
		size_t dn = 0;
		FILE *mem = open_memstream(&dump, &dn);
		diff_dump(mem, &d);
		fclose(mem);
		bool ok = !rc && !strcmp(dump, sb_str(&want));
		char *detail = rc ? xasprintf("  refused: %s\n", sb_str(&err))
				  : xasprintf("  want:\n%s  got:\n%s", sb_str(&want), dump);
		result(ok, path, detail);
		free(detail);
		free(dump);
	}
	diff_free(&d);
	free(want_err);
	sb_free(&want);
	sb_free(&err);
	free(data);
	free(path);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void check_dir(const char *dir)
{
	DIR *dp = opendir(dir);
	if (!dp) {
		result(false, dir, "  cannot open the directory\n");
		return;
	}
	VEC(char *) names = {0};
	for (struct dirent *e; (e = readdir(dp));) {
		size_t n = strlen(e->d_name);
		if (n > 5 && !strcmp(e->d_name + n - 5, ".diff"))
			vec_push(&names, xstrdup(e->d_name));
	}
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), by_name);
	result(names.n >= 10, "at least ten inputs in the directory", "  found fewer\n");
	for (size_t i = 0; i < names.n; i++) {
		check_input(dir, names.v[i]);
		free(names.v[i]);
	}
	vec_free(&names);
}

/* The hunks' new-side text and the function named in a hunk's context. */
static void check_text_and_context(void)
{
	static const char patch[] =
		"--- a/f.c\n+++ b/f.c\n"
		"@@ -1,3 +1,3 @@ static void virtballoon_changed(struct v\n"
		" one\n-two\n+TWO\r\n three\n"
		"@@ -9 +9 @@ struct virtio_driver virtio_balloon_driver = {\n"
		"-x\n+y\n";
	struct diff d = {0};
	struct strbuf err = {0};
	int rc = diff_parse_buffer(&d, "inline", patch, sizeof(patch) - 1, &err);
	result(!rc && d.files.n == 1 && d.files.v[0].hunks.n == 2, "inline patch: one file, two hunks", sb_str(&err));
	if (rc || d.files.n != 1 || d.files.v[0].hunks.n != 2)
		goto out;
	const struct diff_hunk *h = &d.files.v[0].hunks.v[0];
	bool text = h->new_text.n == 3 && !strcmp(h->new_text.v[0].s, "one") && !strcmp(h->new_text.v[1].s, "TWO") &&
		    !strcmp(h->new_text.v[2].s, "three");
	result(text, "inline patch: the new side is ' one', '+TWO' (CR dropped), ' three'", NULL);
	char fn[64];
	result(diff_context_func(h, fn, sizeof(fn)) && !strcmp(fn, "virtballoon_changed"),
	       "diff_context_func finds virtballoon_changed", NULL);
	result(!diff_context_func(&d.files.v[0].hunks.v[1], fn, sizeof(fn)),
	       "diff_context_func finds no function in an initialiser's context", NULL);
	result(!diff_context_func(h, fn, 5), "diff_context_func refuses a name longer than its buffer", NULL);
out:
	diff_free(&d);
	sb_free(&err);
}

struct name_row { const char *file, *name, *root; int want; };

static const struct name_row name_rows[] = {
	{ "/t/corpus/drivers/virtio/virtio_balloon.c", "drivers/virtio/virtio_balloon.c", NULL, 3 },
	{ "/t/corpus/drivers/virtio/virtio_balloon.c", "corpus/drivers/virtio/virtio_balloon.c", NULL, 4 },
	/* 'patch -p1': a leading directory that is not in the file's name */
	{ "/t/corpus/drivers/virtio/virtio_balloon.c", "new/drivers/virtio/virtio_balloon.c", NULL, 3 },
	{ "/t/corpus/drivers/virtio/virtio_balloon.c", "virtio_balloon.c", NULL, 1 },
	/* the last two components at least: a file of the same name elsewhere is another file */
	{ "/t/corpus/drivers/s390/cio/device.c", "drivers/base/device.c", NULL, 0 },
	{ "/t/corpus/drivers/virtio/virtio_balloon.c", "drivers/virtio/balloon.c", NULL, 0 },
	{ "/t/corpus/drivers/virtio/xvirtio.c", "drivers/virtio/virtio.c", NULL, 0 },
	{ "/t/corpus/drivers/virtio/virtio.c", "drivers/virtio/virtio.c", "/t/corpus", INT_MAX },
	{ "/t/other/drivers/virtio/virtio.c", "drivers/virtio/virtio.c", "/t/corpus", 3 },
	{ "/t/corpusx/virtio.c", "virtio.c", "/t/corpus", 1 },
};

static void check_names(void)
{
	for (size_t i = 0; i < sizeof(name_rows) / sizeof(name_rows[0]); i++) {
		const struct name_row *r = &name_rows[i];
		int got = gate_name_match(r->file, r->name, r->root);
		char *what = xasprintf("gate_name_match(%s, %s, %s) = %d, want %d", r->file, r->name,
				       r->root ? r->root : "NULL", got, r->want);
		result(got == r->want, what, NULL);
		free(what);
	}
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: test_diff DIR\n");
		return 2;
	}
	check_dir(argv[1]);
	check_text_and_context();
	check_names();
	printf("test_diff: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
