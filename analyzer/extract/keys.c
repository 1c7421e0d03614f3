// SPDX-License-Identifier: GPL-2.0-only
/*
 * keys.c - names for locks and call targets, computed from expressions
 * (see keys.h for the naming scheme).  Purely syntactic over libclang
 * cursors: it never follows data flow except through the walker's local
 * variable callback, and returns NULL rather than guess.
 */
#include "extract/keys.h"
#include "lib/keyname.h"

#include <string.h>

struct kid_buf { CXCursor *out; unsigned n, max; };

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent, CXClientData d)
{
	struct kid_buf *k = d;
	if (k->n < k->max)
		k->out[k->n] = c;
	k->n++;
	return k->n < k->max ? CXChildVisit_Continue : CXChildVisit_Break;
}

unsigned key_children(CXCursor c, CXCursor *out, unsigned max)
{
	struct kid_buf k = { out, 0, max };
	clang_visitChildren(c, collect_kid, &k);
	return k.n < max ? k.n : max;
}

CXCursor key_addr_operand(CXCursor expr)
{
	CXCursor c = key_strip(expr), k[1];
	if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_AddrOf || key_children(c, k, 1) != 1)
		return clang_getNullCursor();
	return k[0];
}

static enum CXChildVisitResult last_child(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	*(CXCursor *)d = c;
	return CXChildVisit_Continue;
}

CXCursor key_stmt_expr_value(CXCursor c)
{
	CXCursor body[1], last = clang_getNullCursor();
	if (clang_getCursorKind(c) != CXCursor_StmtExpr || key_children(c, body, 1) != 1 ||
	    clang_getCursorKind(body[0]) != CXCursor_CompoundStmt)
		return last;
	clang_visitChildren(body[0], last_child, &last);
	return clang_isExpression(clang_getCursorKind(last)) ? last : clang_getNullCursor();
}

CXCursor key_strip_not(CXCursor c, bool *negated)
{
	CXCursor k[1];
	c = key_strip(c);
	while (clang_getCursorKind(c) == CXCursor_UnaryOperator &&
	       clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_LNot && key_children(c, k, 1) == 1) {
		if (negated)
			*negated = !*negated;
		c = key_strip(k[0]);
	}
	return c;
}

/* Whether C is '__builtin_expect(x, c)', what likely() and unlikely() are. */
static bool is_expect(CXCursor c)
{
	if (clang_getCursorKind(c) != CXCursor_CallExpr || clang_Cursor_getNumArguments(c) != 2)
		return false;
	CXString s = clang_getCursorSpelling(c);
	const char *name = clang_getCString(s);   /* (NULL or "" for a call through a pointer) */
	bool expect = name && !strcmp(name, "__builtin_expect");
	clang_disposeString(s);
	return expect;
}

CXCursor key_strip_test(CXCursor c, bool *negated)
{
	c = key_strip_not(c, negated);
	while (is_expect(c))
		c = key_strip_not(clang_Cursor_getArgument(c, 0), negated);
	return c;
}

CXCursor key_strip(CXCursor c)
{
	for (;;) {
		enum CXCursorKind k = clang_getCursorKind(c);
		CXCursor kids[3];
		unsigned n;
		if (k == CXCursor_ParenExpr || k == CXCursor_UnexposedExpr) {
			n = key_children(c, kids, 2);
			if (n != 1)
				return c;
			c = kids[0];
		} else if (k == CXCursor_CStyleCastExpr) {
			n = key_children(c, kids, 3);
			if (!n)
				return c;
			c = kids[n - 1];
		} else if (k == CXCursor_BinaryOperator &&
			   clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Comma) {
			/* '((void)(subclass), (lock))': spin_lock_nested() without lockdep */
			n = key_children(c, kids, 3);
			if (n != 2)
				return c;
			c = kids[1];
		} else {
			return c;
		}
	}
}

static const char *cx_dup(struct arena *a, CXString s)
{
	const char *c = clang_getCString(s);
	char *r = arena_strdup(a, c ? c : "");
	clang_disposeString(s);
	return r;
}

