#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# bad-input.sh - every bad input gets one 'lockpath: error:' line naming the
# input and what is wrong, exit code 2, and no database written half-way:
# compile databases (missing, not JSON, wrong shape, bad entries, relative
# paths, unknown flags, missing sources), a rules file with a bad line,
# databases of other schema versions or not lockpath's, a baseline that is
# not lockpath's, an HTML directory that cannot be written.  docs/failures.md
# lists the same messages.
. "$(dirname "$0")/lib.sh"

cat >ok.c <<'C'
#include "lp_test.h"
void do_io_irq(struct device *dev)
{
	spin_lock(&dev->lock);
	spin_lock(&dev->lock);
	spin_unlock(&dev->lock);
	spin_unlock(&dev->lock);
}
C
compdb good ok.c

# bad_cdb NAME JSON PATTERN: a compile database NAME/compile_commands.json
# holding JSON is refused with PATTERN, and no database is created.
bad_cdb() {
	mkdir -p "$1"
	printf '%s\n' "$2" >"$1/compile_commands.json"
	for cmd in extract run; do
		lp $cmd "$1" --db "$1.db"
		expect_error_rc2 "$cmd $1" "$3"
		[ ! -e "$1.db" ] || fail "$cmd $1: a database was created"
	done
}

lp extract missing-dir --db m.db
expect_error_rc2 "missing compile database" "missing-dir: cannot read the compile database: No such file or directory"
mkdir empty-dir
lp run empty-dir --db m.db
expect_error_rc2 "directory without compile_commands.json" "empty-dir: no compile_commands.json in this directory"
[ ! -e m.db ] || fail "a database was created for a missing compile database"
pass "a missing compile database is refused"

mkdir emptyfile && : >emptyfile/compile_commands.json
lp run emptyfile --db emptyfile.db
expect_error_rc2 "an empty compile_commands.json" "emptyfile/compile_commands.json: the file is empty: expected a JSON array of compile commands"
bad_cdb notjson '[{"directory": "/tmp",' 'notjson/compile_commands.json:[0-9]+:[0-9]+: not a valid compile database: '
bad_cdb object '{"directory": "/tmp"}' 'object/compile_commands.json: expected a JSON array of compile commands, not an object'
bad_cdb none '[]' 'none/compile_commands.json: the compile database has no entries'
bad_cdb number '[1]' 'number/compile_commands.json: entry 1: expected an object, not a number'
bad_cdb nofile "[{\"directory\": \"$T\", \"arguments\": [\"cc\", \"-c\", \"ok.c\"]}]" \
	'nofile/compile_commands.json: entry 1: expected a non-empty "file" string'
bad_cdb nodir '[{"file": "ok.c", "arguments": ["cc", "-c", "ok.c"]}]' \
	'nodir/compile_commands.json: entry 1 \(ok.c\): expected a "directory" string'
bad_cdb nocmd "[{\"directory\": \"$T\", \"file\": \"ok.c\"}]" \
	'nocmd/compile_commands.json: entry 1 \(ok.c\): expected an "arguments" array or a "command" string'
bad_cdb argtype "[{\"directory\": \"$T\", \"file\": \"ok.c\", \"arguments\": [\"cc\", 7]}]" \
	'argtype/compile_commands.json: entry 1 \(ok.c\): "arguments" item 2 is a number, not a string'
bad_cdb gonedir '[{"directory": "/nonexistent/lp", "file": "ok.c", "arguments": ["cc", "-c", "ok.c"]}]' \
	"gonedir/compile_commands.json: entry 1 \(ok.c\): directory '/nonexistent/lp' does not exist"
pass "malformed compile databases are refused, naming the file and entry"

# Relative paths: "file" (and -I) are resolved against "directory", as clang
# does; "directory" itself must be absolute (relative to what?).
bad_cdb reldir '[{"directory": "some/where", "file": "ok.c", "arguments": ["cc", "-c", "ok.c"]}]' \
	"reldir/compile_commands.json: entry 1 \(ok.c\): \"directory\" must be an absolute path, not 'some/where'"
mkdir -p sub/inc && cp "$INPUTS/lp_test.h" sub/inc/ && cp ok.c sub/ok.c
mkdir rel
printf '[{"directory": "%s/sub", "file": "ok.c", "arguments": ["clang-19", "-Iinc", "-c", "ok.c"]}]\n' "$T" \
	>rel/compile_commands.json
