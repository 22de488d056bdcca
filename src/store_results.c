/* store_results.c - searching a snapshot: a lazy cursor over matching
 * documents (newest first), counts, and the matching pieces of a document.
 *
 * With a text query the cursor walks forwards in the FTS index (row ids
 * ascend from the newest document, see store_private.h): the next matching
 * piece after the previous document's pieces, then that document's
 * metadata.  The FTS statement stays open and steps while the next
 * document is near; past STORE_STEP_LIMIT rows it is re-run from the new
 * bound (an index seek), so a document with thousands of matching pieces
 * costs one seek.  Keeping it open matters for prefixes longer than the
 * prefix index ("mesu*"): FTS5 merges their doclists when the statement
 * starts, and that must happen once per query, not once per row. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unistr.h>

#include "i18n.h"
#include "query.h"
#include "excerpt.h"
#include "store.h"
#include "store_private.h"
#include "util.h"

#define STORE_PASSAGE_BEFORE 60
#define STORE_PASSAGE_MAX 200
#define STORE_STEP_LIMIT 32

struct store_results {
	struct store *store;
	struct query terms; /* copy of the query's terms, for highlighting */
	char *match;	    /* the MATCH expression (store_match_expression) */
	sqlite3_stmt *list; /* without text: filtered documents, newest first */
	sqlite3_stmt *seek; /* with text: matching pieces from a bound on; the first
			     * of a document is also its passage */
	bool seek_live;	    /* seek has a current row, seek_rowid */
	int64_t seek_rowid;
	sqlite3_stmt *doc;   /* with text: one document by sort key, if it passes the fields */
	sqlite3_stmt *piece; /* text of a piece */
	int64_t bound;	     /* next seek: row ids >= bound (text), sort keys < bound (list) */
	bool done;
};

/* Appends the field filters as " AND …" with parameters from ?first on. */
static void
store_filter_sql(const struct query *q, struct strbuf *sql, int first)
{
	static const char *const columns[] = {
	    [QF_SENDER] = "f_sender",
	    [QF_ADDRESSEE] = "f_addressee",
	    [QF_KIND] = "f_kind",
	    [QF_ORGAN] = "f_organ",
	};
	int n = first;

	for (size_t i = 0; q != NULL && i < q->nfields; i++) {
		const struct query_field *f = &q->fields[i];

		switch (f->kind) {
		case QF_YEAR:
			/* dates order the sort keys: a year range is a key range */
			strbuf_addf(sql, " AND sortkey BETWEEN ?%d AND ?%d", n, n + 1);
			n += 2;
			break;
		case QF_CITES:
			strbuf_addf(sql,
				    " AND (instr(f_cites, ?%d) > 0 OR instr(f_cites, ?%d) > 0)", n,
				    n + 1);
			n += 2;
			break;
		case QF_SYMBOL:
		case QF_CITES_SYMBOL: {
			const char *table = f->kind == QF_SYMBOL ? "symbol" : "cite";
			const char *col = f->kind == QF_SYMBOL ? "name" : "target";

			strbuf_addf(sql,
				    " AND id IN (SELECT doc FROM %s WHERE %s = ?%d OR %s = ?%d"
				    " OR (%s >= ?%d AND %s < ?%d))",
				    table, col, n, col, n + 1, col, n + 2, col, n + 3);
			n += 4;
			break;
		}
		default:
			strbuf_addf(sql, " AND instr(%s, ?%d) > 0", columns[f->kind], n);
			n += 1;
			break;
		}
	}
}