const char *key_real_file_name(CXFile file, CXString *keep)
{
	*keep = clang_File_tryGetRealPathName(file);
	const char *p = clang_getCString(*keep);
	if (!p || !*p) {
		clang_disposeString(*keep);
		*keep = clang_getFileName(file);
		p = clang_getCString(*keep);
	}
	return p ? p : "";
}

/* DECL's file as keys name it (lib/keyname.h: its last path components),
 * from its real path, as the file table has it: link and check qualify a
 * static function by that table's path, and the two must agree. */
static const char *decl_file_name(CXCursor decl, char *buf, size_t len)
{
	CXFile file;
	CXString s;
	clang_getExpansionLocation(clang_getCursorLocation(decl), &file, NULL, NULL, NULL);
	const char *p = key_real_file_name(file, &s);
	if (*p)
		keyname_file(p, buf, len);
	else
		snprintf(buf, len, "?");
	clang_disposeString(s);
	return buf;
}

const char *key_qualified_name(struct arena *a, CXCursor decl)
{
	CXString s = clang_getCursorSpelling(decl);
	const char *name = clang_getCString(s);
	const char *r;
	if (clang_getCursorLinkage(decl) == CXLinkage_Internal) {
		char file[4096];
		r = arena_printf(a, "%s:%s", decl_file_name(decl, file, sizeof(file)), name);
	} else {
		r = arena_strdup(a, name);
	}
	clang_disposeString(s);
	return r;
}

static bool is_record(CXCursor c)
{
	enum CXCursorKind k = clang_getCursorKind(c);
	return k == CXCursor_StructDecl || k == CXCursor_UnionDecl;
}

static bool unnamed(const char *s)
{
	return !*s || strstr(s, "(unnamed") || strstr(s, "(anonymous");
}

struct field_find { const char *name; CXCursor found; };

static enum CXVisitorResult find_field(CXCursor c, CXClientData d)
{
	struct field_find *ff = d;
	CXString s = clang_getCursorSpelling(c);
	bool hit = !strcmp(clang_getCString(s), ff->name);
	clang_disposeString(s);
	if (hit)
		ff->found = c;
	return hit ? CXVisit_Break : CXVisit_Continue;
}

CXCursor key_field_named(CXType t, const char *name)
{
	struct field_find ff = { name, clang_getNullCursor() };
	clang_Type_visitFields(clang_getCanonicalType(t), find_field, &ff);
	return ff.found;
}

const char *key_record_name(struct arena *a, CXCursor field)
{
	CXCursor rec = clang_getCursorSemanticParent(field);
	while (is_record(rec)) {
		CXString s = clang_getCursorSpelling(rec);
		const char *name = clang_getCString(s);
		if (!unnamed(name)) {
			const char *r = arena_strdup(a, name);
			clang_disposeString(s);
			return r;
		}
		clang_disposeString(s);
		/* typedef struct { ... } foo_t: the typedef names it */
		CXString ts = clang_getTypeSpelling(clang_getCursorType(rec));
		const char *tname = clang_getCString(ts);
		if (!unnamed(tname) && !strchr(tname, ' ')) {
			const char *r = arena_strdup(a, tname);
			clang_disposeString(ts);
			return r;
		}
		clang_disposeString(ts);
		CXCursor up = clang_getCursorSemanticParent(rec);
		if (!is_record(up)) {
			unsigned line;
			char file[4096];
			clang_getExpansionLocation(clang_getCursorLocation(rec), NULL, &line, NULL, NULL);
			return arena_printf(a, "anon@%s:%u", decl_file_name(rec, file, sizeof(file)), line);
		}
		rec = up;
	}
	return "?";
}

static const char *field_key(struct arena *a, CXCursor field, const char *prefix, const char *suffix)
{
	const char *rec = key_record_name(a, field);
	const char *name = cx_dup(a, clang_getCursorSpelling(field));
	return arena_printf(a, "%s%s.%s%s", prefix, rec, name, suffix);
}

unsigned key_offset(CXSourceLocation loc)
{
	unsigned off;
	clang_getExpansionLocation(loc, NULL, NULL, NULL, &off);
	return off;
}

