/* SPDX-License-Identifier: GPL-2.0-only
 * input.c - corpus model of the input core (drivers/input/input.c), the
 * part that sits between a device's driver and its handlers.
 *
 * Each input_dev has a mutex, input_dev.mutex, that orders what users do
 * to the device: grabbing it for one handle (input_grab_device, which
 * evdev calls for EVIOCGRAB) and power transitions.  On suspend the core
 * turns the device's LEDs off through the driver's event() callback with
 * that mutex held, so every driver's event() runs under input_dev.mutex.
 * Unregistering a device tells every attached handler through its
 * disconnect() callback; the core takes no lock of the device on that
 * way (the global input_mutex the kernel takes there is not modelled).
 *
 * On its own this file orders nothing against anything: it is one of the
 * three dependencies of the lock-cycle3-* trees (evdev.mutex ->
 * input_dev.mutex is made here, by evdev's callers).
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/mutex.h>
#include <linux/input.h>

/* Give HANDLE the device's events alone; -EBUSY if another handle has them. */
int input_grab_device(struct input_handle *handle)
{
	struct input_dev *idev = handle->dev;
	int busy;

	mutex_lock(&idev->mutex);
	busy = idev->grab != NULL;
	if (!busy)
		idev->grab = handle;
	mutex_unlock(&idev->mutex);
	return busy ? -EBUSY : 0;
}

void input_release_device(struct input_handle *handle)
{
	struct input_dev *idev = handle->dev;

	mutex_lock(&idev->mutex);
	if (idev->grab == handle)
		idev->grab = NULL;
	mutex_unlock(&idev->mutex);
}

/* Ask the driver to switch every LED it has on or off. */
static void input_leds_set(struct input_dev *idev, bool on)
{
	unsigned int led;

	if (!idev->event)
		return;
	for (led = 0; led < LED_CNT; led++)
		if (idev->led[0] & (1UL << led))
			idev->event(idev, EV_LED, led, on);
}

/* dev_pm_ops.suspend of every input device: LEDs off while asleep. */
int input_dev_suspend(struct device *d)
{
	struct input_dev *idev = to_input_dev(d);

	mutex_lock(&idev->mutex);
	if (idev->users)
		input_leds_set(idev, false);
	mutex_unlock(&idev->mutex);
	return 0;
}

int input_register_handle(struct input_handle *handle)
{
	struct input_dev *idev = handle->dev;

	handle->next = idev->handles;
	idev->handles = handle;
	return 0;
}

/* Detach every handler, then let the device go. */
void input_unregister_device(struct input_dev *idev)
{
	struct input_handle *h = idev->handles, *after;

	idev->handles = NULL;
	for (; h; h = after) {
		after = h->next;
		h->handler->disconnect(h);
	}
	device_del(&idev->dev);
}