/* Binds what store_filter_sql asked for, in the same order. */
static void
store_filter_bind(const struct query *q, sqlite3_stmt *stmt, int first)
{
	int n = first;

	for (size_t i = 0; q != NULL && i < q->nfields; i++) {
		const struct query_field *f = &q->fields[i];

		switch (f->kind) {
		case QF_YEAR: {
			char from[16], after[16];
			int y;

			snprintf(from, sizeof from, "%04d-01-01", f->year_from % 10000);
			snprintf(after, sizeof after, "%04d-01-01", f->year_to % 10000 + 1);
			sqlite3_bind_int64(stmt, n++,
					   store_day_number(from, &y) << STORE_COUNTER_BITS);
			sqlite3_bind_int64(
			    stmt, n++,
			    f->year_to >= 9999
				? STORE_KEY_MAX
				: (store_day_number(after, &y) << STORE_COUNTER_BITS) - 1);
			break;
		}
		case QF_CITES: {
			char *a = xasprintf(";%s ", f->value), *b = xasprintf(";%s;", f->value);

			sqlite3_bind_text(stmt, n++, a, -1, free);
			sqlite3_bind_text(stmt, n++, b, -1, free);
			break;
		}
		case QF_SYMBOL:
		case QF_CITES_SYMBOL:
			store_bind_symbol_forms(stmt, n, f->value);
			n += 4;
			break;
		default:
			/* a word prefix: " kaz" in " kazakhstan " */
			sqlite3_bind_text(stmt, n++, xasprintf(" %s", f->value), -1, free);
			break;
		}
	}
}

static bool
store_has_text(const struct query *q)
{
	return q != NULL && q->fts != NULL;
}

/* Copies the terms (not the fields, which are bound already). */
static void
store_copy_terms(struct query *dst, const struct query *src)
{
	memset(dst, 0, sizeof *dst);
	if (src == NULL || src->nterms == 0)
		return;
	dst->terms = xcalloc(src->nterms, sizeof *dst->terms);
	dst->nterms = src->nterms;
	for (size_t i = 0; i < src->nterms; i++) {
		dst->terms[i] = src->terms[i];
		dst->terms[i].tokens = xcalloc(src->terms[i].ntokens, sizeof(char *));
		for (size_t j = 0; j < src->terms[i].ntokens; j++)
			dst->terms[i].tokens[j] = xstrdup(src->terms[i].tokens[j]);
	}
}

int
store_results_open(struct store *store, const struct query *q, struct store_results **out,
		   char **err)
{
	struct store_results *res = xcalloc(1, sizeof *res);

	*out = NULL;
	res->store = store;
	res->bound = 0;
	if (!store_has_text(q)) {
		struct strbuf sql = STRBUF_INIT;
		int rc;

		/* seek by seek too, so an abandoned step loses no place */
		strbuf_addf(&sql, "SELECT id, date, kind, sender, title, source, sortkey FROM doc"
				  " WHERE sortkey < ?1");
		store_filter_sql(q, &sql, 2);
		strbuf_addstr(&sql, " ORDER BY sortkey DESC LIMIT 1");
		rc = store_prepare(store, sql.buf, &res->list, err);
		strbuf_release(&sql);
		if (rc < 0)
			goto fail;
		store_filter_bind(q, res->list, 2);
		res->bound = STORE_KEY_MAX + 1;
	} else {
		struct strbuf sql = STRBUF_INIT;
		int rc;

		store_copy_terms(&res->terms, q);
		strbuf_addf(&sql, "SELECT id, date, kind, sender, title, source, sortkey FROM doc"
				  " WHERE sortkey <= ?1");
		store_filter_sql(q, &sql, 2);
		strbuf_addstr(&sql, " ORDER BY sortkey DESC LIMIT 1");
		rc = store_prepare(store, sql.buf, &res->doc, err);
		strbuf_release(&sql);
		if (rc < 0)
			goto fail;
		store_filter_bind(q, res->doc, 2);
		if (store_prepare(store,
				  "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid >= ?2"
				  " ORDER BY rowid",
				  &res->seek, err) < 0 ||
		    store_prepare(store, "SELECT text, page FROM piece WHERE id = ?1", &res->piece, err) <
			0)
			goto fail;
		res->match = store_match_expression(store, q);
		sqlite3_bind_text(res->seek, 1, res->match, -1, SQLITE_STATIC);
	}
	*out = res;
	return 0;
fail:
	store_results_free(res);
	return -1;
}

