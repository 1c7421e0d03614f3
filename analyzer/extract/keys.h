/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * keys.h - naming things across translation units.  A lock is named by its
 * type path, like lockdep's classes: 'subchannel.lock' (a lock embedded in a
 * struct), '*ccw_device.ccwlock' (the lock a pointer field points to), a
 * global 'foo_lock' ('dir/dir/file.c:foo_lock' when static: the file's last
 * three path components, lib/keyname.h), 'ret:f' (what f
 * returns), 'arg#N' (the function's own parameter N, bound by the caller).
 * A call target is named the same way: 'virtio_config_ops.get',
 * 'device_fsm.c:dev_jumptable', 'arg:find_vqs#3'.
 */
#ifndef LP_KEYS_H
#define LP_KEYS_H

#include <clang-c/Index.h>
#include "lib/util.h"
#include "rules/rules.h"

struct key_env {
	const struct lp_rules *rules;
	struct arena *arena;
	CXCursor func;            /* the function being walked (null cursor at file scope) */
	const char *func_qname;   /* its qualified name */
	/* Local variables that hold a lock pointer or a function pointer:
	 * resolved through their last assignment (see walk.c). */
	const char *(*local_key)(void *ctx, CXCursor var);
	void *ctx;
};

/* FILE's real path (symlinks resolved, as the file table records it), else
 * its name as clang has it, else ""; *KEEP owns the text (dispose it). */
const char *key_real_file_name(CXFile file, CXString *keep);
/* Skip parens, implicit and explicit casts. */
CXCursor key_strip(CXCursor c);
/* key_strip(), and '!'s too, each flipping *NEGATED (which may be NULL):
 * '!(p)' is p with *NEGATED set. */
CXCursor key_strip_not(CXCursor c, bool *negated);
/* The test of condition C: key_strip_not(), and likely()/unlikely() too
 * ('__builtin_expect(!!(err), 0)' tests err). */
CXCursor key_strip_test(CXCursor c, bool *negated);
/* The value of a statement expression C ('({ int w = !!(x); ..; w; })',
 * what WARN_ON() is): its last statement when that is an expression, else
 * (or when C is none) a null cursor. */
CXCursor key_stmt_expr_value(CXCursor c);
/* The operand of an address '&x' (EXPR after key_strip()), unstripped,
 * or a null cursor when EXPR is no address: the one test of it that
 * keys, lock paths, casts and the walk share. */
CXCursor key_addr_operand(CXCursor expr);
/* Children of C (at most MAX) into OUT; returns the count. */
unsigned key_children(CXCursor c, CXCursor *out, unsigned max);
/* Whether LOC is in FILE once macros are expanded (a definition a macro
 * writes belongs to the file it is expanded in); false for a null FILE. */
bool key_loc_in_file(CXSourceLocation loc, CXFile file);
/* LOC's offset in its file once macros are expanded: where guards, labels
 * and gotos of one function are compared. */
unsigned key_offset(CXSourceLocation loc);

/* The member an initialiser element DESIG ('.lock = l', libclang's
 * unexposed designator) sets, with its value in *VALUE; a null cursor when
 * it names none ('[3] = f' sets an element). */
CXCursor key_designated_field(CXCursor desig, CXCursor *value);

/* The index of FUNC's parameter that expression E names ('err', '(int)err'), or -1. */
int key_param_of(CXCursor func, CXCursor e);
/* The index of parameter declaration PARM in FUNC, or -1. */
int key_param_index(CXCursor func, CXCursor parm);

/* 'name' or 'file.c:name' for internal linkage. */
const char *key_qualified_name(struct arena *a, CXCursor decl);
/* The named record that declares FIELD ('virtio_config_ops'). */
const char *key_record_name(struct arena *a, CXCursor field);
/* The member NAME of record type T (a named member only), or a null cursor. */
CXCursor key_field_named(CXType t, const char *name);

/* The lock pointed to by an expression of pointer-to-lock type, or NULL. */
const char *key_lock_ptr(const struct key_env *e, CXCursor expr);
/* The lock that an lvalue of lock type is, or NULL. */
const char *key_lock_obj(const struct key_env *e, CXCursor expr);
/* The object a pointer-to-struct expression points to ('&cd->queue_waitq':
 * 'genwqe_dev.queue_waitq'; '&foo_nb': 'file.c:foo_nb'; a parameter:
 * 'arg#N'), named like a lock; NULL when it has no stable name. */
const char *key_object_ptr(const struct key_env *e, CXCursor expr);
/* The object variable VAR (a VarDecl) is, named as 'var.member' names its
 * base ('local:f:v', 'file.c:v'). */
const char *key_var_object(const struct key_env *e, CXCursor var);
/* The object whose member a member expression ('nb->notifier_call',
 * 'eq->irq_nb.notifier_call') selects, or NULL. */
const char *key_member_base(const struct key_env *e, CXCursor member);
/* Whether E (casts and parentheses aside) names variable VAR itself. */
bool key_names_var(CXCursor e, CXCursor var);
/* The initialiser list of a compound literal ('(struct T){ .f = fn }',
 * what smp.h's CSD_INIT() is), or a null cursor. */
CXCursor key_compound_literal_list(CXCursor expr);
/* BASE, a local pointer of the function ('csd' of 'csd->func = func'),
 * only ever holds the address of a whole variable of its pointee type, a
 * local or a global ('csd = &csd_stack; if (!wait) csd =
 * this_cpu_ptr(&csd_data);' in smp_call_function_single()): those
 * variables, named as objects, into OUT (at most MAX), and how many.  0
 * when it may hold anything else: a parameter, a member's or an element's
 * address, what a call returns, or it is written otherwise ('p++', '&p'). */
int key_whole_var_pointees(const struct key_env *e, CXCursor base, const char **out, int max);
/* The key of a function-pointer-valued expression (callee or store target), or NULL. */
const char *key_fnptr(const struct key_env *e, CXCursor expr);
/* The function an expression names directly (f, &f, (cast)f), or a null cursor. */
CXCursor key_function_ref(CXCursor expr);

/* Type tests on an expression's type. */
bool key_is_fnptr_type(CXType t);
/* A pointer to, or an array of, function pointers (any depth up to 3):
 * 'vq_callback_t *callbacks[]', 'vq_callback_t **callbacks'. */
bool key_holds_fnptr_type(CXType t);
/* 'type:RET (ARGS)', the canonical spelling of a function or function
 * pointer type, the key of the address-taken functions of that type; NULL
 * for any other type. */
const char *key_fn_type(struct arena *a, CXType t);
bool key_is_lockptr_type(const struct lp_rules *r, CXType t);
bool key_is_lock_type(const struct lp_rules *r, CXType t);

/* Spelling of a cursor's extent in the source (tokens joined), arena-owned. */
const char *key_source_text(struct arena *a, CXCursor c);

#endif
