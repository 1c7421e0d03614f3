/* SPDX-License-Identifier: GPL-2.0-only
 * asm/cio.h - channel I/O: channel command words, the subchannel status
 * word and the interruption response block a device interrupt delivers.
 * Bit layouts are simplified to whole fields; the names are the kernel's.
 */
#ifndef _ASM_CIO_H
#define _ASM_CIO_H

#include <linux/types.h>

/* channel command word */
struct ccw1 {
	__u8 cmd_code;
	__u8 flags;
	__u16 count;
	__u32 cda;
} __attribute__((packed, aligned(8)));

#define CCW_FLAG_SLI		0x20
#define CCW_CMD_SENSE		0x04

/* command-mode subchannel status word */
struct cmd_scsw {
	__u32 key;
	__u32 fctl;
	__u32 actl;
	__u32 stctl;
	__u32 cpa;
	__u8 dstat;
	__u8 cstat;
	__u16 count;
};

union scsw {
	struct cmd_scsw cmd;
};

#define SCSW_ACTL_START_PEND	0x08
#define SCSW_STCTL_ALERT_STATUS	0x10
#define SCSW_STCTL_INTER_STATUS	0x08
#define SCSW_STCTL_PRIM_STATUS	0x04
#define SCSW_STCTL_STATUS_PEND	0x01

#define DEV_STAT_UNIT_CHECK	0x02
#define DEV_STAT_UNIT_EXCEP	0x01
#define DEV_STAT_DEV_END	0x04
#define DEV_STAT_CHN_END	0x08
#define SNS0_CMD_REJECT		0x80

/* interruption response block */
struct irb {
	union scsw scsw;
	__u32 esw[5];
	__u8 ecw[32];
} __attribute__((packed, aligned(4)));

/* An unsolicited status (a device-initiated interrupt, like a config change) has no start pending. */
static inline int scsw_is_solicited(union scsw *scsw)
{
	return (scsw->cmd.actl & SCSW_ACTL_START_PEND) || scsw->cmd.cpa != 0;
}

static inline __u32 scsw_stctl(union scsw *scsw)
{
	return scsw->cmd.stctl;
}

static inline __u8 scsw_dstat(union scsw *scsw)
{
	return scsw->cmd.dstat;
}

static inline int irb_is_error(struct irb *irb)
{
	return irb->scsw.cmd.cstat != 0 ||
	       (irb->scsw.cmd.dstat & ~(DEV_STAT_CHN_END | DEV_STAT_DEV_END)) != 0;
}

struct ccw_dev_id {
	__u8 ssid;
	__u16 devno;
};

struct subchannel_id {
	__u32 cssid;
	__u32 ssid;
	__u32 sch_no;
};

#endif
