/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * check_list.h - every check lockpath runs, one entry each, in the order the
 * engine runs them and the reports list them.  CHECK(fn, fields...): the
 * check's functions are check_<fn>() and check_<fn>_done() in
 * check/check_<fn>.c (the engine calls the first at every site it visits,
 * the second once at the end); the fields are what every report needs to
 * know about its rule (struct check_info in check/checks.h explains each).
 * Add a check by adding its file and an entry here: docs/adding-a-check.md.
 */
CHECK(recursive_lock,
      .name = "recursive-lock",
      .summary = "a lock is acquired on a path where the same lock (possibly under another name) is already held",
      .lockdep = "WARNING: possible recursive locking detected",
      .lockdep_hint = "May be due to missing lock nesting notation",
      .offence = CK_ACQUIRES, .paths = CK_ONE_PATH, .transfer = CK_TRANSFER_HELD, .line_rank = 0)
CHECK(sleep_in_atomic,
      .name = "sleep-in-atomic",
      .summary = "a function that may sleep is reached in hardirq or softirq context, under a spinlock, or with interrupts off",
      .lockdep = "BUG: sleeping function called from invalid context",
      .offence = CK_CONTEXT, .verb = "may sleep here", .paths = CK_ONE_PATH,
      .transfer = CK_TRANSFER_HELD_OR_CONTEXT, .line_rank = 1)
CHECK(lock_order,
      .name = "lock-order",
      .summary = "lock classes are acquired in orders that close a cycle on different paths (ABBA, or A -> B -> C -> A): a possible deadlock",
      .lockdep = "WARNING: possible circular locking dependency detected",
      .offence = CK_ACQUIRES, .paths = CK_OTHER_ORDER, .transfer = CK_TRANSFER_NEVER, .line_rank = 3)
CHECK(irq_inversion,
      .name = "irq-inversion",
      .summary = "a lock class used in hardirq context is also acquired with interrupts enabled",
      .lockdep = "WARNING: inconsistent lock state",
      .lockdep_detail = "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.",
      .offence = CK_ACQUIRES, .paths = CK_HARDIRQ_USE, .transfer = CK_TRANSFER_NEVER, .line_rank = 2)
CHECK(irqs_off_call,
      .name = "irqs-off-call",
      .summary = "a function that needs interrupts enabled (kfree_skb: rules 'irqs-on') is called in hardirq context or with interrupts off",
      .lockdep = "WARNING: the callee's in_hardirq() || irqs_disabled() check",
      .offence = CK_CONTEXT, .verb = "makes a call here that needs interrupts on", .paths = CK_ONE_PATH,
      .transfer = CK_TRANSFER_NEVER, .line_rank = 4)