void
store_results_free(struct store_results *res)
{
	if (res == NULL)
		return;
	sqlite3_finalize(res->list);
	sqlite3_finalize(res->seek);
	sqlite3_finalize(res->doc);
	sqlite3_finalize(res->piece);
	query_release(&res->terms);
	free(res->match);
	free(res);
}

void
store_hit_release(struct store_hit *hit)
{
	free(hit->date);
	free(hit->kind);
	free(hit->sender);
	free(hit->title);
	free(hit->source);
	free(hit->passage);
	free(hit->marks);
	memset(hit, 0, sizeof *hit);
}

static char *
store_column_or_empty(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return xstrndup(s ? (const char *)s : "", s ? (size_t)sqlite3_column_bytes(stmt, i) : 0);
}

static void
store_fill_hit(sqlite3_stmt *stmt, struct store_hit *hit)
{
	memset(hit, 0, sizeof *hit);
	hit->doc_id = sqlite3_column_int64(stmt, 0);
	hit->date = store_column_or_empty(stmt, 1);
	hit->kind = store_column_or_empty(stmt, 2);
	hit->sender = store_column_or_empty(stmt, 3);
	hit->title = store_column_or_empty(stmt, 4);
	hit->source = store_column_or_empty(stmt, 5);
	/* a document without a title is listed under its file name */
	if (hit->title[0] == '\0') {
		free(hit->title);
		hit->title = xstrdup(hit->source);
	}
}

/* Steps a one-row statement: 1 row, 0 none, -1/-2 failure.  The caller resets. */
static int
store_step_row(struct store *store, sqlite3_stmt *stmt, const char *what, char **err)
{
	int rc = sqlite3_step(stmt);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return store_fail(store, rc, what, err);
}

/* Fills the passage of a hit from its first matching piece (row id). */
static int
store_hit_passage(struct store_results *res, int64_t rowid, struct store_hit *hit, char **err)
{
	int64_t index = rowid & STORE_META_INDEX;
	int rc;

	hit->piece = index == STORE_META_INDEX ? 0 : (size_t)index;
	sqlite3_bind_int64(res->piece, 1, rowid);
	rc = store_step_row(res->store, res->piece, N_("reading a passage"), err);
	if (rc == 1) {
		int64_t page = sqlite3_column_int64(res->piece, 1);
		const char *text = (const char *)sqlite3_column_text(res->piece, 0);
		struct excerpt e;
		/* the text ends at a NUL, as store_get_piece reads it: a damaged
		 * piece must not give marks past the passage's end */
		size_t len = text ? strnlen(text, (size_t)sqlite3_column_bytes(res->piece, 0)) : 0;

		excerpt_make(&res->terms, text ? text : "", len, STORE_PASSAGE_BEFORE,
			     STORE_PASSAGE_MAX, &e);
		hit->passage = e.text;
		hit->marks = e.marks;
		hit->nmarks = e.nmarks;
		if (index != STORE_META_INDEX && page >= 0 && page <= INT_MAX)
			hit->page = (int)page;
		else if (index != STORE_META_INDEX)
			rc = store_damaged(res->store, err, _("piece %lld: page %lld"),
					   (long long)rowid, (long long)page);
	}
	sqlite3_reset(res->piece);
	return rc < 0 ? rc : 0;
}

/* Finds the first matching piece with row id >= bound: 1, 0 at the end, -1/-2. */
static int
store_text_from(struct store_results *res, int64_t bound, int64_t *rowid, char **err)
{
	int rc;

	for (int i = 0; res->seek_live && res->seek_rowid < bound; i++) {
		if (i == STORE_STEP_LIMIT) {
			sqlite3_reset(res->seek);
			res->seek_live = false;
			break;
		}
		rc = store_step_row(res->store, res->seek, N_("searching"), err);
		if (rc == 1) {
			res->seek_rowid = sqlite3_column_int64(res->seek, 0);
			continue;
		}
		sqlite3_reset(res->seek);
		res->seek_live = false;
		if (rc == 0)
			return 0;
		return rc;
	}
	if (!res->seek_live) {
		sqlite3_bind_int64(res->seek, 2, bound);
		rc = store_step_row(res->store, res->seek, N_("searching"), err);
		if (rc != 1) {
			sqlite3_reset(res->seek);
			return rc;
		}
		res->seek_live = true;
		res->seek_rowid = sqlite3_column_int64(res->seek, 0);
	}
	*rowid = res->seek_rowid;
	if (!store_rowid_valid(*rowid)) {
		sqlite3_reset(res->seek);
		res->seek_live = false;
		return store_damaged(res->store, err, _("piece row id %lld in the index"),
				     (long long)*rowid);
	}
	return 1;
}

