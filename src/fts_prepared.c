/* fts_prepared.c - tokens kept for a later FTS5 insert, and replayed. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fts_prepared.h"
#include "util.h"

void
fts_prepared_release(struct fts_prepared *p)
{
	free(p->tokens);
	strbuf_release(&p->bytes);
	memset(p, 0, sizeof *p);
}

void
fts_prepared_reset(struct fts_prepared *p)
{
	p->ntokens = 0;
	strbuf_reset(&p->bytes);
}

int
fts_prepared_add(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	struct fts_prepared *p = ctx;
	struct fts_prepared_token *t;

	if (ntok < 0 || start < 0 || end < 0 ||
	    p->bytes.len + (size_t)ntok >= FTS_PREPARED_COLOCATED)
		return SQLITE_TOOBIG;
	p->tokens = xgrow(p->tokens, &p->cap, p->ntokens + 1, sizeof *p->tokens);
	t = &p->tokens[p->ntokens++];
	t->start = (uint32_t)start;
	t->end = (uint32_t)end;
	t->offset = (uint32_t)p->bytes.len;
	t->len = (uint32_t)ntok | ((tflags & FTS5_TOKEN_COLOCATED) ? FTS_PREPARED_COLOCATED : 0);
	strbuf_add(&p->bytes, tok, (size_t)ntok);
	return SQLITE_OK;
}

void
fts_prepared_begin(struct fts_prepared *p, const char *text, size_t len,
		   struct fts_prepared_text *out)
{
	*out = (struct fts_prepared_text){p, text, len, p->ntokens, 0};
}

void
fts_prepared_end(const struct fts_prepared *p, struct fts_prepared_text *out)
{
	out->ntokens = p->ntokens - out->first;
}

bool
fts_prepared_matches(const struct fts_prepared_text *t, const char *text, size_t len)
{
	return t->len == len && (len == 0 || memcmp(t->text, text, len) == 0);
}

int
fts_prepared_replay(const struct fts_prepared_text *t, fts_token_fn *token, void *ctx)
{
	const struct fts_prepared_token *tok = t->from->tokens + t->first;
	const char *bytes = t->from->bytes.buf;
	int rc = SQLITE_OK;

	for (size_t i = 0; rc == SQLITE_OK && i < t->ntokens; i++, tok++) {
		uint32_t len = tok->len & ~FTS_PREPARED_COLOCATED;
		int flags = (tok->len & FTS_PREPARED_COLOCATED) ? FTS5_TOKEN_COLOCATED : 0;

		rc = token(ctx, flags, bytes + tok->offset, (int)len, (int)tok->start,
			   (int)tok->end);
	}
	return rc;
}

void
fts_prepared_words(const struct fts_prepared_text *t,
		   void (*word)(void *arg, const char *folded, size_t len, uint64_t row), void *arg,
		   uint64_t row)
{
	const struct fts_prepared_token *tok = t->from->tokens + t->first;

	for (size_t i = 0; i < t->ntokens; i++, tok++) {
		if (!(tok->len & FTS_PREPARED_COLOCATED))
			word(arg, t->from->bytes.buf + tok->offset, tok->len, row);
	}
}