(cd / && "$LOCKPATH" run "$T/rel" --db "$T/rel.db" >"$T/out" 2>"$T/err") && rc=0 || rc=$?
expect_rc 1 "relative file and -I, run from /"
expect_out "sub/ok.c:5:[0-9]+: warning: .*\[recursive-lock\]"
pass "relative \"file\" and include paths resolve against \"directory\""

bad_cdb gonesrc "[{\"directory\": \"$T\", \"file\": \"gone.c\", \"arguments\": [\"cc\", \"-c\", \"gone.c\"]}]" \
	"gonesrc/compile_commands.json: entry 1 \(gone.c\): source file '$T/gone.c' does not exist"
pass "a source file that does not exist is refused"

# An unknown flag is an error naming it and the rules line that drops it
# (kernel GCC flags are dropped by rules/gcc-flags.rules).
bad_cdb flag "[{\"directory\": \"$T\", \"file\": \"ok.c\", \"arguments\": [\"gcc\", \"-I$INPUTS\", \"-fno-such-flag-xyz\", \"-c\", \"ok.c\"]}]" \
	"flag/compile_commands.json: the command for .*ok.c: unknown argument: '-fno-such-flag-xyz' \(a flag clang does not know can be dropped with 'drop-flag -fno-such-flag-xyz' in a rules file"
cp -r "$(dirname "$INPUTS")/../../rules" myrules
echo 'drop-flag -fno-such-flag-xyz' >>myrules/gcc-flags.rules
lp run flag --db flag.db --rules myrules
expect_rc 1 "the unknown flag dropped by a rules line"
pass "an unknown compiler flag is refused with the drop-flag fix; the fix works"

# A rules file with a bad line: FILE:LINE: ... expected ...
cp -r myrules badrules
printf 'acquire spin_lock\n' >>badrules/kernel-locks.rules
n=$(wc -l <badrules/kernel-locks.rules)
lp run good --db rules.db --rules badrules
expect_error_rc2 "a bad rules line" "badrules/kernel-locks.rules:$n: .*expected"
[ ! -e rules.db ] || fail "a database was created with a bad rules file"
printf 'lock foo bar\n' >>badrules/kernel-locks.rules
lp extract good --db rules.db --rules badrules
expect_error_rc2 "a bad rules directive" "badrules/kernel-locks.rules:$n: "
lp run good --db rules.db --rules no-such-rules
expect_error_rc2 "a missing rules directory" "no-such-rules"
pass "bad rules files are refused with file:line"

# Databases: another schema version, not lockpath's, not sqlite: refused
# before anything is written.
lp run good --db good.db
expect_rc 1 "run on the good tree"
cp good.db v99.db
printf '\000\000\000\143' | dd of=v99.db bs=1 seek=60 conv=notrunc status=none
cp good.db v0.db
printf '\000\000\000\000' | dd of=v0.db bs=1 seek=60 conv=notrunc status=none
printf 'not a database at all, just text that is long enough to be a header......................................................\n' >text.db
for db in v99.db v0.db text.db; do
	before=$(db_sum $db)
	for cmd in "run good" "extract good" "check" "report"; do
		# shellcheck disable=SC2086
		lp $cmd --db $db
		case $db in
		v99.db) expect_error_rc2 "$cmd --db $db" "v99.db: database schema version 99 is newer than this lockpath \([0-9]+\); use a newer lockpath or a new --db" ;;
		v0.db) expect_error_rc2 "$cmd --db $db" "v0.db: not a lockpath database \(it has tables but no lockpath schema version\)" ;;
		text.db) expect_error_rc2 "$cmd --db $db" "text.db: not a lockpath database \(not an sqlite file\)" ;;
		esac
		[ "$(db_sum $db)" = "$before" ] || fail "$cmd changed $db"
	done
done
# a damaged database: the first half of one
sqlite3_size=$(stat -c %s good.db)
head -c $((sqlite3_size / 2)) good.db >half.db
before=$(db_sum half.db)
for cmd in "run good" "report"; do
	# shellcheck disable=SC2086
	lp $cmd --db half.db
	expect_error_rc2 "$cmd --db half.db" "half.db: cannot read database: the database file is damaged \(database disk image is malformed\); remove it and run again"
	[ "$(db_sum half.db)" = "$before" ] || fail "$cmd changed half.db"
done
# a table gone (another program dropped it): the statement that needs it
# fails half-way through a phase, and that is still one error line and exit
# 2, with nothing printed from what could not be read
cp good.db notable.db
sql notable.db "DROP TABLE finding_hop"
lp report --db notable.db
expect_error_rc2 "report on a database without finding_hop" "notable.db: cannot prepare statement: no such table: finding_hop$"
[ ! -s "$T/out" ] || fail "report printed a report from a database it could not read"
lp check --db notable.db
expect_rc 2 "check on a database without finding_hop"
[ "$(grep -c '^lockpath: error:' "$T/err")" = 1 ] && [ ! -s "$T/out" ] &&
	tail -1 "$T/err" | grep -qx "lockpath: error: notable.db: statement failed: no such table: finding_hop" ||
	fail "check: expected the failed statement as the one error, last, and no report"
