/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * casts.h - what a callback's casts say about the object it is given, and
 * what a call through a member gives it (see casts.c).
 */
#ifndef LP_CASTS_H
#define LP_CASTS_H

#include <clang-c/Index.h>
#include "lib/util.h"

/* The structs that start at the address of a struct of type T, outermost
 * first, '>' separated: the type's name, then its first member's struct
 * type, and so on ('inet_connection_sock>inet_sock>sock').  NULL when T is
 * not a named struct, or a union or an unnamed struct starts inside it (a
 * union's first member says nothing of the others). */
const char *casts_chain(struct arena *a, CXType t);

/* For CAST, a C cast in FUNC: the index of FUNC's parameter it converts to
 * a pointer to another struct ('(struct inet_connection_sock *)sk' of a
 * 'struct sock *sk'), with that struct's chain in *CHAIN; -1 otherwise. */
int casts_param_cast(struct arena *a, CXCursor func, CXCursor cast, const char **chain);

/* For CALL, a call through member CALLEE ('sk->sk_data_ready(sk)'): when
 * one of its arguments is the object the member is read from, and that
 * object is the first member of a struct the code names ('struct sock *sk
 * = &po->sk;' with 'sk' the first member of 'struct packet_sock'), the
 * text 'N=CHAIN': the argument's index and the chain of that struct
 * ('0=packet_sock>sock').  NULL otherwise.  FUNC is the caller. */
const char *casts_call_head(struct arena *a, CXCursor func, CXCursor call, CXCursor callee);

#endif
