#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# run-tree.sh - run lockpath on one corpus tree and compare its warnings
# with the expectations written in the tree's sources.
#
#   run-tree.sh LOCKPATH CORPUS_DIR TREE WORK_DIR
#
# Reads CORPUS_DIR/trees/TREE.tree, writes WORK_DIR/TREE/compile_commands.json,
# runs 'LOCKPATH run WORK_DIR/TREE --db WORK_DIR/TREE/lockpath.db' from
# CORPUS_DIR, and compares the 'PATH:LINE:COL: warning: MESSAGE [RULE]' lines
# it prints with the '/* expect...: RULE TEXT */' comments of every corpus
# file the tree's sources include (corpus/README.md has the syntax).  Both
# sides are multisets keyed by (file, line, rule); TEXT must be a substring
# of the message.  Every missing and every unexpected finding is printed.
#
# Exit: 0 exact match, 1 mismatch or lockpath failure, 2 bad usage, bad
# tree file or bad expectation.  Needs bash, awk (POSIX) and coreutils only.
set -u
set -o pipefail

prog=run-tree.sh
US=$'\037'		# field separator of the work files
die() { printf '%s: error: %s\n' "$prog" "$*" >&2; exit 2; }

[ $# -eq 4 ] || { echo "usage: $prog LOCKPATH CORPUS_DIR TREE WORK_DIR" >&2; exit 2; }
lockpath_arg=$1 corpus_arg=$2 tree=$3 work_arg=$4

# ---------------------------------------------------------------- arguments
case $lockpath_arg in
*/*) lockpath=$(realpath -e -- "$lockpath_arg" 2>/dev/null) || die "lockpath '$lockpath_arg' not found" ;;
*)   lockpath=$(command -v -- "$lockpath_arg") || die "lockpath '$lockpath_arg' not found on PATH" ;;
esac
[ -x "$lockpath" ] || die "lockpath '$lockpath' is not executable"
corpus=$(realpath -e -- "$corpus_arg" 2>/dev/null) || die "corpus directory '$corpus_arg' not found"
[ -d "$corpus" ] || die "'$corpus' is not a directory"
case $tree in ''|*/*) die "bad tree name '$tree'" ;; esac
tree_file=$corpus/trees/$tree.tree
[ -f "$tree_file" ] || die "no tree file $tree_file"
work=$(realpath -m -- "$work_arg")/$tree
mkdir -p -- "$work" || die "cannot create $work"