CXCursor key_designated_field(CXCursor desig, CXCursor *value)
{
	CXCursor k[16], field = clang_getNullCursor();
	unsigned n = key_children(desig, k, 16);
	for (unsigned i = 0; i < n; i++)
		if (clang_getCursorKind(k[i]) == CXCursor_MemberRef)
			field = clang_getCursorReferenced(k[i]);
	*value = n ? k[n - 1] : clang_getNullCursor();
	return field;
}

int key_param_index(CXCursor func, CXCursor parm)
{
	int n = clang_Cursor_getNumArguments(func);
	for (int i = 0; i < n; i++)
		if (clang_equalCursors(clang_Cursor_getArgument(func, (unsigned)i), parm))
			return i;
	return -1;
}

int key_param_of(CXCursor func, CXCursor e)
{
	e = key_strip(e);
	if (clang_getCursorKind(e) != CXCursor_DeclRefExpr)
		return -1;
	CXCursor ref = clang_getCursorReferenced(e);
	return clang_getCursorKind(ref) == CXCursor_ParmDecl ? key_param_index(func, ref) : -1;
}

static bool is_file_scope(CXCursor var)
{
	CXCursor p = clang_getCursorSemanticParent(var);
	return clang_getCursorKind(p) == CXCursor_TranslationUnit;
}

/* A variable that is neither a parameter nor file-scope: local, or local static. */
static const char *var_key(const struct key_env *e, CXCursor var, const char *prefix)
{
	struct arena *a = e->arena;
	if (is_file_scope(var))
		return arena_printf(a, "%s%s", prefix, key_qualified_name(a, var));
	const char *name = cx_dup(a, clang_getCursorSpelling(var));
	if (clang_Cursor_getStorageClass(var) == CX_SC_Static)
		return arena_printf(a, "%s%s.%s", prefix, e->func_qname ? e->func_qname : "?", name);
	if (e->local_key) {
		const char *k = e->local_key(e->ctx, var);
		if (k)
			return k;
	}
	return arena_printf(a, "%slocal:%s:%s", prefix, e->func_qname ? e->func_qname : "?", name);
}

static CXCursor first_child(CXCursor c)
{
	CXCursor k[1];
	return key_children(c, k, 1) ? k[0] : clang_getNullCursor();
}

static bool is_arrow_base(CXCursor base)
{
	return clang_getCanonicalType(clang_getCursorType(base)).kind == CXType_Pointer;
}

/* A local of FUNC (not static): a VarDecl whose semantic parent is a function. */
static bool is_local_var(CXCursor var)
{
	return clang_getCursorKind(var) == CXCursor_VarDecl && clang_Cursor_getStorageClass(var) == CX_SC_None &&
	       clang_getCursorKind(clang_getCursorSemanticParent(var)) == CXCursor_FunctionDecl;
}

/* The local struct variable expression E names: 'v', or through a local
 * pointer initialised to its address ('*p = &v'); a null cursor else. */
static CXCursor local_struct_of(CXCursor e, bool arrow)
{
	CXCursor c = key_strip(e), var = clang_getCursorReferenced(c);
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr || !is_local_var(var))
		return clang_getNullCursor();
	if (!arrow)
		return var;
	CXCursor obj = key_addr_operand(clang_Cursor_getVarDeclInitializer(var));
	if (clang_Cursor_isNull(obj))
		return obj;
	return local_struct_of(obj, false);
}

/* Whether FUNC assigns member FIELD of any object ('x.lock = ..', 'p->lock = ..'). */
struct field_write { CXCursor field; bool found; };

static enum CXChildVisitResult find_field_write(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct field_write *fw = d;
	CXCursor k[2];
	if ((clang_getCursorKind(c) == CXCursor_BinaryOperator &&
	     clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign) ||
	    clang_getCursorKind(c) == CXCursor_CompoundAssignOperator) {
		if (key_children(c, k, 2) == 2 && clang_getCursorKind(key_strip(k[0])) == CXCursor_MemberRefExpr &&
		    clang_equalCursors(clang_getCursorReferenced(key_strip(k[0])), fw->field)) {
			fw->found = true;
			return CXChildVisit_Break;
		}
	}
	return CXChildVisit_Recurse;
}

