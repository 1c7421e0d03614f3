#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# tree-x86_64.sh - fixture: set up (or reuse) the x86_64 reference tree with
# 'scripts/kernel-tree.sh --arch x86_64': defconfig plus VIRTIO_PCI,
# VIRTIO_MMIO and the s390 tree's virtio drivers, the virtio subset only
# (~60 TUs).  About 3 minutes from nothing on 2 cores (after the s390 tree,
# whose unpacked source it shares), 0.2 s when it is ready.
#   tree-x86_64.sh LOCKPATH WORKDIR
source "$(dirname "$0")/lib.sh"

"$root/scripts/kernel-tree.sh" --arch x86_64
db=$(need_tree x86_64)
n=$(jq length "$db")
[ "$n" -ge 50 ] || fail "$db has $n TUs; expected about 60 (see $kdir/x86_64/build.log)"
for f in virtio_pci_common.c virtio_pci_modern.c virtio_mmio.c virtio_balloon.c virtio.c; do
	jq -e --arg f "drivers/virtio/$f" 'any(.[]; .file | endswith($f))' "$db" >/dev/null ||
		fail "$db has no drivers/virtio/$f (see $kdir/x86_64/config.log)"
done
note "x86_64: $n TUs in $db"
