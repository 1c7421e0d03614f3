#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# parse-by-tu.sh - compare libclang's parse CPU inside lockpath with the floor's,
# TU by TU, along the run: is the same parse dearer in lockpath, and does the gap
# grow as the run goes on (something lockpath keeps that slows the parse)?
#
#   bench/parse-by-tu.sh LOCKPATH.db FLOOR-TIMES [PARTS]
#
# LOCKPATH.db: a database lockpath extract wrote (tu.parse_cpu_ms, in the order
# the TUs were stored); FLOOR-TIMES: what parse-floor --times wrote for the same
# compile database.  Prints, for each of PARTS (default 10) equal slices of
# lockpath's run, the TUs, both CPU sums and their ratio; then the whole.
set -euo pipefail
[ $# -ge 2 ] || { sed -n '3,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
db=$1 times=$2 parts=${3:-10}
[ -r "$db" ] || { echo "parse-by-tu.sh: error: cannot read $db" >&2; exit 2; }
[ -r "$times" ] || { echo "parse-by-tu.sh: error: cannot read $times" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "parse-by-tu.sh: error: needs sqlite3 (scripts/deps.sh test)" >&2; exit 2; }

sqlite3 -separator $'\t' "$db" \
	"SELECT f.path, t.parse_cpu_ms FROM tu t JOIN file f ON f.id = t.file_id WHERE t.status < 2 ORDER BY t.id" |
awk -F'\t' -v parts="$parts" '
	FNR == NR { floor[$1] = $3; next }            # parse-floor --times: file, wall, cpu
	($1 in floor) { n++; path[n] = $1; lp[n] = $2 }
	END {
		if (!n) { print "parse-by-tu.sh: no TU in both runs" > "/dev/stderr"; exit 2 }
		printf "%-8s %6s %12s %12s %7s\n", "slice", "TUs", "lockpath s", "floor s", "ratio"
		for (p = 0; p < parts; p++) {
			a = int(p * n / parts) + 1; b = int((p + 1) * n / parts)
			l = f = 0
			for (i = a; i <= b; i++) { l += lp[i]; f += floor[path[i]] }
			printf "%-8s %6d %12.1f %12.1f %7.3f\n", (p + 1) "/" parts, b - a + 1, l / 1000, f / 1000, f ? l / f : 0
			tl += l; tf += f
		}
		printf "%-8s %6d %12.1f %12.1f %7.3f\n", "all", n, tl / 1000, tf / 1000, tf ? tl / tf : 0
	}' "$times" -
