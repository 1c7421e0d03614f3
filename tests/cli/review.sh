#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# review.sh - scripts/review.py, the whole-tree review's bookkeeping, on a
# SARIF file lockpath wrote: a review document whose rows give two of the
# 2019 balloon's four findings a verdict (one in each row format the
# document has used), the other two listed as unreviewed; the diff against
# the run of the tree without the balloon's story (its findings gone); a
# finding's hops; the false findings' first impossible hops; one error
# line and exit 2 for a file that is not there.
#
#   bash review.sh LOCKPATH CORPUS_DIR CORPUS_COMPDB_SH REVIEW_PY
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_corpus "$2" "$3"
need_jq
REVIEW=$(realpath "$4")
command -v python3 >/dev/null || fail "python3 is not installed (scripts/deps.sh test installs it)"

corpus_tree balloon-ccw-2019 "$T/b"
lp run "$T/b" --db "$T/b.db" --sarif "$T/b.sarif"
expect_rc 1 "run balloon-ccw-2019"
mapfile -t fps < <(jq -r '.runs[0].results[].partialFingerprints["lockpath/v1"][0:8]' "$T/b.sarif")
[ "${#fps[@]}" = 4 ] || fail "expected the balloon's four findings, got ${#fps[@]}"

# Row formats of docs/kernel-6.1-s390-full.md: the rule in the first cell,
# or in a cell of its own; a later row for the same finding does not count.
cat >"$T/doc.md" <<EOF
| # | finding | verdict | class | notes |
| --- | --- | --- | --- | --- |
| #1 \`${fps[0]}\` rl, hardirq, \`do_cio_interrupt\` -> \`ccw_io_helper\` | TRUE | - | the 2019 bug |
| scope #2 \`${fps[1]}\` | sia, hardirq, \`do_cio_interrupt\` -> \`mutex_lock\` | **FALSE** | constant | drivers/s390/virtio/virtio_ccw.c:150: a made-up first hop |
| #9 \`${fps[0]}\` rl | FALSE | older | an older row |
EOF
py() { rc=0; python3 "$REVIEW" "$@" >"$T/out" 2>"$T/err" || rc=$?; }

py verdicts "$T/b.sarif" --doc "$T/doc.md"
expect_rc 0 "review.py verdicts"
expect_out '^4 findings: 1 true, 0 defensible, 1 false, 2 unreviewed$'
expect_out '^first 40: 1 true, 0 defensible$'
[ "$(grep -c 'unreviewed #' "$T/out")" = 2 ] || fail "expected the two findings without a row listed"
expect_no_out "unreviewed #[0-9]+ (${fps[0]}|${fps[1]})"
pass "verdicts: the first row of a finding counts, in either format; the rest are listed"

py hops "$T/b.sarif" --doc "$T/doc.md"
expect_rc 0 "review.py hops"
expect_out '^ +1 drivers/s390/virtio/virtio_ccw.c:150$'
pass "hops: the false finding's first impossible hop"

py show "$T/b.sarif" "${fps[0]}"
expect_rc 0 "review.py show"
expect_out "^#1 ${fps[0]} recursive-lock \\(hardirq\\)"
expect_out 'do_cio_interrupt calls io_subchannel_irq'
expect_out 'ccw_io_helper'
py show "$T/b.sarif" 0000000
expect_rc 1 "review.py show of no finding"
expect_err 'no finding 0000000'
pass "show: a finding's hops; a fingerprint that is not there"

corpus_tree balloon-ccw-pre2019 "$T/p"
lp run "$T/p" --db "$T/p.db" --sarif "$T/p.sarif"
py diff "$T/b.sarif" "$T/p.sarif"
expect_rc 0 "review.py diff"
expect_out "^4 -> [0-9]+: 4 gone, [0-9]+ new$"
expect_out "gone ${fps[0]} recursive-lock"
pass "diff: the balloon's findings are gone before its 2019 change"

py verdicts "$T/missing.sarif"
expect_rc 2 "review.py on a missing file"
[ "$(wc -l <"$T/err")" = 1 ] && grep -q '^review.py: error: .*missing.sarif' "$T/err" ||
	fail "expected one 'review.py: error:' line naming the file"
pass "a missing file: one error line, exit 2"
