#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# test.sh - install what is missing, build lockpath with AddressSanitizer and
# UndefinedBehaviorSanitizer, and run the whole test suite (ctest): unit,
# corpus, cli and, unless LOCKPATH_KERNEL_TESTS=OFF, the reference kernel tree
# (set up once and cached outside the repo by scripts/kernel-tree.sh).
#
#   scripts/test.sh [ctest args...]      e.g. scripts/test.sh -L corpus
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
kernel=${LOCKPATH_KERNEL_TESTS:-ON}
groups="test browser"
[ "$kernel" = ON ] && groups="$groups kernel"
# shellcheck disable=SC2086
"$root/scripts/deps.sh" $groups
build="$root/build-test"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DLOCKPATH_SANITIZE=ON \
	-DLOCKPATH_KERNEL_TESTS="$kernel" >/dev/null
cmake --build "$build" -j "$(nproc)"
cd "$build"
ctest --output-on-failure -j "$(nproc)" --timeout 3000 "$@"
