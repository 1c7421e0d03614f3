#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# corpus-overlap.sh - the corpus stays in its own words: at most 20% of its
# lines over 30 characters may be verbatim lines of the reference kernel's
# drivers/, include/, arch/s390/ and fs/ sources, and no file may copy a
# run of more than 6 such lines (corpus/README.md).  The measure is
# ../shared/tools/corpus-overlap.py, next to the repository, run against
# the cached linux-source-6.1 tree.
#   corpus-overlap.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

tool=$root/../shared/tools/corpus-overlap.py
[ -f "$tool" ] || fail "$tool missing: the overlap tool lives in shared/tools/ next to the repository"
command -v python3 >/dev/null || fail "python3 not found (scripts/deps.sh test)"
[ -d "$ksrc/drivers" ] || fail "$ksrc is not an unpacked kernel tree: run scripts/kernel-tree.sh (the kernel/tree test does)"

out=$work/corpus-overlap.txt
set +e
python3 "$tool" "$root/corpus" "$ksrc" --max 20 --max-run 6 --show 10 >"$out" 2>&1
rc=$?
set -e
cat "$out" >&2
case $rc in
0) note "the corpus is within the limits (20% verbatim lines, runs of at most 6)" ;;
1) fail "the corpus copies too much of the kernel (limits: 20% of lines over 30 characters, runs of at most 6 lines); rewrite the files above in the corpus's own words" ;;
*) fail "$tool failed (exit $rc)" ;;
esac