/*
 * A lock pointer member of a local struct that its designated initialiser
 * set and nothing assigns again: what the initialiser's value points to.
 * The kernel's lock guards (cleanup.h's DEFINE_LOCK_GUARD_1) build their
 * constructor so: 'class_spinlock_irqsave_t _t = { .lock = l }, *_T = &_t;
 * spin_lock_irqsave(_T->lock, _T->flags);' takes the parameter 'l'.
 */
static const char *local_member_lock(const struct key_env *e, CXCursor member)
{
	CXCursor field = clang_getCursorReferenced(member), base[1], init, kids[32], value;
	if (clang_Cursor_isNull(e->func) || key_children(member, base, 1) != 1)
		return NULL;
	CXCursor var = local_struct_of(base[0], is_arrow_base(key_strip(base[0])));
	if (clang_Cursor_isNull(var))
		return NULL;
	init = key_strip(clang_Cursor_getVarDeclInitializer(var));
	if (clang_getCursorKind(init) != CXCursor_InitListExpr)
		return NULL;
	unsigned n = key_children(init, kids, 32);
	for (unsigned i = 0; i < n; i++) {
		if (!clang_equalCursors(key_designated_field(kids[i], &value), field))
			continue;
		struct field_write fw = { field, false };
		clang_visitChildren(e->func, find_field_write, &fw);
		return fw.found ? NULL : key_lock_ptr(e, value);
	}
	return NULL;
}

const char *key_lock_ptr(const struct key_env *e, CXCursor expr)
{
	CXCursor c = key_strip(expr), obj = key_addr_operand(c);
	CXCursor ref;
	if (!clang_Cursor_isNull(obj))
		return key_lock_obj(e, obj);
	switch (clang_getCursorKind(c)) {
	case CXCursor_CallExpr: {
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) != CXCursor_FunctionDecl)
			return NULL;
		CXString s = clang_getCursorSpelling(ref);
		int arg = rules_passthrough_arg(e->rules, clang_getCString(s));
		clang_disposeString(s);
		if (arg >= 0 && arg < clang_Cursor_getNumArguments(c))
			return key_lock_ptr(e, clang_Cursor_getArgument(c, (unsigned)arg));
		/* 'sch->lock = kmalloc(...)': a fresh object, not a lock anyone else
		 * has; only a function returning a lock pointer names one */
		if (!key_is_lockptr_type(e->rules, clang_getCursorResultType(ref)))
			return NULL;
		return arena_printf(e->arena, "ret:%s", key_qualified_name(e->arena, ref));
	}
	case CXCursor_MemberRefExpr: {
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) != CXCursor_FieldDecl)
			return NULL;
		const char *init = local_member_lock(e, c);
		return init ? init : field_key(e->arena, ref, "*", "");
	}
	case CXCursor_DeclRefExpr:
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) == CXCursor_ParmDecl) {
			int i = key_param_index(e->func, ref);
			return i >= 0 ? arena_printf(e->arena, "arg#%d", i) : NULL;
		}
		if (clang_getCursorKind(ref) == CXCursor_VarDecl)
			return var_key(e, ref, "*");
		return NULL;
	default:
		return NULL;
	}
}

