#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# baseline-errors.sh - what the gate refuses, each with exit code 2 and one
# line naming the file: a database of another schema version, a JSON file
# that is not lockpath SARIF (a compile database, another tool's SARIF, a
# SARIF without lockpath fingerprints), a file that is neither, a missing
# file, a head database that was never checked, no --baseline at all.
. "$(dirname "$0")/lib.sh"

copy_tree balloon-ccw-fixed "$T/w"
lp run "$T/w/cc" --db good.db
expect_rc 0 "run on the fixed tree"
[ ! -e good.db-wal ] || fail "good.db should be checkpointed when lockpath exits"

# a baseline database of schema version 99: PRAGMA user_version is bytes 60-63 of the header
cp good.db v99.db
printf '\000\000\000\143' | dd of=v99.db bs=1 seek=60 conv=notrunc status=none
lp gate --baseline v99.db --db good.db
expect_rc 2 "a baseline of schema version 99"
expect_one_error "v99.db: the baseline database has schema version 99 and this lockpath reads version [0-9]+"
pass "a database of another schema version is refused"

lp gate --baseline "$T/w/cc/compile_commands.json" --db good.db
expect_rc 2 "a compile database as baseline"
expect_one_error "compile_commands.json: not a lockpath SARIF file: expected \"version\": \"2.1.0\""
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "clang-tidy"}}, "results": []}]}\n' >tidy.sarif
lp gate --baseline tidy.sarif --db good.db
expect_rc 2 "another tool's SARIF as baseline"
expect_one_error "tidy.sarif: not a lockpath SARIF file: runs\[0\].tool.driver.name is \"clang-tidy\""
printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lockpath"}},
  "results": [{"ruleId": "recursive-lock", "message": {"text": "x"}}]}]}\n' >nofp.sarif
lp gate --baseline nofp.sarif --db good.db
expect_rc 2 "a lockpath SARIF without fingerprints"
expect_one_error "nofp.sarif: runs\[0\].results\[0\] has no partialFingerprints \"lockpath/v1\""
# sarif_fp VALUE: a lockpath SARIF with one result whose fingerprint is VALUE (JSON)
sarif_fp() {
	printf '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lockpath"}}, "results": [{"ruleId": "recursive-lock",
  "message": {"text": "x"}, "partialFingerprints": {"lockpath/v1": %s}}]}]}\n' "$1"
}
sarif_fp 12345 >numfp.sarif
lp gate --baseline numfp.sarif --db good.db
expect_rc 2 "a SARIF whose fingerprint is a number"
expect_one_error "numfp.sarif: runs\[0\].results\[0\] has partialFingerprints \"lockpath/v1\" that is a number, not a string of 32 hex digits"
sarif_fp '"xyz"' >badfp.sarif
lp gate --baseline badfp.sarif --db good.db
expect_rc 2 "a SARIF whose fingerprint is not hex"
expect_one_error "badfp.sarif: runs\[0\].results\[0\] has partialFingerprints \"lockpath/v1\" 'xyz', not 32 hex digits"
pass "JSON that is not lockpath SARIF is refused in one line"

printf 'just some text\nover two lines\n' >notes.txt
lp gate --baseline notes.txt --db good.db
expect_rc 2 "a text file as baseline"
expect_one_error "notes.txt: neither a lockpath database nor a SARIF file"
mkdir adir
lp gate --baseline adir --db good.db
expect_rc 2 "a directory as baseline"
expect_one_error "adir: is a directory, not a baseline \(a lockpath database or SARIF file\)"
lp gate --baseline missing.sarif --db good.db
expect_rc 2 "a missing baseline"
expect_one_error "missing.sarif: cannot read the baseline: No such file or directory"
lp gate --db good.db
expect_rc 2 "no --baseline"
expect_one_error "gate needs --baseline FILE"
pass "other bad baselines are refused in one line"

lp extract "$T/w/cc" --db unchecked.db
expect_rc 0 "extract only"
lp gate --baseline good.db --db unchecked.db
expect_rc 2 "a head database without check results"
expect_one_error "unchecked.db: the database has no check results"
lp gate --baseline unchecked.db --db good.db
expect_rc 2 "a baseline database without check results"
expect_one_error "unchecked.db: the baseline database has no check results"
pass "a database that was never checked is refused, as head or as baseline"
