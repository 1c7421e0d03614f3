// SPDX-License-Identifier: GPL-2.0-only
/*
 * nmi_warning.c - a machine check's warning, handled from an external
 * interrupt (models __s390_handle_mcck() in arch/s390/kernel/nmi.c, run
 * from smp_handle_ext_call() in hardirq context): a power warning tells
 * init with SIGPWR, as the kernel (priv 1).
 */
#include <linux/sched/signal.h>
#include <asm/irq.h>

#ifdef KILL_CAD_UNPRIV
#define MCCK_SIGNAL_PRIV	0
#else
#define MCCK_SIGNAL_PRIV	1
#endif

int mcck_warning_pending(void);

static void handle_mcck_warning(void)
{
	if (mcck_warning_pending())
		kill_cad_pid(SIGPWR, MCCK_SIGNAL_PRIV);
}

static void emergency_sig_interrupt(struct ext_code ext_code, unsigned int param32, unsigned long param64)
{
	(void)ext_code;
	(void)param32;
	(void)param64;
	handle_mcck_warning();
}

void mcck_init(void)
{
	register_external_irq(EXT_IRQ_EMERGENCY_SIG, emergency_sig_interrupt);
}
