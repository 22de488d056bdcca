/* bookmarks.c - bookmarks made for paragraphs and found again (see bookmarks.h). */
#include "config.h"

#include <limits.h>

#include <stdlib.h>
#include <string.h>

#include "bookmarks.h"
#include "links.h"
#include "util.h"

char *
bookmarks_snapshot_key(const char *path)
{
	char *real = realpath(path, NULL);

	if (real == NULL)
		return xstrdup(path);
	/* realpath's buffer comes from malloc: hand over a copy from ours */
	{
		char *key = xstrdup(real);

		free(real);
		return key;
	}
}

void
bookmarks_make(struct state_mark *m, const char *snapshot, const struct doc_meta *meta,
	       char *symbol_buf, size_t piece, const char *text)
{
	const char *symbols = meta->symbols;

	symbol_buf[0] = '\0';
	if (!links_next_symbol(&symbols, symbol_buf))
		symbol_buf[0] = '\0';
	memset(m, 0, sizeof *m);
	m->snapshot = (char *)snapshot;
	m->source = (char *)(meta->source ? meta->source : "");
	m->symbol = symbol_buf;
	m->fingerprint = state_fingerprint(text, strlen(text));
	m->piece = piece;
	m->excerpt = (char *)text;
}

/* 1 when piece index of doc_id starts a paragraph with that fingerprint. */
static int
bookmarks_piece_is(struct store *store, int64_t doc_id, size_t index, uint64_t fingerprint,
		   char **err)
{
	struct paragraph p;
	bool continued;
	int rc = store_get_piece(store, doc_id, index, &p, &continued, err);

	if (rc != 1)
		return rc;
	rc = !continued && state_fingerprint(p.text, p.len) == fingerprint;
	paragraph_release(&p);
	return rc;
}

int
bookmarks_locate(struct store *store, const struct state_mark *m, int64_t *doc_id,
		 size_t *piece, bool *moved, char **err)
{
	struct store_doc doc;
	int rc = store_find_source(store, m->source, doc_id, err);

	if (rc == 0 && m->symbol[0])
		rc = store_find_symbol(store, m->symbol, doc_id, err);
	if (rc <= 0)
		return rc;
	rc = store_get_doc(store, *doc_id, &doc, err);
	if (rc <= 0)
		return rc;
	*moved = false;
	/* nearest first: the saved piece, then one before and one after, … */
	for (size_t d = 0; d <= doc.npieces; d++) {
		for (int side = 0; side < (d ? 2 : 1); side++) {
			size_t at;

			if (side == 0 ? m->piece + d >= doc.npieces : m->piece < d)
				continue;
			at = side == 0 ? m->piece + d : m->piece - d;
			rc = bookmarks_piece_is(store, *doc_id, at, m->fingerprint, err);
			if (rc < 0) {
				store_doc_release(&doc);
				return -1;
			}
			if (rc == 1) {
				*piece = at;
				store_doc_release(&doc);
				return 1;
			}
		}
		if (m->piece + d >= doc.npieces && m->piece < d)
			break;
	}
	*moved = true;
	*piece = doc.npieces == 0 ? 0 : m->piece < doc.npieces ? m->piece : doc.npieces - 1;
	store_doc_release(&doc);
	return 1;
}