# ---------------------------------------------------------------- the tree file
# Lines: '# ...' comments ('# expect-no-findings' is a directive), 'src: PATH'
# (relative to the corpus), 'flags: FLAGS' (split on blanks), blank lines.
srcs=() flags=() no_findings=0 lineno=0
declare -A seen_src=()
while IFS= read -r line || [ -n "$line" ]; do
	lineno=$((lineno + 1))
	line=${line%$'\r'}
	case $line in
	'# expect-no-findings'|'# expect-no-findings '*)
		no_findings=1 ;;
	'#'*|'') ;;
	src:*)
		s=${line#src:}; s=${s#"${s%%[![:space:]]*}"}; s=${s%"${s##*[![:space:]]}"}
		[ -n "$s" ] || die "$tree_file:$lineno: expected a path after 'src:'"
		case $s in /*) die "$tree_file:$lineno: src paths are relative to the corpus: '$s'" ;; esac
		[ -f "$corpus/$s" ] || die "$tree_file:$lineno: no such source '$s'"
		rel=$(realpath -e --relative-to="$corpus" -- "$corpus/$s")
		[ -z "${seen_src[$rel]:-}" ] || die "$tree_file:$lineno: '$s' listed twice"
		seen_src[$rel]=1
		srcs+=("$rel") ;;
	flags:*)
		read -r -a words <<<"${line#flags:}"
		flags+=("${words[@]}") ;;
	*)
		die "$tree_file:$lineno: expected '# comment', 'src: PATH' or 'flags: FLAGS', got '$line'" ;;
	esac
done <"$tree_file"
[ ${#srcs[@]} -gt 0 ] || die "$tree_file: no 'src:' lines"

# ---------------------------------------------------------------- where expectations live
# The tree's sources and every corpus file they include, transitively
# ('#include "x"' from the includer's directory, then -iquote/-I dirs; '<x>'
# from -I dirs, then the corpus's include/ and -isystem/-idirafter dirs), and
# '-include' files.  This is decided before lockpath runs, so a header's
# expectation is required whether or not anything is reported in it.
# Conditional includes are followed whatever their condition; computed
# includes ('#include MACRO') are not followed.
quote_dirs=() angle_dirs=() sys_extra=() forced=()
i=0
while [ $i -lt ${#flags[@]} ]; do
	opt=${flags[$i]} v=
	case $opt in
	-I|-iquote|-isystem|-idirafter|-include)
		i=$((i + 1)); v=${flags[$i]:-} ;;
	-I*) v=${opt#-I}; opt=-I ;;
	-iquote*) v=${opt#-iquote}; opt=-iquote ;;
	-isystem*) v=${opt#-isystem}; opt=-isystem ;;
	esac
	if [ -n "$v" ]; then
		case $v in /*) ;; *) v=$corpus/$v ;; esac
		case $opt in
		-iquote) quote_dirs+=("$v") ;;
		-I) quote_dirs+=("$v"); angle_dirs+=("$v") ;;
		-isystem|-idirafter) sys_extra+=("$v") ;;
		-include) forced+=("$v") ;;
		esac
	fi
	i=$((i + 1))
done
angle_dirs+=("$corpus/include" ${sys_extra[@]+"${sys_extra[@]}"})
quote_dirs+=("${angle_dirs[@]}")

declare -A in_set=()
queue=()
add_file() {	# absolute path of an existing file
	local r
	r=$(realpath -e --relative-to="$corpus" -- "$1" 2>/dev/null) || return 0
	case $r in ../*|..) return 0 ;; esac
	[ -z "${in_set[$r]:-}" ] || return 0
	in_set[$r]=1
	queue+=("$r")
}
for s in "${srcs[@]}"; do add_file "$corpus/$s"; done
for f in ${forced[@]+"${forced[@]}"}; do add_file "$f"; done
qi=0
while [ $qi -lt ${#queue[@]} ]; do
	cur=${queue[$qi]}
	qi=$((qi + 1))
	curdir=$(dirname -- "$corpus/$cur")
	while IFS=$'\t' read -r kind name; do
		if [ "$kind" = q ]; then dirs=("$curdir" "${quote_dirs[@]}"); else dirs=("${angle_dirs[@]}"); fi
		for d in "${dirs[@]}"; do
			if [ -f "$d/$name" ]; then add_file "$d/$name"; break; fi
		done
	done < <(awk '
		/^[ \t]*#[ \t]*include[ \t]*["<]/ {
			s = $0
			sub(/^[ \t]*#[ \t]*include[ \t]*/, "", s)
			open = substr(s, 1, 1)
			cl = (open == "\"") ? "\"" : ">"
			s = substr(s, 2)
			e = index(s, cl)
			if (e > 1)
				print ((open == "\"") ? "q" : "a") "\t" substr(s, 1, e - 1)
		}' "$corpus/$cur")
done

