// SPDX-License-Identifier: GPL-2.0-only
/*
 * smpboot.c - per-CPU hotplug threads (models kernel/smpboot.c): each
 * registered description gets a kthread per CPU, whose function calls the
 * description's thread_fn with interrupts on whenever thread_should_run
 * says there is work.  The thread function has no caller in the tree (it
 * is handed to kthread_create_on_cpu()), so it is a root: process
 * context.
 */
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/errno.h>
#include <linux/smpboot.h>

struct smpboot_thread_data {
	unsigned int cpu;
	struct smp_hotplug_thread *ht;
};

extern void *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
				   const char *namefmt);

static int smpboot_thread_fn(void *data)
{
	struct smpboot_thread_data *td = data;
	struct smp_hotplug_thread *ht = td->ht;

	for (;;) {
		if (!ht->thread_should_run(td->cpu))
			schedule();
		else
			ht->thread_fn(td->cpu);
	}
	return 0;
}

int smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread)
{
	struct smpboot_thread_data *td = kmalloc(sizeof(*td), GFP_KERNEL);

	if (!td)
		return -ENOMEM;
	td->cpu = 0;
	td->ht = plug_thread;
	kthread_create_on_cpu(smpboot_thread_fn, td, 0, plug_thread->thread_comm);
	return 0;
}
