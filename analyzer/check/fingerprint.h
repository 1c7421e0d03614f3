/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * fingerprint.h - the text a finding's fingerprint ("lockpath/v1",
 * docs/ci.md) is the hash of: lock class names without file names, and
 * 'RULE|CLASSES|PATH1|PATH2...' with both lists sorted.  Pure string work;
 * which class and which path a finding has is the engine's
 * (engine_write.c), so that this can be unit-tested on its own.
 */
#ifndef LP_FINGERPRINT_H
#define LP_FINGERPRINT_H

#include "lib/util.h"

/* Append class NAME to SB without the file names extract puts in some
 * keys: 'file.c:' qualifying a static name ('*virtio_ccw.c:lock' ->
 * '*lock') and 'anon@file.c:LINE' of an unnamed struct ('anon'). */
void fingerprint_class(struct strbuf *sb, const char *name);

/* The fingerprint of a finding of RULE with N paths: CLS[k] is path k's
 * class (as fingerprint_class writes it), PATH[k] its functions
 * ('f<g<entry<').  Sorts both arrays in place (the order the search met
 * the paths in does not matter), then hashes 'RULE|C1,C2|P1|P2' into OUT
 * (32 hex digits and a NUL). */
void fingerprint_hash(const char *rule, char **cls, char **path, int n, char out[33]);

#endif
