/* suggest_worker.c - store_suggest on a thread of its own (see
 * suggest_worker.h). */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "store.h"
#include "suggest_worker.h"
#include "util.h"

struct suggest_worker {
	struct store *store; /* the thread's own connection */
	pthread_t thread;
	bool started;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	/* under lock: */
	bool quit;
	char *text;	   /* the request, owned */
	unsigned asked;	   /* number of the last request */
	unsigned answered; /* number of the request the answer is for */
	bool answer_taken; /* the answer to `answered` was given */
	char *word, *fix;  /* the answer, owned */
	unsigned working;  /* the request the thread is on (0: none) */
};

struct suggest_worker *
suggest_worker_new(const char *snapshot, char **err)
{
	struct suggest_worker *w = xcalloc(1, sizeof *w);
	int rc;

	if (store_open(snapshot, STORE_READ_ONLY, &w->store, err) < 0) {
		free(w);
		return NULL;
	}
	store_set_dictionary(w->store, true);
	rc = pthread_mutex_init(&w->lock, NULL);
	if (rc == 0 && (rc = pthread_cond_init(&w->wake, NULL)) != 0)
		pthread_mutex_destroy(&w->lock);
	if (rc != 0) {
		*err = xstrdup(strerror(rc));
		store_close(w->store);
		free(w);
		return NULL;
	}
	w->answer_taken = true;
	return w;
}

/* The store's interrupt callback: the request was replaced or dropped. */
static int
abandoned(void *arg)
{
	struct suggest_worker *w = arg;
	int gone;

	pthread_mutex_lock(&w->lock);
	gone = w->quit || w->asked != w->working;
	pthread_mutex_unlock(&w->lock);
	return gone;
}

/* The first correction for a word of text, as store_suggest finds it. */
static void
suggest_text(struct suggest_worker *w, const char *text, char **word, char **fix)
{
	struct query q;

	*word = *fix = NULL;
	/* Every word whole, the last one too: "securiter", not "securiter*". */
	if (query_parse(text, 0, &q) == 0) {
		for (size_t i = 0; i < q.nterms && !*fix && !abandoned(w); i++) {
			const struct query_term *t = &q.terms[i];

			*fix = t->typed ? store_suggest(w->store, t) : NULL;
			if (*fix)
				*word = xstrdup(t->typed);
		}
	}
	query_release(&q);
}

static void *
worker_main(void *arg)
{
	struct suggest_worker *w = arg;

	store_set_interrupt(w->store, abandoned, w);
	pthread_mutex_lock(&w->lock);
	for (;;) {
		char *text, *word, *fix;

		while (!w->quit && w->answered == w->asked)
			pthread_cond_wait(&w->wake, &w->lock);
		if (w->quit)
			break;
		w->working = w->asked;
		text = xstrdup(w->text ? w->text : "");
		pthread_mutex_unlock(&w->lock);
		suggest_text(w, text, &word, &fix);
		free(text);
		pthread_mutex_lock(&w->lock);
		if (w->working == w->asked && !w->quit) {
			free(w->word);
			free(w->fix);
			w->word = word;
			w->fix = fix;
			w->answered = w->working;
			w->answer_taken = false;
		} else {
			free(word);
			free(fix);
		}
		w->working = 0;
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

void
suggest_worker_free(struct suggest_worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->lock);
	w->quit = true;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	if (w->started)
		pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->wake);
	pthread_mutex_destroy(&w->lock);
	store_close(w->store);
	free(w->text);
	free(w->word);
	free(w->fix);
	free(w);
}

void
suggest_worker_ask(struct suggest_worker *w, const char *text)
{
	pthread_mutex_lock(&w->lock);
	free(w->text);
	w->text = xstrdup(text);
	/* 0 stays "no request" */
	if (++w->asked == 0)
		w->asked = 1;
	w->answer_taken = false;
	if (!w->started)
		w->started = pthread_create(&w->thread, NULL, worker_main, w) == 0;
	pthread_cond_signal(&w->wake);
	pthread_mutex_unlock(&w->lock);
	if (!w->started) { /* no thread to be had: the answer at once */
		char *word, *fix;

		w->working = w->asked;
		suggest_text(w, text, &word, &fix);
		pthread_mutex_lock(&w->lock);
		free(w->word);
		free(w->fix);
		w->word = word;
		w->fix = fix;
		w->answered = w->working;
		w->working = 0;
		pthread_mutex_unlock(&w->lock);
	}
}

void
suggest_worker_cancel(struct suggest_worker *w)
{
	pthread_mutex_lock(&w->lock);
	/* A request of no text, answered already: the thread, on the one
	 * before, sees it abandoned and then has nothing to do. */
	if (++w->asked == 0)
		w->asked = 1;
	w->answered = w->asked;
	w->answer_taken = true;
	pthread_mutex_unlock(&w->lock);
}

bool
suggest_worker_busy(struct suggest_worker *w)
{
	bool busy;

	pthread_mutex_lock(&w->lock);
	busy = !w->answer_taken;
	pthread_mutex_unlock(&w->lock);
	return busy;
}

bool
suggest_worker_take(struct suggest_worker *w, char **word, char **fix)
{
	bool in;

	*word = *fix = NULL;
	pthread_mutex_lock(&w->lock);
	in = !w->answer_taken && w->answered == w->asked && w->working != w->asked;
	if (in) {
		*word = w->word;
		*fix = w->fix;
		w->word = w->fix = NULL;
		w->answer_taken = true;
	}
	pthread_mutex_unlock(&w->lock);
	return in;
}
