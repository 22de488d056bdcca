/* store_links.c - documents found by their symbols, and the documents
 * that cite one (the cite table, written by store_write.c from links.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "i18n.h"
#include "links.h"
#include "store.h"
#include "store_private.h"
#include "util.h"

int
store_find_source(struct store *store, const char *source, int64_t *id, char **err)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	if (source == NULL || source[0] == '\0')
		return 0;
	if (store_prepare(store, "SELECT id FROM doc WHERE source = ?1 ORDER BY id DESC LIMIT 1",
			  &stmt, err) < 0)
		return -1;
	sqlite3_bind_text(stmt, 1, source, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		ret = 1;
	} else {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, _("looking up a file"), err);
	}
	sqlite3_finalize(stmt);
	return ret;
}

void
store_bind_symbol_forms(sqlite3_stmt *stmt, int first, const char *symbol)
{
	char bare[LINKS_SYMBOL_MAX];

	sqlite3_bind_text(stmt, first, symbol, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, first + 1, links_without_year(symbol, bare) ? bare : symbol, -1,
			  SQLITE_TRANSIENT);
	/* "S/RES/1540 (" <= name < "S/RES/1540 )": any year; ')' follows '(' */
	sqlite3_bind_text(stmt, first + 2, xasprintf("%s (", symbol), -1, free);
	sqlite3_bind_text(stmt, first + 3, xasprintf("%s )", symbol), -1, free);
}

int
store_find_symbol(struct store *store, const char *symbol, int64_t *id, char **err)
{
	char norm[LINKS_SYMBOL_MAX];
	sqlite3_stmt *stmt;
	int rc, ret;

	if (symbol == NULL || symbol[0] == '\0')
		return 0;
	/* a stored token that is not a well-formed symbol is looked up as it is */
	if (!links_normalize(symbol, strlen(symbol), norm)) {
		if (strlen(symbol) >= sizeof norm)
			return 0;
		strcpy(norm, symbol);
	}
	if (store_prepare(store,
			  "SELECT doc FROM symbol WHERE name = ?1 OR name = ?2"
			  " OR (name >= ?3 AND name < ?4) ORDER BY name = ?1 DESC, doc LIMIT 1",
			  &stmt, err) < 0)
		return -1;
	store_bind_symbol_forms(stmt, 1, norm);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		ret = 1;
	} else {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, _("looking up a symbol"), err);
	}
	sqlite3_finalize(stmt);
	return ret;
}

static void
store_ref_release(struct store_ref *ref)
{
	free(ref->symbol);
	free(ref->kind);
	free(ref->date);
	free(ref->sender);
}

void
store_refs_free(struct store_ref *refs, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_ref_release(&refs[i]);
	free(refs);
}

static char *
store_text_or_null(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return s && *s ? xstrndup((const char *)s, (size_t)sqlite3_column_bytes(stmt, i)) : NULL;
}

/* Adds id to ids[0..*n) unless it is there (a handful of citers: linear). */
static void
store_add_id(int64_t **ids, size_t *n, size_t *cap, int64_t id)
{
	for (size_t i = 0; i < *n; i++)
		if ((*ids)[i] == id)
			return;
	*ids = xgrow(*ids, cap, *n + 1, sizeof **ids);
	(*ids)[(*n)++] = id;
}

/* The ids of the documents citing doc_id, in no order. */
static int
store_citing_ids(struct store *store, int64_t doc_id, int64_t **ids, size_t *n, char **err)
{
	sqlite3_stmt *own = NULL, *cite = NULL;
	char *symbols = NULL;
	size_t cap = 0;
	int rc, ret = -1;

	if (store_prepare(store, "SELECT symbols FROM doc WHERE id = ?1", &own, err) < 0 ||
	    store_prepare(store,
			  "SELECT doc FROM cite WHERE target = ?1 OR target = ?2"
			  " OR (target >= ?3 AND target < ?4)",
			  &cite, err) < 0)
		goto out;
	sqlite3_bind_int64(own, 1, doc_id);
	rc = sqlite3_step(own);
	if (rc != SQLITE_ROW) {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, _("reading a document"), err);
		goto out;
	}
	symbols = store_text_or_null(own, 0);
	{
		char symbol[LINKS_SYMBOL_MAX];

		for (const char *c = symbols; links_next_symbol(&c, symbol);) {
			store_bind_symbol_forms(cite, 1, symbol);
			while ((rc = sqlite3_step(cite)) == SQLITE_ROW)
				if (sqlite3_column_int64(cite, 0) != doc_id)
					store_add_id(ids, n, &cap, sqlite3_column_int64(cite, 0));
			sqlite3_reset(cite);
			if (rc != SQLITE_DONE) {
				ret = store_fail(store, rc, _("looking up citations"), err);
				goto out;
			}
		}
	}
	ret = 0;
out:
	free(symbols);
	sqlite3_finalize(own);
	sqlite3_finalize(cite);
	return ret;
}

struct store_ref_sort {
	struct store_ref ref;
	int64_t sortkey;
};

static int
store_ref_newest_first(const void *a, const void *b)
{
	const struct store_ref_sort *x = a, *y = b;

	return (x->sortkey < y->sortkey) - (x->sortkey > y->sortkey);
}

long
store_cited_by(struct store *store, int64_t doc_id, struct store_ref **refs, char **err)
{
	struct store_ref_sort *found = NULL;
	sqlite3_stmt *stmt = NULL;
	int64_t *ids = NULL;
	size_t nids = 0, n = 0;
	long ret = -1;
	int rc;

	*refs = NULL;
	if (store_citing_ids(store, doc_id, &ids, &nids, err) < 0)
		goto out;
	if (nids == 0) {
		ret = 0;
		goto out;
	}
	if (store_prepare(store, "SELECT sortkey, symbols, kind, date, sender FROM doc WHERE id = ?1",
			  &stmt, err) < 0)
		goto out;
	found = xcalloc(nids, sizeof *found);
	for (size_t i = 0; i < nids; i++) {
		sqlite3_bind_int64(stmt, 1, ids[i]);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_ROW) {
			struct store_ref_sort *f = &found[n++];
			const char *symbols = (const char *)sqlite3_column_text(stmt, 1);
			char first[LINKS_SYMBOL_MAX];

			f->sortkey = sqlite3_column_int64(stmt, 0);
			f->ref.id = ids[i];
			f->ref.symbol = links_next_symbol(&symbols, first) ? xstrdup(first) : NULL;
			f->ref.kind = store_text_or_null(stmt, 2);
			f->ref.date = store_text_or_null(stmt, 3);
			f->ref.sender = store_text_or_null(stmt, 4);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			ret = store_fail(store, rc, _("reading a document"), err);
			goto out;
		}
	}
	qsort(found, n, sizeof *found, store_ref_newest_first);
	*refs = xcalloc(n, sizeof **refs);
	for (size_t i = 0; i < n; i++)
		(*refs)[i] = found[i].ref;
	ret = (long)n;
	n = 0; /* handed over */
out:
	for (size_t i = 0; i < n; i++)
		store_ref_release(&found[i].ref);
	free(found);
	free(ids);
	sqlite3_finalize(stmt);
	return ret;
}