lp report --db absent.db
expect_error_rc2 "report without a database" "absent.db: no such database; run 'lockpath run' or 'lockpath extract' first"
[ ! -e absent.db ] || fail "report created a database"
pass "databases of another schema version or another program are refused and left alone"

# A baseline that is not lockpath's (more in tests/gate/baseline-errors.sh).
lp gate --baseline good/compile_commands.json --db good.db
expect_error_rc2 "a compile database as baseline" "compile_commands.json: not a lockpath SARIF file"
lp gate --baseline ok.c --db good.db
expect_error_rc2 "a C file as baseline" "ok.c: neither a lockpath database nor a SARIF file"
pass "a baseline that is not lockpath's is refused"

# HTML output that cannot be written: refused before the run starts.
touch afile
lp run good --db html.db --html afile
expect_error_rc2 "--html on a file" "cannot write the HTML report to afile: it is a file, not a directory"
lp run good --db html.db --html afile/report
expect_error_rc2 "--html under a file" "cannot write the HTML report to afile/report: 'afile' is not a directory"
[ ! -e html.db ] || fail "run created a database although --html cannot be written"
if [ "$(id -u)" != 0 ]; then
	mkdir locked && chmod 555 locked
	lp report --db good.db --html locked/report
	expect_error_rc2 "--html in a read-only directory" "directory 'locked' is not writable"
fi
lp report --db good.db --html afile/report
expect_error_rc2 "report --html under a file" "'afile' is not a directory"
lp report --db good.db --sarif afile/x.sarif
expect_error_rc2 "report --sarif under a file" "cannot write SARIF to afile/x.sarif"
pass "output that cannot be written is refused up front"

# Usage errors: the usage line and where the help is, on stderr, exit 2.
lp run --no-such-option good
expect_rc 2 "an unknown option"
expect_err "unrecognized option '--no-such-option'"
expect_err "^usage: lockpath run \[options\] PATH$"
expect_err "^see 'lockpath run --help'$"
[ "$(wc -l <"$T/err")" = 3 ] || fail "expected three lines on stderr"
lp extract
expect_rc 2 "extract without PATH"
[ "$(wc -l <"$T/err")" = 2 ] || fail "expected two lines on stderr"
lp run good -j 0
expect_error_rc2 "-j 0" "-j expects a number of jobs from 1 to 1024, not '0'"
lp run good --wait soon
expect_error_rc2 "--wait soon" "--wait expects a number of seconds from 0 to 86400, not 'soon'"
lp frobnicate
expect_error_rc2 "an unknown command" "'frobnicate' is not a lockpath command; see 'lockpath --help'"
pass "usage errors are short and exit 2"

# Duplicate entries (a compile database concatenated from several builds):
# one summary line for them all, one line per file with another command
# (-DX, -DY, './ok.c' spelled otherwise in the command); each file analysed once.  200000 copies once printed 199999 warnings.
cp ok.c other.c
python3 - "$T" "$INPUTS" <<'PY'
import json, os, sys
t, inputs = sys.argv[1:]
e = lambda f, *extra: {"directory": t, "file": f, "arguments": ["clang-19", "-I" + inputs, *extra, "-c", f]}
os.makedirs("dups", exist_ok=True)
json.dump([e("ok.c")] * 5000 + [e("other.c"), e("other.c", "-DX"), e("other.c", "-DY"), e("./ok.c")],
          open("dups/compile_commands.json", "w"))
PY
lp extract dups --db dups.db
expect_rc 0 "extract with duplicate entries"
[ "$(grep -c 'warning' "$T/err")" = 3 ] || fail "expected three warning lines"
expect_err "^lockpath: warning: .*dups/compile_commands.json: '$T/other.c' has more than one command; using its first$"
expect_err "^lockpath: warning: .*dups/compile_commands.json: '$T/ok.c' has more than one command; using its first$"   # ./ok.c
expect_err "^lockpath: warning: .*dups/compile_commands.json: 5002 entries repeat a file listed before; each file is analysed once, with its first command$"
expect_err "^lockpath: extract: 2 TUs, 2 parsed"
pass "duplicate compile entries: one summary line, one line per file with several commands"
