#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# check-tree.sh - the source tree holds no build products: no file that git
# tracks, and no untracked file that .gitignore does not cover, is an ELF
# binary (executable, object, shared library) or an ar archive.  Images in
# docs/ are binaries by design and pass.  And every source file (C, shell,
# CMake, SQL, rules, the report's assets) names its licence in an
# SPDX-License-Identifier line among its first three lines (LICENSE); test
# inputs and fuzz seeds are data, not source.  CI runs it first (.ci/run);
# ctest runs it as repo/no-binaries.
#
#   scripts/check-tree.sh [REPO_DIR]     exit 0 clean, 1 with the offenders listed
set -euo pipefail
cd "${1:-$(dirname "$0")/..}"
git rev-parse --git-dir >/dev/null 2>&1 || { echo "check-tree.sh: error: $(pwd) is not a git checkout" >&2; exit 2; }
bad=0
while IFS= read -r -d '' f; do
	[ -f "$f" ] && [ ! -L "$f" ] || continue
	magic=$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')
	case $magic in
	7f454c46*) what="an ELF binary" ;;
	213c617263683e0a) what="an ar archive" ;;
	*) continue ;;
	esac
	echo "check-tree.sh: $f is $what; build products do not belong in the tree (delete it, or build out of tree)" >&2
	bad=1
done < <(git ls-files -z --cached --others --exclude-standard)
while IFS= read -r f; do
	case $f in
	tests/fuzz/*-seeds/*|tests/unit/rules-bad/*|tests/cli/inputs/*|tests/unit/lockkeys.c) continue ;;
	*.c|*.h|*.sh|*.sql|*.rules|*.js|*.css|*.html|*CMakeLists.txt|.ci/run) ;;
	*) continue ;;
	esac
	head -3 "$f" | grep -q 'SPDX-License-Identifier:' && continue
	echo "check-tree.sh: $f has no SPDX-License-Identifier line in its first three lines (see LICENSE)" >&2
	bad=1
done < <(git ls-files --cached --others --exclude-standard)
[ $bad = 0 ] && echo "check-tree.sh: no binaries in the tree, every source file names its licence"
exit $bad
