/* SPDX-License-Identifier: GPL-2.0-only */ /* virtio_ids.h - virtio device ids (the protocol's numbers). */
#ifndef _LINUX_VIRTIO_IDS_H
#define _LINUX_VIRTIO_IDS_H

#define VIRTIO_ID_NET		1
#define VIRTIO_ID_BLOCK		2
#define VIRTIO_ID_CONSOLE	3
#define VIRTIO_ID_BALLOON	5
#define VIRTIO_ID_INPUT		18
#define VIRTIO_ID_CRYPTO	20

#endif
