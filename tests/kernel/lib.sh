# SPDX-License-Identifier: GPL-2.0-only
# lib.sh - what the kernel tests share (sourced, not run): where the reference
# tree and the test's work directory are, failing with a message, and reading
# findings back from a lockpath database with the sqlite3 CLI.
#
# The tests are run by ctest (tests/kernel/CMakeLists.txt) as
#   bash TEST.sh LOCKPATH WORKDIR [ARGS...]
# and read LOCKPATH_KERNEL_DIR (default /var/cache/lockpath/kernel-6.1), the
# cache scripts/kernel-tree.sh sets up.  They never write into that cache
# except through make in kbuild.sh (which takes the cache's lock).
set -euo pipefail

lockpath=${1:?usage: TEST.sh LOCKPATH WORKDIR}
work=${2:?usage: TEST.sh LOCKPATH WORKDIR}
shift 2
kdir=${LOCKPATH_KERNEL_DIR:-/var/cache/lockpath/kernel-6.1}
ksrc=$kdir/linux-source-6.1
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
mkdir -p "$work"

fail() { echo "FAIL: $*" >&2; exit 1; }
note() { echo "-- $*" >&2; }

command -v sqlite3 >/dev/null || fail "sqlite3 not found (scripts/deps.sh test)"
command -v jq >/dev/null || fail "jq not found (scripts/deps.sh test)"

# need_tree FLAVOUR: the flavour's compile database, or fail naming the setup.
need_tree() {
	local db=$kdir/$1/compile_commands.json
	[ -r "$db" ] || fail "$db missing: run scripts/kernel-tree.sh (the kernel/tree test does)"
	echo "$db"
}

# q DB SQL: one query, read-only.
q() { sqlite3 -readonly -batch -noheader "$1" "$2"; }

# paths DB RULE: one line per finding of RULE, its witness path (path 0):
#   'entry > f > ... > offending function'
paths() {
	q "$1" "SELECT (SELECT group_concat(name, ' > ') FROM
	          (SELECT fn.name AS name FROM finding_hop h JOIN func fn ON fn.id = h.func_id
	           WHERE h.finding_id = f.id AND h.path = 0 ORDER BY h.seq))
	        FROM finding f WHERE f.rule = '$2' ORDER BY f.id"
}

# assert_parsed DB N: the database has N TUs, every one parsed without an error.
assert_parsed() {
	local n bad
	n=$(q "$1" "SELECT count(*) FROM tu")
	[ "$n" -eq "$2" ] || fail "$1: $n TUs, expected $2"
	bad=$(q "$1" "SELECT f.path || ': status ' || t.status || ', ' || t.n_errors || ' errors, first: ' ||
	               coalesce((SELECT message FROM tu_diag d WHERE d.tu_id = t.id LIMIT 1), '?')
	              FROM tu t JOIN file f ON f.id = t.file_id WHERE t.status != 0 OR t.n_errors != 0")
	[ -z "$bad" ] || fail "TUs with parse errors:
$bad"
	note "$n TUs, all parsed with zero errors"
}

# The 2019 deadlock's witness, as the path must show it: from the channel-I/O
# interrupt, through the virtio core's config_changed and the balloon's
# callback, to the config read that takes the held lock again.
balloon_deadlock='^do_cio_interrupt > .*virtio_config_changed > .*virtballoon_changed > .*ccw_io_helper$'

# assert_no_config_changed_recursion DB: no recursive-lock passes through
# virtio_config_changed (6.1's drivers all defer their config work), and in
# particular not the 2019 balloon path.
assert_no_config_changed_recursion() {
	local p
	p=$(paths "$1" recursive-lock)
	if grep -E '(^| )virtio_config_changed( |$)' <<<"$p"; then
		fail "recursive-lock through virtio_config_changed on the clean tree (paths above)"
	fi
	if grep -E "$balloon_deadlock" <<<"$p"; then
		fail "the 2019 balloon deadlock is reported on the clean tree"
	fi
	note "no recursive-lock through virtio_config_changed ($(grep -c . <<<"$p" || true) recursive-lock findings in all)"
}
