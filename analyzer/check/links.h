/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * links.h - two objects a function links both ways are each other's
 * (links.c says why): the subchannel of a ccw device has that device as
 * its driver data, so 'sch_get_cdev(to_subchannel(cdev->dev.parent))' is
 * cdev.  embedded.c carries the object a path bound across such a round
 * trip: the object a walk leads to from a bound object is named
 * 'OBJ' LINKS_SEP 'WALK', and the walk back gives OBJ again.
 */
#ifndef LP_CHECK_LINKS_H
#define LP_CHECK_LINKS_H

#include <stdbool.h>
#include <stddef.h>

#define LINKS_SEP '\x1d'

struct engine;
struct link_pairs;

/* After the sites and call edges are loaded: the walks that lead to a
 * linked object and back (links_pairs_free releases them). */
struct link_pairs *links_pairs_load(struct engine *e);
void links_pairs_free(struct link_pairs *p);
/* Whether WALK (steps, no 'arg#N/') leads from some object to one it is linked with. */
bool links_starts(const struct link_pairs *p, const char *walk);
/* The object WALK leads to from object OBJ (malloc'd): OBJ's partner
 * 'OBJ' LINKS_SEP 'WALK', or, from a partner, the object it came from;
 * NULL where the walk says nothing. */
char *links_follow(const struct link_pairs *p, const char *obj, const char *walk);
/* How many (walk, walk back) pairs there are, both orders counted. */
size_t links_npairs(const struct link_pairs *p);

#endif
