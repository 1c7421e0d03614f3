/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * expect.h - what every self-checking unit test shares: count each
 * expectation, name the failed ones on stderr, and print one summary line
 * whose exit status ctest reads.  Included once, by the test's own file.
 */
#ifndef LP_TEST_EXPECT_H
#define LP_TEST_EXPECT_H

#include <stdio.h>

static int passed, failed;

/* One expectation: OK, or WHAT is printed as a failure. */
static void expect(int ok, const char *what)
{
	if (ok) {
		passed++;
	} else {
		failed++;
		fprintf(stderr, "FAIL: %s\n", what);
	}
}

/* The summary line ('NAME: N passed, M failed'); the exit status. */
static inline int expect_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, passed, failed);
	return failed ? 1 : 0;
}

#endif
