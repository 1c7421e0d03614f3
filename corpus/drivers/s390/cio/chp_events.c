/* SPDX-License-Identifier: GPL-2.0-only
 * chp_events.c - channel-path events handled on the I/O interrupt path: the
 * story of where a whole kernel's paths stop.  Two classes:
 *
 * - A path ends where it sleeps in atomic context.  chp_event_teardown()
 *   takes a mutex in hardirq context: that is the bug, reported there.  What
 *   it calls afterwards (chp_free_all(), which sleeps again) is code that
 *   only runs where sleeping is allowed; reporting each sleep below the
 *   first would restate one bug at every sleep of a teardown.
 *
 * - A path is a guess when it went through too many function pointers with
 *   many targets.  Like a whole kernel's hrtimer callbacks, socket transmit
 *   methods and netlink families, chp_listener.notify, chp_filter.filter and
 *   chp_sink.sink each have 64 implementations here (64 is the most a key
 *   may have before link calls it wide).  A path through two of them guessed
 *   12 bits: its sleep is reported.  One through all three guessed 18 bits,
 *   past the 16-bit bound: it is not followed.
 *
 * Must find: sleep-in-atomic at the mutex_lock in chp_event_teardown and at
 * the msleep in chp_filter_1 (two dispatches deep).
 * Must not find: the msleep in chp_free_all (after the path's first sleep)
 * or the one in chp_sink_0 (three dispatches deep).
 */
#include <linux/kernel.h>
#include <linux/compiler.h>
#include <linux/mutex.h>
#include <linux/delay.h>

struct chp_listener { void (*notify)(int ev); };
struct chp_filter { void (*filter)(int ev); };
struct chp_sink { void (*sink)(int ev); };

static DEFINE_MUTEX(chp_event_mutex);
static int chp_counts[4];
static struct chp_listener *chp_cur_listener;
static struct chp_filter *chp_cur_filter;
static struct chp_sink *chp_cur_sink;

static void chp_free_all(void)
{
	msleep(10);   /* silent: the path ended at chp_event_teardown's mutex_lock */
}

static void chp_event_teardown(void)
{
	mutex_lock(&chp_event_mutex); /* expect: sleep-in-atomic mutex_lock */
	chp_free_all();
	mutex_unlock(&chp_event_mutex);
}

/* The third level: 64 sinks; sink 0 sleeps, 18 bits down a path. */
static void chp_sink_0(int ev)
{
	msleep(ev);   /* silent: a guess among 64 * 64 * 64 targets */
}

/* The second level: 64 filters; filter 0 passes on to a sink, filter 1 sleeps. */
static void chp_filter_0(int ev)
{
	chp_cur_sink->sink(ev);
}

static void chp_filter_1(int ev)
{
	msleep(ev); /* expect: sleep-in-atomic msleep */
}

/* The first level: 64 listeners; listener 0 passes on to a filter. */
static void chp_notify_0(int ev)
{
	chp_cur_filter->filter(ev);
}

/* The other implementations of each level count the event and return. */
#define CHP_LEVELS(n) \
	static void chp_notify_##n(int ev) { chp_counts[0] += ev; } \
	static void chp_filter_##n(int ev) { chp_counts[1] += ev; } \
	static void chp_sink_##n(int ev) { chp_counts[2] += ev; }
#define CHP_TABLES(n) \
	static __used struct chp_listener chp_listener_##n = { .notify = chp_notify_##n }; \
	static __used struct chp_filter chp_filter_tab_##n = { .filter = chp_filter_##n }; \
	static __used struct chp_sink chp_sink_tab_##n = { .sink = chp_sink_##n };
#define CHP_NOT_FILTER(n) \
	static void chp_notify_##n(int ev) { chp_counts[0] += ev; } \
	static void chp_sink_##n(int ev) { chp_counts[2] += ev; }
#define CHP_8(m, b) m(b##0) m(b##1) m(b##2) m(b##3) m(b##4) m(b##5) m(b##6) m(b##7)

CHP_NOT_FILTER(1)
CHP_LEVELS(2) CHP_LEVELS(3) CHP_LEVELS(4) CHP_LEVELS(5) CHP_LEVELS(6) CHP_LEVELS(7)
CHP_8(CHP_LEVELS, 1) CHP_8(CHP_LEVELS, 2) CHP_8(CHP_LEVELS, 3) CHP_8(CHP_LEVELS, 4)
CHP_8(CHP_LEVELS, 5) CHP_8(CHP_LEVELS, 6)
CHP_LEVELS(70) CHP_LEVELS(71) CHP_LEVELS(72) CHP_LEVELS(73)
CHP_LEVELS(74) CHP_LEVELS(75) CHP_LEVELS(76) CHP_LEVELS(77)
CHP_TABLES(0) CHP_TABLES(1) CHP_TABLES(2) CHP_TABLES(3) CHP_TABLES(4) CHP_TABLES(5)
CHP_TABLES(6) CHP_TABLES(7)
CHP_8(CHP_TABLES, 1) CHP_8(CHP_TABLES, 2) CHP_8(CHP_TABLES, 3) CHP_8(CHP_TABLES, 4)
CHP_8(CHP_TABLES, 5) CHP_8(CHP_TABLES, 6)
CHP_TABLES(70) CHP_TABLES(71) CHP_TABLES(72) CHP_TABLES(73)
CHP_TABLES(74) CHP_TABLES(75) CHP_TABLES(76) CHP_TABLES(77)

/* Called by do_io_irq() between irq_enter_rcu() and irq_exit_rcu(). */
void chp_event_irq(void)
{
	chp_cur_listener->notify(1);
	chp_event_teardown();
}
