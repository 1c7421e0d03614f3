/* SPDX-License-Identifier: GPL-2.0-only */ /* scatterlist.h - buffer descriptors handed to virtqueues. */
#ifndef _LINUX_SCATTERLIST_H
#define _LINUX_SCATTERLIST_H

#include <linux/types.h>

struct scatterlist {
	unsigned long page_link;
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
};

extern void sg_init_one(struct scatterlist *sg, const void *buf, unsigned int buflen);
extern void sg_init_table(struct scatterlist *sgl, unsigned int nents);

#endif