const char *key_lock_obj(const struct key_env *e, CXCursor expr)
{
	CXCursor c = key_strip(expr);
	CXCursor ref, kids[2];
	switch (clang_getCursorKind(c)) {
	case CXCursor_MemberRefExpr: {
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) != CXCursor_FieldDecl)
			return NULL;
		CXString s = clang_getCursorSpelling(ref);
		bool same = rules_is_lock_member(e->rules, clang_getCString(s));
		clang_disposeString(s);
		if (same) {   /* &lock->rlock is lock itself */
			CXCursor base = first_child(c);
			if (clang_Cursor_isNull(base))
				return NULL;
			return is_arrow_base(base) ? key_lock_ptr(e, base) : key_lock_obj(e, base);
		}
		return field_key(e->arena, ref, "", "");
	}
	case CXCursor_DeclRefExpr:
		ref = clang_getCursorReferenced(c);
		return clang_getCursorKind(ref) == CXCursor_VarDecl ? var_key(e, ref, "") : NULL;
	case CXCursor_UnaryOperator:
		if (clang_getCursorUnaryOperatorKind(c) == CXUnaryOperator_Deref)
			return key_lock_ptr(e, first_child(c));
		return NULL;
	case CXCursor_ArraySubscriptExpr: {
		if (key_children(c, kids, 2) < 1)
			return NULL;
		CXCursor base = key_strip(kids[0]);
		ref = clang_getCursorReferenced(base);
		if (clang_getCursorKind(base) == CXCursor_MemberRefExpr &&
		    clang_getCursorKind(ref) == CXCursor_FieldDecl)
			return field_key(e->arena, ref, "", "[]");
		if (clang_getCursorKind(base) == CXCursor_DeclRefExpr &&
		    clang_getCursorKind(ref) == CXCursor_VarDecl)
			return arena_printf(e->arena, "%s[]", var_key(e, ref, ""));
		return NULL;
	}
	default:
		return NULL;
	}
}

const char *key_var_object(const struct key_env *e, CXCursor var)
{
	return var_key(e, var, "");
}

const char *key_object_ptr(const struct key_env *e, CXCursor expr)
{
	CXType t = clang_getCanonicalType(clang_getCursorType(expr));
	if (t.kind != CXType_Pointer ||
	    clang_getCanonicalType(clang_getPointeeType(t)).kind != CXType_Record)
		return NULL;
	const char *k = key_lock_ptr(e, expr);
	/* 'ret:f' names what f returns, a fresh object each time: no container */
	return k && keyname_kind(k) != KEYNAME_RET ? k : NULL;
}

const char *key_member_base(const struct key_env *e, CXCursor member)
{
	CXCursor c = key_strip(member);
	if (clang_getCursorKind(c) != CXCursor_MemberRefExpr)
		return NULL;
	CXCursor base = first_child(c);
	if (clang_Cursor_isNull(base))
		return NULL;
	const char *k = is_arrow_base(base) ? key_lock_ptr(e, base) : key_lock_obj(e, base);
	return k && keyname_kind(k) != KEYNAME_RET ? k : NULL;
}

const char *key_fnptr(const struct key_env *e, CXCursor expr)
{
	CXCursor c = key_strip(expr);
	CXCursor ref;
	switch (clang_getCursorKind(c)) {
	case CXCursor_MemberRefExpr:
		ref = clang_getCursorReferenced(c);
		return clang_getCursorKind(ref) == CXCursor_FieldDecl ? field_key(e->arena, ref, "", "") : NULL;
	case CXCursor_DeclRefExpr:
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) == CXCursor_ParmDecl) {
			int i = key_param_index(e->func, ref);
			return i >= 0 ? arena_printf(e->arena, "arg:%s#%d", e->func_qname, i) : NULL;
		}
		if (clang_getCursorKind(ref) == CXCursor_VarDecl)
			return var_key(e, ref, "");
		return NULL;
	case CXCursor_ArraySubscriptExpr:
	case CXCursor_UnaryOperator:   /* (*fp)(), fp[i]() */
		return key_fnptr(e, first_child(c));
	case CXCursor_CallExpr:
		ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			return arena_printf(e->arena, "ret:%s", key_qualified_name(e->arena, ref));
		return NULL;
	default:
		return NULL;
	}
}

CXCursor key_function_ref(CXCursor expr)
{
	CXCursor c = key_strip(expr), obj = key_addr_operand(c);
	if (!clang_Cursor_isNull(obj))
		c = key_strip(obj);
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr) {
		CXCursor ref = clang_getCursorReferenced(c);
		if (clang_getCursorKind(ref) == CXCursor_FunctionDecl)
			return ref;
	}
	return clang_getNullCursor();
}

bool key_is_fnptr_type(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	if (c.kind == CXType_Pointer)
		c = clang_getCanonicalType(clang_getPointeeType(c));
	return c.kind == CXType_FunctionProto || c.kind == CXType_FunctionNoProto;
}

