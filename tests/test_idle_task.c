/* test_idle_task.c - jobs run once the keyboard rests: pending, due,
 * timeouts, rescheduling, cancelling. */
#include "config.h"

#include "idle_task.h"
#include "unit.h"

int
main(void)
{
	struct idle_task t = {0};

	/* nothing scheduled: nothing pending, no timeout, never due */
	CHECK(!idle_task_pending(&t));
	CHECK_INT(idle_task_timeout(&t, 1000), -1);
	CHECK(!idle_task_due(&t, 1000000));

	idle_task_schedule(&t, 1000, 200);
	CHECK(idle_task_pending(&t));
	CHECK_INT(idle_task_timeout(&t, 1000), 200);
	CHECK_INT(idle_task_timeout(&t, 1150), 50);
	CHECK(!idle_task_due(&t, 1199));
	CHECK(idle_task_due(&t, 1200));
	CHECK_INT(idle_task_timeout(&t, 5000), 0); /* late: due at once, not negative */
	CHECK(idle_task_due(&t, 5000));

	/* a keystroke puts it off again from then */
	idle_task_schedule(&t, 1190, 200);
	CHECK(!idle_task_due(&t, 1200));
	CHECK_INT(idle_task_timeout(&t, 1200), 190);

	/* done: no longer pending nor due, however late */
	idle_task_cancel(&t);
	CHECK(!idle_task_pending(&t));
	CHECK_INT(idle_task_timeout(&t, 1200), -1);
	CHECK(!idle_task_due(&t, 100000));

	/* no delay, or a negative one: due now */
	idle_task_schedule(&t, 7, 0);
	CHECK(idle_task_due(&t, 7));
	idle_task_schedule(&t, 7, -5);
	CHECK(idle_task_due(&t, 7));

	/* the sooner of two timeouts, -1 being none */
	CHECK_INT(idle_task_sooner(-1, -1), -1);
	CHECK_INT(idle_task_sooner(-1, 30), 30);
	CHECK_INT(idle_task_sooner(30, -1), 30);
	CHECK_INT(idle_task_sooner(0, 30), 0);
	CHECK_INT(idle_task_sooner(40, 30), 30);

	/* the clock goes forwards */
	{
		long a = idle_task_now_ms(), b = idle_task_now_ms();
		CHECK(a > 0 && b >= a);
	}
	return unit_done("test_idle_task");
}
