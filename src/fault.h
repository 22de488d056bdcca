/* fault.h - allocation-failure injection for the fault tests.
 *
 * With LISEUSE_FAIL_ALLOC=N in the environment, the Nth allocation made
 * through util.h's x* wrappers or by SQLite fails, and every later one too,
 * so tests can check that the import and open paths end with a clean
 * message instead of a crash.  Without the variable nothing changes. */
#ifndef LISEUSE_FAULT_H
#define LISEUSE_FAULT_H

#include <stdbool.h>

/* Reads LISEUSE_FAIL_ALLOC and, when set, routes SQLite's allocations
 * through the counter.  Call first thing in main, before any SQLite call. */
void fault_init(void);

/* Counts one allocation; true when it must fail. */
bool fault_alloc_fails(void);

#endif
