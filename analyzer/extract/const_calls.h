/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * const_calls.h - tests whose value a static function's body fixes: a call
 * of a static function that returns one constant on every return (the
 * kernel's stubs for an option that is off, 'static inline u_short
 * fb_scrollmode(..) { return SCROLL_REDRAW; }' without legacy
 * acceleration) is that constant, and a test of it is as constant as
 * IS_ENABLED(): the compiler drops the branch it never takes.
 */
#ifndef LP_CONST_CALLS_H
#define LP_CONST_CALLS_H

#include <clang-c/Index.h>
#include <stdbool.h>

/* The value of condition E, into *OUT, where it is a constant (an integer
 * constant expression), a call of such a static function, or '!', '=='
 * or '!=' over those (likely() and unlikely() seen through). */
bool const_cond_value(CXCursor e, long long *out);

/* Whether the case labels of switch body BODY (not of switches nested in
 * it) are all constants; *HIT: one of them is V. */
bool const_switch_cases(CXCursor body, long long v, bool *hit);

/* Case label C (a 'case', not 'default') is for V, or its value is not
 * known (true). */
bool const_case_may_be(CXCursor c, long long v);

/* Drop what the calling thread remembers of the last TU's functions. */
void const_calls_forget(void);

#endif
