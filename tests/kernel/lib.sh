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

# balloon_patched FLAVOUR DIR: DIR/balloon.db, the clean run's database
# (WORKDIR/FLAVOUR.db) with balloon-config-in-callback.patch applied to a copy
# of virtio_balloon.c in DIR, never to the cached tree: the flavour's compile
# database is copied into DIR/compdb with that one TU's entry pointed at the
# copy (its -I paths are absolute or relative to the unchanged build
# directory, so it parses as the original did), and 'lockpath run' re-parses
# only it.  Its text, SARIF and stderr go to DIR/balloon.{txt,sarif,err}.
# Fails unless lockpath ran (exit 0 or 1) and parsed exactly that TU.
balloon_patched() {
	local flavour=$1 ov=$2 compdb clean orig new rc=0
	compdb=$(need_tree "$flavour")
	clean=$work/$flavour.db
	[ -r "$clean" ] || fail "$clean missing (the kernel/$flavour fixture makes it)"
	orig=$ksrc/drivers/virtio/virtio_balloon.c
	rm -rf "$ov"
	mkdir -p "$ov/src/drivers/virtio" "$ov/compdb"
	cp "$orig" "$ov/src/drivers/virtio/"
	patch -s -d "$ov/src" -p1 --no-backup-if-mismatch <"$here/balloon-config-in-callback.patch" ||
		fail "balloon-config-in-callback.patch does not apply to $orig"
	new=$ov/src/drivers/virtio/virtio_balloon.c
	jq --arg o "$orig" --arg n "$new" '
		map(if .file == $o then
			.file = $n
			| if .command then .command |= (split($o) | join($n)) else . end
			| if .arguments then .arguments |= map(if . == $o then $n else . end) else . end
		    else . end)' "$compdb" >"$ov/compdb/compile_commands.json"
	[ "$(grep -c "$new" "$ov/compdb/compile_commands.json")" -ge 1 ] ||
		fail "the $flavour compile database has no entry for $orig"
	cp "$clean" "$ov/balloon.db"
	"$lockpath" run "$ov/compdb" --db "$ov/balloon.db" -j "$(nproc)" --no-progress --sarif "$ov/balloon.sarif" \
		>"$ov/balloon.txt" 2>"$ov/balloon.err" || rc=$?
	cat "$ov/balloon.err" >&2
	[ "$rc" -le 1 ] || fail "lockpath run on the patched $flavour tree exited $rc"
	grep -Eq 'extract: [0-9]+ TUs, 1 parsed, [0-9]+ unchanged, 0 with errors, 0 failed, 1 removed' "$ov/balloon.err" ||
		fail "expected exactly the patched TU to be parsed (and the original's entry removed)"
	assert_parsed "$ov/balloon.db" "$(jq length "$compdb")"
}
