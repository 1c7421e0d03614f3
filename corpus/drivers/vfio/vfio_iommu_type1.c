/* SPDX-License-Identifier: GPL-2.0-only
 * vfio_iommu_type1.c - pinning a user DMA range.  vaddr_get_pfns() holds
 * the address space's mmap_lock for reading around the pin and passes no
 * LOCKED flag: the pin must not drop the lock it holds, so the pinning
 * loop returns after one batch.  Models drivers/vfio/vfio_iommu_type1.c
 * (vaddr_get_pfns()).
 */
#include <linux/kernel.h>
#include <linux/mmap_lock.h>

long vaddr_get_pfns(struct mm_struct *mm, unsigned long vaddr, long npage, int write,
		    struct page **pages)
{
	long ret;

	mmap_read_lock(mm);
	ret = pin_user_pages_remote(mm, vaddr, (unsigned long)npage, write ? 1 : 0, pages, NULL);
	mmap_read_unlock(mm);
	return ret;
}
