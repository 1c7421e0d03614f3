/* SPDX-License-Identifier: GPL-2.0-only
 * smpboot.h - per-CPU hotplug threads: a subsystem describes its thread in
 * a static smp_hotplug_thread and registers it; smpboot's thread function
 * (kernel/smpboot.c) calls the description's thread_fn, in process
 * context with interrupts on, whenever thread_should_run says so.
 */
#ifndef _LINUX_SMPBOOT_H
#define _LINUX_SMPBOOT_H

struct smp_hotplug_thread {
	int (*thread_should_run)(unsigned int cpu);
	void (*thread_fn)(unsigned int cpu);
	const char *thread_comm;
};

int smpboot_register_percpu_thread(struct smp_hotplug_thread *plug_thread);

#endif
