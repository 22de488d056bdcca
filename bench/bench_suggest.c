/* bench_suggest.c - what the screen's suggestions and facet counts cost.
 *
 *   bench_suggest SNAPSHOT [REPS]
 *
 * Suggestions: for each misspelt word, store_suggest's time and its
 * longest stretch between two polls of the interrupt callback (the time
 * it would hold the screen if it ran there), the first call (reading the
 * French dictionary) and the later ones (the worst of REPS); then, as the
 * screen does it, through suggest_worker: the longest call the screen's
 * thread makes (ask, busy, take, polled every millisecond) and the time
 * until the answer.
 *
 * Facet counts: for each query, store_count_by of each field, its time
 * and its longest stretch between polls (the worst of REPS).
 *
 * Output, tab-separated: name value reference unit. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "query.h"
#include "store.h"
#include "suggest_worker.h"
#include "util.h"

static const char *const words[] = {"securiter", "desarmemant", "confiense", "organisasion"};
static const char *const facet_queries[] = {"securite", "mesures de confiance", "s", "etats"};
static const struct {
	enum store_facet facet;
	const char *name;
} facets[] = {
    {STORE_FACET_SENDER, "de"},
    {STORE_FACET_YEAR, "annee"},
    {STORE_FACET_KIND, "type"},
};

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* The longest stretches between polls, in wall-clock time and in the
 * thread's CPU time (which leaves out what the machine gave to others). */
struct gaps {
	double last, max, cpu_last, cpu_max;
};

static void
start_gaps(struct gaps *g)
{
	g->max = g->cpu_max = 0;
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
	return 0;
}

/* store_suggest of word on store: its time in *total, its longest stretch
 * without a poll returned. */
static double
direct(struct store *store, const char *word, double *total)
{
	struct gaps g;
	struct query q;
	char *fix = NULL;
	double t;

	if (query_parse(word, 0, &q) < 0 || q.nterms == 0) {
		query_release(&q);
		*total = 0;
		return 0;
	}
	store_set_interrupt(store, poll_gap, &g);
	start_gaps(&g);
	t = g.last;
	fix = store_suggest(store, &q.terms[0]);
	poll_gap(&g);
	*total = now_ms() - t;
	store_set_interrupt(store, NULL, NULL);
	free(fix);
	query_release(&q);
	return g.max;
}

/* Through the worker: the longest call of the asking thread, and in
 * *latency the time until the answer. */
static double
worker(struct suggest_worker *w, const char *word, double *latency)
{
	struct timespec pause = {0, 1000 * 1000};
	double start = now_ms(), t, longest;
	char *a = NULL, *b = NULL;
	bool in = false;

	suggest_worker_ask(w, word);
	longest = now_ms() - start;
	while (!in) {
		nanosleep(&pause, NULL);
		t = now_ms();
		if (suggest_worker_busy(w))
			in = suggest_worker_take(w, &a, &b);
		else
			in = true;
		if (now_ms() - t > longest)
			longest = now_ms() - t;
	}
	*latency = now_ms() - start;
	free(a);
	free(b);
	return longest;
}

int
main(int argc, char **argv)
{
	struct store *store = NULL;
	struct suggest_worker *w = NULL;
	char *err = NULL;
	int reps = argc > 2 ? atoi(argv[2]) : 5;

	if (argc < 2 || reps < 1) {
		fputs("usage: bench_suggest SNAPSHOT [REPS]\n", stderr);
		return 2;
	}
	if (store_open(argv[1], STORE_READ_ONLY, &store, &err) < 0 ||
	    (w = suggest_worker_new(argv[1], &err)) == NULL) {
		fprintf(stderr, "bench_suggest: %s\n", err);
		free(err);
		store_close(store);
		return 1;
	}
	store_set_dictionary(store, true);
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
		double total, gap, worst_total = 0, worst_gap = 0, latency, worst_latency = 0;
		double screen = 0;

		gap = direct(store, words[i], &total);
		if (i == 0) {
			printf("suggestion '%s', first (reads the dictionary), uninterruptible if "
			       "on the "
			       "screen's thread\t%.1f\t%.1f\tms (total)\n",
			       words[i], gap, total);
			/* the worker's first request reads its dictionary too */
			screen = worker(w, words[i], &latency);
			printf("suggestion '%s', first, on the worker: screen's longest "
			       "call\t%.3f\t%.1f\tms "
			       "(answer after)\n",
			       words[i], screen, latency);
		}
		for (int r = 0; r < reps; r++) {
			gap = direct(store, words[i], &total);
			if (gap > worst_gap)
				worst_gap = gap;
			if (total > worst_total)
				worst_total = total;
		}
		printf("suggestion '%s', uninterruptible if on the screen's thread (max of "
		       "%d)\t%.1f\t%.1f"
		       "\tms (total)\n",
		       words[i], reps, worst_gap, worst_total);
		screen = 0;
		for (int r = 0; r < reps; r++) {
			double s = worker(w, words[i], &latency);

			if (s > screen)
				screen = s;
			if (latency > worst_latency)
				worst_latency = latency;
		}
		printf("suggestion '%s', on the worker: screen's longest call (max of "
		       "%d)\t%.3f\t%.1f\tms "
		       "(answer after)\n",
		       words[i], reps, screen, worst_latency);
	}
	for (size_t i = 0; i < sizeof facet_queries / sizeof facet_queries[0]; i++) {
		struct query q;

		if (query_parse(facet_queries[i], QUERY_LAST_PREFIX, &q) < 0) {
			query_release(&q);
			continue;
		}
		for (size_t f = 0; f < sizeof facets / sizeof facets[0]; f++) {
			double worst_gap = 0, worst_cpu = 0, worst_total = 0;
			long n = 0;

			for (int r = 0; r < reps; r++) {
				struct store_count *counts = NULL;
				struct gaps g;
				double t;

				store_set_interrupt(store, poll_gap, &g);
				start_gaps(&g);
				t = g.last;
				n = store_count_by(store, &q, facets[f].facet, &counts, &err);
				poll_gap(&g);
				t = now_ms() - t;
				store_set_interrupt(store, NULL, NULL);
				if (n < 0) {
					fprintf(stderr, "bench_suggest: count-by: %s\n",
						err ? err : "interrupted");
					free(err);
					err = NULL;
				} else {
					store_counts_free(counts, (size_t)n);
				}
				if (g.max > worst_gap)
					worst_gap = g.max;
				if (g.cpu_max > worst_cpu)
					worst_cpu = g.cpu_max;
				if (t > worst_total)
					worst_total = t;
			}
			printf("uninterruptible, facet count %s: '%s' (max of %d)\t%.1f\t%.1f\tms "
			       "(total)\n",
			       facets[f].name, facet_queries[i], reps, worst_gap, worst_total);
			printf("uninterruptible CPU time, facet count %s: '%s' (max of "
			       "%d)\t%.1f\t%.1f\tms "
			       "(total)\n",
			       facets[f].name, facet_queries[i], reps, worst_cpu, worst_total);
		}
		query_release(&q);
	}
	suggest_worker_free(w);
	store_close(store);
	return 0;
}
