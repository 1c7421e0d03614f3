#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# readonly.sh - reading a database writes nothing: 'report' and 'gate
# --baseline' on a database in a read-only directory, or one the user cannot
# write (a CI artifact), work and leave no -wal or -shm file next to it.
# They used to open it with sqlite's plain read-only mode, which makes both
# files (owned by the reader) or fails with "attempt to write a readonly
# database" where it cannot.  (Run as root, the permissions do not bind; the
# files that must not appear are checked either way.)
#
#   bash readonly.sh LOCKPATH
. "$(dirname "$0")/lib.sh"

cat >ok.c <<'C'
#include "lp_test.h"
void do_io_irq(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_lock(&dev->lock);
	spin_unlock(&dev->lock);
	spin_unlock(&dev->lock);
}
C
compdb cc ok.c
lp run cc --db t.db
expect_rc 1 "run"
mkdir ro
cp t.db ro/t.db
chmod 444 ro/t.db
chmod 555 ro
trap 'chmod 755 "$T/ro" 2>/dev/null; rm -rf "$T"' EXIT

no_side_files() { [ -z "$(ls ro | grep -v '^t\.db$')" ] || fail "$1 left files next to the database: $(ls ro | tr '\n' ' ')"; }
lp report --db ro/t.db --sarif r.sarif
expect_rc 1 "report on a read-only database"
expect_out "ok.c:5:[0-9]+: warning: .*\[recursive-lock\]"
no_side_files report
lp gate --baseline ro/t.db --db ro/t.db
expect_rc 0 "gate with a read-only baseline and head"
expect_out "^lockpath: gate: passed: 0 new, 0 fixed, 1 unchanged"
no_side_files gate
pass "report and gate read a read-only database and write nothing next to it"
