#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# quickstart.sh - from a fresh Debian 12 machine to a lockpath report, in one
# command: install the missing packages, build lockpath (release), and run it
# on the bundled corpus tree that models the 2019 virtio-ccw balloon deadlock
# on a kernel with both the ccw and the pci transport (balloon-2019-ccw-pci).
# The report lands in build/report/: report.txt (compiler style),
# report.sarif (SARIF 2.1.0), html/index.html (the HTML report, with the
# ccw/pci transport matrix) and lockpath.db (the database behind them).
# It ends with the exact path of the binary and how to install it.
#
#   scripts/quickstart.sh [TREE]      (default TREE: balloon-2019-ccw-pci;
#                                      the trees are corpus/trees/*.tree)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tree=${1:-balloon-2019-ccw-pci}
"$root/scripts/deps.sh" build
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" -j "$(nproc)" --target lockpath
out="$root/build/report"
rm -rf "$out"
mkdir -p "$out"
"$root/scripts/corpus-compdb.sh" "$tree" "$out/$tree"
lockpath="$root/build/analyzer/lockpath"
set +e
"$lockpath" run "$out/$tree" --db "$out/lockpath.db" --sarif "$out/report.sarif" --html "$out/html" \
	| tee "$out/report.txt"
rc=${PIPESTATUS[0]}
set -e
echo
n=$(grep -c ': warning: ' "$out/report.txt" || true)
echo "quickstart: $n findings on corpus tree $tree (exit $rc); the report is in $out:"
echo "  report.txt       the findings in compiler style (the recursive-lock in ccw_io_helper is the 2019 bug)"
echo "  report.sarif     the same, SARIF 2.1.0"
echo "  html/index.html  the HTML report: open it in a browser (file://$out/html/index.html)"
echo "  lockpath.db      the database: $lockpath report --db $out/lockpath.db [--sarif F] [--html DIR]"
echo
echo "The lockpath binary is $lockpath (not on PATH). To install it:"
echo "  cmake --install $root/build                          # /usr/local/bin/lockpath, its rules and man page"
echo "  (cd $root/build && cpack -G DEB) && apt install $root/build/lockpath_*.deb   # or as a Debian package"
# exit 0 or 1 (findings) is success here: the seed tree is meant to have some
[ "$rc" -le 1 ]
