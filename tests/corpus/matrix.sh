#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# matrix.sh - the transport matrix.
#
# 1. balloon-ccw-2019 alone (check/matrix.c): exactly one transport, ccw,
#    and the balloon's three callbacks reached from its interrupt path in
#    hardirq context - config_changed and both virtqueue callbacks, which
#    only the find_vqs parameters lead to.
# 2. Combined with balloon-2019-pci-mmio, the x86 side (lockpath report --db
#    A --db B, report/combined.c): one matrix with the columns ccw (from the
#    first database), mmio and pci (from the second); the 2019 balloon's
#    virtballoon_changed is a deadlock on ccw and safe on mmio and pci,
#    whose config reads take no lock; the same in the text, the SARIF and
#    the HTML report, and the findings are the ccw tree's five.
# 3. What a combined report refuses: a --db that does not exist, one of
#    another schema version, one database given twice (exit 2, one error).
#
#   matrix.sh LOCKPATH CORPUS_DIR WORK_DIR
set -u
[ $# -eq 3 ] || { echo "usage: matrix.sh LOCKPATH CORPUS_DIR WORK_DIR" >&2; exit 2; }
lockpath=$1 work=$3
here=$(cd "$(dirname "$0")" && pwd)
for t in balloon-ccw-2019 balloon-2019-pci-mmio; do
	bash "$here/run-tree.sh" "$1" "$2" $t "$work" >/dev/null || { echo "matrix: the tree $t fails" >&2; exit 1; }
done
db=$work/balloon-ccw-2019/lockpath.db
q() { sqlite3 -readonly -batch -noheader "$db" "$1"; }
fail=0
bad() { echo "matrix: FAIL $*" >&2; fail=1; }

# ---- 1. one database
transports=$(q "SELECT group_concat(t, ',') FROM (SELECT DISTINCT transport t FROM transport_file WHERE has_ops = 1 ORDER BY t)")
[ "$transports" = ccw ] || bad "transports '$transports', want 'ccw'"
reached=$(q "SELECT group_concat(n, ',') FROM (SELECT f.name || '/' || c.context n FROM callback_reach c
             JOIN func f ON f.id = c.cb_func WHERE c.transport = 'ccw' ORDER BY f.name)")
want=balloon_ack/hardirq,stats_request/hardirq,virtballoon_changed/hardirq
[ "$reached" = "$want" ] || bad "callbacks '$reached', want '$want'"
[ $fail = 0 ] && echo "matrix: transports $transports; callbacks $reached"

# ---- 2. two databases, one matrix
s390=$work/s390.db x86=$work/x86.db out=$work/combined
rm -rf "$out"
mkdir -p "$out"
cp "$db" "$s390"
cp "$work/balloon-2019-pci-mmio/lockpath.db" "$x86"
rc=0
"$lockpath" report --db "$s390" --db "$x86" --sarif "$out/report.sarif" --html "$out/html" \
	>"$out/report.txt" 2>"$out/report.err" || rc=$?
[ $rc = 1 ] || bad "combined report exited $rc, want 1 (findings): $(cat "$out/report.err")"
# The text report: the findings, then the matrix.
# the pci/mmio database adds no finding: as many as balloon-ccw-2019's own
n=$(grep -c ': warning: ' "$out/report.txt")
want_n=$(q "SELECT count(*) FROM finding")
[ "$want_n" -gt 0 ] && [ "$n" = "$want_n" ] || bad "combined report has $n findings, want balloon-ccw-2019's $want_n"
matrix=$(sed -n '/^transport matrix: /,$p' "$out/report.txt")
expect_line() {   # expect_line REGEX WHAT
	grep -Eq "$1" <<<"$matrix" || bad "no matrix line for $2 (/$1/) in:
$matrix"
}
expect_line '^transport matrix: 3 transports from 2 databases, 3 driver callbacks$' "the summary"
expect_line '^  ccw: from s390\.db$' "ccw's origin"
expect_line '^  mmio: from x86\.db$' "mmio's origin"
expect_line '^  pci: from x86\.db$' "pci's origin"
cell() {   # cell CALLBACK TRANSPORT: the matrix line of that cell
	awk -v cb="$1" -v t="$2" '/^[^ ]/ { in_cb = ($1 == cb) } in_cb && $1 == t' <<<"$matrix"
}
c=$(cell virtballoon_changed ccw)
[[ $c =~ ^\ +ccw\ +deadlock\ +#1\ recursive-lock ]] || bad "virtballoon_changed on ccw: '$c', want a deadlock, #1 recursive-lock first"
for t in mmio pci; do
	c=$(cell virtballoon_changed $t)
	[[ $c =~ safe\ +reads\ config:\ $t\'s\ config\ read\ v[mp]_get\ takes\ no\ lock$ ]] ||
		bad "virtballoon_changed on $t: '$c', want safe, its config read taking no lock"
	c=$(cell stats_request $t)
	[[ $c =~ safe\ +defers:\ stats_request\ queues\ its\ work ]] || bad "stats_request on $t: '$c', want safe, deferring"
done
# The SARIF: the same cells, each finding naming its database.
if command -v jq >/dev/null; then
	got=$(jq -r '.runs[0].properties.transportMatrix.rows[] | select(.callback == "virtballoon_changed")
	             | [.cells[] | .transport + "=" + .status] | join(",")' "$out/report.sarif")
	[ "$got" = "ccw=deadlock,mmio=safe,pci=safe" ] || bad "SARIF cells of virtballoon_changed: '$got'"
	got=$(jq -r '[.runs[0].properties.transportMatrix.columns[] | .transport + ":" + (.databases | join("+"))] | join(",")' \
		"$out/report.sarif")
	[ "$got" = "ccw:s390.db,mmio:x86.db,pci:x86.db" ] || bad "SARIF columns: '$got'"
	got=$(jq -r '[.runs[0].results[].properties.database] | unique | join(",")' "$out/report.sarif")
	[ "$got" = "s390.db" ] || bad "SARIF results' databases: '$got', want s390.db only"
fi
# The HTML report: the column headers name their database; the ccw cell links to finding 1.
idx=$out/html/index.html
grep -q '<th class="tr">mmio<div class="sub origin">x86.db</div></th>' "$idx" || bad "HTML: no mmio column from x86.db"
grep -q '<th class="tr">ccw<div class="sub origin">s390.db</div></th>' "$idx" || bad "HTML: no ccw column from s390.db"
grep -Eq '<tr data-callback="virtballoon_changed">.*<td class="cell deadlock" data-transport="ccw" [^>]*>.*href="findings/1.html"' "$idx" ||
	bad "HTML: virtballoon_changed's ccw cell is not a deadlock linking to finding 1"
[ "$(grep -o '<td class="cell safe" data-transport="[a-z]*"' "$idx" | grep -c .)" -ge 2 ] || bad "HTML: fewer than 2 safe cells"
[ $fail = 0 ] && echo "matrix: combined: ccw deadlock (s390.db), mmio and pci safe (x86.db)"

# ---- 3. refused
refused() {   # refused WHAT PATTERN ARGS...: exit 2 and one error line matching PATTERN
	local what=$1 pat=$2 rc=0 err
	shift 2
	err=$("$lockpath" report "$@" 2>&1 >/dev/null) || rc=$?
	[ $rc = 2 ] || bad "$what: exit $rc, want 2"
	grep -Eq "$pat" <<<"$err" || bad "$what: error '$err' does not match /$pat/"
}
refused "a missing --db" "lockpath: .*$work/nothere\.db" --db "$s390" --db "$work/nothere.db"
cp "$x86" "$work/v99.db"
sqlite3 "$work/v99.db" 'PRAGMA user_version = 99'
refused "another schema version" "v99\.db: database schema version 99 is newer" --db "$s390" --db "$work/v99.db"
refused "one database twice" "are one database" --db "$s390" --db "$work/../$(basename "$work")/s390.db"
[ $fail = 0 ] && echo "matrix: a missing database, another schema version and a database given twice are refused"
exit $fail
