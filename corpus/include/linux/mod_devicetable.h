/* SPDX-License-Identifier: GPL-2.0-only */ /* mod_devicetable.h - the id tables drivers match on. */
#ifndef _LINUX_MOD_DEVICETABLE_H
#define _LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

struct virtio_device_id {
	__u32 device;
	__u32 vendor;
};
#define VIRTIO_DEV_ANY_ID	0xffffffff

struct ccw_device_id {
	__u16 match_flags;
	__u16 cu_type;
	__u16 dev_type;
	__u8 cu_model;
	__u8 dev_model;
	unsigned long driver_info;
};
#define CCW_DEVICE_ID_MATCH_CU_TYPE	0x01

struct pci_device_id {
	__u32 vendor, device;
	__u32 subvendor, subdevice;
	__u32 class, class_mask;
	unsigned long driver_data;
};
#define PCI_ANY_ID	(~0)

#endif
