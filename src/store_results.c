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
 * starts, and that must happen once per query, not once per row.  A
 * listing without passages (store_results_skip_passages) goes through
 * every result, so it steps on for longer (STORE_LIST_STEP_LIMIT): a seek
 * costs what stepping over some 50 rows does. */
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
#define STORE_LIST_STEP_LIMIT 1024
/* the columns store_fill_hit reads */
#define STORE_HIT_SELECT "SELECT id, date, kind, sender, title, source, sortkey FROM doc"

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
	bool no_passages;    /* store_results_skip_passages */
	sqlite3_stmt *page;  /* without passages: the page of a piece */
	sqlite3_stmt *ranked; /* relevance order: (document, best piece), best first */
	char *exact;	      /* its expression without inflections */
	int64_t nranked;      /* rows of ranked taken, to resume after an interruption */
	bool ranked_live;
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

/* With a query of exclusions only: the documents none of whose pieces
 * match them (an index seek per document). */
static void
store_excluded_sql(const struct query *q, struct strbuf *sql)
{
	if (q == NULL || q->excluded_fts == NULL)
		return;
	strbuf_addf(sql,
		    " AND NOT EXISTS (SELECT 1 FROM fts WHERE fts MATCH :excluded"
		    " AND rowid BETWEEN ((%lld - sortkey) << %d)"
		    " AND ((%lld - sortkey) << %d | %lld))",
		    (long long)STORE_KEY_MAX, STORE_PIECE_BITS, (long long)STORE_KEY_MAX,
		    STORE_PIECE_BITS, (long long)STORE_META_INDEX);
}

/* Binds what store_excluded_sql asked for; *match (freed by the caller
 * after the statement) holds the expression. */
static void
store_excluded_bind(struct store *store, const struct query *q, sqlite3_stmt *stmt, char **match)
{
	int i = sqlite3_bind_parameter_index(stmt, ":excluded");

	if (i == 0 || q == NULL)
		return;
	*match = store_excluded_expression(store, q);
	sqlite3_bind_text(stmt, i, *match, -1, SQLITE_STATIC);
}

static bool
store_has_text(const struct query *q)
{
	return q != NULL && q->fts != NULL;
}

/* " sortkey IN (…)": the documents with a piece matching ?1. */
static void
store_text_keys_sql(struct strbuf *sql)
{
	strbuf_addf(sql, " sortkey IN (SELECT %lld - (rowid >> %d) FROM fts WHERE fts MATCH ?1)",
		    (long long)STORE_KEY_MAX, STORE_PIECE_BITS);
}

/* Prepares head, the query's field filters (parameters from ?2 on) and
 * exclusions, then tail, and binds them.  With bind_text and a query with
 * text, ?1 is bound to its MATCH expression; otherwise ?1 is the caller's.
 * *match (freed by the caller after the statement) holds the expression
 * bound, or stays as it was when none is.  Returns 0, or -1 with *err. */
static int
store_bind_query(struct store *store, const struct query *q, const char *head, const char *tail,
		 bool bind_text, sqlite3_stmt **stmt, char **match, char **err)
{
	struct strbuf sql = STRBUF_INIT;
	int rc;

	strbuf_addstr(&sql, head);
	store_filter_sql(q, &sql, 2);
	store_excluded_sql(q, &sql);
	strbuf_addstr(&sql, tail);
	rc = store_prepare(store, sql.buf, stmt, err);
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	if (bind_text && store_has_text(q)) {
		*match = store_match_expression(store, q);
		sqlite3_bind_text(*stmt, 1, *match, -1, SQLITE_STATIC);
	}
	store_filter_bind(q, *stmt, 2);
	store_excluded_bind(store, q, *stmt, match);
	return 0;
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
		dst->terms[i].typed = src->terms[i].typed ? xstrdup(src->terms[i].typed) : NULL;
		dst->terms[i].forms = NULL;
		dst->terms[i].nforms = 0;
		if (src->terms[i].nforms > 0) {
			dst->terms[i].forms = xcalloc(src->terms[i].nforms, sizeof(char *));
			dst->terms[i].nforms = src->terms[i].nforms;
			for (size_t j = 0; j < src->terms[i].nforms; j++)
				dst->terms[i].forms[j] = xstrdup(src->terms[i].forms[j]);
		}
	}
}

