#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# scope.sh - '--scope PATH' analyses the whole tree but reports only the
# findings whose path touches a file under PATH: on run, report and gate,
# as a directory that exists (a prefix) or as tree-relative components; the
# scoped findings are a subset of the unscoped ones; the summary and the
# HTML index say which scope was used.
source "$(dirname "$0")/lib.sh"

copy_tree balloon-2019-ccw-pci w
cc=w/cc/compile_commands.json

lp run "$cc" --db all.db --sarif all.sarif
expect_rc 1 "unscoped run"
all=$(sarif_fps all.sarif | wc -l)
[ "$all" -gt 0 ] || fail "the unscoped run found nothing"

lp report --db all.db --scope w/corpus/drivers/s390/cio --sarif cio.sarif
expect_rc 1 "report scoped to the cio directory (every path starts at do_cio_interrupt)"
[ "$(sarif_fps cio.sarif | wc -l)" = "$all" ] || fail "scope on the cio directory lost findings"
expect_err "scope w/corpus/drivers/s390/cio \\(0 other findings left out\\)"

lp report --db all.db --scope drivers/block --sarif none.sarif --html html
expect_rc 0 "report scoped to a directory no path touches"
[ "$(sarif_fps none.sarif | wc -l)" = 0 ] || fail "findings outside the scope were reported"
expect_err "scope drivers/block \\($all other findings left out\\)"
grep -q 'id="scope"><code>drivers/block</code>' html/index.html || fail "the HTML index does not show the scope"
pass "a scope no path touches reports nothing and says what it left out"

lp run "$cc" --db all.db --scope drivers/virtio --sarif virtio.sarif
n=$(sarif_fps virtio.sarif | wc -l)
[ "$n" -gt 0 ] && [ "$n" -le "$all" ] || fail "scope drivers/virtio: $n findings of $all"
comm -23 <(sarif_fps virtio.sarif) <(sarif_fps all.sarif) | grep -q . && fail "scoped findings are not a subset"
pass "run --scope drivers/virtio (components): $n of $all findings, a subset"

lp gate --db all.db --baseline none.sarif --scope drivers/block
expect_rc 0 "gate scoped to a directory no path touches"
lp gate --db all.db --baseline none.sarif --scope drivers/virtio
expect_rc 1 "gate scoped to drivers/virtio: its findings are new"
pass "gate honours --scope"
