#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# matrix.sh - the transport matrix across architectures (issue 16): the s390
# tree (ccw, and pci) and the x86_64 tree (pci, mmio) combined by
# 'lockpath report --db s390 --db x86_64' into one matrix.
#
#   clean   both trees as 6.1 has them: every cell that a transport reaches
#           is safe, on every column, ccw, mmio and pci alike;
#   patched balloon-config-in-callback.patch applied to both (lib.sh's
#           balloon_patched, on copies): virtballoon_changed is a deadlock on
#           ccw (from the s390 database); on mmio and pci its config read
#           takes no lock, and only 6.1's might_sleep() in the accessors
#           makes the cell 'sleeps' (a config read may sleep on any
#           transport, the kernel says), in the text, SARIF and HTML reports.
#
# The databases are the fixtures' (WORKDIR/clang.db, WORKDIR/x86_64.db); the
# patched ones re-parse one TU each.
#   matrix.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

# combined NAME S390DB X86DB: the combined report into WORKDIR/matrix-NAME.
combined() {
	local out=$work/matrix-$1 rc=0
	rm -rf "$out"
	mkdir -p "$out"
	# the labels the report shows: the architecture's name
	cp "$2" "$out/s390.db"
	cp "$3" "$out/x86_64.db"
	(cd "$out" && "$lockpath" report --db s390.db --db x86_64.db --sarif report.sarif --html html \
		>report.txt 2>report.err) || rc=$?
	cat "$out/report.err" >&2
	[ "$rc" -le 1 ] || fail "$1: lockpath report --db s390.db --db x86_64.db exited $rc"
	sed -n '/^transport matrix: /,$p' "$out/report.txt" >"$out/matrix.txt"
	[ -s "$out/matrix.txt" ] || fail "$1: the text report has no transport matrix"
}

# cells NAME: one line per reached cell of the combined SARIF matrix:
#   'callback transport status'
cells() {
	jq -r '.runs[0].properties.transportMatrix.rows[] | .callback as $c
	       | .cells[] | select(.status != "not reached") | "\($c) \(.transport) \(.status)"' \
		"$work/matrix-$1/report.sarif"
}

# why NAME: for each reached cell that is not safe, 'callback transport
# status' and then the findings that make it so, 'database #N rule: message'.
why() {
	jq -r '.runs[0] as $r | $r.properties.transportMatrix.rows[] | .callback as $c | .cells[]
	       | select(.status != "not reached" and .status != "safe")
	       | "\($c) \(.transport) \(.status)", (.results[] as $i | $r.results[$i]
	       | "    \(.properties.database) #\($i + 1) \(.ruleId): \(.message.text)")' \
		"$work/matrix-$1/report.sarif"
}

# The columns and where they came from: ccw only from s390, mmio only from
# x86_64, pci from both (the s390 tree builds virtio-pci too).
check_columns() {
	local got
	got=$(jq -r '[.runs[0].properties.transportMatrix.columns[] | .transport + ":" + (.databases | join("+"))] | join(",")' \
		"$work/matrix-$1/report.sarif")
	[ "$got" = "ccw:s390.db,mmio:x86_64.db,pci:s390.db+x86_64.db" ] ||
		fail "$1: columns '$got', want ccw from s390.db, mmio from x86_64.db, pci from both"
	grep -q '^  ccw: from s390.db: s390$' "$work/matrix-$1/matrix.txt" || fail "$1: the text matrix does not name ccw's origin"
	grep -q '<th class="tr">mmio<div class="sub origin">x86_64.db: x86</div></th>' "$work/matrix-$1/html/index.html" ||
		fail "$1: the HTML matrix does not name mmio's origin"
}

s390=$work/clang.db x86=$work/x86_64.db
[ -r "$s390" ] || fail "$s390 missing (the kernel/clang fixture makes it)"
[ -r "$x86" ] || fail "$x86 missing (the kernel/x86_64 fixture makes it)"

# ---- clean: all safe (a failure is reported at the end, after the patched trees' check)
combined clean "$s390" "$x86"
check_columns clean
n=$(cells clean | grep -c .)
[ "$n" -ge 60 ] || fail "clean: only $n reached cells; expected the ~25 callbacks of both trees on three transports"
clean_bad=$(cells clean | grep -v ' safe$' || true)
if [ -z "$clean_bad" ]; then
	note "clean: all $n reached cells are safe"
else
	cat "$work/matrix-clean/matrix.txt" >&2
	clean_bad=$(why clean)
	note "clean: cells that are not safe:
$clean_bad"
fi

# ---- the 2019 balloon back in both trees
balloon_patched clang "$work/matrix-balloon-s390"
balloon_patched x86_64 "$work/matrix-balloon-x86_64"
combined patched "$work/matrix-balloon-s390/balloon.db" "$work/matrix-balloon-x86_64/balloon.db"
check_columns patched
got=$(cells patched | awk '$1 == "virtballoon_changed" { print $2 "=" $3 }' | sort | paste -sd, -)
[ "$got" = "ccw=deadlock,mmio=sleeps,pci=sleeps" ] ||
	fail "patched: virtballoon_changed is '$got', want ccw=deadlock,mmio=sleeps,pci=sleeps; the cells that are not safe:
$(why patched)"
# The ccw cell links to the recursive-lock finding from do_cio_interrupt, a finding of the s390 database.
jq -e '.runs[0] as $r | $r.properties.transportMatrix.rows[] | select(.callback == "virtballoon_changed")
       | .cells[] | select(.transport == "ccw") | [.results[] | $r.results[.]
       | select(.ruleId == "recursive-lock" and .properties.entry == "do_cio_interrupt" and .properties.database == "s390.db")]
       | length >= 1' "$work/matrix-patched/report.sarif" >/dev/null ||
	fail "patched: the ccw cell does not link to the recursive-lock from do_cio_interrupt of s390.db"
# mmio and pci take no lock on the way: what makes their cells 'sleeps' is 6.1's
# own might_sleep() in the config accessors (virtio_config.h), which says a
# config read may sleep on any transport; nothing else may be there.
for t in mmio pci; do
	others=$(jq -r --arg t "$t" '.runs[0] as $r | $r.properties.transportMatrix.rows[]
		| select(.callback == "virtballoon_changed") | .cells[] | select(.transport == $t)
		| .results[] | $r.results[.] | select((.message.text | startswith("might_sleep may sleep")) | not)
		| "\(.ruleId): \(.message.text)"' "$work/matrix-patched/report.sarif")
	[ -z "$others" ] || fail "patched: virtballoon_changed on $t has more than the accessors' might_sleep():
$others"
done
awk '/^[^ ]/ { cb = $1 } cb == "virtballoon_changed"' "$work/matrix-patched/matrix.txt" >&2
note "patched: virtballoon_changed is a deadlock on ccw (s390.db); on mmio and pci only the accessors' might_sleep() (x86_64.db)"

[ -z "$clean_bad" ] || fail "clean: cells that are not safe on the clean trees:
$clean_bad
(the whole report: $work/matrix-clean/report.txt)"
