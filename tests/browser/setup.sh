#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# setup.sh - the fixture of the browser and SARIF tests: install the npm
# packages they need (package-lock.json, pinned) into a cache outside the
# repo, then analyse corpus trees and write what the tests read into OUT:
#
#   OUT/node_modules.path   where the packages are
#   OUT/virtio-2019/        the 2019 balloon on ccw and on pci, one run:
#                           lockpath.db, report.sarif, html/
#   OUT/balloon-pci-2019/   a tree with no findings: report.sarif, html/
#   OUT/parse-error/        a TU that does not parse: report.sarif, html/
#
#   setup.sh LOCKPATH SRCDIR OUT
#
# The cache is $LOCKPATH_NPM_CACHE, else /var/cache/lockpath/npm, else (not
# writable) ~/.cache/lockpath/npm; it is reinstalled when the lock changes.
# The only network used is the npm registry, and only then.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: setup.sh LOCKPATH SRCDIR OUT" >&2; exit 2; }
lockpath=$1 src=$2 out=$3
here=$src/tests/browser

for tool in node npm; do
	command -v $tool >/dev/null || { echo "setup.sh: error: $tool not found (scripts/deps.sh browser installs it)" >&2; exit 1; }
done

cache=${LOCKPATH_NPM_CACHE:-/var/cache/lockpath/npm}
if ! mkdir -p "$cache" 2>/dev/null || [ ! -w "$cache" ]; then
	cache=${XDG_CACHE_HOME:-$HOME/.cache}/lockpath/npm
	mkdir -p "$cache"
fi
want=$(cat "$here/package.json" "$here/package-lock.json" | sha256sum | cut -d' ' -f1)
(
	flock 9
	if [ ! -d "$cache/node_modules" ] || [ "$(cat "$cache/.installed" 2>/dev/null)" != "$want" ]; then
		echo "setup.sh: installing npm packages into $cache" >&2
		cp "$here/package.json" "$here/package-lock.json" "$cache/"
		rm -f "$cache/.installed"
		(cd "$cache" && npm ci --no-audit --no-fund --loglevel=error)
		echo "$want" > "$cache/.installed"
	fi
) 9>"$cache/.lock"
rm -rf "$out"
mkdir -p "$out"
echo "$cache/node_modules" > "$out/node_modules.path"

# lockpath exits 1 when it has findings: that is success here, 2 is not,
# and neither is any report of the sanitizers of a test build.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
run() {
	local rc=0
	"$lockpath" run "$@" --rules "$src/rules" -q --no-progress > /dev/null 2> "$out/stderr" || rc=$?
	if [ $rc -gt 1 ] || grep -Eq 'runtime error|Sanitizer' "$out/stderr"; then
		cat "$out/stderr" >&2
		echo "setup.sh: error: lockpath run $* exited $rc" >&2
		exit 1
	fi
}

# The 2019 balloon on both transports in one run: the union of two corpus
# trees' translation units (they share the virtio core and the driver).
d=$out/virtio-2019
"$src/scripts/corpus-compdb.sh" balloon-ccw-2019 "$out/ccw"
"$src/scripts/corpus-compdb.sh" balloon-pci-2019 "$out/pci"
mkdir -p "$d"
node -e '
	const fs = require("fs"), seen = new Set(), all = [];
	for (const f of process.argv.slice(2))
		for (const e of JSON.parse(fs.readFileSync(f, "utf8")))
			if (!seen.has(e.file)) { seen.add(e.file); all.push(e); }
	fs.writeFileSync(process.argv[1], JSON.stringify(all, null, 1));
' "$d/compile_commands.json" "$out/ccw/compile_commands.json" "$out/pci/compile_commands.json"
run "$d" --db "$d/lockpath.db" --sarif "$d/report.sarif" --html "$d/html"

d=$out/balloon-pci-2019
mkdir -p "$d"
cp "$out/pci/compile_commands.json" "$d/"
run "$d" --db "$d/lockpath.db" --sarif "$d/report.sarif" --html "$d/html"

# A TU with a parse error: the SARIF carries a toolExecutionNotification.
# The transport matrix across architectures: the ccw tree's database and the
# pci + mmio tree's, combined by 'lockpath report --db A --db B'.
for t in balloon-ccw-2019 balloon-2019-pci-mmio; do
	"$src/scripts/corpus-compdb.sh" $t "$out/$t"
	run "$out/$t" --db "$out/$t/lockpath.db"
done
d=$out/combined
mkdir -p "$d"
cp "$out/balloon-ccw-2019/lockpath.db" "$d/s390.db"
cp "$out/balloon-2019-pci-mmio/lockpath.db" "$d/x86.db"
rc=0
(cd "$d" && "$lockpath" report --db s390.db --db x86.db --rules "$src/rules" -q --no-text \
	--sarif report.sarif --html html 2>"$out/stderr") || rc=$?
if [ $rc -gt 1 ] || grep -Eq 'runtime error|Sanitizer' "$out/stderr"; then
	cat "$out/stderr" >&2
	echo "setup.sh: error: lockpath report --db s390.db --db x86.db exited $rc" >&2
	exit 1
fi

d=$out/parse-error
mkdir -p "$d"
printf 'struct s { int x; };\nint f(struct s *p) { return p->y; }\n' > "$d/broken.c"
printf '[{"directory": "%s", "file": "%s/broken.c", "arguments": ["clang-19", "-c", "broken.c"]}]\n' "$d" "$d" \
	> "$d/compile_commands.json"
run "$d" --db "$d/lockpath.db" --sarif "$d/report.sarif" --html "$d/html"
echo "setup.sh: reports written into $out" >&2
