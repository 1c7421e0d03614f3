// SPDX-License-Identifier: GPL-2.0-only
/*
 * joystick/analog_poll.c - a polled joystick whose board data gives its
 * poll routine as an integer cookie: the driver calls
 * input_setup_polling() with a value lockpath cannot name.
 */
#include <linux/kernel.h>
#include <linux/input.h>

struct input_dev_poller;

void input_setup_polling(struct input_dev *dev, struct input_dev_poller *poller,
			 void (*poll_fn)(struct input_dev *dev));

struct analog_board {
	unsigned long poll_cookie;
	struct input_dev_poller *poller;
};

void analog_attach(struct input_dev *dev, struct analog_board *board)
{
	input_setup_polling(dev, board->poller, (void (*)(struct input_dev *))board->poll_cookie);
}
