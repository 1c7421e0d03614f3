#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# install.sh - lockpath as an installed tool.  'cmake --install' into a
# temporary root (DESTDIR) puts the binary, the rules and the man page under
# PREFIX; the installed binary reads PREFIX/share/lockpath/rules (found from
# /proc/self/exe, not the source tree it was built from) unless
# $LOCKPATH_RULES says otherwise, and finds the 4 findings of the corpus tree
# balloon-ccw-2019.  Then the same from the Debian package that 'cpack -G
# DEB' makes (unpacked with dpkg -x), whose dependencies are the runtime
# packages.
#
#   bash install.sh LOCKPATH BUILD_DIR CORPUS_DIR CORPUS_COMPDB_SH
. "$(dirname "$0")/lib.sh"
[ $# -eq 4 ] || fail "usage: install.sh LOCKPATH BUILD_DIR CORPUS_DIR CORPUS_COMPDB_SH"
BUILD=$(realpath "$2")
use_corpus "$3" "$4"
unset LOCKPATH_RULES

tree=balloon-ccw-2019
copy_tree $tree w

# expect_corpus BIN: BIN finds the 4 findings of the tree, with its own rules.
expect_corpus() {
	rc=0
	"$1" run w/cc --db "$T/c.db" --force >"$T/out" 2>"$T/err" || rc=$?
	expect_rc 1 "$1 on $tree"
	expect_err "^lockpath: 4 findings, 1 recursive-lock, 1 sleep-in-atomic, 2 lock-order in "
	[ "$(grep -c ': warning: .*\[\(recursive-lock\|sleep-in-atomic\|lock-order\|irq-inversion\)\]$' "$T/out")" = 4 ] ||
		fail "expected 4 findings in the output"
	rm -f "$T/c.db"
}

# 1. cmake --install into a temporary root
DESTDIR=$T/root cmake --install "$BUILD" --prefix /usr >"$T/out" 2>"$T/err" || fail "cmake --install failed"
bin=$T/root/usr/bin/lockpath
rules=$T/root/usr/share/lockpath/rules
[ -x "$bin" ] || fail "no usr/bin/lockpath in the installed tree"
ls "$rules"/*.rules >/dev/null 2>&1 || fail "no rules in usr/share/lockpath/rules"
if grep -q '^LP_HELP2MAN:FILEPATH=/' "$BUILD/CMakeCache.txt"; then
	[ -s "$T/root/usr/share/man/man1/lockpath.1" ] || fail "no man page, although help2man was found"
	grep -q 'lockpath gate' "$T/root/usr/share/man/man1/lockpath.1" || fail "the man page lacks the commands' help"
fi
pass "cmake --install: binary, rules$([ -e "$T/root/usr/share/man/man1/lockpath.1" ] && echo ", man page")"

# 2. the installed binary reads the installed rules; $LOCKPATH_RULES wins
printf 'no-such-directive x\n' >"$rules/zz-install-test.rules"
lp() { rc=0; "$@" >"$T/out" 2>"$T/err" || rc=$?; }
lp "$bin" run w/cc --db "$T/c.db"
expect_error_rc2 "the installed binary with a bad installed rule" "$rules/zz-install-test.rules:1: unknown directive 'no-such-directive'"
[ ! -e "$T/c.db" ] || fail "a database was written despite the bad rule"
LOCKPATH_RULES=$CORPUS/../rules lp "$bin" run w/cc --db "$T/c.db" --force
expect_rc 1 "the installed binary with \$LOCKPATH_RULES"
rm -f "$rules/zz-install-test.rules" "$T/c.db"
pass "the installed binary reads PREFIX/share/lockpath/rules; \$LOCKPATH_RULES wins"

expect_corpus "$bin"
pass "the installed binary finds the 4 findings of $tree"

# 3. the Debian package
if command -v cpack >/dev/null && command -v dpkg-deb >/dev/null; then
	(cd "$BUILD" && cpack -G DEB -B "$T/pkg") >"$T/out" 2>"$T/err" || fail "cpack -G DEB failed"
	deb=$(ls "$T"/pkg/lockpath_*.deb 2>/dev/null | head -1)
	[ -n "$deb" ] || fail "cpack made no lockpath_*.deb"
	deps=$(dpkg-deb -f "$deb" Depends)
	[ "$deps" = "libclang1-19, libsqlite3-0, libjansson4, libxxhash0" ] || fail "Depends: '$deps'"
	dpkg-deb -c "$deb" >"$T/contents"
	grep -q ' \./usr/share/lockpath/rules/kernel-locks\.rules$' "$T/contents" || fail "no rules in the package"
	dpkg -x "$deb" "$T/deb"
	expect_corpus "$T/deb/usr/bin/lockpath"
	pass "cpack -G DEB: $(basename "$deb"), Depends: $deps; unpacked, it finds the 4 findings"
else
	echo "skip: no cpack or dpkg-deb: the Debian package is not tested"
fi
