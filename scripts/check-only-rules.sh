#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# check-only-rules.sh - the rules directives marked check_only in
# analyzer/rules/rules.c are left out of the digest each TU's facts are
# stored with, so a change to them parses nothing again.  That is right
# only while no extract code reads them: this script fails if a marked
# directive is not in the table below, or if analyzer/extract/ calls one
# of the look-ups that read a marked directive.  A directive extract
# starts to read must lose its flag (and its row here).
#
#   check-only-rules.sh SOURCE_DIR
set -u
src=${1:?usage: check-only-rules.sh SOURCE_DIR}

# directive -> the rules.h look-ups that read what it says
declare -A readers=(
	[context-call]="rules_context_call"
	[noreturn]="rules_noreturn"
	[bug-report]="rules_bug_report"
	[context-end]="rules_ctxend"
	[irqs-on]="rules_irqs_on"
	[entry]="rules_entry rules_entry_count"
	[register]="rules_register rules_register_next"
	[keyentry]="rules_keyentry rules_keyentry_count rules_keyentry_find"
	[callback]="rules_keyentry rules_keyentry_count rules_keyentry_find"
	[defer]="rules_defer"
	[init-mode]="rules_init_mode rules_init_mode_count"
	[file-mode]="rules_init_mode rules_init_mode_count"
	[defer-on]="rules_defer_on rules_defer_on_count"
	[blocks-with]="rules_blocks_with"
	[format-call]="rules_format_call rules_format_bits"
	[chain-register]="rules_chain rules_chain_count rules_chain_of"
	[chain-call]="rules_chain rules_chain_count rules_chain_of"
	[ops-bind]="rules_ops_bind rules_ops_bind_count"
	[fresh-object]="rules_fresh_object rules_fresh_zeroed"
	[hint]="rules_hint"
	[hint-alternative]="rules_hint_alternative"
)

fail=0
marked=$(sed -n 's/^[[:space:]]*{ "\([a-z-]*\)", parse_[a-z_]*, true },.*/\1/p' "$src/analyzer/rules/rules.c")
[ -n "$marked" ] || { echo "check-only-rules: no check_only directive found in rules.c (table format changed?)" >&2; exit 1; }
for d in $marked; do
	if [ -z "${readers[$d]:-}" ]; then
		echo "check-only-rules: '$d' is marked check_only in rules.c but has no row here: list its look-ups" >&2
		fail=1
		continue
	fi
	for fn in ${readers[$d]}; do
		hits=$(grep -rnw --include='*.c' --include='*.h' "$fn" "$src/analyzer/extract" || true)
		if [ -n "$hits" ]; then
			echo "check-only-rules: '$d' is marked check_only, but extract reads it through $fn():" >&2
			echo "$hits" >&2
			fail=1
		fi
	done
done
for d in "${!readers[@]}"; do
	grep -qx -- "$d" <<<"$marked" || { echo "check-only-rules: '$d' has a row here but is not marked check_only in rules.c" >&2; fail=1; }
done
[ "$fail" = 0 ] && echo "check-only-rules: $(wc -w <<<"$marked") check-only directives, none read by extract"
exit "$fail"
