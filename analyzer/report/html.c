// SPDX-License-Identifier: GPL-2.0-only
/*
 * html.c - 'lockpath report --html DIR' (see html.h): makes the directory,
 * clears the pages of an earlier report there, and writes the pages in
 * order: index, one per finding, then the source files they linked to.
 * The pages themselves are in html_index.c, html_finding.c, html_source.c;
 * this file only sequences them.
 */
#include "report/html.h"
#include "report/html_int.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int make_dir(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; ; s++) {
		bool end = *s == 0;
		if (*s == '/' || end) {
			*s = 0;
			if (mkdir(p, 0777) && errno != EEXIST)
				rc = -1;
			if (end)
				break;
			*s = '/';
		}
	}
	free(p);
	return rc;
}

/* Remove DIR/SUB/<n>.html pages a previous, larger report left behind. */
static void clear_pages(const char *dir, const char *sub)
{
	char *path = xasprintf("%s/%s", dir, sub);
	DIR *dh = opendir(path);
	if (dh) {
		for (struct dirent *e; (e = readdir(dh));) {
			size_t n = strlen(e->d_name);
			if (n > 5 && !strcmp(e->d_name + n - 5, ".html") && strspn(e->d_name, "0123456789") == n - 5) {
				char *file = xasprintf("%s/%s", path, e->d_name);
				unlink(file);
				free(file);
			}
		}
		closedir(dh);
	}
	free(path);
}

/* DIR/SUB made if missing; -1 (ELOOP) when it is a symlink, which the
 * report would follow out of DIR, or (ENOTDIR) anything but a directory. */
static int make_subdir(const char *dir, const char *sub)
{
	char *path = xasprintf("%s/%s", dir, sub);
	struct stat st;
	int rc = 0;
	if (lstat(path, &st) == 0) {
		if (S_ISLNK(st.st_mode))
			rc = -1, errno = ELOOP;
		else if (!S_ISDIR(st.st_mode))
			rc = -1, errno = ENOTDIR;
	} else if (mkdir(path, 0777) && errno != EEXIST) {
		rc = -1;
	}
	free(path);
	return rc;
}

static int write_all(const char *dir, struct hx_data *d)
{
	int rc = make_dir(dir) || make_subdir(dir, "findings") || make_subdir(dir, "src") ? -1 : 0;
	if (rc)
		return -1;
	clear_pages(dir, "findings");
	clear_pages(dir, "src");
	if (hx_write_assets(dir) || hx_write_index(dir, d))
		return -1;
	for (int i = 0; i < d->n; i++)
		if (hx_write_finding(dir, d, &d->f[i]))
			return -1;
	return hx_write_sources(dir, d);
}

static int write_report(const char *dir, struct hx_data *d)
{
	errno = 0;
	int rc = write_all(dir, d);
	int saved = errno;
	hx_free(d);
	errno = saved ? saved : EIO;
	return rc;
}

int report_html_sources(const char *dir, const struct hx_source *srcs, int n, const struct rp_run *run,
			const struct lp_rules *r)
{
	struct hx_data d;
	hx_load_sources(&d, srcs, n, run, r);
	return write_report(dir, &d);
}

int report_html(const char *dir, struct lp_db *db, const struct rp_run *run)
{
	struct hx_data d;
	hx_load(&d, db, run);
	errno = 0;
	int rc = write_all(dir, &d);
	int saved = errno;
	hx_free(&d);
	errno = saved ? saved : EIO;
	return rc;
}
