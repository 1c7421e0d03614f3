/* SPDX-License-Identifier: GPL-2.0-only
 * interrupt.h - interrupt handlers.  request_irq() is a static inline over
 * the out-of-line request_threaded_irq(); the handler runs in hardirq
 * context.  Architecture code may instead fill a struct irqaction and hand
 * it to setup_irq() (linux/irq.h).
 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

#include <linux/types.h>
#include <linux/kernel.h>

enum irqreturn {
	IRQ_NONE		= (0 << 0),
	IRQ_HANDLED		= (1 << 0),
	IRQ_WAKE_THREAD		= (1 << 1),
};
typedef enum irqreturn irqreturn_t;

typedef irqreturn_t (*irq_handler_t)(int, void *);

struct irqaction {
	irq_handler_t handler;
	void *dev_id;
	struct irqaction *next;
	irq_handler_t thread_fn;
	unsigned int irq;
	unsigned int flags;
	const char *name;
};

#define IRQF_SHARED		0x00000080
#define IRQF_NO_THREAD		0x00010000

extern int request_threaded_irq(unsigned int irq, irq_handler_t handler,
				irq_handler_t thread_fn, unsigned long flags,
				const char *name, void *dev);

static inline int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
			      const char *name, void *dev)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev);
}

extern const void *free_irq(unsigned int irq, void *dev_id);
extern void synchronize_irq(unsigned int irq);
extern void disable_irq(unsigned int irq);
extern void enable_irq(unsigned int irq);

/* Softirqs: __do_softirq() runs each pending one's action (rules: keyentry
 * softirq_action.action). */
enum {
	HI_SOFTIRQ = 0,
	TIMER_SOFTIRQ,
	NET_TX_SOFTIRQ,
	NET_RX_SOFTIRQ,
	HRTIMER_SOFTIRQ,
	SCHED_SOFTIRQ,
	IRQ_POLL_SOFTIRQ,
	NR_SOFTIRQS
};

struct softirq_action {
	void (*action)(struct softirq_action *);
};

extern void open_softirq(int nr, void (*action)(struct softirq_action *));

/* Tasklets run from the tasklet softirq; tasklet_init() is out of line and
 * stores FUNC into the tasklet (rules: register tasklet_init 1 softirq). */
struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	void (*func)(unsigned long data);
	unsigned long data;
};

extern void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
extern void __tasklet_schedule(struct tasklet_struct *t);

#endif
