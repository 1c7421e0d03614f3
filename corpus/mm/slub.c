/* SPDX-License-Identifier: GPL-2.0-only
 * slub.c - kmalloc, modelled on mm/slub.c's shape: the per-CPU freelist
 * first, then a new slab from the page allocator with the caller's gfp
 * mask.  Whether that can block is the mask's business (mm/page_alloc.c).
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>

struct kmem_cache_cpu {
	void **freelist;
};

static struct kmem_cache_cpu kmalloc_cpu_slab;

static void *slab_grow(size_t size, gfp_t flags)
{
	struct page *page = alloc_pages(flags, size > PAGE_SIZE ? 1 : 0);

	return page ? page_address(page) : NULL;
}

void *kmalloc(size_t size, gfp_t flags)
{
	void **obj = kmalloc_cpu_slab.freelist;

	if (obj) {
		kmalloc_cpu_slab.freelist = *obj;
		return obj;
	}
	return slab_grow(size, flags);
}
