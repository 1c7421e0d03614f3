/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * html_int.h - what the HTML report's files share (html*.c): the data the
 * pages need beyond struct rp_run (read once by html_data.c), the transport
 * matrix's cells (html_matrix.c), and the writing helpers (html_out.c).
 * Everything lives in one arena, freed by hx_free.
 */
#ifndef LP_HTML_INT_H
#define LP_HTML_INT_H

#include <stdio.h>
#include "report/findings.h"
#include "report/report.h"

/* A lock the function of a hop holds (or has released) at its call. */
struct hx_lock {
	const char *key, *cls;      /* key as written, and its class */
	bool held;                  /* false: released since the function's entry */
	bool has_acq;
	struct rp_loc acq;          /* where it was taken */
	const char *acq_func;
	enum lp_irq irq;            /* of the acquisition */
};

struct hx_hop {
	int64_t func_id;
	int tr;                     /* transport of the function's file, -1 */
	struct hx_lock *locks; int nlocks;
};

/* One witness path of a finding with what the matrix needs to place it. */
struct hx_path {
	const struct rp_hop *hops;
	struct hx_hop *x;
	int n;
	int cb;                     /* hop that is a driver callback, -1 */
	int tr_before;              /* last transport before the callback, -1 */
	int tr_after;               /* transport of the code after it: -1 none, -2 several */
};

struct hx_finding {
	const struct rp_finding *f;
	int src;                    /* the database it came from: index into hx_data.srcs */
	int num;                    /* page number, 1-based, in the run's order */
	struct hx_path *path; int npaths;       /* as f->paths */
	const char *lock_cls, *held_cls;
	struct hx_lock *held; int nheld;        /* held at the offending site (path 0) */
	const char **alias_func;                /* per alias: the function that assigns */
	const char *held_func_file;
};

struct hx_reach {
	int tr, src;                /* transport index; database index */
	const char *ctx, *cb_key, *entry, *via, *path;
	int64_t cb_func;
	const char *cb;
	struct rp_loc cb_loc;
	bool has_store;
	struct rp_loc store;
};

enum hx_status { HX_NONE, HX_SAFE, HX_OTHER, HX_SLEEPS, HX_DEADLOCK };

struct hx_cellref { int num; bool transferred; };
struct hx_cell {
	enum hx_status status;
	const struct hx_reach *reach[CTX_COUNT];   /* per enum lp_context, NULL if not reached so */
	struct hx_cellref *refs; int nrefs;     /* findings on this cell */
	int *dismissed; int ndismissed;         /* cross-transport findings */
	unsigned long long srcs;                /* the databases that reach it (bit per hx_data.srcs) */
	const char *why;                        /* a combined report's safe cell: why (hx_matrix_why) */
};
struct hx_row {
	const char *key;                        /* callback@dir/file.c (its file's last two components): one row across databases */
	const char *cb, *cb_key, *driver;
	struct rp_loc cb_loc;
	struct hx_cell *cells;                  /* one per transport */
};

/* A source file, read when first shown; its page is src/<index>.html. */
struct hx_src {
	const char *path;
	char *text;                 /* NULL: not read yet, or missing */
	bool tried;
	int *line;                  /* offsets of line starts, 1-based; line[nlines + 1] = end */
	int nlines;
};

/* One database of the report.  A combined report (lockpath report --db A
 * --db B) has several: their findings one after the other in the run, the
 * transports and callbacks of their matrices merged by name. */
#define HX_MAX_SOURCES 64
struct hx_source {
	struct lp_db *db;
	const struct rp_run *run;   /* its own findings, in the combined run from FIRST on */
	int first;
	const char *label;          /* how the report names it: the file's name */
	const char *path;           /* as given */
	const char *arch;           /* the architecture its TUs were compiled for, or NULL */
};