int
store_results_next(struct store_results *res, struct store_hit *hit, char **err)
{
	int rc;

	memset(hit, 0, sizeof *hit);
	if (res->done)
		return 0;
	if (res->list != NULL) {
		sqlite3_bind_int64(res->list, 1, res->bound);
		rc = store_step_row(res->store, res->list, N_("listing the documents"), err);
		if (rc == 1) {
			res->bound = sqlite3_column_int64(res->list, 6);
			if (store_key_valid(res->bound)) {
				store_fill_hit(res->list, hit);
			} else {
				rc = store_damaged(res->store, err,
						   _("document %lld: sort key %lld"),
						   (long long)sqlite3_column_int64(res->list, 0),
						   (long long)res->bound);
				res->done = true;
			}
		} else if (rc == 0) {
			res->done = true;
		}
		sqlite3_reset(res->list);
		return rc;
	}
	/* A zig-zag join: the newest text match, then the newest document at
	 * or before it that passes the field filters; when they differ, the
	 * text search resumes from that document.  Both are index seeks. */
	for (;;) {
		int64_t rowid = 0, key, doc_key;

		rc = store_text_from(res, res->bound, &rowid, err);
		if (rc <= 0) {
			if (rc == 0)
				res->done = true;
			return rc;
		}
		key = store_rowid_key(rowid);
		sqlite3_bind_int64(res->doc, 1, key);
		rc = store_step_row(res->store, res->doc, N_("reading a document"), err);
		doc_key = rc == 1 ? sqlite3_column_int64(res->doc, 6) : -1;
		if (rc == 1 && !store_key_valid(doc_key)) {
			rc = store_damaged(res->store, err, _("document %lld: sort key %lld"),
					   (long long)sqlite3_column_int64(res->doc, 0),
					   (long long)doc_key);
			res->done = true;
		} else if (rc == 1 && doc_key == key) {
			store_fill_hit(res->doc, hit);
		}
		sqlite3_reset(res->doc);
		if (rc <= 0) {
			if (rc == 0)
				res->done = true;
			return rc;
		}
		if (doc_key != key) {
			res->bound = store_piece_rowid(doc_key, 0);
			continue;
		}
		/* the next seek starts after this document's pieces */
		if (key == 0)
			res->done = true; /* the oldest possible document: nothing after */
		else
			res->bound = store_piece_rowid(key, STORE_META_INDEX) + 1;
		rc = store_hit_passage(res, rowid, hit, err);
		if (rc < 0) {
			store_hit_release(hit);
			return rc;
		}
		return 1;
	}
}

int
store_results_count(struct store *store, const struct query *q, int64_t *count, char **err)
{
	struct strbuf sql = STRBUF_INIT;
	sqlite3_stmt *stmt = NULL;
	char *match = NULL;
	int rc, ret;

	*count = 0;
	if (store_has_text(q))
		strbuf_addf(&sql,
			    "SELECT count(*) FROM doc WHERE sortkey IN"
			    " (SELECT %lld - (rowid >> %d) FROM fts WHERE fts MATCH ?1)",
			    (long long)STORE_KEY_MAX, STORE_PIECE_BITS);
	else if (q == NULL || q->nfields == 0)
		/* Without a WHERE clause SQLite counts the small sort-key index. */
		strbuf_addstr(&sql, "SELECT count(*) FROM doc");
	else
		strbuf_addstr(&sql, "SELECT count(*) FROM doc WHERE 1");
	store_filter_sql(q, &sql, 2);
	ret = store_prepare(store, sql.buf, &stmt, err);
	strbuf_release(&sql);
	if (ret < 0)
		return -1;
	if (store_has_text(q))
		sqlite3_bind_text(stmt, 1, match = store_match_expression(store, q), -1, SQLITE_STATIC);
	store_filter_bind(q, stmt, 2);
	rc = store_step_row(store, stmt, N_("counting"), err);
	if (rc == 1)
		*count = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	free(match);
	return rc < 0 ? rc : 0;
}

