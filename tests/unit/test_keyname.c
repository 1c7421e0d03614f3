// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_keyname.c - unit test of analyzer/lib/keyname, the key grammar every
 * phase shares: 'arg:F#N' parsed (static and indirect F, bad forms
 * refused), a key matched against a function's own parameters, each form's
 * kind, 'arg#N' lock parameters, the lock annotations of a function
 * (must_hold/acquires/releases among 'writes:'), and the qualified names
 * keys use for static and external functions.
 *
 * usage: test_keyname      exit 0 if all pass, 1 otherwise
 */
#include "lib/keyname.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "expect.h"

static void parse_ok(const char *key, const char *func, int n)
{
	struct keyname_arg a = { NULL, 0, -1 };
	int ok = keyname_parse_arg(key, &a) && a.n == n && a.func_len == strlen(func) &&
		 !memcmp(a.func, func, a.func_len);
	char what[256];
	snprintf(what, sizeof(what), "parse '%s' as function '%s' parameter %d", key, func, n);
	expect(ok, what);
}

static void parse_bad(const char *key)
{
	struct keyname_arg a;
	char what[256];
	snprintf(what, sizeof(what), "'%s' is not an 'arg:F#N' key", key ? key : "(null)");
	expect(!keyname_parse_arg(key, &a), what);
}

