/* fts_prepared.h - a text's FTS5 tokens made ahead of FTS5, and their
 * replay.
 *
 * The importer tokenizes the next pieces on a thread of its own
 * (index_worker.h) while FTS5 indexes the previous ones.  The tokens of
 * many texts go one after the other into one compact buffer; each text
 * keeps a view of its own tokens and of the bytes they were made from, so
 * that the tokenizer replays them only for exactly those bytes.  No SQL
 * (FTS5's token callback is a plain function type), no threads. */
#ifndef LISEUSE_FTS_PREPARED_H
#define LISEUSE_FTS_PREPARED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* FTS5's token callback (xTokenize's xToken): tflags 0 or
 * FTS5_TOKEN_COLOCATED, the token's bytes, and its byte offsets in the
 * text.  Returns SQLITE_OK to go on. */
typedef int fts_token_fn(void *ctx, int tflags, const char *tok, int ntok, int start, int end);

/* The tokens of any number of texts.  A zeroed one is empty and ready. */
struct fts_prepared {
	struct fts_prepared_token {
		uint32_t start, end; /* in the text */
		uint32_t offset;     /* of the token's bytes in bytes */
		uint32_t len;	     /* and their number, FTS_PREPARED_COLOCATED set for a lemma */
	} *tokens;
	size_t ntokens, cap;
	struct strbuf bytes;
};

/* One text's tokens in a struct fts_prepared, and the text they were
 * made from (borrowed: it must not change while the view is used). */
struct fts_prepared_text {
	const struct fts_prepared *from;
	const char *text;
	size_t len;
	size_t first, ntokens;
};

#define FTS_PREPARED_COLOCATED (UINT32_C(1) << 31)

/* Frees the tokens; p is empty and ready again. */
void fts_prepared_release(struct fts_prepared *p);
/* Forgets the tokens and keeps the memory, for the next batch.  Views of
 * the old tokens must no longer be used. */
void fts_prepared_reset(struct fts_prepared *p);

/* An fts_token_fn whose ctx is a struct fts_prepared: appends the token.
 * Returns SQLITE_OK, or SQLITE_TOOBIG when the token bytes would pass 2 GB
 * (offsets are 32 bits), which ends the tokenization: the text's view is
 * then incomplete and must not be replayed. */
int fts_prepared_add(void *ctx, int tflags, const char *tok, int ntok, int start, int end);

/* Starts the view *out of text[0..len): the tokens added to p from now
 * on, up to fts_prepared_end. */
void fts_prepared_begin(struct fts_prepared *p, const char *text, size_t len,
			struct fts_prepared_text *out);
void fts_prepared_end(const struct fts_prepared *p, struct fts_prepared_text *out);

/* Whether the tokens of t were made from exactly text[0..len). */
bool fts_prepared_matches(const struct fts_prepared_text *t, const char *text, size_t len);

/* Passes t's tokens to token, in order, as the tokenizer made them.
 * Returns SQLITE_OK, or the first other code token returned. */
int fts_prepared_replay(const struct fts_prepared_text *t, fts_token_fn *token, void *ctx);

/* Passes each folded token of t (not the lemmas) to word with row, as the
 * tokenizer passed them to its word counter (fts_tokenizer.h). */
void fts_prepared_words(const struct fts_prepared_text *t,
			void (*word)(void *arg, const char *folded, size_t len, uint64_t row),
			void *arg, uint64_t row);

#endif
