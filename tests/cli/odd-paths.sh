#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# odd-paths.sh - a tree whose directory names hold a space, '#' and '%'
# ('sp ace#frag%41'), bytes that are not UTF-8 (reached through a symlink,
# as realpath names it), and a newline with a forged diagnostic and an ESC
# sequence.  No finding may be lost or forged on the way out:
#  - SARIF has as many results as the text has warnings (a path that was not
#    UTF-8 used to drop its whole result, in silence), and also for the
#    gate's new-only SARIF;
#  - every URI is RFC 3986 (percent-encoded), relative to SRCROOT in
#    originalUriBaseIds, and decodes back to the file;
#  - text output escapes control characters (\n, \x1b) as compilers do, so
#    no line of it is forged.
#
#   bash odd-paths.sh LOCKPATH
. "$(dirname "$0")/lib.sh"

bad=$'bad\xff\xfe' forged=$'nl\nfake.c:1:1: warning: forged [recursive-lock]\x1b[31m'
n=0
for d in 'sp ace#frag%41' "$bad" "$forged"; do   # one finding each, each its own fingerprint
	n=$((n + 1))
	mkdir -p "$T/$d"
	cat >"$T/$d/x.c" <<C
#include "lp_test.h"
static void helper$n(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_unlock(&dev->lock);
}
void do_io_irq(struct device *dev)
{
	spin_lock(&dev->lock);
	helper$n(dev);
	spin_unlock(&dev->lock);
}
C
done
ln -s "$bad" "$T/good"   # JSON is UTF-8: the compile database names the symlink
# cdb OUT DIR...: a compile database compiling DIR/x.c for each DIR (in $T)
cdb() {
	local out=$1
	shift
	python3 - "$T" "$INPUTS" "$out" "$@" <<'PY'
import json, os, sys
t, inputs, out, dirs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
os.makedirs(out, exist_ok=True)
json.dump([{"directory": os.path.join(t, d), "file": "x.c",
            "arguments": ["clang-19", "-I" + inputs, "-c", "x.c", "-o", "x.o"]} for d in dirs],
          open(os.path.join(out, "compile_commands.json"), "w"))
PY
}
cdb cc 'sp ace#frag%41' good "$forged"
cdb base 'sp ace#frag%41'

# sarif_check FILE N: N results, every URI RFC 3986 and naming an existing file
sarif_check() {
	python3 - "$1" "$2" "$T" <<'PY' || fail "$1: see above"
import json, os, re, sys, urllib.parse
f, want, t = sys.argv[1], int(sys.argv[2]), sys.argv[3]
run = json.load(open(f))["runs"][0]
res = run["results"]
if len(res) != want:
    sys.exit(f"{f}: {len(res)} results, the text has {want}")
base = run.get("originalUriBaseIds", {}).get("SRCROOT", {}).get("uri")
if base != "file://" + urllib.parse.quote(os.path.realpath(t)) + "/":
    sys.exit(f"{f}: SRCROOT is {base}, expected file://{t}/")
def walk(j):
    if isinstance(j, dict):
        if "uri" in j and "uriBaseId" in j or "artifactLocation" not in j and "uri" in j and j is not run:
            yield j
        for v in j.values(): yield from walk(v)
    elif isinstance(j, list):
        for v in j: yield from walk(v)
n = 0
for loc in walk(res):
    uri = loc["uri"]
    if not re.fullmatch(r"[A-Za-z0-9._~/%:-]+", uri):
        sys.exit(f"{f}: not an RFC 3986 URI: {uri!r}")
    whole = (base if loc.get("uriBaseId") == "SRCROOT" else "") + uri
    path = urllib.parse.unquote_to_bytes(whole[len("file://"):])
    if not os.path.isfile(path):
        sys.exit(f"{f}: {uri!r} does not decode to a file ({path!r})")
    n += 1
if n < 3 * want:
    sys.exit(f"{f}: only {n} URIs")
PY
}

lp run cc --db t.db --sarif t.sarif
expect_rc 1 "run on the odd paths"
warnings=$(grep -c ': warning: .*\[recursive-lock\]$' "$T/out" || true)
[ "$warnings" = 3 ] || fail "expected 3 warnings in the text, got $warnings"
sarif_check t.sarif 3
pass "SARIF has the text's 3 results, with RFC 3986 URIs relative to SRCROOT that decode to the files"

! grep -q $'\x1b' "$T/out" || fail "an ESC reached the text output"
! grep -q '^fake.c:1:1' "$T/out" || fail "a forged diagnostic line in the text output"
grep -qF 'nl\nfake.c:1:1: warning: forged [recursive-lock]\x1b[31m/x.c:4:2: warning: ' "$T/out" ||
	fail "the newline and ESC in the path are not shown as \\n and \\x1b"
[ "$(grep -c '' "$T/out")" = 15 ] || fail "expected 15 lines (3 findings of 5 lines: the warning, 3 notes, the fix hint)"
pass "control characters in paths are escaped (\\n, \\x1b): no forged line, no terminal escape"

lp run base --db base.db --sarif base.sarif
expect_rc 1 "run on the base"
lp gate --baseline base.sarif --db t.db --sarif new.sarif
expect_rc 1 "gate with two new findings"
expect_summary() { grep -qE "^lockpath: gate: [a-zA-Z]+: $1" "$T/out" || fail "expected summary '$1'"; }
expect_summary "2 new, 0 fixed, 1 unchanged"
[ "$(grep -c 'note: new since the baseline' "$T/out")" = 2 ] || fail "expected 2 new findings in the text"
sarif_check new.sarif 2
pass "the gate's new-only SARIF has the 2 new findings the text shows"

lp gate --baseline t.sarif --db base.db
expect_rc 0 "gate against the odd SARIF baseline"
expect_summary "0 new, 2 fixed, 1 unchanged"
grep -qF "$bad/x.c:4: note: fixed since the baseline" "$T/out" || fail "the fixed finding's path is not decoded"
grep -qF 'nl\nfake.c:1:1: warning: forged [recursive-lock]\x1b[31m/x.c:4: note: fixed since' "$T/out" ||
	fail "the fixed finding's path is not decoded, or not escaped"
pass "a SARIF baseline's percent-encoded, SRCROOT-relative URIs decode back to the paths"
