/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * const_calls.h - tests whose value a static function's body fixes: a call
 * of a static function that returns one constant on every return (the
 * kernel's stubs for an option that is off, 'static inline u_short
 * fb_scrollmode(..) { return SCROLL_REDRAW; }' without legacy
 * acceleration) is that constant, and a test of it is as constant as
 * IS_ENABLED(): the compiler drops the branch it never takes.
 *
 * A 'switch' on such a value is not cut yet: the cases it rules out hold
 * annotations extract sees nowhere else (6.1's virtio_cread_le() says
 * might_sleep() in its own body, which a macro inside a macro hides, and
 * its dead 'default' case calls __virtio_cread_many(), which says it
 * again), and the transport matrix's 'sleeps' on pci and mmio rests on
 * them (tests/kernel/matrix.sh).
 */
#ifndef LP_CONST_CALLS_H
#define LP_CONST_CALLS_H

#include <clang-c/Index.h>
#include <stdbool.h>

/* The value of condition E, into *OUT, where it is a constant (an integer
 * constant expression), a call of such a static function, or '!', '=='
 * or '!=' over those (likely() and unlikely() seen through). */
bool const_cond_value(CXCursor e, long long *out);

/* Drop what the calling thread remembers of the last TU's functions. */
void const_calls_forget(void);

#endif
