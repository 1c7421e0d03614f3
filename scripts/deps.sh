#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# deps.sh - install the Debian 12 packages lockpath needs, and only those that
# are missing (so a ready machine is not touched and needs no network).
#
#   scripts/deps.sh [build] [test] [kernel] [browser]
#
# build:   compiler, CMake, libclang/LLVM 19, sqlite3, jansson (JSON), xxhash, help2man (man page)
# test:    build + clang-19 with libFuzzer (fuzz targets), valgrind; sqlite3, jq, patch, python3 (scripts/review.py)
#          and GNU time for the kernel tests and bench/kernel.sh
# kernel:  what scripts/kernel-tree.sh needs for the reference s390 tree
# browser: chromium and node/npm for the HTML report's browser test
# Run as root (or with sudo available).
set -euo pipefail

pkgs_build="cmake make gcc pkg-config libclang-19-dev llvm-19-dev clang-19 libsqlite3-dev libjansson-dev libxxhash-dev help2man"
pkgs_test="libclang-rt-19-dev valgrind sqlite3 jq time patch python3"
pkgs_kernel="linux-source-6.1 lld-19 gcc-s390x-linux-gnu binutils-s390x-linux-gnu bc flex bison libssl-dev libelf-dev python3 xz-utils"
pkgs_browser="chromium nodejs"

want=""
[ $# -eq 0 ] && set -- build
for group in "$@"; do
	case $group in
	build) want="$want $pkgs_build" ;;
	test) want="$want $pkgs_build $pkgs_test" ;;
	kernel) want="$want $pkgs_kernel" ;;
	browser) want="$want $pkgs_browser" ;;
	*) echo "deps.sh: error: unknown group '$group' (expected build, test, kernel or browser)" >&2; exit 2 ;;
	esac
done

missing=""
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# npm ships inside NodeSource's nodejs package; Debian's own npm package
# conflicts with it, so ask for npm only when no npm command exists.
case " $want " in
*" nodejs "*) command -v npm >/dev/null 2>&1 || missing="$missing npm" ;;
esac
if [ -z "$missing" ]; then
	exit 0
fi
echo "deps.sh: installing:$missing" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
