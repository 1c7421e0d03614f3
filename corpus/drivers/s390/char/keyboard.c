/* SPDX-License-Identifier: GPL-2.0-only
 * keyboard.c (drivers/s390/char) - the 3270 tty's keyboard, which shares
 * nothing with the VT keyboard but its file's base name and the names of
 * its statics: a static k_handler[] of its own key-type handlers.  Its
 * "special" keys end the session, in the 3270 tty's process context,
 * under the keyboard's port mutex.  Nothing calls this file's
 * kbd_keycode() with a lock held.
 */
#include <linux/kernel.h>
#include <linux/mutex.h>

struct kbd_data {
	struct mutex port_mutex;
	int last;
};

typedef void (k_handler_fn)(struct kbd_data *kbd, unsigned char value);

static void k_self(struct kbd_data *kbd, unsigned char value)
{
	kbd->last = value;
}

static void k_spec(struct kbd_data *kbd, unsigned char value)
{
	(void)value;
	mutex_lock(&kbd->port_mutex);
	kbd->last = -1;
	mutex_unlock(&kbd->port_mutex);
}

static k_handler_fn *k_handler[] = { k_self, k_spec };

void kbd_keycode(struct kbd_data *kbd, unsigned int keycode)
{
	unsigned int type = keycode >> 8;

	if (type < ARRAY_SIZE(k_handler))
		k_handler[type](kbd, keycode & 0xff);
}
