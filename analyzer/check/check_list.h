/*
 * check_list.h - every check lockpath runs, one line each: the rule name
 * users see, a one-line summary (for --help, SARIF and the HTML report), and
 * the function (in check_<name>.c) the engine calls at every site it visits.
 * Add a check by adding a file and a line here.
 */
CHECK(recursive_lock, "recursive-lock",
      "a lock is acquired on a path where the same lock (possibly under another name) is already held")
CHECK(sleep_in_atomic, "sleep-in-atomic",
      "a function that may sleep is reached in hardirq or softirq context, under a spinlock, or with interrupts off")
CHECK(lock_order, "lock-order",
      "two lock classes are acquired in both orders on different paths (ABBA): a possible deadlock")
CHECK(irq_inversion, "irq-inversion",
      "a lock class used in hardirq context is also acquired with interrupts enabled")
