/* SPDX-License-Identifier: GPL-2.0-only
 * bio.c - releasing the user pages a bio was mapped to, modelled on
 * block/bio.c's __bio_release_pages(): after a read into user memory each
 * folio is locked, marked dirty (the file system's hooks) and unlocked.
 * The kernel says this is for process context: blk_rq_unmap_user() must be
 * called "while still in process context".
 */
#include <linux/kernel.h>
#include <linux/pagemap.h>
#include <linux/bio.h>

extern void folio_put(struct folio *folio);

void bio_release_pages(struct bio *bio, bool mark_dirty)
{
	for (int i = 0; i < bio->nr_folios; i++) {
		struct folio *folio = bio->folios[i];

		if (mark_dirty) {
			folio_lock(folio);
			folio_mark_dirty(folio);
			folio_unlock(folio);
		}
		folio_put(folio);
	}
}
