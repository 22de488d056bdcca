/* idle_task.h - a job to run later, once the keyboard has been idle for a
 * while: the screen's facet counts and suggestions wait that long after a
 * change of the filter, so that a word being typed costs nothing more than
 * its list.
 *
 * A task is scheduled with a delay, pending until it is done or
 * cancelled, and due once the delay has passed.  No clock here: the
 * caller passes the time (monotonic milliseconds), so the logic is
 * unit-tested on its own.  No curses, no SQL. */
#ifndef LISEUSE_IDLE_TASK_H
#define LISEUSE_IDLE_TASK_H

#include <stdbool.h>

struct idle_task {
	bool pending;
	long due_ms;
};

/* Makes the task pending, due delay_ms after now_ms (again from now when
 * it was pending already). */
void idle_task_schedule(struct idle_task *t, long now_ms, int delay_ms);
/* The task is done, or no longer wanted: not pending. */
void idle_task_cancel(struct idle_task *t);
bool idle_task_pending(const struct idle_task *t);
/* Milliseconds until the task is due, 0 when due, -1 when not pending: a
 * poll timeout. */
int idle_task_timeout(const struct idle_task *t, long now_ms);
/* True when the task is pending and its delay has passed. */
bool idle_task_due(const struct idle_task *t, long now_ms);
/* The sooner of two poll timeouts, -1 meaning none. */
int idle_task_sooner(int a, int b);
/* CLOCK_MONOTONIC in milliseconds. */
long idle_task_now_ms(void);

#endif
