// SPDX-License-Identifier: GPL-2.0-only
/*
 * test_fingerprint.c - unit test of analyzer/check/fingerprint, what every
 * baseline depends on (docs/ci.md "Fingerprints"): class names lose their
 * file names ('file.c:', 'anon@file.c:LINE') and nothing else; the hash is
 * that of 'RULE|C1,C2|P1|P2' whatever order the paths come in; and the
 * fingerprint docs/ci.md shows for the reintroduced balloon bug is what
 * this code computes (a change here changes every baseline).
 *
 * usage: test_fingerprint      exit 0 if all pass, 1 otherwise
 */
#include "check/fingerprint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "expect.h"

/* Class IN as a fingerprint writes it: WANT. */
static void class_is(const char *in, const char *want)
{
	struct strbuf sb = {0};
	fingerprint_class(&sb, in);
	if (strcmp(sb_str(&sb), want)) {
		failed++;
		fprintf(stderr, "FAIL: class '%s'\n  want: %s\n  got:  %s\n", in, want, sb_str(&sb));
	} else {
		passed++;
	}
	sb_free(&sb);
}

/* fingerprint_hash of N paths (copied: it sorts them) equals the hash of TEXT. */
static void hash_is_of(const char *rule, const char *const *cls, const char *const *path, int n,
		       const char *text, const char *what)
{
	char *c[4], *p[4], got[33], want[33];
	for (int k = 0; k < n; k++) {
		c[k] = xstrdup(cls[k]);
		p[k] = xstrdup(path[k]);
	}
	fingerprint_hash(rule, c, p, n, got);
	hash_hex(text, strlen(text), want);
	expect(!strcmp(got, want), what);
	for (int k = 0; k < n; k++) {
		free(c[k]);
		free(p[k]);
	}
}

static void test_classes(void)
{
	class_is("*subchannel.lock", "*subchannel.lock");
	class_is("ccw_device.ccwlock", "ccw_device.ccwlock");
	class_is("*virtio_ccw.c:lock", "*lock");                   /* a static lock */
	class_is("virtio_fs.c:virtio_fs_mutex", "virtio_fs_mutex");
	class_is("fs/fuse/virtio_fs.c:virtio_fs_mutex", "virtio_fs_mutex");   /* the file's last parts */
	class_is("*tty/vt/keyboard.c:kbd_event_lock", "*kbd_event_lock");
	class_is("anon@drivers/s390/cio/cio.h:12.lock", "anon.lock");   /* an unnamed struct */
	class_is("*anon@x.c:7.inner.lock", "*anon.inner.lock");
	class_is("anon@x.c", "anon");                               /* no line: nothing left */
	class_is("arg:virtio_ccw.c:f#0", "arg:f#0");                /* only the 'file.c:' goes */
	class_is("arg:s390/virtio/virtio_ccw.c:f#0", "arg:f#0");
	class_is("arg:f#0", "arg:f#0");                             /* no '.': not a file name */
	class_is("type:struct device", "type:struct device");
	class_is("?", "?");
	class_is("", "");
}

static void test_hashes(void)
{
	const char *one_c[] = { "*subchannel.lock" }, *one_p[] = { "f<g<entry<" };
	hash_is_of("recursive-lock", one_c, one_p, 1, "recursive-lock|*subchannel.lock|f<g<entry<",
		   "one path: 'RULE|CLASS|PATH'");
	const char *ab_c[] = { "b.lock", "a.lock" }, *ab_p[] = { "z<e<", "y<e<" };
	const char *ba_c[] = { "a.lock", "b.lock" }, *ba_p[] = { "y<e<", "z<e<" };
	const char *ab_text = "lock-order|a.lock,b.lock|y<e<|z<e<";
	hash_is_of("lock-order", ab_c, ab_p, 2, ab_text, "two paths: classes and paths sorted");
	hash_is_of("lock-order", ba_c, ba_p, 2, ab_text, "two paths in the other order: the same");
	const char *cyc_c[] = { "c", "a", "b" }, *cyc_p[] = { "p3<", "p1<", "p2<" };
	hash_is_of("lock-order", cyc_c, cyc_p, 3, "lock-order|a,b,c|p1<|p2<|p3<", "a three-lock cycle");

	/* docs/ci.md: the gate's fingerprint of the reintroduced balloon bug */
	char *c = xstrdup("*subchannel.lock");
	char *p = xstrdup("ccw_io_helper<virtio_ccw_get_config<towards_target<virtballoon_changed<"
			  "__virtio_config_changed<virtio_config_changed<virtio_ccw_int_handler<"
			  "ccw_device_irq<dev_fsm_event<io_subchannel_irq<do_cio_interrupt<");
	char got[33];
	fingerprint_hash("recursive-lock", &c, &p, 1, got);
	expect(!strcmp(got, "fe344118b2df6ee6ffef41637eca45b5"), "the fingerprint docs/ci.md shows");
	if (strcmp(got, "fe344118b2df6ee6ffef41637eca45b5"))
		fprintf(stderr, "  got: %s\n", got);
	free(c);
	free(p);
}

int main(void)
{
	test_classes();
	test_hashes();
	printf("%d passed, %d failed\n", passed, failed);
	return failed != 0;
}
