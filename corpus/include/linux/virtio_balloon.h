/* SPDX-License-Identifier: GPL-2.0-only */ /* virtio_balloon.h - the balloon device's protocol: feature bits, config layout. */
#ifndef _LINUX_VIRTIO_BALLOON_H
#define _LINUX_VIRTIO_BALLOON_H

#include <linux/types.h>

#define VIRTIO_BALLOON_F_MUST_TELL_HOST	0
#define VIRTIO_BALLOON_F_STATS_VQ	1
#define VIRTIO_BALLOON_F_DEFLATE_ON_OOM	2
#define VIRTIO_BALLOON_F_FREE_PAGE_HINT	3

#define VIRTIO_BALLOON_PFN_SHIFT	12
#define VIRTIO_BALLOON_CMD_ID_STOP	0
#define VIRTIO_BALLOON_CMD_ID_DONE	1

struct virtio_balloon_config {
	__le32 num_pages;		/* the host's target, in 4k pages */
	__le32 actual;			/* what the guest has given */
	__le32 free_page_report_cmd_id;	/* free page hinting: the host's command */
	__le32 poison_val;
};

#define VIRTIO_BALLOON_S_SWAP_IN	0
#define VIRTIO_BALLOON_S_MEMFREE	4
#define VIRTIO_BALLOON_S_MEMTOT		5
#define VIRTIO_BALLOON_S_NR		10

struct virtio_balloon_stat {
	__virtio16 tag;
	__virtio64 val;
} __attribute__((packed));

#endif
