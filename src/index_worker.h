/* index_worker.h - the importer's tokenizing on a thread of its own.
 *
 * At commit the store indexes the pieces added (store_write.c), and FTS5's
 * tokenizer (folding, lemma lookups, the vocabulary's counts) used to run
 * on the writing thread between FTS5's own work.  The worker takes that
 * part: the writer reads the next pieces into a batch (a few MB of text)
 * and submits it; the worker tokenizes each piece into the batch's token
 * buffer (fts_prepared.h) and counts its words, while the writer inserts
 * the previous batch, whose tokens the tokenizer replays (fts_replay in
 * fts_tokenizer.h).  Two batches, used in turn, bound the memory.
 *
 * The lemma source and the word counter are not thread-safe.  The worker
 * uses them only between taking a submitted batch and marking it done; the
 * writer's tokenizer uses them only after refuse (a text whose tokens do
 * not match, or that has none prepared) has waited for the worker to be
 * idle, and the worker then starts no batch until the writer waits for a
 * batch or recycles one.  The pieces are tokenized in the order they are
 * submitted, so the lemma source meets the words in the order it did on
 * one thread, and its pairs (lemma_pairs) come out in the same order.
 * index_worker_finish joins the thread: after it the writer has both to
 * itself. */
#ifndef LISEUSE_INDEX_WORKER_H
#define LISEUSE_INDEX_WORKER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fts_tokenizer.h"
#include "lemma.h"

/* Text bytes past which a batch is full. */
#define INDEX_BATCH_BYTES ((size_t)1 << 20)

struct index_worker;
struct index_batch;

/* Starts the thread.  lemma (NULL: no lemma tokens) and words (counting:
 * its word callback set, or NULL) are used by the worker as the tokenizer
 * would use them; uncount takes a word back out of words' counts (a
 * piece's words are counted when it is tokenized, and taken back if FTS5
 * does not replay its tokens).  Returns NULL when no thread could be
 * created: the caller indexes as it would without a worker. */
struct index_worker *index_worker_start(struct lemma *lemma, struct fts_words *words,
					void (*uncount)(void *arg, const char *folded, size_t len,
							uint64_t row));
/* Stops the worker once it is done with the batch it is tokenizing, joins
 * it and frees everything, batches included.  NULL is fine. */
void index_worker_finish(struct index_worker *w);

/* Sets hook's members to the worker's, for the tokenizer (fts_tokenizer.h):
 * take offers the piece announced by index_worker_expect.  The caller
 * clears hook->take before index_worker_finish. */
void index_worker_hook(struct index_worker *w, struct fts_replay *hook);

/* An empty batch to fill, or NULL when both are submitted. */
struct index_batch *index_worker_batch(struct index_worker *w);
/* Copies a piece into batch b (text NULL: a piece without text, given
 * back as NULL).  Returns whether b is now full. */
bool index_batch_add(struct index_batch *b, int64_t rowid, const char *text, size_t len);
/* Hands b, filled, to the worker (an empty batch goes back unused). */
void index_worker_submit(struct index_worker *w, struct index_batch *b);
/* The oldest batch submitted, once tokenized, or NULL when none is
 * submitted.  The writer inserts its pieces, then recycles it. */
struct index_batch *index_worker_wait(struct index_worker *w);
void index_worker_recycle(struct index_worker *w, struct index_batch *b);

/* The number of pieces in b, and piece i's row id and text (the batch's
 * copy, valid until b is recycled). */
size_t index_batch_count(const struct index_batch *b);
int64_t index_batch_rowid(const struct index_batch *b, size_t i);
const char *index_batch_text(const struct index_batch *b, size_t i, size_t *len);

/* Around the insert of piece i of b (a batch index_worker_wait returned):
 * expect offers its tokens to the tokenizer; expect_done, after the
 * insert, takes its words back out of the counts if FTS5 did not take its
 * tokens (it then counted the words it tokenized itself). */
void index_worker_expect(struct index_worker *w, struct index_batch *b, size_t i);
void index_worker_expect_done(struct index_worker *w);

#endif
