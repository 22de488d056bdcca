/* fts_tokenizer.c - the "liseuse" FTS5 tokenizer: fold.h tokens, original
 * offsets, lemmas (lemma.h) as colocated tokens, and the replay of tokens
 * prepared ahead (fts_prepared.h). */
#include "config.h"

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fold.h"
#include "fts_tokenizer.h"
#include "lemma.h"
#include "util.h"

/* What fts_tokenizer_register was given, for each instance. */
struct fts_source {
	struct lemma *lemma;
	struct fts_words *words;
	struct fts_replay *replay;
};

/* One instance per table: the lemma source of the connection, if any. */
struct fts_tokenizer {
	struct lemma *lemma;
	struct fts_words *words;
	struct fts_replay *replay;
	struct strbuf token;
};

static int
fts_tokenizer_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	struct fts_tokenizer *t;

	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	t = xcalloc(1, sizeof *t);
	t->lemma = ((struct fts_source *)ctx)->lemma;
	t->words = ((struct fts_source *)ctx)->words;
	t->replay = ((struct fts_source *)ctx)->replay;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void
fts_tokenizer_delete(Fts5Tokenizer *tok)
{
	struct fts_tokenizer *t = (struct fts_tokenizer *)tok;

	strbuf_release(&t->token);
	free(t);
}

int
fts_tokenize_document(struct lemma *lemma, struct fts_words *words, struct strbuf *scratch,
		      const char *text, size_t len, fts_token_fn *token, void *ctx)
{
	struct fold_iter it;
	size_t start, end, flen;
	const char *folded;
	int rc = SQLITE_OK;

	if (text == NULL || len == 0)
		return SQLITE_OK;
	if (words != NULL && words->word == NULL)
		words = NULL;
	if (words != NULL)
		words->row++;
	fold_iter_init(&it, text, len);
	while (rc == SQLITE_OK && fold_iter_next(&it, &start, &end, &folded, &flen)) {
		const char *found;

		if (flen > INT_MAX)
			flen = INT_MAX;
		rc = token(ctx, 0, folded, (int)flen, (int)start, (int)end);
		if (words != NULL)
			words->word(words->arg, folded, flen, words->row);
		if (rc != SQLITE_OK || lemma == NULL)
			continue;
		found = lemma_of(lemma, text + start, end - start, folded, flen);
		if (found == NULL)
			continue;
		strbuf_reset(scratch);
		strbuf_addstr(scratch, FTS_LEMMA_MARKER);
		strbuf_addstr(scratch, found);
		rc = token(ctx, FTS5_TOKEN_COLOCATED, scratch->buf, (int)scratch->len, (int)start,
			   (int)end);
	}
	fold_iter_release(&it);
	return rc;
}

/* The tokens prepared for this text, when there are and they were made
 * from the same bytes: SQLITE_OK or token's code in *rc, and true.  A
 * mismatch can only cost time: the text is tokenized again. */
static bool
fts_tokenizer_replayed(struct fts_replay *replay, const char *text, size_t len,
		       fts_token_fn *token, void *ctx, int *rc)
{
	const struct fts_prepared_text *prepared;

	if (replay == NULL || replay->take == NULL)
		return false;
	prepared = replay->take(replay->arg);
	if (prepared != NULL && fts_prepared_matches(prepared, text, len)) {
		*rc = fts_prepared_replay(prepared, token, ctx);
		return true;
	}
	replay->refuse(replay->arg, prepared);
	return false;
}

static int
fts_tokenizer_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
		       fts_token_fn *token)
{
	struct fts_tokenizer *t = (struct fts_tokenizer *)tok;
	bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
	int rc = SQLITE_OK;

	if (text == NULL || len <= 0)
		return SQLITE_OK;
	/* A lemma in a query (store-built, never typed: typed words are folded
	 * and cannot hold the marker) is one token as it is. */
	if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == FTS_LEMMA_MARKER[0])
		return token(ctx, 0, text, len, 0, len);
	if (document && fts_tokenizer_replayed(t->replay, text, (size_t)len, token, ctx, &rc))
		return rc;
	return fts_tokenize_document(document ? t->lemma : NULL, document ? t->words : NULL,
				     &t->token, text, (size_t)len, token, ctx);
}

int
fts_tokenizer_register(sqlite3 *db, struct lemma *lemma, struct fts_words *words)
{
	return fts_tokenizer_register_replay(db, lemma, words, NULL);
}

int
fts_tokenizer_register_replay(sqlite3 *db, struct lemma *lemma, struct fts_words *words,
			      struct fts_replay *replay)
{
	static fts5_tokenizer methods = {
	    fts_tokenizer_create,
	    fts_tokenizer_delete,
	    fts_tokenizer_tokenize,
	};
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;
	struct fts_source *source;
	int rc;

	rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return rc;
	if (api == NULL || api->iVersion < 2)
		return SQLITE_ERROR;
	source = xcalloc(1, sizeof *source);
	source->lemma = lemma;
	source->words = words;
	source->replay = replay;
	rc = api->xCreateTokenizer(api, FTS_TOKENIZER_NAME, source, &methods, free);
	if (rc != SQLITE_OK)
		free(source);
	return rc;
}
