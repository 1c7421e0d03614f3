#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# reintroduce.sh - the gate's reason to exist.  Baseline: the balloon after
# its 2019 fix (config read from a work item; no findings).  A patch that
# makes virtballoon_changed() read config space in the callback again must
# fail the gate with the whole path from do_cio_interrupt to ccw_io_helper,
# re-parsing only the patched TU; the new-only SARIF must hold just the new
# findings and pass as a baseline itself; reverting the patch must pass.
. "$(dirname "$0")/lib.sh"

base_run balloon-ccw-fixed "$T/w" 0
cc=$T/w/cc
balloon=$(tree_src "$T/w" balloon-ccw-fixed 'virtio_balloon')
cp "$balloon" "$T/balloon.orig"

reintroduce "$balloon"
lp gate --baseline base.db --db head.db --sarif new.sarif "$cc"
expect_rc 1 "gate on the reintroduction"
expect_err 'extract: [0-9]+ TUs, 1 parsed'
finding recursive-lock
expect_in_finding 'virtio_ccw.c:[0-9]+:[0-9]+: warning: .*already held'
for hop in 'do_cio_interrupt \(hardirq entry\)' virtio_ccw_int_handler virtio_config_changed \
	   virtballoon_changed virtio_ccw_get_config 'ccw_io_helper acquires'; do
	expect_in_finding "note: \[[0-9]+\] $hop"
done
expect_in_finding "calls virtballoon_changed through .*virtio_driver.config_changed"
expect_in_finding "calls virtio_ccw_get_config through .*virtio_config_ops.get"
expect_in_finding 'note: \*ccw_device.ccwlock and \*?subchannel.lock are one lock'
expect_in_finding 'note: new since the baseline; fingerprint [0-9a-f]{32}$'
expect_summary '[1-9][0-9]* new, 0 fixed, 0 unchanged, 0 suppressed, 0 stale'
pass "the reintroduced config read fails the gate with its path"

new=$(grep -c 'note: new since the baseline' out)
[ "$(grep -c '"ruleId"' new.sarif)" = "$new" ] || fail "new.sarif should hold the $new new results"
[ "$(sarif_count new.sarif)" = "$new" ] || fail "new.sarif should fingerprint every result"
lp gate --baseline new.sarif --db head.db
expect_rc 0 "gate against the new-only SARIF"
expect_summary "0 new, 0 fixed, $new unchanged, 0 suppressed, 0 stale"
pass "--sarif writes exactly the $new new findings, and they match as a baseline"

cp "$T/balloon.orig" "$balloon"
lp gate --baseline base.db --db head.db "$cc"
expect_rc 0 "gate after the revert"
expect_err 'extract: [0-9]+ TUs, 1 parsed'
expect_summary '0 new, 0 fixed, 0 unchanged, 0 suppressed, 0 stale'
expect_no_out 'warning:'
lp gate --baseline new.sarif --db head.db
expect_rc 0 "gate of the reverted tree against the buggy one"
expect_summary "0 new, $new fixed, 0 unchanged"
expect_out 'note: fixed since the baseline: .*\[recursive-lock\]$'
pass "reverting passes, and the findings show as fixed"
