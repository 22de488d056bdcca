/* tokenizer_fuzzer.c - libFuzzer target for the "liseuse" FTS5 tokenizer,
 * on document text and on queries.  The input is TEXT, a NUL byte, QUERY
 * (without a NUL both are the whole input).  The tokenizer is called as
 * FTS5 calls it, for a document and for a prefix query, and every token
 * must be non-empty valid UTF-8, already folded, inside the text and in
 * order; then TEXT's lines are indexed in an in-memory FTS5 table, which
 * must pass FTS5's integrity check (the tokenizer is deterministic and its
 * offsets consistent), and QUERY is run both parsed (query.h) and quoted as
 * a phrase: neither may give an SQL error. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unistr.h>

#include "fold.h"
#include "fts_tokenizer.h"
#include "lemma.h"
#include "query.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Rows indexed per input at most. */
#define FUZZ_ROWS_MAX 32

static sqlite3 *db;
static fts5_tokenizer methods;
static Fts5Tokenizer *tokenizer;
static struct lemma *lemmas;
static sqlite3_stmt *insert_row, *match;

struct token_check {
	size_t len;   /* of the tokenized text */
	int last_start;
	long ntokens;
};

static int
check_token(void *ctx, int flags, const char *token, int ntoken, int start, int end)
{
	struct token_check *c = ctx;
	size_t flen;
	char *again;

	/* a lemma (lemma.h) rides on the token before it: the marker, then a
	 * folded word */
	if (flags & FTS5_TOKEN_COLOCATED) {
		if (c->ntokens == 0 || ntoken < 2 || token[0] != FTS_LEMMA_MARKER[0] ||
		    start != c->last_start)
			abort();
		token++;
		ntoken--;
	}
	if (ntoken <= 0 || token == NULL || start < 0 || end <= start || (size_t)end > c->len ||
	    start < c->last_start)
		abort();
	if (u8_check((const uint8_t *)token, (size_t)ntoken) != NULL)
		abort();
	/* a token is its own folded form */
	again = fold_string(token, (size_t)ntoken, &flen);
	if (flen != (size_t)ntoken || memcmp(again, token, flen) != 0)
		abort();
	free(again);
	c->last_start = start;
	c->ntokens += !(flags & FTS5_TOKEN_COLOCATED);
	return SQLITE_OK;
}

static void
tokenize(const char *text, size_t len, int flags)
{
	struct token_check c = {len, 0, 0};

	if (len > INT32_MAX)
		return;
	if (methods.xTokenize(tokenizer, &c, flags, text, (int)len, check_token) != SQLITE_OK)
		abort();
}

static void
die_sql(const char *what)
{
	fprintf(stderr, "tokenizer_fuzzer: %s: %s\n", what, sqlite3_errmsg(db));
	abort();
}

/* Opens the in-memory database with the tokenizer and the table; the first
 * time, also finds the tokenizer as FTS5 sees it. */
static void
setup(void)
{
	fts5_api *api = NULL;
	sqlite3_stmt *stmt;
	void *user = NULL;
	char *err = NULL;

	/* with the dictionary, as an import tokenizes */
	if (lemmas == NULL && lemma_new(&lemmas, &err) < 0) {
		fprintf(stderr, "tokenizer_fuzzer: %s\n", err);
		abort();
	}
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    fts_tokenizer_register(db, lemmas, NULL) != SQLITE_OK)
		die_sql("setup");
	if (tokenizer != NULL)
		goto table;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, NULL) != SQLITE_OK)
		die_sql("fts5_api");
	sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	if (api == NULL ||
	    api->xFindTokenizer(api, FTS_TOKENIZER_NAME, &user, &methods) != SQLITE_OK ||
	    methods.xCreate(user, NULL, 0, &tokenizer) != SQLITE_OK)
		die_sql("tokenizer");
table:
	if (sqlite3_exec(db,
			 "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='" FTS_TOKENIZER_NAME
			 "', prefix='1 2 3')",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t(x) VALUES(?1)", -1, &insert_row, NULL) !=
		SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT rowid, highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1",
			       -1, &match, NULL) != SQLITE_OK)
		die_sql("table");
}

/* A fresh database per input: FTS5 keeps deleted rows' index entries. */
static void
teardown(void)
{
	sqlite3_finalize(insert_row);
	sqlite3_finalize(match);
	sqlite3_close(db);
	db = NULL;
}

/* Runs one MATCH expression; an SQL error is a failure. */
static void
run_match(const char *expr)
{
	int rc;

	sqlite3_bind_text(match, 1, expr, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(match)) == SQLITE_ROW)
		;
	sqlite3_reset(match);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "MATCH %s\n", expr);
		die_sql("match");
	}
}

static void
index_text(const char *text, size_t len)
{
	size_t at = 0;

	for (int row = 0; at < len && row < FUZZ_ROWS_MAX; row++) {
		const char *nl = memchr(text + at, '\n', len - at);
		size_t end = nl ? (size_t)(nl - text) : len;

		sqlite3_bind_text(insert_row, 1, text + at, (int)(end - at), SQLITE_STATIC);
		if (sqlite3_step(insert_row) != SQLITE_DONE)
			die_sql("insert");
		sqlite3_reset(insert_row);
		at = end + 1;
	}
	if (sqlite3_exec(db, "INSERT INTO t(t) VALUES('integrity-check')", NULL, NULL, NULL) !=
	    SQLITE_OK)
		die_sql("integrity-check");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *bytes = (const char *)data;
	const char *nul = memchr(bytes, '\0', size);
	size_t tlen = nul ? (size_t)(nul - bytes) : size;
	char *text = xstrndup(bytes, tlen);
	char *query = nul ? xstrndup(nul + 1, size - tlen - 1) : xstrdup(text);
	size_t qlen = strlen(query);
	struct strbuf phrase = STRBUF_INIT;
	struct query q;

	if (db == NULL)
		setup();
	tokenize(text, tlen, FTS5_TOKENIZE_DOCUMENT);
	tokenize(query, qlen, FTS5_TOKENIZE_QUERY);
	tokenize(query, qlen, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX);
	index_text(text, tlen);
	if (query_parse(query, QUERY_LAST_PREFIX, &q) == 0 && q.fts != NULL)
		run_match(q.fts);
	query_release(&q);
	/* the raw query as one phrase: FTS5 tokenizes it in query mode */
	if (qlen > 0) {
		query_append_quoted(&phrase, query);
		run_match(phrase.buf);
		strbuf_addch(&phrase, '*');
		run_match(phrase.buf);
	}
	strbuf_release(&phrase);
	teardown();
	free(text);
	free(query);
	return 0;
}
