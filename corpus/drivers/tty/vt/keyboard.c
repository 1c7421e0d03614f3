/* SPDX-License-Identifier: GPL-2.0-only
 * keyboard.c (drivers/tty/vt) - the VT console's keyboard.  Its input
 * handler's event callback takes kbd_event_lock and hands each key to the
 * file's own static table of key-type handlers, k_handler[]; the
 * "special" type dispatches once more through the static fn_handler[].
 * Nothing in either table sleeps.  drivers/s390/char/keyboard.c, a file
 * of the same base name, has a static k_handler[] of its own, with a
 * handler that does sleep (trees static-same-basename and -vt-sleeps).
 */
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/input.h>

struct vt_kbd_state {
	int leds;
	int last_key;
};

typedef void (k_handler_fn)(struct vt_kbd_state *st, unsigned char value, char up);
typedef void (fn_handler_fn)(struct vt_kbd_state *st);

static DEFINE_SPINLOCK(kbd_event_lock);
static struct vt_kbd_state vt_kbd;

#ifdef VT_SPEC_SLEEPS
/* the control's change: a special key that waits for the console */
static DEFINE_MUTEX(vt_console_mutex);
#endif

static void fn_null(struct vt_kbd_state *st)
{
	(void)st;
}

static void fn_caps_toggle(struct vt_kbd_state *st)
{
	st->leds ^= 4;
}

static fn_handler_fn *fn_handler[] = { fn_null, fn_caps_toggle };

static void k_self(struct vt_kbd_state *st, unsigned char value, char up)
{
	if (!up)
		st->last_key = value;
}

static void k_spec(struct vt_kbd_state *st, unsigned char value, char up)
{
	if (up || value >= ARRAY_SIZE(fn_handler))
		return;
#ifdef VT_SPEC_SLEEPS
	mutex_lock(&vt_console_mutex);	/* expect(static-same-basename-vt-sleeps): sleep-in-atomic */
	mutex_unlock(&vt_console_mutex);
#endif
	fn_handler[value](st);
}

static k_handler_fn *k_handler[] = { k_self, k_spec };

static void kbd_keycode(unsigned int keycode, int down)
{
	unsigned int type = keycode >> 8;

	if (type < ARRAY_SIZE(k_handler))
		k_handler[type](&vt_kbd, keycode & 0xff, !down);
}

static void kbd_event(struct input_handle *handle, unsigned int type, unsigned int code, int value)
{
	(void)handle;
	if (type != 1)
		return;
	spin_lock(&kbd_event_lock);
	kbd_keycode(code, value);
	spin_unlock(&kbd_event_lock);
}

static struct input_handler kbd_handler = {
	.name = "kbd",
	.event = kbd_event,
};

int vt_kbd_init(void)
{
	return input_register_handler(&kbd_handler);
}
