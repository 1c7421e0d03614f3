/* SPDX-License-Identifier: GPL-2.0-only
 * ioasm.h - the channel-subsystem instructions (start/test/modify
 * subchannel), out of line here.  None of them takes a lock; the callers
 * hold the subchannel lock.
 */
#ifndef S390_CIO_IOASM_H
#define S390_CIO_IOASM_H

#include <linux/types.h>
#include <asm/cio.h>

union orb;
struct schib;

extern int ssch(struct subchannel_id schid, union orb *addr);
extern int tsch(struct subchannel_id schid, struct irb *addr);
extern int msch(struct subchannel_id schid, struct schib *addr);
extern int stsch(struct subchannel_id schid, struct schib *addr);

#endif
