#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# escapes-undone.sh - prove that the escapes of the escapes-ccw tree are
# honoured, not silent by accident: on a copy of the corpus, undo one escape
# at a time (the trylock becomes a lock, the _nested subclass goes, the
# error code becomes 0, the deferral becomes a call, a drop-and-retake loses
# its drop) and require
# the finding it was hiding.  A failure names the escape that did not
# matter.
#
#   escapes-undone.sh LOCKPATH CORPUS_DIR WORK_DIR
set -u
[ $# -eq 3 ] || { echo "usage: escapes-undone.sh LOCKPATH CORPUS_DIR WORK_DIR" >&2; exit 2; }
lockpath=$1 corpus=$2 work=$3
here=$(cd "$(dirname "$0")" && pwd)
src=drivers/s390/block/dasd_alias.c
fail=0

# undo NAME FROM TO WANT: replace FROM by TO (once), expect a warning matching WANT
undo() {
	local name=$1 from=$2 to=$3 want=$4 copy=$work/$1
	rm -rf "$copy" && mkdir -p "$copy" && cp -r "$corpus"/. "$copy/corpus"
	FROM=$from TO=$to perl -0pi -e 's/\Q$ENV{FROM}\E/$ENV{TO}/ or die "no match\n"' "$copy/corpus/$src" ||
		{ echo "escapes-undone: $name: pattern not found in $src" >&2; fail=1; return; }
	bash "$here/run-tree.sh" "$lockpath" "$copy/corpus" escapes-ccw "$copy/work" >/dev/null 2>&1
	if grep -q -- "$want" "$copy/work/escapes-ccw/lockpath.out"; then
		echo "escapes-undone: $name: found '$want' once the escape is undone"
	else
		echo "escapes-undone: FAIL $name: no '$want' once the escape is undone" >&2
		fail=1
	fi
}

undo trylock 'if (!spin_trylock(get_ccwdev_lock(device->cdev)))' \
	'spin_lock(get_ccwdev_lock(device->cdev)); if (0)' 'in dasd_alias_start is already held as \*subchannel.lock'
undo nested 'spin_lock_nested(get_ccwdev_lock(base->cdev), SINGLE_DEPTH_NESTING);' \
	'spin_lock(get_ccwdev_lock(base->cdev));' 'in dasd_alias_int_handler is already held as \*subchannel.lock'
undo switch-case 'dasd_alias_done(device, -EIO);' 'dasd_alias_done(device, 0);' \
	'in dasd_alias_done is already held as \*subchannel.lock'
# (called in the handler, the work takes the held lock again: the path ends
# there, so what it would do next, sleep, is not reported on it)
undo deferral 'schedule_work(&device->reset_work);' 'do_reset_device(&device->reset_work);' \
	'do_reset_device may sleep (work_struct.func work'
undo releases 'spin_unlock_irq(get_ccwdev_lock(device->cdev));
	wait_for_completion(&device->done);' 'wait_for_completion(&device->done);' \
	'while holding spinlock \*ccw_device.ccwlock, in dasd_sleep_on_locked'
undo must_hold 'spin_unlock_irq(device->cdev->ccwlock);
		wait_for_completion' 'wait_for_completion' \
	'while holding spinlock \*ccw_device.ccwlock, in dasd_alias_wait_locked'
exit $fail
