// SPDX-License-Identifier: GPL-2.0-only
/*
 * proc.c - /proc/bus/pci and config-space blocking (models the shape of
 * drivers/pci/proc.c and drivers/pci/access.c in a kernel with cleanup.h's
 * lock guards).  Attaching and detaching a device's proc entry hold
 * pci_proc_lock through a guard variable: 'guard(mutex)' to the end of the
 * function (a return inside releases it), 'scoped_guard(mutex, ..)' for a
 * block left early by a goto.  The init code sets the directory up in a
 * scoped block and attaches every device after it.  Config access is
 * blocked under 'guard(spinlock_irqsave)' and unblocked in a scoped block
 * that a 'break' may leave; a reset sleeps between the two, with no guard
 * of the caller's in scope.
 *
 * -DPCI_PROC_ATTACH_LOCKED attaches the devices inside the scoped block
 * (pci_proc_lock taken twice); -DPCI_CFG_WAIT_LOCKED sleeps inside the
 * config lock's scoped block.
 */
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>

struct pci_dev;

extern void *proc_mkdir(const char *name, void *parent);

static DEFINE_MUTEX(pci_proc_lock);
static int proc_initialized;
static int proc_entries;
static struct pci_dev *pci_devs[8];
static int pci_ndevs;

static DEFINE_SPINLOCK(pci_cfg_lock);
static int cfg_blocked;

int pci_proc_attach_device(struct pci_dev *dev)
{
	guard(mutex)(&pci_proc_lock); /* expect(guard-scope-locked): recursive-lock */
	if (!proc_initialized)
		return -EBUSY;
	proc_entries++;
	return 0;
}

static int pci_proc_entries(void)
{
	guard(mutex)(&pci_proc_lock);
	return proc_entries;
}

int pci_proc_detach_device(struct pci_dev *dev)
{
	scoped_guard(mutex, &pci_proc_lock) {
		if (!proc_entries)
			goto out;
		proc_entries--;
	}
out:
	return pci_proc_entries();
}

/* a device that goes away and comes back: each call's guard ended with it */
void pci_proc_reattach(struct pci_dev *dev)
{
	pci_proc_detach_device(dev);
	pci_proc_attach_device(dev);
}

static int __init pci_proc_init(void)
{
	int i;

	scoped_guard(mutex, &pci_proc_lock) {
		proc_mkdir("bus/pci", NULL);
		proc_initialized = 1;
#ifdef PCI_PROC_ATTACH_LOCKED
		for (i = 0; i < pci_ndevs; i++)
			pci_proc_attach_device(pci_devs[i]);
#endif
	}
#ifndef PCI_PROC_ATTACH_LOCKED
	for (i = 0; i < pci_ndevs; i++)
		pci_proc_attach_device(pci_devs[i]);
#endif
	return 0;
}
device_initcall(pci_proc_init);

void pci_cfg_access_lock(struct pci_dev *dev)
{
	guard(spinlock_irqsave)(&pci_cfg_lock);
	cfg_blocked = 1;
}

void pci_cfg_access_unlock(struct pci_dev *dev)
{
	scoped_guard(spinlock_irqsave, &pci_cfg_lock) {
		if (!cfg_blocked)
			break;
		cfg_blocked = 0;
#ifdef PCI_CFG_WAIT_LOCKED
		msleep(1); /* expect(guard-scope-locked): sleep-in-atomic msleep may sleep */
#endif
	}
	msleep(1);
}

void pci_dev_reset(struct pci_dev *dev)
{
	pci_cfg_access_lock(dev);
	msleep(100);
	pci_cfg_access_unlock(dev);
}
