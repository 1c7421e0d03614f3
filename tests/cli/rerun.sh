#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# rerun.sh - a second 'run' (or 'gate PATH') whose extract changed nothing
# does not check again: the findings stored are those of the same facts,
# rules, bounds and lockpath (meta 'check_key').  Its output is the first
# run's, exit code included.  Anything that would change the findings
# makes it check again: a changed TU, another bound in the environment
# ($LOCKPATH_MAX_CONTEXTS), a check killed before it stored its key.  An
# explicit 'lockpath check' always checks.
#
#   bash rerun.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_corpus "$2" "$3"
RULES=$(realpath "$CORPUS/../rules")
export LOCKPATH_RULES=$RULES

skipped="^lockpath: check: not run again: "
checked="^lockpath: check: [0-9]+ entries"
expect_no_err() { ! grep -qE -- "$1" "$T/err" || fail "did not expect /$1/ on stderr"; }

copy_tree balloon-ccw-2019 tree
lp run --db t.db --sarif first.sarif tree/cc
expect_rc 1 "the first run (the tree has findings)"
expect_err "$checked"
cp "$T/out" first.out
pass "the first run checks"

lp run --db t.db --sarif second.sarif tree/cc
expect_rc 1 "the second run"
expect_err "$skipped"
expect_no_err "$checked"
cmp -s first.out "$T/out" || fail "the second run's findings differ from the first's"
cmp -s first.sarif second.sarif || fail "the second run's SARIF differs from the first's"
pass "a second run on the same tree does not check again, and says the same"

LOCKPATH_MAX_CONTEXTS=4 lp run --db t.db tree/cc
expect_rc 1 "a run with another bound"
expect_err "$checked"
lp run --db t.db tree/cc
expect_err "$checked"
pass "another bound checks again, and so does the run back to the default"

lp check --db t.db
expect_rc 1 "an explicit check"
expect_err "$checked"
pass "'lockpath check' always checks"

# a check that stopped before it stored its key leaves none
sql t.db "DELETE FROM meta WHERE key = 'check_key'"
lp run --db t.db tree/cc
expect_err "$checked"
[ -n "$(sql t.db "SELECT value FROM meta WHERE key = 'check_key'")" ] || fail "the check stored no key"
pass "findings without a key are checked again"

# a changed TU: the balloon driver's config read moved out of the callback
# is another tree's source; an appended function is enough to change facts
echo 'void rerun_added_fn(void) { }' >>tree/corpus/drivers/virtio/virtio_balloon.c
lp run --db t.db tree/cc
expect_rc 1 "the run after a change"
expect_err "1 parsed"
expect_err "$checked"
lp gate --baseline first.sarif --db t.db tree/cc
expect_rc 0 "a gate on the unchanged tree (no new finding)"
expect_err "$skipped"
pass "a changed TU checks again; a gate on nothing new does not"
