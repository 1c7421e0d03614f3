/* SPDX-License-Identifier: GPL-2.0-only
 * cio.h - subchannels.  A subchannel owns the lock that serialises all I/O
 * on it; it is allocated separately and reached through a pointer, so that
 * the ccw device on the subchannel can point at the same lock.
 */
#ifndef S390_CIO_H
#define S390_CIO_H

#include <linux/types.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/device.h>
#include <linux/workqueue.h>
#include <asm/cio.h>

struct pmcw {
	__u32 intparm;
	__u32 ena;
	__u32 dev;
	__u8 lpm;
	__u8 pim;
	__u8 pam;
	__u8 pom;
};

struct schib {
	struct pmcw pmcw;
	union scsw scsw;
};

union orb {
	struct {
		__u32 intparm;
		__u32 key;
		__u32 lpm;
		__u32 cpa;
	} cmd;
};

struct css_driver;

struct subchannel {
	struct subchannel_id schid;
	spinlock_t *lock;		/* subchannel lock */
	struct mutex reg_mutex;
	enum {
		SUBCHANNEL_TYPE_IO = 0,
		SUBCHANNEL_TYPE_CHSC = 1,
	} st;
	__u8 lpm;
	__u8 opm;
	struct schib schib;
	int isc;
	struct device dev;
	struct css_driver *driver;
	struct work_struct todo_work;
	union orb orb;
};

#define to_subchannel(n) container_of(n, struct subchannel, dev)

/* The irb of the interrupt being handled (a per-cpu variable in the kernel). */
extern struct irb cio_irb;

extern int cio_start(struct subchannel *sch, struct ccw1 *cpa, __u8 lpm);
extern int cio_start_key(struct subchannel *sch, struct ccw1 *cpa, __u8 lpm, __u8 key);
extern int cio_enable_subchannel(struct subchannel *sch, u32 intparm);
extern int cio_disable_subchannel(struct subchannel *sch);
extern int cio_update_schib(struct subchannel *sch);
extern void init_cio_interrupts(void);
extern void cio_tsch(struct subchannel *sch);

#endif
