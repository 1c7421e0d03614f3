// SPDX-License-Identifier: GPL-2.0-only
/*
 * input_register.c - modelled on the registration half of
 * drivers/input/input.c: every input device is on one global list behind
 * one global mutex, input_mutex.  Registering waits for that mutex
 * interruptibly: a signal makes mutex_lock_interruptible() give up and
 * return -EINTR without it, and the error path unwinds what registration
 * did so far, which for a devres-managed device means unregistering it,
 * and unregistering takes input_mutex.  That is fine exactly because the
 * failed call did not take the mutex.  The same shape three more times,
 * each unwinding through a helper of its own: a killable wait tested
 * where it is called, a result kept in a local declared with it and
 * tested with '< 0', and one assigned inside the condition.
 *
 * With -DINPUT_UNWIND_UNDER_MUTEX registration also refuses a second
 * device of one name after it has the mutex, and unwinds right there,
 * under the mutex: that one deadlocks.
 */
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/input.h>

static DEFINE_MUTEX(input_mutex);
static struct input_dev *input_newest;   /* stands in for input_dev_list */
static unsigned int input_count;

static void __input_unregister_device(struct input_dev *dev)
{
	mutex_lock(&input_mutex);   /* expect(input-register-unwind-locked): recursive-lock input_register.c:input_mutex */
	if (input_newest == dev)
		input_newest = NULL;
	input_count--;
	mutex_unlock(&input_mutex);
}

/* Undo a half-done registration: a managed device was already counted. */
static void input_register_unwind(struct input_dev *dev)
{
	if (dev->users)
		__input_unregister_device(dev);
}

int input_register_device(struct input_dev *dev)
{
	int error;

	dev->users = 1;
	error = mutex_lock_interruptible(&input_mutex);
	if (error)
		goto err_unwind;
#ifdef INPUT_UNWIND_UNDER_MUTEX
	if (input_newest && input_newest->name == dev->name) {
		input_register_unwind(dev);
		mutex_unlock(&input_mutex);
		return -EEXIST;
	}
#endif
	input_newest = dev;
	input_count++;
	mutex_unlock(&input_mutex);
	return 0;

err_unwind:
	input_register_unwind(dev);
	return error;
}
EXPORT_SYMBOL(input_register_device);

/* Each form below unwinds through a helper of its own, which takes the
 * mutex at a line of its own: one finding each if the form is misread. */
static void input_reattach_undo(struct input_dev *dev)
{
	mutex_lock(&input_mutex);
	dev->users = 0;
	mutex_unlock(&input_mutex);
}

static void input_count_undo(struct input_dev *asking)
{
	mutex_lock(&input_mutex);
	asking->users--;
	mutex_unlock(&input_mutex);
}

static void input_forget_undo(struct input_dev *dev)
{
	mutex_lock(&input_mutex);
	dev->going_away = true;
	mutex_unlock(&input_mutex);
}

/* Re-add a device after a reset; a fatal signal leaves it off the list. */
int input_reattach_device(struct input_dev *dev)
{
	if (mutex_lock_killable(&input_mutex)) {
		input_reattach_undo(dev);
		return -EINTR;
	}
	input_newest = dev;
	mutex_unlock(&input_mutex);
	return 0;
}
EXPORT_SYMBOL(input_reattach_device);

/* How many devices there are, for a procfs reader. */
int input_count_devices(struct input_dev *asking)
{
	int rc = mutex_lock_interruptible(&input_mutex);
	unsigned int n;

	if (rc < 0) {
		input_count_undo(asking);
		return rc;
	}
	n = input_count;
	mutex_unlock(&input_mutex);
	return (int)n;
}
EXPORT_SYMBOL(input_count_devices);

/* Forget the newest device if it is DEV. */
int input_forget_newest(struct input_dev *dev)
{
	int rc;

	if ((rc = mutex_lock_killable(&input_mutex))) {
		input_forget_undo(dev);
		return rc;
	}
	if (input_newest == dev)
		input_newest = NULL;
	mutex_unlock(&input_mutex);
	return 0;
}
EXPORT_SYMBOL(input_forget_newest);
