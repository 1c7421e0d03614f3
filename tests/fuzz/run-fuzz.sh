#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# run-fuzz.sh - one bounded libFuzzer run for ctest: SECONDS of fuzzing from
# the checked-in seeds, new inputs into WORK/corpus (never into the seeds),
# a crash, leak or timeout saved as WORK/crash-* and the test failed.
# Reproduce a failure with: FUZZER WORK/crash-...
#
#   bash run-fuzz.sh FUZZER SEEDS WORK SECONDS
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 FUZZER SEEDS WORK SECONDS" >&2; exit 2; }
fuzzer=$1 seeds=$2 work=$3 secs=$4
mkdir -p "$work/corpus"
rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
rc=0
# -timeout: one input that takes this long is a hang; generous, since the
# machine may be loaded (the inputs take milliseconds)
"$fuzzer" -max_total_time="$secs" -timeout=120 -rss_limit_mb=2048 -max_len=4096 -print_final_stats=1 \
	-artifact_prefix="$work/" "$work/corpus" "$seeds" >"$work/log" 2>&1 || rc=$?
tail -15 "$work/log"
if [ "$rc" != 0 ]; then
	echo "FAIL: $(basename "$fuzzer") exited with $rc; artifacts:" >&2
	ls "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-* 2>/dev/null >&2 || true
	grep -m5 -E 'ERROR|SUMMARY|runtime error' "$work/log" >&2 || true
	exit 1
fi
echo "ok: $(basename "$fuzzer"): $(grep -c . <(ls "$work/corpus")) inputs in the corpus, no crash in $secs s"
