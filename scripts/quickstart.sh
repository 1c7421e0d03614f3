#!/usr/bin/env bash
# quickstart.sh - from a fresh Debian 12 machine to a lockpath report, in one
# command: install the missing packages, build lockpath (release), and run it
# on the bundled corpus tree that models the 2019 virtio-ccw balloon deadlock.
# The report lands in build/report/: report.txt (compiler style), report.sarif
# (and the HTML report when the build has it).
#
#   scripts/quickstart.sh [TREE]      (default TREE: balloon-ccw-2019)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-balloon-ccw-2019}
"$root/scripts/deps.sh" build
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j "$(nproc)" --target lockpath
out="$root/build/report"
rm -rf "$out"
mkdir -p "$out"
"$root/scripts/corpus-compdb.sh" "$tree" "$out/$tree"
lockpath="$root/build/analyzer/lockpath"
set +e
"$lockpath" run "$out/$tree" --db "$out/lockpath.db" --sarif "$out/report.sarif" | tee "$out/report.txt"
rc=${PIPESTATUS[0]}
set -e
if "$lockpath" report --help | grep -q -- --html; then
	"$lockpath" report --db "$out/lockpath.db" --no-text --html "$out/html" -q || true
fi
echo
echo "quickstart: report in $out (report.txt, report.sarif${tree:+, lockpath.db})"
# exit 0 or 1 (findings) is success here: the seed tree is meant to have one
[ "$rc" -le 1 ]