/* Relevance: FTS5's bm25 of each matching piece, pieces that match without
 * inflections first; a document ranks by its best piece, which is also its
 * passage.  Ties keep the date order. */
static int
store_prepare_ranked(struct store *store, const struct query *q, struct store_results *res,
		     char **err)
{
	struct strbuf sql = STRBUF_INIT;
	bool boost;
	int rc;

	res->exact = store_exact_expression(store, q);
	boost = res->exact != NULL && strcmp(res->exact, res->match) != 0;
	strbuf_addf(&sql,
		    "WITH m AS MATERIALIZED (SELECT rowid >> %d AS k, rowid AS r, bm25(fts)%s AS s"
		    " FROM fts WHERE fts MATCH ?1) SELECT k, r, min(s) FROM m GROUP BY k ORDER BY 3, 1",
		    STORE_PIECE_BITS,
		    boost ? " - CASE WHEN rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?2)"
			    " THEN 1e9 ELSE 0 END"
			  : "");
	rc = store_prepare(store, sql.buf, &res->ranked, err);
	strbuf_release(&sql);
	if (rc < 0)
		return -1;
	sqlite3_bind_text(res->ranked, 1, res->match, -1, SQLITE_STATIC);
	if (boost)
		sqlite3_bind_text(res->ranked, 2, res->exact, -1, SQLITE_STATIC);
	return 0;
}

int
store_results_open(struct store *store, const struct query *q, struct store_results **out,
		   char **err)
{
	return store_results_open_ordered(store, q, STORE_ORDER_DATE, out, err);
}

int
store_results_open_ordered(struct store *store, const struct query *q, enum store_order order,
			   struct store_results **out, char **err)
{
	struct store_results *res = xcalloc(1, sizeof *res);

	*out = NULL;
	res->store = store;
	res->bound = 0;
	if (!store_has_text(q)) {
		/* seek by seek too, so an abandoned step loses no place */
		if (store_bind_query(store, q, STORE_HIT_SELECT " WHERE sortkey < ?1",
				     " ORDER BY sortkey DESC LIMIT 1", false, &res->list, &res->match,
				     err) < 0)
			goto fail;
		res->bound = STORE_KEY_MAX + 1;
	} else {
		store_copy_terms(&res->terms, q);
		store_query_forms(store, &res->terms);
		/* a query with text has its exclusions in its MATCH expression */
		if (store_bind_query(store, q, STORE_HIT_SELECT " WHERE sortkey <= ?1",
				     " ORDER BY sortkey DESC LIMIT 1", false, &res->doc, &res->match,
				     err) < 0)
			goto fail;
		if (store_prepare(store,
				  "SELECT rowid FROM fts WHERE fts MATCH ?1 AND rowid >= ?2"
				  " ORDER BY rowid",
				  &res->seek, err) < 0 ||
		    store_prepare(store, "SELECT text, page FROM piece WHERE id = ?1", &res->piece, err) <
			0)
			goto fail;
		res->match = store_match_expression(store, q);
		sqlite3_bind_text(res->seek, 1, res->match, -1, SQLITE_STATIC);
		if (order == STORE_ORDER_RELEVANCE && store_prepare_ranked(store, q, res, err) < 0)
			goto fail;
	}
	*out = res;
	return 0;
fail:
	store_results_free(res);
	return -1;
}