int main(void)
{
	parse_ok("arg:kref.h:kref_put#1", "kref.h:kref_put", 1);
	parse_ok("arg:request_irq#1", "request_irq", 1);
	parse_ok("arg:virtio_config_ops.find_vqs#3", "virtio_config_ops.find_vqs", 3);
	parse_ok("arg:f#12", "f", 12);
	parse_bad(NULL);
	parse_bad("virtio_config_ops.get");
	parse_bad("arg#1");            /* a lock parameter, not a call key */
	parse_bad("arg:#1");
	parse_bad("arg:f#");
	parse_bad("arg:f#x");
	parse_bad("arg:f#1x");
	parse_bad("arg:f");

	int n = -1;
	expect(keyname_is_param_of("arg:kref.h:kref_put#1", "kref.h:kref_put", &n) && n == 1,
	       "kref_put's own parameter 1");
	expect(!keyname_is_param_of("arg:kref.h:kref_put#1", "kref_put", &n), "not the extern kref_put's");
	expect(!keyname_is_param_of("arg:kref.h:kref_put#1", "kref.h:kref_pu", &n), "not a prefix's");
	expect(!keyname_is_param_of("ccw_device.handler", "kref.h:kref_put", &n), "a field is no parameter");

	expect(keyname_is_type("type:void (struct kref *)"), "'type:' keys");
	expect(!keyname_is_type("arg:f#1") && !keyname_is_type(NULL), "other keys are not 'type:'");
	expect(keyname_is_global("nvme_ops") && keyname_is_global("en_rep.c:rep_ops"), "a global's key, static or not");
	expect(!keyname_is_global("mlx5_esw_offload.rep_ops") && !keyname_is_global("*core.other") &&
	       !keyname_is_global("*local:f:v") && !keyname_is_global("*foo_ptr") &&
	       !keyname_is_global("arg#1") && !keyname_is_global("local:f:v") && !keyname_is_global("ret:f") &&
	       !keyname_is_global(NULL), "a member, a parameter, a local, a return are no global");

	static const struct { const char *key; enum keyname_kind kind; } kinds[] = {
		{ "subchannel.lock", KEYNAME_PATH }, { "*ccw_device.ccwlock", KEYNAME_PATH },
		{ "device.c:foo_lock", KEYNAME_PATH }, { "arg#2", KEYNAME_LOCK_PARAM },
		{ "arg:request_irq#1", KEYNAME_CALL_PARAM }, { "local:device.c:f:l", KEYNAME_LOCAL },
		{ "ret:get_lock", KEYNAME_RET }, { "type:void (int)", KEYNAME_TYPE },
		{ "?", KEYNAME_UNKNOWN }, { NULL, KEYNAME_UNKNOWN },
	};
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		char what[128];
		snprintf(what, sizeof(what), "'%s' is of kind %d", kinds[i].key ? kinds[i].key : "(null)", kinds[i].kind);
		expect(keyname_kind(kinds[i].key) == kinds[i].kind, what);
	}
	expect(keyname_lock_param("arg#0") == 0 && keyname_lock_param("arg#12") == 12, "'arg#N' is parameter N");
	expect(keyname_lock_param("arg#") == -1 && keyname_lock_param("arg#1x") == -1 &&
	       keyname_lock_param("arg:f#1") == -1 && keyname_lock_param("subchannel.lock") == -1 &&
	       keyname_lock_param(NULL) == -1, "other keys are no lock parameter");

	/* lock annotations, among others, in order; a key may hold ':' */
	const char *annot = "must_hold:*ccw_device.ccwlock;writes:arg#1=0,-19;acquires:dev.c:lock;releases:arg#0";
	static const struct { enum keyname_annot kind; const char *key; } want[] = {
		{ KEYNAME_MUST_HOLD, "*ccw_device.ccwlock" }, { KEYNAME_ACQUIRES, "dev.c:lock" },
		{ KEYNAME_RELEASES, "arg#0" },
	};
	enum keyname_annot kind;
	const char *k;
	size_t len;
	int na = 0;
	for (const char *p = annot; keyname_next_annot(&p, &kind, &k, &len); na++) {
		char what[128];
		snprintf(what, sizeof(what), "annotation %d is kind %d '%.*s'", na, kind, (int)len, k);
		expect(na < 3 && kind == want[na].kind && len == strlen(want[na].key) && !strncmp(k, want[na].key, len),
		       what);
	}
	expect(na == 3, "three lock annotations, 'writes:' skipped");
	const char *none = NULL;
	expect(!keyname_next_annot(&none, &kind, &k, &len), "no annotations: none");
	const char *bad = "must_holdx:a;acquires";
	expect(!keyname_next_annot(&bad, &kind, &k, &len), "a misspelt kind, an entry without ':': none");
	expect(!strcmp(keyname_annot_names[KEYNAME_ACQUIRES], "acquires"), "the entries' names");

	char *q = keyname_qualify("/k/drivers/s390/cio/device.c", "io_subchannel_irq", true);
	expect(!strcmp(q, "s390/cio/device.c:io_subchannel_irq"), "a static function is 'dir/dir/file.c:name'");
	free(q);
	/* two keyboard.c files, each with a static k_handler[]: two keys */
	char *vt = keyname_qualify("/k/drivers/tty/vt/keyboard.c", "k_handler", true);
	char *s390 = keyname_qualify("/k/drivers/s390/char/keyboard.c", "k_handler", true);
	expect(strcmp(vt, s390) != 0, "two files of one base name: two keys");
	free(vt);
	free(s390);
	char buf[64];
	expect(!strcmp(keyname_file("/k/drivers/s390/kvm/../../../virt/kvm/kvm_main.c", buf, sizeof(buf)),
			"virt/kvm/kvm_main.c"), "'..' folded before the last parts are taken");
	expect(!strcmp(keyname_file("./include/./linux/kref.h", buf, sizeof(buf)), "include/linux/kref.h"),
	       "'.' dropped");
	expect(!strcmp(keyname_file("../x.c", buf, sizeof(buf)), "../x.c"), "a leading '..' stays");
	expect(!strcmp(keyname_file("/a/b/c/d/e/f.c", buf, sizeof(buf)), "d/e/f.c"), "the last three");
	expect(!strcmp(keyname_file("/a/b/c/d/e/f.c", buf, 4), "d/e"), "cut to the buffer");
	expect(!strcmp(keyname_file("", buf, sizeof(buf)), ""), "an empty path: empty");
	q = keyname_qualify("/k/drivers/virtio/virtio.c", "virtio_config_changed", false);
	expect(!strcmp(q, "virtio_config_changed"), "an external function is its name");
	free(q);
	q = keyname_qualify("device.c", "f", true);
	expect(!strcmp(q, "device.c:f"), "a path without a directory");
	free(q);

	expect(keyname_walk_steps("arg#0") == 0 && keyname_walk_steps("") == 0, "a bare parameter, no steps: none");
	expect(keyname_walk_steps("arg#0/E:ccw_device.dev/L:device.parent/U:subchannel.dev") == 3,
	       "a walk: its steps, not its head");
	expect(keyname_walk_steps("E:subchannel.dev/L:device.driver_data") == 2, "steps alone");
	const char *steps = NULL;
	expect(keyname_walk_split("arg#1/E:x.y/L:y.z", &steps) == 1 && !strcmp(steps, "E:x.y/L:y.z"),
	       "a walk splits into its parameter and steps");
	expect(keyname_walk_split("arg#2", &steps) == 2 && !strcmp(steps, ""), "a bare parameter: no steps");
	expect(keyname_walk_split("local:f:x", &steps) == -1 && keyname_walk_split(NULL, &steps) == -1,
	       "no parameter, no walk");

	expect(keyname_guard_ctor_stem("class_mutex_constructor") == strlen("class_mutex"),
	       "cleanup.h's constructor of class mutex");
	expect(keyname_guard_ctor_stem("class_irq_constructor") == strlen("class_irq"), "a lock-less guard's");
	expect(!keyname_guard_ctor_stem("class__constructor"), "no class name");
	expect(!keyname_guard_ctor_stem("mutex_constructor") && !keyname_guard_ctor_stem("class_mutex") &&
	       !keyname_guard_ctor_stem("class_mutex_destructor") && !keyname_guard_ctor_stem(NULL),
	       "not a guard's constructor");

	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