# ---------------------------------------------------------------- the expectations
# '/* expect[(TREE,...)][@+N|@-N]: RULE [TEXT] */' - at most one '(...)' and
# one '@...', in either order.  A comment starting with the word 'expect'
# that does not parse is an error, so that a typo cannot silently drop an
# expectation.  Output records, fields separated by US (\037, so that
# empty fields survive 'read'): FILE LINE RULE TEXT TREES WRITTEN_AT.
exp_all=$work/expectations.all
(cd "$corpus" && awk '
	function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }
	function bad(msg) {
		printf "%s:%d: bad expectation: %s: /*%s*/\n", FILENAME, FNR, msg, raw > "/dev/stderr"
		errors++
	}
	{
		line = $0
		while ((p = index(line, "/*")) > 0) {
			line = substr(line, p + 2)
			q = index(line, "*/")
			raw = (q > 0) ? substr(line, 1, q - 1) : line
			line = (q > 0) ? substr(line, q + 2) : ""
			body = trim(raw)
			if (body ~ /^expect-no-findings/) {
				bad("expect-no-findings belongs in the tree file")
				continue
			}
			if (body !~ /^expect([ \t(@:]|$)/)
				continue
			rest = substr(body, 7)
			trees = ""; off = 0; have_t = 0; have_o = 0; ok = 1
			for (;;) {
				if (substr(rest, 1, 1) == "(" && !have_t) {
					e = index(rest, ")")
					if (e == 0) { ok = 0; break }
					trees = substr(rest, 2, e - 2); gsub(/[ \t]/, "", trees)
					if (trees == "" || trees !~ /^[A-Za-z0-9._-]+(,[A-Za-z0-9._-]+)*$/) { ok = 0; break }
					rest = substr(rest, e + 1); have_t = 1
				} else if (substr(rest, 1, 1) == "@" && !have_o) {
					if (!match(rest, /^@[+-][0-9]+/)) { ok = 0; break }
					off = substr(rest, 2, RLENGTH - 1) + 0
					rest = substr(rest, RLENGTH + 1); have_o = 1
				} else
					break
			}
			if (!ok || substr(rest, 1, 1) != ":") {
				bad("want expect[(TREE,...)][@+N|@-N]: RULE [TEXT]")
				continue
			}
			rest = trim(substr(rest, 2))
			if (!match(rest, /^[A-Za-z0-9_-]+/)) {
				bad("no rule name after the colon")
				continue
			}
			rule = substr(rest, 1, RLENGTH)
			text = trim(substr(rest, RLENGTH + 1))
			target = FNR + off
			if (target < 1) {
				bad("line offset points before the file")
				continue
			}
			printf "%s\037%d\037%s\037%s\037%s\037%d\n", FILENAME, target, rule, text, trees, FNR
		}
	}
	END { exit errors ? 1 : 0 }' "${!in_set[@]}") >"$exp_all" || die "bad expectations (see above)"

# Keep the expectations for this tree; reject filters that name no tree.
exp_tsv=$work/expectations.tsv
: >"$exp_tsv"
while IFS=$US read -r f l r t trees at; do
	if [ -n "$trees" ]; then
		IFS=, read -r -a tl <<<"$trees"
		mine=0
		for x in "${tl[@]}"; do
			[ -f "$corpus/trees/$x.tree" ] || die "$f:$at: expectation names unknown tree '$x'"
			[ "$x" = "$tree" ] && mine=1
		done
		[ $mine -eq 1 ] || continue
	fi
	printf '%s\037%s\037%s\037%s\037%s\n' "$f" "$l" "$r" "$t" "$at" >>"$exp_tsv"
done <"$exp_all"
nexp=$(wc -l <"$exp_tsv")

if [ $no_findings -eq 1 ] && [ "$nexp" -gt 0 ]; then
	die "$tree_file says expect-no-findings, but $nexp expectation(s) apply to this tree:
$(cut -d "$US" -f1,2,3 "$exp_tsv" | tr "$US" ' ')"
fi
if [ $no_findings -eq 0 ] && [ "$nexp" -eq 0 ]; then
	die "$tree_file: no expectation applies to this tree; add '# expect-no-findings' if none is meant"
fi

# ---------------------------------------------------------------- compile_commands.json
modname_awk=$(dirname -- "$(realpath -e -- "$0")")/../../scripts/kbuild-modname.awk
modname() {	# corpus-relative source: its Kbuild module name, from the Makefile
	local dir base obj m=	# of its directory or of one above ('en/health.o')
	dir=$(dirname -- "$1") base=$(basename -- "$1" .c)
	obj=$base.o
	while [ -z "$m" ]; do
		[ -f "$corpus/$dir/Makefile" ] && m=$(awk -v obj="$obj" -f "$modname_awk" "$corpus/$dir/Makefile")
		[ "$dir" = . ] && break
		obj=$(basename -- "$dir")/$obj dir=$(dirname -- "$dir")
	done
	printf '%s' "${m:-$base}"
}
json_str() {
	local s=$1
	s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\t'/\\t}; s=${s//$'\n'/\\n}
	printf '"%s"' "$s"
}
{
	printf '[\n'
	n=0
	for s in "${srcs[@]}"; do
		file=$corpus/$s
		args=(clang-19 -nostdinc -isystem "$corpus/include" -std=gnu11 -D__KERNEL__
		      "-DKBUILD_MODNAME=\"$(modname "$s")\"" ${flags[@]+"${flags[@]}"} -c "$file" -o "$file.o")
		[ $n -eq 0 ] || printf ',\n'
		n=$((n + 1))
		printf '  {\n    "directory": %s,\n    "file": %s,\n    "arguments": [' \
			"$(json_str "$corpus")" "$(json_str "$file")"
		sep=
		for a in "${args[@]}"; do printf '%s%s' "$sep" "$(json_str "$a")"; sep=', '; done
		printf ']\n  }'
	done
	printf '\n]\n'
} >"$work/compile_commands.json" || die "cannot write $work/compile_commands.json"

# ---------------------------------------------------------------- run lockpath
db=$work/lockpath.db
out=$work/lockpath.out
err=$work/lockpath.err
rm -f -- "$db" "$db-wal" "$db-shm" "$db-journal"
(cd "$corpus" && "$lockpath" run "$work" --db "$db") >"$out" 2>"$err"
rc=$?

fail=0
show_stderr() {
	if [ -s "$err" ]; then
		echo "--- lockpath stderr ($err):"
		cat -- "$err"
		echo "---"
	fi
}
if [ $rc -ge 2 ]; then
	echo "corpus/$tree: FAIL: lockpath exited with $rc (0: no findings, 1: findings, 2: error)"
	show_stderr
	exit 1
fi

# ---------------------------------------------------------------- the warnings
# One record per warning: PATH LINE RULE MESSAGE (US-separated, PATH as printed).
warn_raw=$work/warnings.raw
: >"$warn_raw"
nwarn=0 nbad=0
re_col='^([^:]+):([0-9]+):([0-9]+): warning: (.*) \[([A-Za-z0-9_-]+)\]$'
re_nocol='^([^:]+):([0-9]+): warning: (.*) \[([A-Za-z0-9_-]+)\]$'
re_diag='^[^:]+:[0-9]+(:[0-9]+)?: (warning|error):'
while IFS= read -r line || [ -n "$line" ]; do
	line=${line%$'\r'}
	if [[ $line =~ $re_col ]]; then
		printf '%s\037%s\037%s\037%s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" \
			"${BASH_REMATCH[5]}" "${BASH_REMATCH[4]}" >>"$warn_raw"
		nwarn=$((nwarn + 1))
	elif [[ $line =~ $re_nocol ]]; then
		printf '%s\037%s\037%s\037%s\n' "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}" \
			"${BASH_REMATCH[4]}" "${BASH_REMATCH[3]}" >>"$warn_raw"
		nwarn=$((nwarn + 1))
	elif [[ $line =~ $re_diag ]]; then
		echo "malformed diagnostic from lockpath (want 'PATH:LINE:COL: warning: MESSAGE [RULE]'): $line"
		nbad=$((nbad + 1))
	fi
done <"$out"
[ $nbad -eq 0 ] || fail=1

if [ $rc -eq 0 ] && [ $nwarn -gt 0 ]; then
	echo "lockpath exited with 0 (no findings) but printed $nwarn warning(s)"
	fail=1
elif [ $rc -eq 1 ] && [ $nwarn -eq 0 ]; then
	echo "lockpath exited with 1 (findings) but printed no warning"
	fail=1
fi

# Canonicalise warning paths: relative to the corpus when inside it, else absolute.
warn_tsv=$work/warnings.tsv
: >"$warn_tsv"
declare -A canon=()
if [ $nwarn -gt 0 ]; then
	mapfile -t wpaths < <(cut -d "$US" -f1 "$warn_raw" | sort -u)
	for p in "${wpaths[@]}"; do
		case $p in /*) abs=$p ;; *) abs=$corpus/$p ;; esac
		abs=$(realpath -m -- "$abs")
		rel=$(realpath -m --relative-to="$corpus" -- "$abs")
		case $rel in ../*|..) canon[$p]=$abs ;; *) canon[$p]=$rel ;; esac
	done
	while IFS=$US read -r p l r m; do
		printf '%s\037%s\037%s\037%s\n' "${canon[$p]}" "$l" "$r" "$m"
	done <"$warn_raw" >"$warn_tsv"
fi

# ---------------------------------------------------------------- compare
# Per (file, line, rule): a maximum bipartite matching between expectations
# and warnings, where an expectation matches a warning whose message contains
# its TEXT (Kuhn's augmenting paths; the groups are tiny).
report=$work/compare.txt
awk -F "$US" '
	function try(e, k,    j, w) {
		for (j = 1; j <= nw[k]; j++) {
			w = wid[k, j]
			if (seen[w] == round || (etext[e] != "" && index(wmsg[w], etext[e]) == 0))
				continue
			seen[w] = round
			if (!(w in owner) || try(owner[w], wkey[w])) {
				owner[w] = e
				return 1
			}
		}
		return 0
	}
	FILENAME == ARGV[1] {	# expectations (FNR == NR breaks when there are none)
		ne++
		k = $1 SUBSEP $2 SUBSEP $3
		ekey[ne] = k; efile[ne] = $1; eline[ne] = $2; erule[ne] = $3; etext[ne] = $4; eat[ne] = $5
		next
	}
	{		# warnings
		nwarn++
		k = $1 SUBSEP $2 SUBSEP $3
		wkey[nwarn] = k; wfile[nwarn] = $1; wline[nwarn] = $2; wrule[nwarn] = $3; wmsg[nwarn] = $4
		wid[k, ++nw[k]] = nwarn
	}
	END {
		for (e = 1; e <= ne; e++) {
			round = e
			if (try(e, ekey[e]))
				matched[e] = 1
		}
		for (e = 1; e <= ne; e++) {
			if (matched[e])
				continue
			where = (eat[e] != eline[e]) ? sprintf(" (expectation at line %d)", eat[e]) : ""
			text = (etext[e] != "") ? sprintf(" \"%s\"", etext[e]) : ""
			printf "%s:%d: missing %s%s%s\n", efile[e], eline[e], erule[e], text, where
		}
		for (w = 1; w <= nwarn; w++)
			if (!(w in owner))
				printf "%s:%d: unexpected %s: %s\n", wfile[w], wline[w], wrule[w], wmsg[w]
	}' "$exp_tsv" "$warn_tsv" | sort -t: -k1,1 -k2,2n >"$report"

nmissing=$(grep -c '^[^:]*:[0-9]*: missing ' "$report")
nunexpected=$(grep -c '^[^:]*:[0-9]*: unexpected ' "$report")
cat -- "$report"
[ "$nmissing" -eq 0 ] && [ "$nunexpected" -eq 0 ] || fail=1

if [ $fail -eq 0 ]; then
	echo "corpus/$tree: PASS ($nexp expected, $nwarn reported)"
	exit 0
fi
echo "corpus/$tree: FAIL ($nexp expected, $nwarn reported, $nmissing missing, $nunexpected unexpected, lockpath exit $rc; output in $out)"
show_stderr
exit 1
