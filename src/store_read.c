/* store_read.c - documents and pieces read back from a snapshot. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "fold.h"
#include "fts_tokenizer.h"
#include "i18n.h"
#include "store.h"
#include "store_private.h"
#include "util.h"

int
store_count_documents(struct store *store, int64_t *count, char **err)
{
	return store_int_query(store, "SELECT count(*) FROM doc", count, err);
}

void
store_doc_release(struct store_doc *doc)
{
	doc_meta_release(&doc->meta);
	memset(doc, 0, sizeof *doc);
}

static char *
store_column_dup(sqlite3_stmt *stmt, int i)
{
	const unsigned char *s = sqlite3_column_text(stmt, i);

	return s ? xstrndup((const char *)s, (size_t)sqlite3_column_bytes(stmt, i)) : NULL;
}

int
store_get_doc(struct store *store, int64_t id, struct store_doc *out, char **err)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	memset(out, 0, sizeof *out);
	if (store_prepare(store,
			  "SELECT kind, date, sender, addressee, organ, language, title, source,"
			  " symbols, resolutions, npieces, nbytes FROM doc WHERE id = ?1",
			  &stmt, err) < 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		struct doc_meta *m = &out->meta;

		out->id = id;
		m->kind = store_column_dup(stmt, 0);
		m->date = store_column_dup(stmt, 1);
		m->sender = store_column_dup(stmt, 2);
		m->addressee = store_column_dup(stmt, 3);
		m->organ = store_column_dup(stmt, 4);
		m->language = store_column_dup(stmt, 5);
		m->title = store_column_dup(stmt, 6);
		m->source = store_column_dup(stmt, 7);
		m->symbols = store_column_dup(stmt, 8);
		m->resolutions = store_column_dup(stmt, 9);
		int64_t npieces = sqlite3_column_int64(stmt, 10);
		int64_t nbytes = sqlite3_column_int64(stmt, 11);

		if (!store_npieces_valid(npieces) || nbytes < 0) {
			ret = store_damaged(store, err,
					    _("document %lld: %lld pieces, %lld bytes of text"),
					    (long long)id, (long long)npieces, (long long)nbytes);
			doc_meta_release(m);
		} else {
			out->npieces = (size_t)npieces;
			out->nbytes = (uint64_t)nbytes;
			ret = 1;
		}
	} else if (rc == SQLITE_DONE) {
		ret = 0;
	} else {
		ret = store_fail(store, rc, N_("reading a document"), err);
	}
	sqlite3_finalize(stmt);
	return ret;
}

int
store_doc_key(struct store *store, int64_t id, int64_t *sortkey, int64_t *npieces, char **err)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	if (store_cached(store, &store->doc_key, "SELECT sortkey, npieces FROM doc WHERE id = ?1",
			 err) < 0)
		return -1;
	stmt = store->doc_key;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*sortkey = sqlite3_column_int64(stmt, 0);
		*npieces = sqlite3_column_int64(stmt, 1);
		ret = 1;
		if (!store_key_valid(*sortkey) || !store_npieces_valid(*npieces))
			ret = store_damaged(store, err, _("document %lld: sort key %lld, %lld pieces"),
					    (long long)id, (long long)*sortkey,
					    (long long)*npieces);
	} else {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, N_("reading a document"), err);
	}
	sqlite3_reset(stmt);
	return ret;
}

int
store_prepare_doc_pieces(struct store *store, int64_t doc_id, const char *sql, sqlite3_stmt **stmt,
			 char **err)
{
	int64_t key = 0, npieces = 0;
	int rc;

	*stmt = NULL;
	rc = store_doc_key(store, doc_id, &key, &npieces, err);
	if (rc <= 0)
		return rc;
	if (npieces == 0)
		return 0;
	if (store_prepare(store, sql, stmt, err) < 0)
		return -1;
	sqlite3_bind_int64(*stmt, 1, store_piece_rowid(key, 0));
	sqlite3_bind_int64(*stmt, 2, store_piece_rowid(key, npieces - 1));
	return 1;
}

int
store_find_doc(struct store *store, const char *id_or_symbol, int64_t *id, char **err)
{
	const char *s = id_or_symbol;
	size_t n, digits;
	int ret;

	s += strspn(s, " \t");
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return 0;
	for (digits = 0; digits < n && s[digits] >= '0' && s[digits] <= '9'; digits++)
		;
	if (digits == n && n <= 18) {
		int64_t key = 0, np = 0, want = strtoll(s, NULL, 10);

		ret = store_doc_key(store, want, &key, &np, err);
		if (ret != 0) {
			if (ret == 1)
				*id = want;
			return ret;
		}
	}
	{
		char *symbol = xstrndup(s, n);

		ret = store_find_symbol(store, symbol, id, err);
		free(symbol);
	}
	return ret;
}

int
store_get_piece(struct store *store, int64_t doc_id, size_t index, struct paragraph *out,
		bool *continued, char **err)
{
	sqlite3_stmt *stmt;
	int64_t key = 0, npieces = 0;
	int rc, ret;

	memset(out, 0, sizeof *out);
	*continued = false;
	ret = store_doc_key(store, doc_id, &key, &npieces, err);
	if (ret <= 0)
		return ret;
	if (index >= (size_t)npieces)
		return 0;
	if (store_cached(store, &store->get_piece,
			 "SELECT role, continued, text, bold, page FROM piece WHERE id = ?1", err) < 0)
		return -1;
	stmt = store->get_piece;
	sqlite3_bind_int64(stmt, 1, store_piece_rowid(key, (int64_t)index));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		int64_t role = sqlite3_column_int64(stmt, 0);
		int64_t cont = sqlite3_column_int64(stmt, 1);
		int64_t page = sqlite3_column_int64(stmt, 4);
		const unsigned char *bold = sqlite3_column_blob(stmt, 3);
		size_t nbold_bytes = (size_t)sqlite3_column_bytes(stmt, 3);

		if (role < 0 || role >= PARA_ROLE_COUNT || (cont != 0 && cont != 1) || page < 0 ||
		    page > INT_MAX || nbold_bytes % 8 != 0) {
			ret = store_damaged(store, err,
					    _("document %lld, piece %zu: role %lld, continued %lld, "
					      "page %lld, %zu bytes of bold spans"),
					    (long long)doc_id, index, (long long)role, (long long)cont,
					    (long long)page, nbold_bytes);
			goto out;
		}
		out->role = (enum para_role)role;
		*continued = cont != 0;
		out->page = (int)page;
		out->text = store_column_dup(stmt, 2);
		if (out->text == NULL)
			out->text = xstrdup("");
		out->len = strlen(out->text);
		if (nbold_bytes > 0 && bold != NULL) {
			size_t nbold = nbold_bytes / 8;

			out->bold = xcalloc(nbold, sizeof *out->bold);
			for (size_t i = 0; i < nbold; i++) {
				const unsigned char *b = bold + 8 * i;
				uint32_t s = (uint32_t)b[0] | (uint32_t)b[1] << 8 |
					     (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
				uint32_t e = (uint32_t)b[4] | (uint32_t)b[5] << 8 |
					     (uint32_t)b[6] << 16 | (uint32_t)b[7] << 24;

				/* a span must lie inside the text, after the previous one */
				if (s >= e || e > out->len ||
				    (i > 0 && s < out->bold[i - 1].end)) {
					ret = store_damaged(
					    store, err,
					    _("document %lld, piece %zu: bold span %u-%u outside "
					      "its %zu bytes of text"),
					    (long long)doc_id, index, s, e, out->len);
					paragraph_release(out);
					memset(out, 0, sizeof *out);
					goto out;
				}
				out->bold[i] = (struct text_span){s, e};
			}
			out->nbold = nbold;
		}
		ret = 1;
	} else {
		ret = rc == SQLITE_DONE
			  ? store_damaged(store, err, _("document %lld: piece %zu of %lld is missing"),
					  (long long)doc_id, index, (long long)npieces)
			  : store_fail(store, rc, N_("reading a passage"), err);
	}
