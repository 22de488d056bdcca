/* fts_tokenizer.c - the "liseuse" FTS5 tokenizer: fold.h tokens, original
 * offsets, and lemmas (lemma.h) as colocated tokens. */
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
};

/* One instance per table: the lemma source of the connection, if any. */
struct fts_tokenizer {
	struct lemma *lemma;
	struct fts_words *words;
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

static int
fts_tokenizer_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
		       int (*token)(void *ctx, int tflags, const char *tok, int ntok, int start,
				    int end))
{
	struct fts_tokenizer *t = (struct fts_tokenizer *)tok;
	struct fold_iter it;
	size_t start, end, flen;
	const char *folded;
	bool lemmas = t->lemma != NULL && (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
	struct fts_words *words =
	    t->words != NULL && t->words->word != NULL && (flags & FTS5_TOKENIZE_DOCUMENT) != 0
		? t->words
		: NULL;
	int rc = SQLITE_OK;

	if (text == NULL || len <= 0)
		return SQLITE_OK;
	/* A lemma in a query (store-built, never typed: typed words are folded
	 * and cannot hold the marker) is one token as it is. */
	if ((flags & FTS5_TOKENIZE_QUERY) && text[0] == FTS_LEMMA_MARKER[0])
		return token(ctx, 0, text, len, 0, len);
	if (words != NULL)
		words->row++;
	fold_iter_init(&it, text, (size_t)len);
	while (rc == SQLITE_OK && fold_iter_next(&it, &start, &end, &folded, &flen)) {
		const char *lemma;

		if (flen > INT_MAX)
			flen = INT_MAX;
		rc = token(ctx, 0, folded, (int)flen, (int)start, (int)end);
		if (words != NULL)
			words->word(words->arg, folded, flen, words->row);
		if (rc != SQLITE_OK || !lemmas)
			continue;
		lemma = lemma_of(t->lemma, text + start, end - start, folded, flen);
		if (lemma == NULL)
			continue;
		strbuf_reset(&t->token);
		strbuf_addstr(&t->token, FTS_LEMMA_MARKER);
		strbuf_addstr(&t->token, lemma);
		rc = token(ctx, FTS5_TOKEN_COLOCATED, t->token.buf, (int)t->token.len, (int)start,
			   (int)end);
	}
	fold_iter_release(&it);
	return rc;
}

int
fts_tokenizer_register(sqlite3 *db, struct lemma *lemma, struct fts_words *words)
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
	rc = api->xCreateTokenizer(api, FTS_TOKENIZER_NAME, source, &methods, free);
	if (rc != SQLITE_OK)
		free(source);
	return rc;
}
