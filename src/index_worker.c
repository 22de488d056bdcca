/* index_worker.c - a thread that tokenizes the next batch of pieces while
 * the writer inserts the previous one (see index_worker.h). */
#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fts_prepared.h"
#include "fts_tokenizer.h"
#include "index_worker.h"
#include "util.h"

#define INDEX_BATCHES 2

enum index_batch_state {
	BATCH_FREE,    /* the writer's, being filled or empty */
	BATCH_QUEUED,  /* submitted, not yet taken by the worker */
	BATCH_WORKING, /* the worker's */
	BATCH_DONE,    /* tokenized: the writer's again, to insert */
};

struct index_piece {
	int64_t rowid;
	size_t offset, len; /* its text in the batch's text */
	bool null;	    /* no text at all, which is bound as NULL */
	bool prepared;	    /* tokens made in full and words counted */
	struct fts_prepared_text tokens;
};

struct index_batch {
	enum index_batch_state state;
	uint64_t order; /* of submission: batches are tokenized in this order */
	struct strbuf text;
	struct index_piece *pieces;
	size_t n, cap;
	struct fts_prepared tokens;
};

struct index_worker {
	struct lemma *lemma;
	struct fts_words *words; /* NULL when not counting */
	void (*uncount)(void *arg, const char *folded, size_t len, uint64_t row);
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t changed; /* a batch changed state, or paused, stop set */
	struct index_batch batches[INDEX_BATCHES];
	uint64_t submitted;
	bool busy;   /* the worker is tokenizing a batch */
	bool paused; /* the writer's tokenizer needs lemma and words */
	bool stop;
	struct strbuf scratch; /* the worker's, for lemma tokens */
	/* the writer's: the piece whose insert is under way */
	struct index_piece *expected;
};

/* Tokens and counts of one piece, as the tokenizer would make them.  The
 * words are counted from the tokens made, after them, so that a piece
 * whose tokens could not all be kept counts nothing and is left for the
 * tokenizer to do in full. */
static void
index_worker_tokenize(struct index_worker *w, struct index_batch *b, struct index_piece *p)
{
	const char *text = strbuf_str(&b->text) + p->offset;
	int rc;

	fts_prepared_begin(&b->tokens, text, p->len, &p->tokens);
	rc = fts_tokenize_document(w->lemma, NULL, &w->scratch, text, p->len, fts_prepared_add,
				   &b->tokens);
	fts_prepared_end(&b->tokens, &p->tokens);
	p->prepared = rc == SQLITE_OK;
	if (p->prepared && p->len > 0 && w->words != NULL)
		fts_prepared_words(&p->tokens, w->words->word, w->words->arg, ++w->words->row);
}

/* The submitted batch the worker takes next, or NULL. */
static struct index_batch *
index_worker_queued(struct index_worker *w)
{
	struct index_batch *next = NULL;

	for (size_t i = 0; i < INDEX_BATCHES; i++) {
		struct index_batch *b = &w->batches[i];

		if (b->state == BATCH_QUEUED && (next == NULL || b->order < next->order))
			next = b;
	}
	return next;
}

static void *
index_worker_main(void *arg)
{
	struct index_worker *w = arg;

	pthread_mutex_lock(&w->lock);
	for (;;) {
		struct index_batch *b = NULL;

		while (!w->stop && (w->paused || (b = index_worker_queued(w)) == NULL))
			pthread_cond_wait(&w->changed, &w->lock);
		if (w->stop)
			break;
		b->state = BATCH_WORKING;
		w->busy = true;
		pthread_mutex_unlock(&w->lock);
		for (size_t i = 0; i < b->n; i++)
			index_worker_tokenize(w, b, &b->pieces[i]);
		pthread_mutex_lock(&w->lock);
		b->state = BATCH_DONE;
		w->busy = false;
		pthread_cond_broadcast(&w->changed);
	}
	pthread_mutex_unlock(&w->lock);
	return NULL;
}

struct index_worker *
index_worker_start(struct lemma *lemma, struct fts_words *words,
		   void (*uncount)(void *arg, const char *folded, size_t len, uint64_t row))
{
	struct index_worker *w = xcalloc(1, sizeof *w);
	sigset_t all, old;
	bool started;

	w->lemma = lemma;
	w->words = words != NULL && words->word != NULL ? words : NULL;
	w->uncount = uncount;
	if (pthread_mutex_init(&w->lock, NULL) != 0) {
		free(w);
		return NULL;
	}
	if (pthread_cond_init(&w->changed, NULL) != 0) {
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	/* signals go to the writing thread, whose handlers clean up */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	started = pthread_create(&w->thread, NULL, index_worker_main, w) == 0;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!started) {
		pthread_cond_destroy(&w->changed);
		pthread_mutex_destroy(&w->lock);
		free(w);
		return NULL;
	}
	return w;
}

