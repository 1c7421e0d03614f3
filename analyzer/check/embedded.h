/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * embedded.h - callbacks of a generic struct embedded in a specific one
 * (embedded.c says why): a call through a member of an object that the
 * path shows is the embedded 'base' of some outer struct reaches only the
 * functions stored into that member through the same outer struct; the
 * same for a table an object's member points to ('dev->bus'), and for a
 * device a driver keeps in its own struct ('raw->cdev'), whose callbacks
 * are the ones that driver set where it stored the device; an object is
 * carried across a walk to the object it is linked with and back
 * (links.h: a ccw device's subchannel's device is that device).  The engine
 * calls it when it loads, when it enters a callee and when it follows an
 * indirect call.
 */
#ifndef LP_EMBEDDED_H
#define LP_EMBEDDED_H

#include <stdbool.h>

struct engine;
struct ck_state;
struct ck_site;
struct ck_callee;

/* After the sites, their arguments and the call edges are loaded: each
 * call's object and object arguments, each function's parameters that
 * carry an object to such a call.  embedded_free releases it. */
void embedded_load(struct engine *e);
void embedded_free(struct engine *e);
/* Entering the callee of NEXT from the call at SITE in state CUR: bind the
 * callee's object parameters to what the call passes. */
void embedded_bind(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		   struct ck_state *next);
/* Whether the call at SITE from state CUR may reach callee C. */
bool embedded_allows(const struct engine *e, const struct ck_state *cur, const struct ck_site *site,
		     const struct ck_callee *c);

#endif
