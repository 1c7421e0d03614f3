#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# clang-baseline.sh - the floor lockpath's extract is compared with: the wall time of
# `clang-19 -fsyntax-only` over every TU of a compile database, N at a time.
#
# Each TU runs with its own command line from the database, the compiler replaced by
# clang-19 and the output arguments dropped (-o FILE, -c, -S, -E, dependency-file options
# such as -Wp,-MMD,FILE / -MD / -MF FILE, which would write into the build tree) and, as
# lockpath does, the GCC-only flags clang rejects or warns about (rules/gcc-flags.rules;
# docs/kernel-tree.md lists them). A TU whose compiler is a cross GCC gets --target from
# its triple prefix (s390x-linux-gnu-gcc -> --target=s390x-linux-gnu).
#
# Prints total wall seconds, TU count and seconds per TU. Exits 1 listing the TUs that fail
# to parse (clang exits non-zero: an error), with their first errors; 2 on bad usage.
set -euo pipefail

usage() {
	cat <<'EOF'
usage: bench/clang-baseline.sh COMPDB [-j N] [--log DIR] [--rules FILE] [--show-argv]
                               [--no-gcc-filter]

  COMPDB        compile_commands.json, or the directory holding it
  -j N          TUs parsed at once (xargs -P; default: nproc)
  --log DIR     keep each TU's diagnostics in DIR/NNNN.err (default: a temporary
                directory, removed at exit)
  --show-argv   print each TU's clang command line instead of running it
  --rules FILE  take the GCC-only flags to drop from FILE's drop-flag lines (default:
                rules/gcc-flags.rules of this repo; a built-in copy if it is missing)
  --no-gcc-filter  keep GCC-only flags (to see which ones clang rejects)

Environment: CLANG (default clang-19).
EOF
}

die() { echo "clang-baseline.sh: error: $*" >&2; exit 2; }

db=
jobs=$(nproc)
logdir=
show=0
filter=1
rules=$(dirname "$0")/../rules/gcc-flags.rules
while [ $# -gt 0 ]; do
	case $1 in
	-j|--jobs) [ $# -ge 2 ] || die "$1 needs an argument"; jobs=$2; shift 2 ;;
	-j*) jobs=${1#-j}; shift ;;
	--jobs=*) jobs=${1#*=}; shift ;;
	--log) [ $# -ge 2 ] || die "--log needs an argument"; logdir=$2; shift 2 ;;
	--show-argv) show=1; shift ;;
	--no-gcc-filter) filter=0; shift ;;
	--rules) [ $# -ge 2 ] || die "--rules needs an argument"; rules=$2; shift 2 ;;
	-h|--help) usage; exit 0 ;;
	-*) usage >&2; die "unknown option '$1'" ;;
	*) [ -z "$db" ] || die "more than one COMPDB ('$db', '$1')"; db=$1; shift ;;
	esac
done
[ -n "$db" ] || { usage >&2; die "no COMPDB"; }
[ -d "$db" ] && db=$db/compile_commands.json
[ -r "$db" ] || die "cannot read '$db'"
[[ $jobs =~ ^[1-9][0-9]*$ ]] || die "-j must be a positive number, not '$jobs'"
clang=${CLANG:-clang-19}
command -v "$clang" >/dev/null || die "'$clang' not found (apt-get install clang-19)"

keep=1
if [ -z "$logdir" ]; then
	logdir=$(mktemp -d "${TMPDIR:-/tmp}/clang-baseline.XXXXXX")
	keep=0
fi
mkdir -p "$logdir"
cleanup() { [ $keep -eq 1 ] || rm -rf "$logdir"; }
trap cleanup EXIT

# Writes, per TU, DIR/NNNN.argv (NUL-separated: directory, then clang's argv) and
# DIR/NNNN.file (the source file).
python3 - "$db" "$logdir" "$clang" "$filter" "$rules" <<'EOF'
import json, os, shlex, sys
db, out, clang, use_filter, rules = sys.argv[1:6]
use_filter = use_filter == '1'