/* A transport's config read as one database has it (hx_matrix_why). */
struct hx_cfgread {
	const char *get;            /* the function it stores into virtio_config_ops.get, or NULL */
	const char *lock, *lock_func;   /* a lock that function or its direct callees take, or NULL */
};

struct hx_data {
	struct arena arena;
	const struct rp_run *run;
	const struct hx_source *srcs; int nsrc;  /* one, or a combined report's databases */
	unsigned long long *tr_srcs;            /* per transport: the databases that have it */
	struct hx_cfgread *cfgread;             /* [src * ntr + tr], combined reports only */
	const struct lp_rules *rules;           /* the deferral APIs, for hx_matrix_why */
	struct hx_finding *f; int n;
	const char **transports; int ntr;
	struct strmap trfiles;                  /* path -> its transport's index (table transport_file) */
	struct hx_reach *reach; int nreach;
	struct hx_row *rows; int nrows;
	const char *tree;                       /* common directory of the TUs */
	const char *extracted_at;
	bool partial, has_matrix;
	struct strmap srcmap;                   /* path -> index in src, + 1 */
	VEC(struct hx_src) src;                 /* source files the pages show */
};

/* html_data.c */
void hx_load(struct hx_data *d, struct lp_db *db, const struct rp_run *run);
/* A combined report: the N databases SRCS, whose findings RUN holds one
 * after the other (report/combined.c); R gives the deferral APIs.  With one
 * source it is hx_load. */
void hx_load_sources(struct hx_data *d, const struct hx_source *srcs, int n, const struct rp_run *run,
		     const struct lp_rules *r);
void hx_free(struct hx_data *d);
/* Path shown to the reader: relative to the tree. */
const char *hx_rel(const struct hx_data *d, const char *path);

/* html_matrix.c */
void hx_matrix_build(struct hx_data *d);
void hx_matrix_write(FILE *out, const struct hx_data *d);
/* The columns of a combined report: "pci (s390.db: s390; x86.db: x86)". */
const char *hx_transport_origin(struct hx_data *d, int t);
const char *hx_status_name(enum hx_status s);
/* What finding F makes of a cell: by its rule's offence (checks.h). */
enum hx_status hx_rule_status(const struct rp_finding *f);

/* html_out.c: escaping, pages, links */
void hx_esc(FILE *out, const char *s);
void hx_escf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Begin / end a page from the template; ROOT is '' or '../'. */
/* A file of the report being written: to a temporary file next to PATH
 * (O_EXCL, O_NOFOLLOW), renamed over PATH by hx_close, so PATH is never
 * half-written and a symlink planted at PATH is replaced, never followed.
 * hx_open returns the stream, or NULL with errno set; hx_close returns 0,
 * or -1 with errno set (the temporary file removed). */
struct hx_file { FILE *f; char *tmp, *path; };
FILE *hx_open(struct hx_file *pg, const char *path);
int hx_close(struct hx_file *pg);
void hx_page_begin(FILE *out, const char *title, const char *root, const char *kind);
void hx_page_end(FILE *out, const char *root);
/* Link to LOC in the source pages, shown as file:line. */
void hx_loc_link(FILE *out, struct hx_data *d, const struct rp_loc *loc, const char *root);
void hx_code(FILE *out, const char *s);       /* <code>s</code> */
int hx_write_assets(const char *dir);

/* html_source.c */
int hx_src_page(struct hx_data *d, const char *path);     /* number of the page, registering it */
void hx_snippet(FILE *out, struct hx_data *d, const struct rp_loc *loc, int before, int after, const char *root);
int hx_write_sources(const char *dir, struct hx_data *d);
void hx_src_free(struct hx_data *d);

/* html_svg.c */
void hx_svg_path(FILE *out, const struct hx_finding *hf, const struct hx_path *p);

/* html_finding.c, html_index.c */
int hx_write_finding(const char *dir, struct hx_data *d, const struct hx_finding *hf);
int hx_write_index(const char *dir, struct hx_data *d);

#endif
