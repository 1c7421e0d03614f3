	spin_lock_irqsave(get_ccwdev_lock(cdev), flags); /* lockpath: ignore recursive-lock the lock is dropped by the caller first */
	/* lockpath: ignore recursive-lock reviewed: the caller is never in irq context */
	mutex_lock(&m); // lockpath: ignore sleep-in-atomic only at probe time
	x = 1; /* lockpath: ignore recursive-lock */
	y = 2; /* lockpath: nope */
	z = 3; /* lockpath: ignore no-such-rule reason */
	/* lockpath:ignore	recursive-lock	tabs everywhere	*/