bool key_holds_fnptr_type(CXType t)
{
	CXType c = clang_getCanonicalType(t);
	for (int depth = 0; depth < 4; depth++) {
		if (c.kind == CXType_FunctionProto || c.kind == CXType_FunctionNoProto)
			return depth >= 1;
		if (c.kind == CXType_Pointer)
			c = clang_getCanonicalType(clang_getPointeeType(c));
		else if (c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray)
			c = clang_getCanonicalType(clang_getArrayElementType(c));
		else
			return false;
	}
	return false;
}

const char *key_fn_type(struct arena *a, CXType t)
{
	CXType c = clang_getCanonicalType(t);
	if (c.kind == CXType_Pointer)
		c = clang_getCanonicalType(clang_getPointeeType(c));
	if (c.kind != CXType_FunctionProto && c.kind != CXType_FunctionNoProto)
		return NULL;
	CXString s = clang_getTypeSpelling(c);
	const char *r = arena_printf(a, "type:%s", clang_getCString(s));
	clang_disposeString(s);
	return r;
}

/* Qualifiers are stripped from the spelling: clang_getUnqualifiedType()
 * crashes on some types of the kernel (seen on 6.1 s390 with LLVM 19). */
static bool type_spelled_lock(const struct lp_rules *r, CXType t)
{
	if (t.kind == CXType_Invalid)
		return false;
	CXString s = clang_getTypeSpelling(t);
	const char *p = clang_getCString(s);
	for (bool more = p != NULL; more;) {
		more = false;
		static const char *const quals[] = { "const ", "volatile ", "restrict " };
		for (size_t i = 0; i < 3; i++)
			if (!strncmp(p, quals[i], strlen(quals[i]))) {
				p += strlen(quals[i]);
				more = true;
			}
	}
	bool yes = p && rules_is_locktype(r, p);
	clang_disposeString(s);
	return yes;
}

bool key_is_lock_type(const struct lp_rules *r, CXType t)
{
	return type_spelled_lock(r, t) || type_spelled_lock(r, clang_getCanonicalType(t));
}

bool key_is_lockptr_type(const struct lp_rules *r, CXType t)
{
	if (clang_getCanonicalType(t).kind != CXType_Pointer)
		return false;
	return key_is_lock_type(r, clang_getPointeeType(t)) ||
	       key_is_lock_type(r, clang_getPointeeType(clang_getCanonicalType(t)));
}

static const char *key_token_text(struct arena *a, CXCursor c);