out:
	sqlite3_reset(stmt);
	return ret;
}

int
store_each_structure_piece(struct store *store, int64_t doc_id, size_t max_chars,
			   void (*fn)(void *arg, size_t index, const struct paragraph *p),
			   void *arg, char **err)
{
	sqlite3_stmt *stmt;
	int rc;

	rc = store_prepare_doc_pieces(
	    store, doc_id,
	    "SELECT id, role, substr(text, 1, ?3) FROM piece WHERE id BETWEEN ?1 AND ?2"
	    " AND continued = 0 AND role NOT IN (?4, ?5, ?6) ORDER BY id",
	    &stmt, err);
	if (rc <= 0)
		return rc;
	sqlite3_bind_int64(stmt, 3, (int64_t)max_chars);
	sqlite3_bind_int(stmt, 4, PARA_BODY);
	sqlite3_bind_int(stmt, 5, PARA_FRONT);
	sqlite3_bind_int(stmt, 6, PARA_NOTE);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t role = sqlite3_column_int64(stmt, 1);
		const unsigned char *text = sqlite3_column_text(stmt, 2);
		struct paragraph p = {0};

		if (role < 0 || role >= PARA_ROLE_COUNT) {
			sqlite3_finalize(stmt);
			return store_damaged(store, err, _("document %lld: piece role %lld"),
					     (long long)doc_id, (long long)role);
		}
		p.role = (enum para_role)role;
		p.text = (char *)(text ? text : (const unsigned char *)"");
		p.len = text ? (size_t)sqlite3_column_bytes(stmt, 2) : 0;
		fn(arg, (size_t)(sqlite3_column_int64(stmt, 0) & STORE_META_INDEX), &p);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(store, rc, _("reading the outline"), err);
	return 0;
}
