/* SPDX-License-Identifier: GPL-2.0-only */ /* asm/kvm_para.h - the hypercall virtio-ccw uses to notify the host (diagnose 0x500). */
#ifndef _ASM_KVM_PARA_H
#define _ASM_KVM_PARA_H

extern long kvm_hypercall3(unsigned long nr, unsigned long p1, unsigned long p2,
			   unsigned long p3);

#endif
