/* SPDX-License-Identifier: GPL-2.0-only
 * fbcon_scroll.c - a framebuffer console's scrolling (the shape of
 * drivers/video/fbdev/core/fbcon.c and a DRM fb helper), written to from
 * printk in any context: here a display controller's interrupt handler
 * reports a lost frame.
 *
 * How a scroll moves the picture is the display's scroll mode, read
 * through fb_scrollmode().  Without CONFIG_FRAMEBUFFER_CONSOLE_LEGACY_
 * ACCELERATION (off in Debian's 6.1 configs) that is a stub returning
 * SCROLL_REDRAW: every scroll redraws, and the panning modes, which call
 * the driver's fb_pan_display (a DRM helper's takes a mutex), are code
 * the compiler drops.  A test of a static function that returns one
 * constant is as constant as IS_ENABLED(): 'if (fb_scrollmode(p) ==
 * SCROLL_REDRAW)' always redraws, 'if (fb_scrollmode(p) != SCROLL_REDRAW)'
 * never pans.  (The kernel's fbcon_scroll() switches on the mode; a switch
 * on such a value is not cut yet, extract/const_calls.h says why.)
 *
 * Must find (legacy acceleration on): sleep-in-atomic at the helper's
 * mutex_lock, reached from the interrupt's printk.
 * Must not find (off): anything.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/console.h>
#include <linux/interrupt.h>
#include <linux/printk.h>

enum { SCROLL_MOVE = 1, SCROLL_PAN_MOVE = 2, SCROLL_WRAP_MOVE = 3, SCROLL_REDRAW = 4 };

struct fb_info;

struct fb_ops {
	int (*fb_pan_display)(struct fb_info *info, int yoffset);
};

struct fb_info {
	const struct fb_ops *fbops;
	int yoffset;
	int lines_moved;
};

struct fbcon_display {
#ifdef CONFIG_FRAMEBUFFER_CONSOLE_LEGACY_ACCELERATION
	unsigned short scrollmode;
#endif
	int redraws;
};

static inline unsigned short fb_scrollmode(struct fbcon_display *disp)
{
#ifdef CONFIG_FRAMEBUFFER_CONSOLE_LEGACY_ACCELERATION
	return disp->scrollmode;
#else
	(void)disp;
	return SCROLL_REDRAW;   /* the panning modes need the legacy acceleration */
#endif
}

/* The fb helper's pan: the mode is set under the helper's mutex. */
static DEFINE_MUTEX(fbh_modeset_lock);

static int fbh_pan_display(struct fb_info *info, int yoffset)
{
	mutex_lock(&fbh_modeset_lock); /* expect(fbcon-scroll-legacy): sleep-in-atomic mutex_lock may sleep (takes a sleeping lock) in hardirq context */
	info->yoffset = yoffset;
	mutex_unlock(&fbh_modeset_lock);
	return 0;
}

static const struct fb_ops fbh_ops = {
	.fb_pan_display = fbh_pan_display,
};

static struct fb_info fbh_info = { .fbops = &fbh_ops };
static struct fbcon_display fbcon_disp;

static void fbcon_scroll(struct fb_info *info, struct fbcon_display *disp, int lines)
{
	if (fb_scrollmode(disp) == SCROLL_REDRAW) {
		disp->redraws++;
		return;
	}
	if (fb_scrollmode(disp) == SCROLL_MOVE)
		info->lines_moved += lines;
	else
		info->fbops->fb_pan_display(info, info->yoffset + lines);
}

/* After a message the view goes back to the top of the buffer. */
static void fbcon_home(struct fb_info *info, struct fbcon_display *disp)
{
	if (fb_scrollmode(disp) != SCROLL_REDRAW)
		info->fbops->fb_pan_display(info, 0);
}

static void fbcon_console_write(struct console *con, const char *text, unsigned int len)
{
	(void)con;
	(void)text;
	fbcon_scroll(&fbh_info, &fbcon_disp, (int)(len / 80) + 1);
	fbcon_home(&fbh_info, &fbcon_disp);
}

static struct console fbcon_console = {
	.name = "fbcon",
	.write = fbcon_console_write,
};

static irqreturn_t crtc_vblank_irq(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	printk("crtc: frame lost\n");
	return IRQ_HANDLED;
}

int fbcon_scroll_init(void)
{
	register_console(&fbcon_console);
	return request_irq(3, crtc_vblank_irq, 0, "crtc", NULL);
}
