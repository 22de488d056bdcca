/* bench_store.c - the store's cost next to the bare FTS5 query.
 *
 *   bench_store SNAPSHOT [REPS]
 *
 * For each query as typed (last word a prefix), times store_results_open
 * plus the first 20 store_results_next (a first screenful of results)
 * against the bare "SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid
 * DESC LIMIT 20" on the same connection, interleaved, REPS times each, and
 * that query in ascending row id order (the cost of a newest-first index
 * that needs no DESC scan).  Then,
 * with an interrupt callback installed (store_set_interrupt), measures the
 * longest interval between two polls of the callback, i.e. the longest
 * stretch during which typing could not interrupt the query: for the first
 * screenful, and for store_results_count; in wall-clock time, and in the
 * thread's CPU time, which leaves out the time the machine gave to other
 * processes (on a shared machine, most of the wall-clock maximum).
 *
 * It reads the store's connection through store_private.h: measuring "the
 * same query on the same connection" needs it, and nothing else does.
 *
 * Output, tab-separated: name value reference unit. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "query.h"
#include "store.h"
#include "store_private.h"
#include "util.h"

#define FIRST_SCREEN 20
#define MAX_REPS 1000
#define GAP_REPS 5

static const char *const queries[] = {"securite", "mesures de confiance", "s", "se", "oeuvre",
				      "etats"};

static int raw_first_screen(sqlite3 *db, const char *match, bool ascending);

/* The same query with its last word whole, not a prefix. */
static double now_ms(void);

