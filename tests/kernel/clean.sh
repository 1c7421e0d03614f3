#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# clean.sh - the clean 6.1 tree (one flavour's database from flavour.sh):
# no recursive-lock whose path passes virtio_config_changed.  6.1's balloon,
# crypto, console, blk, net and gpu drivers all defer their config work to a
# work item, so nothing on the transports' interrupt paths reads config
# space or takes a sleeping lock under virtio_device.config_lock.
#   clean.sh LOCKPATH WORKDIR clang|gcc
source "$(dirname "$0")/lib.sh"
flavour=${1:?clang or gcc}
db=$work/$flavour.db
[ -r "$db" ] || fail "$db missing (the kernel/$flavour fixture makes it)"
assert_no_config_changed_recursion "$db"
# The callback is reached from the ccw interrupt path all the same: the
# analysis follows the calls, it is the callback that is harmless.
reach=$(q "$db" "SELECT count(*) FROM callback_reach c JOIN func f ON f.id = c.cb_func JOIN func e ON e.id = c.entry_func
                 WHERE c.transport = 'ccw' AND f.name = 'virtballoon_changed' AND e.name = 'do_cio_interrupt'")
[ "$reach" -ge 1 ] || fail "virtballoon_changed is not reached from do_cio_interrupt: the call graph lost the 2019 path"
note "virtballoon_changed is reached from do_cio_interrupt, and safely"
