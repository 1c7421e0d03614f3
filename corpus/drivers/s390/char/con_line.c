// SPDX-License-Identifier: GPL-2.0-only
/*
 * con_line.c - corpus model of drivers/s390/char/con3215.c: a line-mode
 * console on a ccw device.  The driver keeps its device in its own struct
 * ('line->cdev') and sets that device's interrupt handler in the same
 * function, so the handler of the device it keeps is its own.  The
 * console's write queues the text and starts the output under the ccw
 * device lock; with a path gone the start verifies the paths at once and
 * may end in cdev->handler before it returns (device_pgid.c).
 *
 * -DCON_LINE_IRQ_RELOCKS: the handler takes the ccw device lock, which
 * cio's caller of a handler already holds (a real bug).
 * -DCON_LINE_HANDLER_APART: the probe sets the handler in a helper of its
 * own, apart from the store of the device.
 * -DCON_LINE_WAITS_IDLE: with its buffer full the write polls the device
 * (ccw_device_wait_idle(), device.c), whose pending status goes through
 * the subchannel driver's irq() and back to the device's handler.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/slab.h>
#include <linux/console.h>
#include <asm/ccwdev.h>

#define CON_LINE_ROOM 4096

struct con_line {
	struct ccw_device *cdev;
	struct ccw1 ccw;
	unsigned int queued;
	unsigned int busy;
};

static struct con_line *con_line_main;

static void con_line_irq(struct ccw_device *cdev, unsigned long intparm, struct irb *irb)
{
	struct con_line *line = dev_get_drvdata(&cdev->dev);
#ifdef CON_LINE_IRQ_RELOCKS
	unsigned long flags;

	/* wrong: cio calls a handler with this lock held already */
	spin_lock_irqsave(get_ccwdev_lock(cdev), flags); /* expect(handler-owner-relocks): recursive-lock *ccw_device.ccwlock acquired in con_line_irq */
	line->busy = 0;
	spin_unlock_irqrestore(get_ccwdev_lock(cdev), flags);
#else
	line->busy = 0;
#endif
}

static void con_line_kick(struct con_line *line)
{
	if (line->busy || !line->queued)
		return;
	line->ccw.count = line->queued;
	if (!ccw_device_start_timeout(line->cdev, &line->ccw, (unsigned long)line, 0, 0, 10))
		line->busy = 1;
}

static void con_line_write(struct console *con, const char *text, unsigned int len)
{
	struct con_line *line = con_line_main;
	unsigned long flags;

	spin_lock_irqsave(get_ccwdev_lock(line->cdev), flags); /* expect(handler-owner-idle,handler-owner-idle-unlinked): lock-order *ccw_device.ccwlock is acquired while s390/char/vmur_status.c:ur_check_lock is held */
#ifdef CON_LINE_WAITS_IDLE
	/* no room left: drain the device by polling it, lock held */
	while (line->queued + len > CON_LINE_ROOM)
		ccw_device_wait_idle(line->cdev);
#endif
	line->queued += len;
	con_line_kick(line);
	spin_unlock_irqrestore(get_ccwdev_lock(line->cdev), flags);
}

static struct console con_line_console = { .name = "ttyS", .write = con_line_write };

#ifdef CON_LINE_HANDLER_APART
static void con_line_take_irqs(struct ccw_device *cdev)
{
	cdev->handler = con_line_irq;
}
#endif

static int con_line_probe(struct ccw_device *cdev)
{
	struct con_line *line = kzalloc(sizeof(*line), GFP_KERNEL);

	if (!line)
		return -ENOMEM;
	line->cdev = cdev;
	dev_set_drvdata(&cdev->dev, line);
#ifdef CON_LINE_HANDLER_APART
	con_line_take_irqs(cdev);
#else
	cdev->handler = con_line_irq;
#endif
	con_line_main = line;
	register_console(&con_line_console);
	return 0;
}

static struct ccw_device_id con_line_ids[] = { { CCW_DEVICE(0x3215, 0) }, { } };

static struct ccw_driver con_line_driver = {
	.ids = con_line_ids,
	.probe = con_line_probe,
};
module_ccw_driver(con_line_driver);