# GCC-only flags that clang-19 rejects (error: unknown argument) or warns about (unknown
# warning option): the drop-flag lines of rules/gcc-flags.rules, lockpath's own list (a
# FLAG ending in * drops every option starting with the text before it), dropped from
# every TU as lockpath does. Without that file, this copy of it (measured on
# linux-source-6.1 s390 built with s390x-linux-gnu-gcc 12; docs/kernel-tree.md).
flags = """
    -fconserve-stack -fno-allow-store-data-races
    -mindirect-branch=thunk -mindirect-branch-table -mfunction-return=thunk
    -mindirect-branch=* -mfunction-return=*
    -fno-inline-functions-called-once -Werror=designated-init
    -Wimplicit-fallthrough=5 -Wimplicit-fallthrough=* -Wno-alloc-size-larger-than
    -Wno-dangling-pointer -Wno-maybe-uninitialized -Wno-packed-not-aligned -Wno-restrict
    -Wno-stringop-overflow -Wno-stringop-truncation
""".split()
if rules and os.path.exists(rules):
    flags = []
    for line in open(rules):
        w = line.split('#', 1)[0].split()
        if len(w) == 2 and w[0] == 'drop-flag':
            flags.append(w[1])
if not use_filter:
    flags = []
gcc_only = {f for f in flags if not f.endswith('*')}
gcc_only_prefix = tuple(f[:-1] for f in flags if f.endswith('*'))
# output and dependency-file arguments: (name, takes the next argument)
drop_opt = {'-o': 1, '-MF': 1, '-MT': 1, '-MQ': 1, '-c': 0, '-S': 0, '-E': 0,
            '-MD': 0, '-MMD': 0, '-M': 0, '-MM': 0, '-MP': 0}

entries = json.load(open(db))
for n, e in enumerate(entries):
    argv = e['arguments'] if 'arguments' in e else shlex.split(e['command'])
    cc = os.path.basename(argv[0])
    is_gcc = 'gcc' in cc or cc in ('cc', 'c89', 'c99')
    out_argv = [clang]
    if is_gcc and cc.endswith('-gcc'):
        out_argv.append('--target=' + cc[:-len('-gcc')])
    i, src = 1, e['file']
    while i < len(argv):
        a = argv[i]
        if a in drop_opt:
            i += 1 + drop_opt[a]
            continue
        if a.startswith('-Wp,') and any(x in a for x in (',-MD,', ',-MMD,')):
            i += 1
            continue
        if a.startswith('-o') and len(a) > 2:
            i += 1
            continue
        if a in gcc_only or (gcc_only_prefix and a.startswith(gcc_only_prefix)):
            i += 1
            continue
        out_argv.append(a)
        i += 1
    out_argv.insert(1, '-fsyntax-only')
    base = os.path.join(out, '%04d' % n)
    with open(base + '.argv', 'wb') as f:
        f.write(b'\0'.join(x.encode() for x in [e['directory']] + out_argv) + b'\0')
    with open(base + '.file', 'w') as f:
        f.write(os.path.normpath(os.path.join(e['directory'], src)) + '\n')
EOF
count=$(find "$logdir" -name '*.argv' | wc -l)
[ "$count" -gt 0 ] || die "no TUs in $db"

if [ $show -eq 1 ]; then
	for a in "$logdir"/*.argv; do
		mapfile -d '' -t argv <"$a"
		printf 'cd %q &&' "${argv[0]}"
		printf ' %q' "${argv[@]:1}"
		echo
	done
	exit 0
fi

# One TU: cd to its directory and run its argv; diagnostics to NNNN.err, a failure marks
# NNNN.fail. Never fails itself, so xargs runs every TU.
# shellcheck disable=SC2016 # expanded by the inner shell
one='base=${1%.argv}; mapfile -d "" -t a <"$1"
cd "${a[0]}" && "${a[@]:1}" 2>"$base.err" || touch "$base.fail"'

t0=$EPOCHREALTIME
find "$logdir" -name '*.argv' -print0 | sort -z |
	xargs -0 -n1 -P "$jobs" bash -c "$one" one
t1=$EPOCHREALTIME

failed=("$logdir"/*.fail)
[ -e "${failed[0]}" ] || failed=()
warnings=$(cat "$logdir"/*.err | grep -c ': warning: ' || true)
awk -v a="${t0/,/.}" -v b="${t1/,/.}" -v n="$count" -v j="$jobs" -v w="$warnings" \
	-v f="${#failed[@]}" -v db="$db" 'BEGIN {
	printf "%s: %d TUs, -j %d: %.1f s wall, %.3f s/TU (%d failed, %d warnings)\n",
		db, n, j, b - a, (b - a) / n, f, w
}'
if [ ${#failed[@]} -gt 0 ]; then
	echo "clang-baseline.sh: ${#failed[@]} TU(s) failed to parse:" >&2
	for f in "${failed[@]}"; do
		b=${f%.fail}
		echo "  $(cat "$b.file")" >&2
		grep -m3 -E 'error:|fatal' "$b.err" | sed 's/^/      /' >&2 || true
	done
	exit 1
fi
