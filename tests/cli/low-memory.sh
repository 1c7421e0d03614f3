#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# low-memory.sh - lockpath where the system refuses threads or memory.
# Under 'ulimit -v' the parse workers (64 MB stacks each) that do not fit are
# left out, with a warning that says why, and the run completes; where not
# one thread can start (RLIMIT_NPROC as an unprivileged user), the run stops
# with the system's reason before it creates or writes any database; a
# SARIF baseline too large for the memory left says "out of memory", not a
# JSON syntax error.  Takes a binary built without sanitizers (ASan cannot
# run under ulimit -v): lockpath_plain in a LOCKPATH_SANITIZE build.
. "$(dirname "$0")/lib.sh"

# 40 TUs, one with a recursive lock, so that -j 40 wants 40 workers.
N=40
files=()
for i in $(seq 1 $N); do
	printf '#include "lp_test.h"\nvoid tu%d_fn(struct device *dev)\n{\n\tspin_lock(&dev->lock);\n\tspin_unlock(&dev->lock);\n}\n' "$i" >"tu$i.c"
	files+=("tu$i.c")
done
cat >bug.c <<'C'
#include "lp_test.h"
void do_io_irq(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_lock(&dev->lock);
	spin_unlock(&dev->lock);
	spin_unlock(&dev->lock);
}
C
compdb cc bug.c "${files[@]}"

# lp_limited KB ARGS...: lp with the address space limited to KB kilobytes.
lp_limited() {
	local kb=$1
	shift
	rc=0
	(ulimit -v "$kb" && exec "$LOCKPATH" "$@") >"$T/out" 2>"$T/err" || rc=$?
}

# 1. ulimit -v 1 GB, -j 40: 40 x 64 MB of stacks do not fit; the run goes on
# with the workers that do, says so once, and finds the bug.
lp_limited 1000000 run cc --db t.db -j 40
expect_rc 1 "a run under ulimit -v 1000000 with -j 40"
expect_err "^lockpath: warning: parsing with [0-9]+ of 40 worker threads, on 64 MB stacks: the system refused more threads: [^;]+; the address space is limited to 976 MB \(ulimit -v\)$"
started=$(sed -n 's/^lockpath: warning: parsing with \([0-9]*\) of 40 .*/\1/p' "$T/err")
[ "$started" -ge 1 ] && [ "$started" -lt 40 ] || fail "$started workers started, expected 1 to 39"
expect_err "^lockpath: extract: $((N + 1)) TUs, $((N + 1)) parsed, 0 unchanged, 0 with errors, 0 failed"
expect_out "bug.c:5:[0-9]+: warning: .*\[recursive-lock\]"
pass "under ulimit -v, $started of 40 workers: the run completes and says why"

# 2. Not one thread: an unprivileged user whose processes are limited to the
# one it runs (ulimit -u 1).  The run stops with the reason, before it
# creates a database or writes to an existing one.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && command -v prlimit >/dev/null; then
	"$LOCKPATH" run cc --db good.db -j1 >/dev/null 2>&1 || true
	mkdir -m 0777 u
	cp good.db u/old.db
	chown nobody u/old.db
	chmod 0755 "$T"
	chmod -R a+rX "$T/cc" "$T"/*.c
	before=$(db_sum u/old.db)
	# lp_nobody ARGS...: lp as nobody with RLIMIT_NPROC 1
	lp_nobody() {
		rc=0
		prlimit --nproc=1 setpriv --reuid=nobody --regid=nogroup --clear-groups \
			"$LOCKPATH" "$@" >"$T/out" 2>"$T/err" || rc=$?
	}
	lp_nobody run cc --db u/old.db
	expect_error_rc2 "a run that cannot start a thread" "cannot start a parse worker thread \(with a stack of 64, 16 or 8 MB\): Resource temporarily unavailable; the user's processes and threads are limited to 1 \(ulimit -u\); nothing was written"
	[ "$(db_sum u/old.db)" = "$before" ] || fail "the existing database changed"
	[ ! -e u/old.db-wal ] && [ ! -e u/old.db-shm ] || fail "the existing database got a -wal or -shm file"
	lp_nobody extract cc --db u/new.db
	expect_error_rc2 "an extract that cannot start a thread" "cannot start a parse worker thread"
	[ ! -e u/new.db ] || fail "a new database was created by a run that could not start"
	pass "no thread at all: exit 2 with the reason, no database created or changed"
else
	echo "skip: not root, or no setpriv/prlimit: the no-thread case is not tested"
fi

# 3. A SARIF baseline of 300000 results, under a limit that a small
# baseline fits in with 100 MB to spare: "out of memory", not "not JSON".
"$LOCKPATH" run cc --db head.db --sarif small.sarif >/dev/null 2>&1 || true
awk 'BEGIN { printf "{\"version\": \"2.1.0\", \"runs\": [{\"tool\": {\"driver\": {\"name\": \"lockpath\"}}, \"results\": [";
	for (i = 0; i < 300000; i++)
		printf "%s{\"ruleId\": \"recursive-lock\", \"message\": {\"text\": \"x\"}, \"partialFingerprints\": {\"lockpath/v1\": \"%032x\"}}", i ? ",\n" : "", i;
	print "]}]}" }' >big.sarif
fits=""
for mb in $(seq 250 25 2000); do
	lp_limited $((mb * 1024)) gate --baseline small.sarif --db head.db
	[ "$rc" != 0 ] || { fits=$mb; break; }
done
[ -n "$fits" ] || fail "the gate on a small baseline did not pass under any limit up to 2000 MB"
lp_limited $(((fits + 100) * 1024)) gate --baseline big.sarif --db head.db
expect_error_rc2 "a huge SARIF baseline under ulimit -v $((fits + 100)) MB" \
	"big.sarif: cannot read the SARIF baseline: out of memory while parsing its [0-9.]+ MB of JSON; let lockpath use more memory \(ulimit -v\), or give the baseline database instead"
pass "a SARIF baseline too large for memory says so (a small one fits in $fits MB)"
