/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * keyname.h - the grammar of the keys extract writes and link and check read
 * (the naming scheme itself is described in extract/keys.h).  This module
 * only takes keys apart and puts them together; it knows nothing of clang or
 * sqlite, so every phase can use it and tests can call it directly.
 *
 *   'arg:F#N'     parameter N of function F (F is 'FILE:name' when static,
 *                 or a call key such as 'virtio_config_ops.find_vqs')
 *   'type:T'      the address-taken functions of function type T
 *   'FILE:name'   a static function or object of FILE, the last three
 *                 components of its path ('s390/cio/css.c', keyname_file())
 *   'arg#N'       the lock the function's own parameter N points to (each
 *                 caller binds it)
 *   'local:F:V'   the lock local variable V of function F points to
 *   'ret:F'       the lock function F returns
 *   '?'           a lock lockpath could not name
 * Any other key is a type path or a global ('subchannel.lock',
 * '*ccw_device.ccwlock', 'file.c:foo_lock').
 */
#ifndef LP_KEYNAME_H
#define LP_KEYNAME_H

#include <stdbool.h>
#include <stddef.h>

/* What a key names, by its form (above). */
enum keyname_kind {
	KEYNAME_PATH,          /* a type path or a global */
	KEYNAME_LOCK_PARAM,    /* 'arg#N' */
	KEYNAME_CALL_PARAM,    /* 'arg:F#N' */
	KEYNAME_LOCAL,         /* 'local:F:V' */
	KEYNAME_RET,           /* 'ret:F' */
	KEYNAME_TYPE,          /* 'type:T' */
	KEYNAME_UNKNOWN,       /* '?', or no key (NULL) */
};
enum keyname_kind keyname_kind(const char *key);
/* N of a lock-parameter key 'arg#N', or -1 for any other key (NULL too). */
int keyname_lock_param(const char *key);

/* A parsed 'arg:F#N' key: F is not NUL-terminated inside the key. */
struct keyname_arg { const char *func; size_t func_len; int n; };

/* Parse KEY as 'arg:F#N'; false (OUT untouched) for any other key. */
bool keyname_parse_arg(const char *key, struct keyname_arg *out);
/* The name the rules give A's function, into BUF[SIZE]: 'request_irq' for
 * 'arg:request_irq#1' and for a static API's 'arg:file.c:request_irq#1'. */
const char *keyname_arg_api(const struct keyname_arg *a, char *buf, size_t size);
/* Is KEY parameter N of the function whose qualified name is QNAME? */
bool keyname_is_param_of(const char *key, const char *qname, int *n);
/* 'type:...' keys: link's by-type candidates. */
bool keyname_is_type(const char *key);
/* A global's key ('name', 'file.c:name'): a path with no member in it, not
 * a parameter, local, return or type, nor what a pointer points to ('*p');
 * false for NULL. */
bool keyname_is_global(const char *key);
/* How many trailing components of a file's path name it in keys. */
#define KEYNAME_FILE_PARTS 3
/* The name keys give the file PATH, into BUF[SIZE]: its last
 * KEYNAME_FILE_PARTS components once '.' and 'x/..' are gone
 * ('drivers/tty/vt/keyboard.c' -> 'tty/vt/keyboard.c').  Three, not one:
 * two files called keyboard.c (drivers/tty/vt, drivers/s390/char) each
 * have a static k_handler[], and by base name the two arrays were one key
 * (docs/rules-format.md, "Keys").  No root: a header's keys must be the same
 * in every TU and every shard, whatever directory compiles it. */
const char *keyname_file(const char *path, char *buf, size_t size);
/* The qualified name keys use for a function or object: 'name', or
 * 'FILE:name' (FILE as keyname_file() names PATH, its file) when it has
 * internal linkage.  Malloc'd. */
char *keyname_qualify(const char *path, const char *name, bool is_static);

/*
 * A function's lock annotations (sparse's __must_hold, __acquires,
 * __releases; extract/annot.c formats them, check and extract's summaries
 * read them): entries 'KIND:KEY' joined by ';' in func.annot, among other
 * entries ('writes:', lib/guardkey.h) that these functions skip.
 */
enum keyname_annot { KEYNAME_MUST_HOLD, KEYNAME_ACQUIRES, KEYNAME_RELEASES };
/* The entry names, by enum keyname_annot: "must_hold", "acquires", "releases". */
extern const char *const keyname_annot_names[3];
/* The next lock annotation at *CURSOR (start it at the annotations, which
 * may be NULL): its kind, and its key (KEY, LEN bytes up to the ';' or the
 * end); false when there is none left. */
bool keyname_next_annot(const char **cursor, enum keyname_annot *kind, const char **key, size_t *len);

/* A pointer named by its walk from a parameter (extract/links.c writes it,
 * check/links.c joins and reads it): 'arg#N', then at most
 * KEYNAME_WALK_STEPS steps '/K:rec.member', K 'E' the address of an
 * embedded member, 'L' a pointer member, 'U' container_of() of one. */
#define KEYNAME_WALK_STEPS 8
/* The steps in W: a walk, or its steps alone ('E:a.b/L:b.c'; '' and a bare
 * 'arg#N' have none). */
int keyname_walk_steps(const char *w);
/* 'arg#1/E:x.y/L:y.z' -> 1 and *STEPS 'E:x.y/L:y.z' (a bare 'arg#1': "");
 * -1 if it names no parameter. */
int keyname_walk_split(const char *walk, const char **steps);

/* cleanup.h's guard classes: 'class_mutex_constructor' is the constructor
 * of class 'mutex' (a guard's variable initialiser calls it; the compiler
 * calls 'class_mutex_destructor' where the scope ends, a call libclang does
 * not show).  The length of FN's 'class_mutex' stem if FN is such a
 * constructor, else 0. */
size_t keyname_guard_ctor_stem(const char *fn);

#endif