void
store_results_skip_passages(struct store_results *res)
{
	res->no_passages = true;
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
	sqlite3_finalize(res->ranked);
	sqlite3_finalize(res->page);
	query_release(&res->terms);
	free(res->match);
	free(res->exact);
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

/* Without passages: only the piece and its page (the page precedes the
 * text in the row, so the text is not read). */
static int
store_hit_page(struct store_results *res, int64_t rowid, struct store_hit *hit, char **err)
{
	int64_t index = rowid & STORE_META_INDEX;
	int rc;

	hit->piece = index == STORE_META_INDEX ? 0 : (size_t)index;
	if (index == STORE_META_INDEX)
		return 0;
	if (res->page == NULL &&
	    store_prepare(res->store, "SELECT page FROM piece WHERE id = ?1", &res->page, err) < 0)
		return -1;
	sqlite3_bind_int64(res->page, 1, rowid);
	rc = store_step_row(res->store, res->page, N_("reading a passage"), err);
	if (rc == 1)
		hit->page = sqlite3_column_int(res->page, 0);
	sqlite3_reset(res->page);
	return rc < 0 ? rc : 0;
}

/* Completes a hit whose document is filled from its matching piece (row
 * id): the passage, or only the page without passages.  1, or -1/-2 with
 * the hit released. */
static int
store_hit_finish(struct store_results *res, int64_t rowid, struct store_hit *hit, char **err)
{
	int rc = res->no_passages ? store_hit_page(res, rowid, hit, err)
				  : store_hit_passage(res, rowid, hit, err);

	if (rc < 0) {
		store_hit_release(hit);
		return rc;
	}
	return 1;
}

/* Finds the first matching piece with row id >= bound: 1, 0 at the end, -1/-2. */
static int
store_text_from(struct store_results *res, int64_t bound, int64_t *rowid, char **err)
{
	int limit = res->no_passages ? STORE_LIST_STEP_LIMIT : STORE_STEP_LIMIT;
	int rc;

	for (int i = 0; res->seek_live && res->seek_rowid < bound; i++) {
		if (i == limit) {
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

/* The next row of the ranked statement: 1, 0 at the end, -1/-2.  After
 * an interruption the statement starts again and skips what was taken. */
static int
store_ranked_step(struct store_results *res, char **err)
{
	int rc;

	if (!res->ranked_live) {
		sqlite3_reset(res->ranked);
		for (int64_t i = 0; i < res->nranked; i++) {
			rc = store_step_row(res->store, res->ranked, N_("searching"), err);
			if (rc != 1)
				goto stop;
		}
		res->ranked_live = true;
	}
	rc = store_step_row(res->store, res->ranked, N_("searching"), err);
	if (rc == 1) {
		res->nranked++;
		return 1;
	}
stop:
	res->ranked_live = false;
	sqlite3_reset(res->ranked);
	return rc;
}

/* Relevance order: each ranked document that passes the field filters. */
static int
store_ranked_next(struct store_results *res, struct store_hit *hit, char **err)
{
	for (;;) {
		int64_t key, rowid, doc_key;
		int rc = store_ranked_step(res, err);

		if (rc <= 0) {
			if (rc == 0)
				res->done = true;
			return rc;
		}
		key = STORE_KEY_MAX - sqlite3_column_int64(res->ranked, 0);
		rowid = sqlite3_column_int64(res->ranked, 1);
		sqlite3_bind_int64(res->doc, 1, key);
		rc = store_step_row(res->store, res->doc, N_("reading a document"), err);
		doc_key = rc == 1 ? sqlite3_column_int64(res->doc, 6) : -1;
		if (rc == 1 && doc_key == key)
			store_fill_hit(res->doc, hit);
		sqlite3_reset(res->doc);
		if (rc < 0)
			return rc;
		if (doc_key != key)
			continue;
		return store_hit_finish(res, rowid, hit, err);
	}
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
	if (res->ranked != NULL)
		return store_ranked_next(res, hit, err);
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
		return store_hit_finish(res, rowid, hit, err);
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
	if (store_has_text(q)) {
		strbuf_addstr(&sql, "SELECT count(*) FROM doc WHERE");
		store_text_keys_sql(&sql);
	} else if (q == NULL || (q->nfields == 0 && q->excluded_fts == NULL)) {
		/* Without a WHERE clause SQLite counts the small sort-key index. */
		strbuf_addstr(&sql, "SELECT count(*) FROM doc");
	} else {
		strbuf_addstr(&sql, "SELECT count(*) FROM doc WHERE 1");
	}
	ret = store_bind_query(store, q, sql.buf, "", true, &stmt, &match, err);
	strbuf_release(&sql);
	if (ret < 0)
		return -1;
	rc = store_step_row(store, stmt, N_("counting"), err);
	if (rc == 1)
		*count = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	free(match);
	return rc < 0 ? rc : 0;
}

static const char *const store_facet_columns[] = {
    [STORE_FACET_SENDER] = "sender",
    [STORE_FACET_KIND] = "kind",
    [STORE_FACET_YEAR] = "year",
    [STORE_FACET_CITES] = "resolutions",
};

/* Adds n to value's count (kept sorted by value for the search). */
static void
store_count_add(struct store_count **counts, size_t *n, size_t *cap, const char *value,
		size_t len, int64_t add)
{
	size_t lo = 0, hi = *n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strncmp((*counts)[mid].value, value, len);

		if (c == 0 && (*counts)[mid].value[len] != '\0')
			c = 1;
		if (c == 0) {
			(*counts)[mid].count += add;
			return;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*counts = xgrow(*counts, cap, *n + 1, sizeof **counts);
	memmove(*counts + lo + 1, *counts + lo, (*n - lo) * sizeof **counts);
	(*counts)[lo] = (struct store_count){xstrndup(value, len), add};
	(*n)++;
}

static int
store_count_cmp(const void *a, const void *b)
{
	const struct store_count *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->value, y->value);
}

/* Adds each of "1540 (2004); 2325 (2016)"'s resolutions. */
static void
store_count_cites(struct store_count **counts, size_t *n, size_t *cap, const char *s,
		  int64_t add)
{
	while (s != NULL && *s) {
		size_t len;

		s += strspn(s, " ;");
		len = strcspn(s, ";");
		while (len > 0 && s[len - 1] == ' ')
			len--;
		if (len > 0)
			store_count_add(counts, n, cap, s, len, add);
		s += len;
		s += strcspn(s, ";");
	}
}

long
store_count_by(struct store *store, const struct query *q, enum store_facet facet,
	       struct store_count **out, char **err)
{
	const char *column = store_facet_columns[facet];
	struct strbuf sql = STRBUF_INIT;
	struct store_count *counts = NULL;
	sqlite3_stmt *stmt = NULL;
	char *match = NULL, *group;
	size_t n = 0, cap = 0;
	int rc;

	*out = NULL;
	strbuf_addf(&sql, "SELECT %s, count(*) FROM doc WHERE %s IS NOT NULL", column, column);
	if (store_has_text(q)) {
		strbuf_addstr(&sql, " AND");
		store_text_keys_sql(&sql);
	}
	group = xasprintf(" GROUP BY %s", column);
	rc = store_bind_query(store, q, sql.buf, group, true, &stmt, &match, err);
	strbuf_release(&sql);
	free(group);
	if (rc < 0)
		return -1;
	while ((rc = store_step_row(store, stmt, N_("counting"), err)) == 1) {
		const char *v = (const char *)sqlite3_column_text(stmt, 0);
		int64_t c = sqlite3_column_int64(stmt, 1);

		if (v == NULL || *v == '\0')
			continue;
		if (facet == STORE_FACET_CITES)
			store_count_cites(&counts, &n, &cap, v, c);
		else
			store_count_add(&counts, &n, &cap, v, strlen(v), c);
	}
	sqlite3_finalize(stmt);
	free(match);
	if (rc < 0) {
		store_counts_free(counts, n);
		return rc;
	}
	if (n > 0)
		qsort(counts, n, sizeof *counts, store_count_cmp);
	*out = counts;
	return (long)n;
}

void
store_counts_free(struct store_count *counts, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(counts[i].value);
	free(counts);
}

long
store_matching_pieces(struct store *store, const struct query *q, int64_t doc_id, size_t **pieces,
		      char **err)
{
	char *match = NULL;
	sqlite3_stmt *stmt = NULL;
	size_t n = 0, cap = 0;
	int rc;

	*pieces = NULL;
	if (!store_has_text(q))
		return 0;
	rc = store_prepare_doc_pieces(store, doc_id,
				      "SELECT rowid FROM fts WHERE fts MATCH ?3"
				      " AND rowid >= ?1 AND rowid <= ?2 ORDER BY rowid",
				      &stmt, err);
	if (rc <= 0)
		return rc;
	sqlite3_bind_text(stmt, 3, match = store_match_expression(store, q), -1, SQLITE_STATIC);
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
