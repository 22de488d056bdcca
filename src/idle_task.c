/* idle_task.c - jobs run once the keyboard has been idle (see idle_task.h). */
#include "config.h"

#include <time.h>

#include "idle_task.h"

void
idle_task_schedule(struct idle_task *t, long now_ms, int delay_ms)
{
	t->pending = true;
	t->due_ms = now_ms + (delay_ms > 0 ? delay_ms : 0);
}

void
idle_task_cancel(struct idle_task *t)
{
	t->pending = false;
}

bool
idle_task_pending(const struct idle_task *t)
{
	return t->pending;
}

int
idle_task_timeout(const struct idle_task *t, long now_ms)
{
	long left;

	if (!t->pending)
		return -1;
	left = t->due_ms - now_ms;
	return left > 0 ? (int)left : 0;
}

bool
idle_task_due(const struct idle_task *t, long now_ms)
{
	return idle_task_timeout(t, now_ms) == 0;
}

int
idle_task_sooner(int a, int b)
{
	if (a < 0)
		return b;
	if (b < 0)
		return a;
	return a < b ? a : b;
}

long
idle_task_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}
