/* fts_tokenizer.c - the "liseuse" FTS5 tokenizer: fold.h tokens, original offsets. */
#include "config.h"

#include <limits.h>
#include <stddef.h>

#include <sqlite3.h>

#include "fold.h"
#include "fts_tokenizer.h"

/* The tokenizer has no options and no state: one static instance. */
static int fts_tokenizer_instance;

static int
fts_tokenizer_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx;
	(void)argv;
	if (argc != 0)
		return SQLITE_ERROR;
	*out = (Fts5Tokenizer *)&fts_tokenizer_instance;
	return SQLITE_OK;
}

static void
fts_tokenizer_delete(Fts5Tokenizer *tok)
{
	(void)tok;
}

static int
fts_tokenizer_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int len,
		       int (*token)(void *ctx, int tflags, const char *tok, int ntok, int start,
				    int end))
{
	struct fold_iter it;
	size_t start, end, flen;
	const char *folded;
	int rc = SQLITE_OK;

	(void)tok;
	(void)flags;
	if (text == NULL || len <= 0)
		return SQLITE_OK;
	fold_iter_init(&it, text, (size_t)len);
	while (rc == SQLITE_OK && fold_iter_next(&it, &start, &end, &folded, &flen)) {
		if (flen > INT_MAX)
			flen = INT_MAX;
		rc = token(ctx, 0, folded, (int)flen, (int)start, (int)end);
	}
	fold_iter_release(&it);
	return rc;
}

int
fts_tokenizer_register(sqlite3 *db)
{
	static fts5_tokenizer methods = {
	    fts_tokenizer_create,
	    fts_tokenizer_delete,
	    fts_tokenizer_tokenize,
	};
	fts5_api *api = NULL;
	sqlite3_stmt *stmt = NULL;
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
	return api->xCreateTokenizer(api, FTS_TOKENIZER_NAME, NULL, &methods, NULL);
}