static bool wordy(const char *s)
{
	unsigned char c = (unsigned char)*s;
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* Spell an lvalue from the AST ('vdev->config->get'), for expressions that
 * come out of a macro expansion and so have no tokens of their own. */
static void spell_expr(struct strbuf *sb, CXCursor c, int depth)
{
	c = key_strip(c);
	CXCursor kids[2];
	CXString name;
	switch (clang_getCursorKind(c)) {
	case CXCursor_DeclRefExpr:
		name = clang_getCursorSpelling(c);
		sb_add(sb, clang_getCString(name));
		clang_disposeString(name);
		return;
	case CXCursor_MemberRefExpr:
		if (depth < 16 && key_children(c, kids, 1) == 1) {
			CXType bt = clang_getCanonicalType(clang_getCursorType(kids[0]));
			spell_expr(sb, kids[0], depth + 1);
			sb_add(sb, bt.kind == CXType_Pointer ? "->" : ".");
		}
		name = clang_getCursorSpelling(c);
		sb_add(sb, clang_getCString(name));
		clang_disposeString(name);
		return;
	case CXCursor_ArraySubscriptExpr:
		if (depth < 16 && key_children(c, kids, 2) == 2) {
			spell_expr(sb, kids[0], depth + 1);
			sb_add(sb, "[");
			spell_expr(sb, kids[1], depth + 1);
			sb_add(sb, "]");
		}
		return;
	case CXCursor_UnaryOperator:
		if (depth < 16 && key_children(c, kids, 1) == 1) {
			sb_add(sb, "*");
			spell_expr(sb, kids[0], depth + 1);
		}
		return;
	default:
		sb_add(sb, "...");
	}
}

/* Whether T, the tokens of C's extent, spell C itself.  Inside a macro the
 * extent can map onto the macro's arguments ('vdev, struct virtio_x_config,
 * field, &v)'); a field or name access must end in that name, anything else
 * must at least have its parentheses balanced and no top-level comma. */
static bool text_spells(const char *t, CXCursor c)
{
	c = key_strip(c);
	enum CXCursorKind k = clang_getCursorKind(c);
	if (k == CXCursor_MemberRefExpr || k == CXCursor_DeclRefExpr) {
		CXString name = clang_getCursorSpelling(c);
		const char *n = clang_getCString(name);
		size_t lt = strlen(t), ln = strlen(n);
		bool ok = ln && lt >= ln && !strcmp(t + lt - ln, n) && (lt == ln || !wordy(t + lt - ln - 1));
		clang_disposeString(name);
		return ok;
	}
	int depth = 0;
	for (; *t; t++) {
		depth += (*t == '(' || *t == '[') - (*t == ')' || *t == ']');
		if (depth < 0 || (depth == 0 && *t == ','))
			return false;
	}
	return depth == 0;
}

const char *key_source_text(struct arena *a, CXCursor c)
{
	const char *t = key_token_text(a, c);
	if (*t && text_spells(t, c))
		return t;
	struct strbuf sb = {0};
	spell_expr(&sb, c, 0);
	const char *r = arena_strdup(a, sb_str(&sb));
	sb_free(&sb);
	return r;
}

static const char *key_token_text(struct arena *a, CXCursor c)
{
	CXTranslationUnit tu = clang_Cursor_getTranslationUnit(c);
	CXToken *toks;
	unsigned n;
	clang_tokenize(tu, clang_getCursorExtent(c), &toks, &n);
	struct strbuf sb = {0};
	char prev_last = 0;
	for (unsigned i = 0; i < n && sb.len < 200; i++) {
		CXString s = clang_getTokenSpelling(tu, toks[i]);
		const char *t = clang_getCString(s);
		bool tw = wordy(t), op = !tw && strcmp(t, "->") && strcmp(t, ".") &&
			strcmp(t, "(") && strcmp(t, ")") && strcmp(t, "[") && strcmp(t, "]") &&
			strcmp(t, ",") && strcmp(t, "&") && strcmp(t, "*");
		char pl[2] = { prev_last, 0 };
		if (i && ((tw && wordy(pl)) || op || !strcmp(t, "&") || prev_last == '=' || prev_last == ','))
			sb_addc(&sb, ' ');
		sb_add(&sb, t);
		prev_last = sb.len ? sb.buf[sb.len - 1] : 0;
		clang_disposeString(s);
	}
	clang_disposeTokens(tu, toks, n);
	const char *r = arena_strdup(a, sb_str(&sb));
	sb_free(&sb);
	return r;
}

bool key_loc_in_file(CXSourceLocation loc, CXFile file)
{
	CXFile at;
	clang_getExpansionLocation(loc, &at, NULL, NULL, NULL);
	return at && file && clang_File_isEqual(at, file);
}

CXCursor key_compound_literal_list(CXCursor expr)
{
	CXCursor c = key_strip(expr), k[2];
	if (clang_getCursorKind(c) != CXCursor_CompoundLiteralExpr)
		return clang_getNullCursor();
	unsigned n = key_children(c, k, 2);
	for (unsigned i = 0; i < n; i++)
		if (clang_getCursorKind(k[i]) == CXCursor_InitListExpr)
			return k[i];
	return clang_getNullCursor();
}

/* The variables whose address a pointer value takes: all the same one,
 * or a call or another address in it. */
struct addr_scan { CXCursor var; bool bad; };

static enum CXChildVisitResult scan_addresses(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct addr_scan *s = d;
	if (clang_getCursorKind(c) == CXCursor_CallExpr) {
		s->bad = true;   /* what a call returns may be any object */
		return CXChildVisit_Break;
	}
	if (clang_getCursorKind(c) != CXCursor_UnaryOperator ||
	    clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_AddrOf)
		return CXChildVisit_Recurse;
	CXCursor op = key_strip(first_child(c)), var = clang_getCursorReferenced(op);
	if (clang_getCursorKind(op) != CXCursor_DeclRefExpr || clang_getCursorKind(var) != CXCursor_VarDecl ||
	    (!clang_Cursor_isNull(s->var) && !clang_equalCursors(s->var, var))) {
		s->bad = true;   /* a member's or an element's address, or two variables */
		return CXChildVisit_Break;
	}
	s->var = var;
	return CXChildVisit_Continue;
}

/* The whole variable of type POINTEE whose address VALUE is ('&v', or a
 * per-CPU accessor's statement expression over '&v' alone), or a null cursor. */
static CXCursor whole_var_address(CXCursor value, CXType pointee)
{
	struct addr_scan s = { clang_getNullCursor(), false };
	if (scan_addresses(value, clang_getNullCursor(), &s) == CXChildVisit_Recurse)
		clang_visitChildren(value, scan_addresses, &s);
	if (s.bad || clang_Cursor_isNull(s.var) ||
	    !clang_equalTypes(clang_getCanonicalType(clang_getCursorType(s.var)), clang_getCanonicalType(pointee)))
		return clang_getNullCursor();
	return s.var;
}

struct pointee_scan {
	const struct key_env *e;
	CXCursor ptr;
	CXType pointee;
	const char **out;
	int n, max;
	bool bad;
};

static void add_pointee(struct pointee_scan *s, CXCursor value)
{
	CXCursor var = whole_var_address(value, s->pointee);
	if (clang_Cursor_isNull(var)) {
		s->bad = true;
		return;
	}
	const char *name = var_key(s->e, var, "");
	for (int i = 0; i < s->n; i++)
		if (!strcmp(s->out[i], name))
			return;
	if (s->n == s->max)
		s->bad = true;
	else
		s->out[s->n++] = name;
}

bool key_names_var(CXCursor e, CXCursor var)
{
	e = key_strip(e);
	return clang_getCursorKind(e) == CXCursor_DeclRefExpr && clang_equalCursors(clang_getCursorReferenced(e), var);
}

static enum CXChildVisitResult scan_pointer_writes(CXCursor c, CXCursor parent, CXClientData d)
{
	(void)parent;
	struct pointee_scan *s = d;
	CXCursor k[2];
	enum CXCursorKind kind = clang_getCursorKind(c);
	if (kind == CXCursor_BinaryOperator && clang_getCursorBinaryOperatorKind(c) == CXBinaryOperator_Assign &&
	    key_children(c, k, 2) == 2 && key_names_var(k[0], s->ptr))
		add_pointee(s, k[1]);
	else if ((kind == CXCursor_CompoundAssignOperator && key_children(c, k, 2) == 2 && key_names_var(k[0], s->ptr)) ||
		 (kind == CXCursor_UnaryOperator && clang_getCursorUnaryOperatorKind(c) != CXUnaryOperator_Deref &&
		  key_children(c, k, 1) == 1 && key_names_var(k[0], s->ptr)))
		s->bad = true;   /* 'p++', '&p': it may point anywhere */
	return s->bad ? CXChildVisit_Break : CXChildVisit_Recurse;
}

int key_whole_var_pointees(const struct key_env *e, CXCursor base, const char **out, int max)
{
	CXCursor c = key_strip(base), ptr = clang_getCursorReferenced(c);
	CXType t = clang_getCanonicalType(clang_getCursorType(c));
	if (clang_Cursor_isNull(e->func) || clang_getCursorKind(c) != CXCursor_DeclRefExpr || !is_local_var(ptr) ||
	    t.kind != CXType_Pointer)
		return 0;
	struct pointee_scan s = { e, ptr, clang_getPointeeType(t), out, 0, max, false };
	CXCursor init = clang_Cursor_getVarDeclInitializer(ptr);
	if (!clang_Cursor_isNull(init))
		add_pointee(&s, init);
	if (!s.bad)
		clang_visitChildren(e->func, scan_pointer_writes, &s);
	return s.bad ? 0 : s.n;
}
