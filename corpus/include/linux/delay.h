/* SPDX-License-Identifier: GPL-2.0-only */ /* delay.h - busy-waiting (udelay, mdelay: never sleep) and sleeping delays (msleep: out of line, sleeps). */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

extern void __udelay(unsigned long usecs);
#define udelay(n)	__udelay(n)
#define mdelay(n)	__udelay((n) * 1000UL)

extern void msleep(unsigned int msecs);
extern unsigned long msleep_interruptible(unsigned int msecs);

#endif
