#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# kbuild.sh - Kbuild's CHECK hook: `make C=2 CHECK="lockpath cc --db DB"` on a
# few directories of one flavour's build tree records every TU there (with
# the compiler's own flags), 'lockpath check' analyses them, and the findings
# are those of 'lockpath run' on the same TUs from the compile database.
# make -j runs several 'lockpath cc' on the one database at once.  A second
# make C=2 parses nothing (every TU unchanged).
#
# make runs in the cached O= build directory, whose objects are up to date,
# so it compiles nothing and only runs the hook; it holds the flavour's lock
# (DIR/.lock-FLAVOUR, as scripts/kernel-tree.sh does) meanwhile, not the
# lock of the whole cache, which a --full build beside it would hold.
#   kbuild.sh LOCKPATH WORKDIR clang|gcc TARGET...
source "$(dirname "$0")/lib.sh"
flavour=${1:?clang or gcc}
shift
[ $# -gt 0 ] || fail "no make targets"
targets=("$@")

# The flavour's make arguments, as scripts/kernel-tree.sh configured the tree.
case $flavour in
clang) margs=(ARCH=s390 LLVM=-19 LD=s390x-linux-gnu-ld CROSS_COMPILE=s390x-linux-gnu-) ;;
gcc) margs=(ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-) ;;
*) fail "flavour must be clang or gcc" ;;
esac
compdb=$(need_tree "$flavour")
w=$work/kbuild-$flavour
rm -rf "$w"
mkdir -p "$w/compdb"
db=$w/cc.db

kmake() {
	flock "$kdir/.lock-$flavour" make -C "$ksrc" O="$kdir/$flavour" "${margs[@]}" -j "$(nproc)" \
		C=2 CHECK="$lockpath cc --db $db" "${targets[@]}" >"$w/make$1.log" 2>&1 ||
		{ tail -20 "$w/make$1.log" >&2; fail "make C=2 failed (see $w/make$1.log)"; }
}

# The TUs the targets cover, from the compile database: a directory's
# sources, or a single object's source.
prefixes=()
for t in "${targets[@]}"; do
	case $t in
	*/) prefixes+=("$ksrc/$t") ;;
	*.o) prefixes+=("$ksrc/${t%.o}.c") ;;
	*) fail "target '$t' is neither a directory (dir/) nor an object (x.o)" ;;
	esac
done
jq --args '[.[] | select(.file as $f | any($ARGS.positional[]; . as $p | $f | startswith($p)))]' \
	"${prefixes[@]}" <"$compdb" >"$w/compdb/compile_commands.json"
want=$(jq -r '.[].file' "$w/compdb/compile_commands.json" | sort)
n=$(grep -c . <<<"$want")
[ "$n" -ge 1 ] || fail "no TU of the compile database under ${targets[*]}"

SECONDS=0
kmake 1
grep -q 'CHECK' "$w/make1.log" || fail "make ran no CHECK (see $w/make1.log)"
note "make C=2 ran the hook on $(grep -c '  CHECK ' "$w/make1.log") files in $SECONDS s"
have=$(q "$db" "SELECT f.path FROM tu t JOIN file f ON f.id = t.file_id" | sort)
missing=$(comm -23 <(echo "$want") <(echo "$have"))
[ -z "$missing" ] || fail "TUs of ${targets[*]} not in the database:
$missing"
bad=$(q "$db" "SELECT f.path || ': ' || t.n_errors || ' errors' FROM tu t JOIN file f ON f.id = t.file_id
               WHERE t.status != 0")
[ -z "$bad" ] || fail "TUs with parse errors:
$bad"
note "all $n TUs of ${targets[*]} recorded with zero errors ($(grep -c . <<<"$have") in the database)"

rc=0
"$lockpath" check --db "$db" 2>"$w/check.err" || rc=$?
cat "$w/check.err" >&2
[ "$rc" -le 1 ] || fail "lockpath check exited $rc"
"$lockpath" report --db "$db" --no-text -q --sarif "$w/cc.sarif" || [ $? -eq 1 ] || fail "lockpath report failed"

# The same TUs from the compile database: the same findings.
rc=0
"$lockpath" run "$w/compdb" --db "$w/run.db" -j "$(nproc)" --no-progress -q --sarif "$w/run.sarif" \
	>/dev/null 2>"$w/run.err" || rc=$?
[ "$rc" -le 1 ] || { cat "$w/run.err" >&2; fail "lockpath run exited $rc"; }
fp() { jq -r '.runs[0].results[] | "\(.ruleId) \(.partialFingerprints["lockpath/v1"]) \(.message.text)"' "$1" | sort; }
if ! diff <(fp "$w/run.sarif") <(fp "$w/cc.sarif") >"$w/findings.diff"; then
	cat "$w/findings.diff" >&2
	fail "the hook's findings differ from 'lockpath run' on the same TUs (< run, > hook)"
fi
note "$(fp "$w/cc.sarif" | grep -c . || true) findings, the same as 'lockpath run' on the compile database"

# Again: nothing changed, nothing is parsed (a TU re-parsed gets a new row).
before=$(q "$db" "SELECT group_concat(id) FROM (SELECT id FROM tu ORDER BY id)")
kmake 2
after=$(q "$db" "SELECT group_concat(id) FROM (SELECT id FROM tu ORDER BY id)")
[ "$before" = "$after" ] || fail "a second make C=2 parsed TUs again although nothing changed"
note "a second make C=2 found every TU unchanged"
