/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * cleanup.h - scope-based cleanup, as far as lock guards need it.  A
 * variable declared with the cleanup attribute has its destructor called
 * by the compiler wherever its scope is left: at the block's end, at a
 * return, a break or a goto out of it.  A lock guard's constructor takes
 * the lock and its destructor releases it:
 *
 *	guard(mutex)(&m);                   held to the end of the block
 *	scoped_guard(spinlock_irqsave, &l)  held for the next statement
 *
 * DEFINE_GUARD makes a guard whose variable is the lock pointer itself;
 * DEFINE_LOCK_GUARD_1 one whose variable is a struct holding the pointer
 * and whatever the lock needs besides (the saved irq flags);
 * DEFINE_LOCK_GUARD_0 one with no lock at all ('scoped_guard(irq)':
 * interrupts off for the next statement).
 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#define __cleanup(fn)	__attribute__((__cleanup__(fn)))

#define __guard_paste(a, b)		a##b
#define __guard_unique(prefix, n)	__guard_paste(prefix, n)

/* A class: a type, a constructor returning a value of it, a destructor
 * handed a pointer to the variable (the value is '_T' in the exit code). */
#define DEFINE_CLASS(cls, type, on_exit, make, make_args...)		\
	typedef type class_##cls##_t;					\
	static inline void class_##cls##_destructor(type *var)		\
	{								\
		type _T = *var;						\
		on_exit;						\
	}								\
	static inline type class_##cls##_constructor(make_args)	\
	{								\
		type made = make;					\
		return made;						\
	}

#define CLASS(cls, name)						\
	class_##cls##_t name __cleanup(class_##cls##_destructor) =	\
		class_##cls##_constructor

/* The variable is the lock pointer: taken by the constructor, given back
 * by the destructor when it is not NULL. */
#define DEFINE_GUARD(cls, type, take, give)				\
	DEFINE_CLASS(cls, type, if (_T) { give; }, ({ take; _T; }), type _T)

#define guard(cls)	CLASS(cls, __guard_unique(guard_, __COUNTER__))

/* The guard lives in a 'for' header: its scope is the next statement. */
#define scoped_guard(cls, args...)					\
	for (CLASS(cls, scope)(args), *done = NULL; !done; done = (void *)1)

/* The variable is a struct: the lock pointer and what else the lock keeps
 * (saved irq flags); '_T' points to it in the take and give code. */
#define DEFINE_LOCK_GUARD_1(cls, type, take, give, extra...)		\
	typedef struct {						\
		type *lock;						\
		extra;							\
	} class_##cls##_t;						\
	static inline void class_##cls##_destructor(class_##cls##_t *_T) \
	{								\
		if (_T->lock) {						\
			give;						\
		}							\
	}								\
	static inline class_##cls##_t class_##cls##_constructor(type *l) \
	{								\
		class_##cls##_t g = { .lock = l }, *_T = &g;		\
		take;							\
		return g;						\
	}

/* A guard with no lock: the constructor's code and the destructor's. */
#define DEFINE_LOCK_GUARD_0(cls, take, give)				\
	typedef struct {						\
		void *lock;						\
	} class_##cls##_t;						\
	static inline void class_##cls##_destructor(class_##cls##_t *_T) \
	{								\
		if (_T->lock) {						\
			give;						\
		}							\
	}								\
	static inline class_##cls##_t class_##cls##_constructor(void)	\
	{								\
		class_##cls##_t g = { .lock = (void *)1 };		\
		take;							\
		return g;						\
	}

#endif
