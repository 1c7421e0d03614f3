#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# html-hostile.sh - the HTML report trusts nothing: a database is a CI
# artifact anyone with write access to the pipeline can edit, and a report
# directory may hold planted symlinks.
#  - every text column of every table (and the meta values) is poisoned with
#    markup that breaks out of text and attributes; no page may hold a live
#    '<img' (finding.rule and callback_reach.context used to go in raw);
#  - a symlink planted at DIR/index.html is replaced, not followed (the
#    pages are written to temporary files and renamed), and a symlinked
#    DIR/findings or DIR/src is refused.
#
#   bash html-hostile.sh LOCKPATH
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$INPUTS/../../.." && pwd)

"$ROOT/scripts/corpus-compdb.sh" balloon-ccw-2019 cc "$ROOT/corpus"
lp run cc --db t.db --rules "$ROOT/rules" -q
expect_rc 1 "run on balloon-ccw-2019"

payload='"'"'"'><img src=x onerror=alert(1)>'
n=$(python3 - t.db "$payload" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
bad = sys.argv[2]
n = 0
for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall():
    for col in db.execute(f"PRAGMA table_info({t})").fetchall():
        name, kind = col[1], col[2].upper()
        if "TEXT" not in kind:
            continue
        if t == "meta" and name == "key":
            continue   # 'checked', 'linked', 'limit:...' keep their meaning
        where = " AND key NOT IN ('checked', 'linked')" if t == "meta" else ""
        n += db.execute(f"UPDATE {t} SET {name} = ? || {name} WHERE {name} IS NOT NULL{where}", (bad,)).rowcount
db.commit()
print(n)
PY
)
[ "$n" -gt 1000 ] || fail "only $n values poisoned"
lp report --db t.db --no-text --html html
expect_rc 1 "report on the poisoned database"
pages=$(find html -name '*.html' | wc -l)
[ "$pages" -gt 10 ] || fail "only $pages pages written"
live=$(grep -l '<img' -r html || true)
[ -z "$live" ] || { grep -o '.\{60\}<img.\{20\}' $live | head -5 >&2; fail "live markup from the database in: $live"; }
for what in 'rule' 'finding-count'; do
	grep -q "$what" html/index.html || fail "index.html looks empty"
done
grep -q '&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;' html/index.html || fail "the poisoned values are not shown, escaped"
grep -q 'class="reach"' html/index.html || fail "no transport matrix (callback_reach) on the index"
pass "$n poisoned database values in $pages pages: all escaped, no live markup"

# a symlink planted at DIR/index.html: replaced, not followed
mkdir rep1
echo precious >victim.html
ln -s "$T/victim.html" rep1/index.html
lp report --db t.db --no-text --html rep1
expect_rc 1 "report into a directory with a planted symlink"
[ "$(cat victim.html)" = precious ] || fail "the report followed the symlink at rep1/index.html"
[ -f rep1/index.html ] && [ ! -L rep1/index.html ] || fail "rep1/index.html is not a file of the report"
! ls rep1/*.tmp* >/dev/null 2>&1 || fail "temporary files left in rep1/"
pass "a symlink at DIR/index.html is replaced, never followed"

# a symlinked DIR/findings or DIR/src: refused, nothing written through it
for sub in findings src; do
	rm -rf rep2 elsewhere
	mkdir rep2 elsewhere
	ln -s "$T/elsewhere" "rep2/$sub"
	lp report --db t.db --no-text --html rep2
	expect_error_rc2 "report into a directory whose $sub is a symlink" \
		"cannot write the HTML report to rep2: 'rep2/$sub' is a symlink, and lockpath does not follow symlinks inside the report directory"
	[ -z "$(ls elsewhere)" ] || fail "the report wrote through rep2/$sub"
done
pass "a symlinked DIR/findings or DIR/src is refused"

# output size is bounded: a 5 MB line at a finding (and one next to it) is
# clipped around the column shown, and a 17 MB file's source page stops at 4 MB
mkdir big
{
	echo '#include "lp_test.h"'
	printf '/* %s */\n' "$(head -c 5000000 /dev/zero | tr '\0' x)"
	echo 'void do_io_irq(struct device *dev)'
	echo '{'
	printf '\tspin_lock(&dev->lock); spin_lock(&dev->lock); /* %s */\n' "$(head -c 5000000 /dev/zero | tr '\0' y)"
	echo '	spin_unlock(&dev->lock);'
	echo '	spin_unlock(&dev->lock);'
	echo '}'
	awk 'BEGIN { for (i = 0; i < 200000; i++) print "/* filler line to make a big file */" }'
} >big/big.c
compdb bigcc big/big.c
lp run bigcc --db big.db --html bightml -q
expect_rc 1 "run on the big file"
size=$(du -sk bightml | cut -f1)
[ "$size" -lt 5000 ] || fail "the report of a 17 MB file takes $size KB"
page=bightml/findings/1.html
grep -q 'spin_lock(&amp;dev-&gt;lock); spin_lock(&amp;dev-&gt;lock);' $page || fail "the finding's line is not shown around its column"
grep -q 'class="clip">\[[0-9]* more bytes left out\]' $page || fail "no marker where the finding's line is clipped"
grep -q 'class="clip">\[4999[0-9]* more bytes left out\]' $page || fail "the line before the finding is not clipped"
grep -q 'This page stops at line [0-9]* of 200008' bightml/src/1.html || fail "the source page of the big file is not capped"
pass "a 5 MB line is clipped around the column, a big file's page capped: $size KB of report"