void
index_worker_finish(struct index_worker *w)
{
	if (w == NULL)
		return;
	pthread_mutex_lock(&w->lock);
	w->stop = true;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_cond_destroy(&w->changed);
	pthread_mutex_destroy(&w->lock);
	for (size_t i = 0; i < INDEX_BATCHES; i++) {
		strbuf_release(&w->batches[i].text);
		free(w->batches[i].pieces);
		fts_prepared_release(&w->batches[i].tokens);
	}
	strbuf_release(&w->scratch);
	free(w);
}

/* Waits for the worker to be idle and keeps it so until the writer next
 * waits for a batch or recycles one: the writer's tokenizer is about to
 * use the lemma source and the counts. */
static void
index_worker_pause(struct index_worker *w)
{
	pthread_mutex_lock(&w->lock);
	w->paused = true;
	while (w->busy)
		pthread_cond_wait(&w->changed, &w->lock);
	pthread_mutex_unlock(&w->lock);
}

/* Takes the words of a piece whose tokens went unused back out of the
 * counts (the worker is paused). */
static void
index_worker_uncount(struct index_worker *w, const struct fts_prepared_text *t)
{
	if (w->words != NULL && t->len > 0)
		fts_prepared_words(t, w->uncount, w->words->arg, ++w->words->row);
}

static const struct fts_prepared_text *
index_worker_take(void *arg)
{
	struct index_worker *w = arg;
	struct index_piece *p = w->expected;

	w->expected = NULL;
	return p != NULL && p->prepared ? &p->tokens : NULL;
}

static void
index_worker_refuse(void *arg, const struct fts_prepared_text *refused)
{
	struct index_worker *w = arg;

	index_worker_pause(w);
	if (refused != NULL)
		index_worker_uncount(w, refused);
}

void
index_worker_hook(struct index_worker *w, struct fts_replay *hook)
{
	hook->take = index_worker_take;
	hook->refuse = index_worker_refuse;
	hook->arg = w;
}

struct index_batch *
index_worker_batch(struct index_worker *w)
{
	struct index_batch *free_batch = NULL;

	pthread_mutex_lock(&w->lock);
	for (size_t i = 0; i < INDEX_BATCHES && free_batch == NULL; i++) {
		if (w->batches[i].state == BATCH_FREE)
			free_batch = &w->batches[i];
	}
	pthread_mutex_unlock(&w->lock);
	return free_batch;
}

bool
index_batch_add(struct index_batch *b, int64_t rowid, const char *text, size_t len)
{
	b->pieces = xgrow(b->pieces, &b->cap, b->n + 1, sizeof *b->pieces);
	b->pieces[b->n++] = (struct index_piece){
	    .rowid = rowid, .offset = b->text.len, .len = len, .null = text == NULL};
	if (text != NULL)
		strbuf_add(&b->text, text, len);
	return b->text.len >= INDEX_BATCH_BYTES;
}

void
index_worker_submit(struct index_worker *w, struct index_batch *b)
{
	if (b->n == 0)
		return;
	pthread_mutex_lock(&w->lock);
	b->state = BATCH_QUEUED;
	b->order = ++w->submitted;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
}

struct index_batch *
index_worker_wait(struct index_worker *w)
{
	struct index_batch *oldest = NULL;

	pthread_mutex_lock(&w->lock);
	w->paused = false;
	pthread_cond_broadcast(&w->changed);
	for (size_t i = 0; i < INDEX_BATCHES; i++) {
		struct index_batch *b = &w->batches[i];

		if (b->state != BATCH_FREE && (oldest == NULL || b->order < oldest->order))
			oldest = b;
	}
	while (oldest != NULL && oldest->state != BATCH_DONE)
		pthread_cond_wait(&w->changed, &w->lock);
	pthread_mutex_unlock(&w->lock);
	return oldest;
}

void
index_worker_recycle(struct index_worker *w, struct index_batch *b)
{
	strbuf_reset(&b->text);
	b->n = 0;
	fts_prepared_reset(&b->tokens);
	pthread_mutex_lock(&w->lock);
	b->state = BATCH_FREE;
	w->paused = false;
	pthread_cond_broadcast(&w->changed);
	pthread_mutex_unlock(&w->lock);
}

size_t
index_batch_count(const struct index_batch *b)
{
	return b->n;
}

int64_t
index_batch_rowid(const struct index_batch *b, size_t i)
{
	return b->pieces[i].rowid;
}

const char *
index_batch_text(const struct index_batch *b, size_t i, size_t *len)
{
	*len = b->pieces[i].len;
	return b->pieces[i].null ? NULL : strbuf_str(&b->text) + b->pieces[i].offset;
}

void
index_worker_expect(struct index_worker *w, struct index_batch *b, size_t i)
{
	w->expected = &b->pieces[i];
}

void
index_worker_expect_done(struct index_worker *w)
{
	struct index_piece *p = w->expected;

	w->expected = NULL;
	if (p == NULL || !p->prepared || p->len == 0)
		return;
	index_worker_pause(w);
	index_worker_uncount(w, &p->tokens);
}
