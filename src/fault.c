/* fault.c - counting allocations to make the Nth one fail. */
#include "config.h"

#include <sqlite3.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "fault.h"

static long fail_at;     /* 0: injection off */
static atomic_long allocations; /* counted on every thread */
static sqlite3_mem_methods system_methods;

bool
fault_alloc_fails(void)
{
	return fail_at > 0 && atomic_fetch_add(&allocations, 1) + 1 >= fail_at;
}

static void *
counted_malloc(int size)
{
	return fault_alloc_fails() ? NULL : system_methods.xMalloc(size);
}

static void *
counted_realloc(void *ptr, int size)
{
	return fault_alloc_fails() ? NULL : system_methods.xRealloc(ptr, size);
}

void
fault_init(void)
{
	const char *n = getenv("LISEUSE_FAIL_ALLOC");
	sqlite3_mem_methods counted;

	if (n == NULL || atol(n) <= 0)
		return;
	fail_at = atol(n);
	if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &system_methods) != SQLITE_OK)
		return;
	counted = system_methods;
	counted.xMalloc = counted_malloc;
	counted.xRealloc = counted_realloc;
	sqlite3_config(SQLITE_CONFIG_MALLOC, &counted);
}