static double
exact_ms(sqlite3 *db, const char *input)
{
	struct query q;
	double t = 0;

	if (query_parse(input, 0, &q) == 0 && q.fts) {
		raw_first_screen(db, q.fts, false);
		t = now_ms();
		raw_first_screen(db, q.fts, false);
		t = now_ms() - t;
	}
	query_release(&q);
	return t;
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
percentile(double *v, int n, double pct)
{
	int r = (int)(pct / 100.0 * n + 0.999999);

	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[r < 1 ? 0 : r - 1];
}

/* The store's path to a first screenful; returns the number of hits or -1. */
static int
store_first_screen(struct store *store, const struct query *q)
{
	struct store_results *res = NULL;
	struct store_hit hit;
	char *err = NULL;
	int n = 0, rc = 0;

	if (store_results_open(store, q, &res, &err) < 0)
		goto fail;
	while (n < FIRST_SCREEN && (rc = store_results_next(res, &hit, &err)) == 1) {
		store_hit_release(&hit);
		n++;
	}
	store_results_free(res);
	if (rc < 0)
		goto fail;
	return n;
fail:
	fprintf(stderr, "bench_store: %s\n", err ? err : "interrupted");
	free(err);
	return -1;
}

/* The bare FTS5 query, prepared and run as the store would. */
static int
raw_first_screen(sqlite3 *db, const char *match, bool ascending)
{
	sqlite3_stmt *stmt = NULL;
	int n = 0, rc;

	rc = sqlite3_prepare_v2(db,
				ascending ? "SELECT rowid FROM fts WHERE fts MATCH ?1 LIMIT 20"
					  : "SELECT rowid FROM fts WHERE fts MATCH ?1"
					    " ORDER BY rowid DESC LIMIT 20",
				-1, &stmt, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		n++;
	if (rc != SQLITE_DONE)
		goto fail;
	sqlite3_finalize(stmt);
	return n;
fail:
	fprintf(stderr, "bench_store: raw query '%s': %s\n", match, sqlite3_errmsg(db));
	sqlite3_finalize(stmt);
	return -1;
}

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct gaps {
	double last, max;	  /* wall-clock */
	double cpu_last, cpu_max; /* the thread's CPU time */
	long calls;
};

static void
start_gaps(struct gaps *g)
{
	memset(g, 0, sizeof(*g));
	g->last = now_ms();
	g->cpu_last = cpu_ms();
}

static int
poll_gap(void *arg)
{
	struct gaps *g = arg;
	double t = now_ms(), c = cpu_ms();

	if (t - g->last > g->max)
		g->max = t - g->last;
	if (c - g->cpu_last > g->cpu_max)
		g->cpu_max = c - g->cpu_last;
	g->last = t;
	g->cpu_last = c;
	g->calls++;
	return 0;
}

/* Longest stretch without a poll, counting from the start and to the end. */
static void
finish_gaps(struct gaps *g)
{
	poll_gap(g);
	g->calls--;
}

int
main(int argc, char **argv)
{
	static double store_ms[MAX_REPS], raw_ms[MAX_REPS], asc_ms[MAX_REPS];
	struct store *store = NULL;
	char *err = NULL;
	int reps = argc > 2 ? atoi(argv[2]) : 20;
	int status = 1;

	if (argc < 2 || reps < 1 || reps > MAX_REPS) {
		fputs("usage: bench_store SNAPSHOT [REPS]\n", stderr);
		return 2;
	}
	if (store_open(argv[1], STORE_READ_ONLY, &store, &err) < 0) {
		fprintf(stderr, "bench_store: %s\n", err);
		free(err);
		return 1;
	}
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct query q;
		struct gaps g;
		int64_t count = 0;
		double t;

		if (query_parse(queries[i], QUERY_LAST_PREFIX, &q) < 0 || !q.fts) {
			fprintf(stderr, "bench_store: cannot parse '%s'\n", queries[i]);
			query_release(&q);
			goto out;
		}
		/* warm the page cache once for both */
		if (store_first_screen(store, &q) < 0 || raw_first_screen(store->db, q.fts, false) < 0 ||
		    raw_first_screen(store->db, q.fts, true) < 0) {
			query_release(&q);
			goto out;
		}
		for (int r = 0; r < reps; r++) {
			for (int k = 0; k < 2; k++) {
				int which = (r + k) % 2;

				t = now_ms();
				if (which == 0)
					store_first_screen(store, &q);
				else
					raw_first_screen(store->db, q.fts, false);
				(which == 0 ? store_ms : raw_ms)[r] = now_ms() - t;
			}
			t = now_ms();
			raw_first_screen(store->db, q.fts, true);
			asc_ms[r] = now_ms() - t;
		}
		printf("store first 20 '%s' p50\t%.3f\t%.3f\tms\n", queries[i],
		       percentile(store_ms, reps, 50), percentile(raw_ms, reps, 50));
		printf("store first 20 '%s' p95\t%.3f\t%.3f\tms\n", queries[i],
		       percentile(store_ms, reps, 95), percentile(raw_ms, reps, 95));
		printf("bare FTS5 first 20 '%s', last word whole vs prefix (%s), p50\t%.3f\t%.3f\tms\n",
		       queries[i], q.fts, exact_ms(store->db, queries[i]),
		       percentile(raw_ms, reps, 50));
		/* what an index in newest-first ascending row id order would cost */
		printf("bare FTS5 first 20 '%s', rowid ascending vs descending, p50\t%.3f\t%.3f\tms\n",
		       queries[i], percentile(asc_ms, reps, 50), percentile(raw_ms, reps, 50));

		/* the worst of GAP_REPS runs: one run is at the mercy of the machine */
		double first_max = 0, count_max = 0, count_ms = 0, first_cpu = 0, count_cpu = 0;
		long first_polls = 0, count_polls = 0;

		for (int r = 0; r < GAP_REPS; r++) {
			store_set_interrupt(store, poll_gap, &g);
			start_gaps(&g);
			store_first_screen(store, &q);
			finish_gaps(&g);
			if (g.max > first_max)
				first_max = g.max;
			if (g.cpu_max > first_cpu)
				first_cpu = g.cpu_max;
			first_polls = g.calls;
			start_gaps(&g);
			t = g.last;
			if (store_results_count(store, &q, &count, &err) < 0) {
				fprintf(stderr, "bench_store: count: %s\n", err ? err : "interrupted");
				free(err);
				err = NULL;
			}
			finish_gaps(&g);
			t = now_ms() - t;
			store_set_interrupt(store, NULL, NULL);
			if (g.max > count_max)
				count_max = g.max;
			if (g.cpu_max > count_cpu)
				count_cpu = g.cpu_max;
			count_polls = g.calls;
			if (t > count_ms)
				count_ms = t;
		}
		printf("uninterruptible, first 20 '%s' (max of %d)\t%.3f\t%ld\tms (polls)\n",
		       queries[i], GAP_REPS, first_max, first_polls);
		printf("uninterruptible, count '%s' (max of %d)\t%.3f\t%ld\tms (polls)\n", queries[i],
		       GAP_REPS, count_max, count_polls);
		printf("uninterruptible CPU time, first 20 '%s' (max of %d)\t%.3f\t%ld\tms (polls)\n",
		       queries[i], GAP_REPS, first_cpu, first_polls);
		printf("uninterruptible CPU time, count '%s' (max of %d)\t%.3f\t%ld\tms (polls)\n",
		       queries[i], GAP_REPS, count_cpu, count_polls);
		printf("count '%s' (%lld matches, max of %d)\t%.3f\t-\tms\n", queries[i],
		       (long long)count, GAP_REPS, count_ms);
		query_release(&q);
	}
	status = 0;
out:
	store_close(store);
	return status;
}