long
store_matching_pieces(struct store *store, const struct query *q, int64_t doc_id, size_t **pieces,
		      char **err)
{
	char *match = NULL;
	sqlite3_stmt *stmt = NULL;
	int64_t key = 0, npieces = 0;
	size_t n = 0, cap = 0;
	int rc;

	*pieces = NULL;
	if (!store_has_text(q))
		return 0;
	rc = store_doc_key(store, doc_id, &key, &npieces, err);
	if (rc <= 0)
		return rc;
	if (npieces == 0)
		return 0;
	if (store_prepare(store,
			  "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid >= ?2 AND rowid <= ?3"
			  " ORDER BY rowid",
			  &stmt, err) < 0)
		return -1;
	sqlite3_bind_text(stmt, 1, match = store_match_expression(store, q), -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, store_piece_rowid(key, 0));
	sqlite3_bind_int64(stmt, 3, store_piece_rowid(key, npieces - 1));
	while ((rc = store_step_row(store, stmt, N_("searching a document"), err)) == 1) {
		*pieces = xgrow(*pieces, &cap, n + 1, sizeof **pieces);
		(*pieces)[n++] = (size_t)(sqlite3_column_int64(stmt, 0) & STORE_META_INDEX);
	}
	sqlite3_finalize(stmt);
	free(match);
	if (rc < 0) {
		free(*pieces);
		*pieces = NULL;
		return rc;
	}
	return (long)n;
}

/* Expansion of one prefix for query_fts_expanded: the words of the term
 * table that begin with it, when there are few enough to OR. */
static int
store_expand_prefix(const char *prefix, struct strbuf *out, void *arg)
{
	struct store *store = arg;
	sqlite3_stmt *stmt = NULL;
	struct strbuf words = STRBUF_INIT;
	char *upper;
	int n = 0, rc;

	if (u8_mbsnlen((const uint8_t *)prefix, strlen(prefix)) <= STORE_PREFIX_INDEXED)
		return 0;
	/* Every word beginning with prefix sorts below prefix + U+10FFFF. */
	upper = xasprintf("%s\xF4\x8F\xBF\xBF", prefix);
	if (sqlite3_prepare_v2(store->db,
			       "SELECT word FROM term WHERE word >= ?1 AND word < ?2 ORDER BY word"
			       " LIMIT ?3",
			       -1, &stmt, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, upper, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, STORE_PREFIX_WORDS_MAX + 1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *word = (const char *)sqlite3_column_text(stmt, 0);

		strbuf_addstr(&words, n++ ? " OR " : "(");
		query_append_quoted(&words, word ? word : "");
	}
	if (rc != SQLITE_DONE || n > STORE_PREFIX_WORDS_MAX) {
		n = 0; /* too many words, or a failure: FTS5's own prefix search */
		goto out;
	}
	/* No word begins with it: a word that is not indexed matches nothing. */
	if (n == 0) {
		query_append_quoted(out, prefix);
		n = 1;
		goto out;
	}
	strbuf_addch(&words, ')');
	strbuf_add(out, words.buf, words.len);
out:
	sqlite3_finalize(stmt);
	strbuf_release(&words);
	free(upper);
	return n > 0;
}

char *
store_match_expression(struct store *store, const struct query *q)
{
	return query_fts_expanded(q, store_expand_prefix, store);
}
