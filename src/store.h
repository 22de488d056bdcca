/* store.h - the snapshot: documents, pieces of text and the search index.
 *
 * Only the store talks to SQLite: store.c opens and checks a snapshot,
 * store_write.c imports, store_read.c reads documents, store_results.c
 * searches.  A snapshot holds each document's metadata and its text in
 * pieces: one per paragraph, and long paragraphs cut into pieces of at most
 * STORE_PIECE_MAX bytes after a sentence that ends (else after a space), so
 * nothing ever needs a whole document in memory.  FTS5 indexes the pieces
 * and one piece of metadata per document (tokenizer "liseuse", see fold.h),
 * so a hit points at a passage.
 *
 * Piece row ids are ordered by (document date, document) newest first, then
 * by piece, so the default order, newest first, is the index order and
 * results can be paged without sorting all matches.
 *
 * Errors: functions returning int give 0 (or a count/1 for found) on success
 * and -1 on failure, with *err set to a newly allocated one-line message
 * naming the file and the problem (the caller frees it). */
#ifndef LISEUSE_STORE_H
#define LISEUSE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "query.h"

#define STORE_SCHEMA_VERSION 5
#define STORE_PIECE_MAX 4096

struct store;

enum store_mode {
	STORE_READ_ONLY, /* immutable=1, defensive; the file is never written */
	STORE_WRITE,     /* create or extend, for the importer */
	STORE_SCRATCH,   /* like STORE_WRITE on a working copy that the caller
			  * throws away on failure: no rollback journal and no
			  * syncs, several times faster; store_rollback cannot
			  * restore the file */
};

int store_open(const char *path, enum store_mode mode, struct store **out, char **err);
/* Like store_open, but messages name the file `name` instead of path: the
 * snapshot that the working copy at path will replace. */
int store_open_as(const char *path, const char *name, enum store_mode mode, struct store **out,
		  char **err);
void store_close(struct store *store);
const char *store_path(const struct store *store);

/* Writing (STORE_WRITE or STORE_SCRATCH).  store_begin/commit bracket one import, so a
 * failed import leaves the snapshot exactly as it was (store_rollback).  The
 * documents' text is indexed for search at store_commit, newest first, which
 * is the order in which FTS5 builds its index fastest. */
int store_begin(struct store *store, char **err);
int store_commit(struct store *store, char **err);
void store_rollback(struct store *store);
/* Waits for the French dictionary, read on a thread of its own from
 * store_open on, whose lemmas the index holds: 0 when it was read, -1 with
 * *err naming its files when it could not be (store_commit then fails the
 * same way).  For a dry run, which indexes nothing. */
int store_lemmas_ready(struct store *store, char **err);
/* Adds a document (cutting long paragraphs into pieces); *id gets its id. */
int store_add_document(struct store *store, const struct document *doc, int64_t *id, char **err);
/* Works out, into doc->cites, what store_add_document would otherwise work
 * out itself on the writing thread: the symbols the document cites.  No SQL
 * and no shared state: for an importer's reading thread.  Replaces what was
 * worked out before. */
void store_prepare_document(struct document *doc);

enum store_outcome {
	STORE_ADDED,     /* a new document */
	STORE_REPLACED,  /* it took the place of earlier versions */
	STORE_UNCHANGED, /* the same text and metadata were there: nothing written */
};
/* Adds a document, or replaces the documents of the snapshot that have
 * the same source file name or one of its symbols (their text, index
 * entries and symbols go; the new version keeps the first one's id).  When
 * there is exactly one such document and its text and metadata are the
 * same (a content hash), nothing is written.  *id gets the document's id,
 * *outcome what happened. */
int store_put_document(struct store *store, const struct document *doc, int64_t *id,
		       enum store_outcome *outcome, char **err);
/* Merges the index into one segment, refreshes the vocabulary used to
 * expand long prefixes, and compacts the file when much of it is free; the
 * same input always gives the same bytes. */
int store_finish(struct store *store, char **err);

/* One document's metadata. */
struct store_doc {
	int64_t id;
	struct doc_meta meta;
	size_t npieces;
	uint64_t nbytes; /* text size */
};
void store_doc_release(struct store_doc *doc);

int store_count_documents(struct store *store, int64_t *count, char **err);
/* Returns 1 and fills *out when found, 0 when there is no such document. */
int store_get_doc(struct store *store, int64_t id, struct store_doc *out, char **err);
/* Resolves "12" (an id) or "A/64/666" (a symbol, any case); 1, 0 or -1. */
int store_find_doc(struct store *store, const char *id_or_symbol, int64_t *id, char **err);
/* Finds the document that has symbol (normalised as links_normalize does,
 * any case; "1540 (2004)" is "S/RES/1540 (2004)").  A symbol without a year
 * also finds the resolution of that number with a year, and the other way
 * round.  Returns 1 with *id, 0 when no document has it, -1. */
int store_find_symbol(struct store *store, const char *symbol, int64_t *id, char **err);

/* Finds the document imported from the file named source (a base name):
 * 1 with *id (the newest when several are), 0, -1. */
int store_find_source(struct store *store, const char *source, int64_t *id, char **err);

/* A document that cites another: what a list of them shows. */
struct store_ref {
	int64_t id;
	char *symbol; /* its first own symbol, or NULL */
	char *kind, *date, *sender; /* owned, NULL when unknown */
};
void store_refs_free(struct store_ref *refs, size_t n);
/* The documents whose text cites one of doc_id's symbols (the document
 * itself left out), newest first, in a newly allocated array *refs (NULL
 * when there is none).  Returns the count, or -1/-2. */
long store_cited_by(struct store *store, int64_t doc_id, struct store_ref **refs, char **err);

/* Reads piece `index` (0-based) of a document into out (owned by the caller:
 * paragraph_release).  *continued is set when the piece continues the
 * previous piece's paragraph (a long paragraph cut in pieces).  Returns 1,
 * 0 when there is no such document or index is not below its npieces, -1
 * on failure (a piece that should be there and is not, or holds numbers out
 * of range, is a damaged snapshot). */
int store_get_piece(struct store *store, int64_t doc_id, size_t index,
		    struct paragraph *out, bool *continued, char **err);

/* Calls fn, in document order, for each paragraph of a document that is
 * part of its structure: every role but body text, the masthead and notes,
 * first pieces only (a paragraph, not its continuations), with at most
 * max_chars characters of its text (p is only valid during the call).
 * Returns 0, or -1/-2. */
int store_each_structure_piece(struct store *store, int64_t doc_id, size_t max_chars,
			       void (*fn)(void *arg, size_t index, const struct paragraph *p),
			       void *arg, char **err);

/* One row of results: a document, and with a text query its best passage. */
struct store_hit {
	int64_t doc_id;
	char *date, *kind, *sender, *title, *source; /* owned, never NULL ("" when unknown;
						       * title: the source when unknown) */
	size_t piece;             /* best matching piece (0 without a text query, or
				   * when only the metadata matched: the passage is
				   * then the metadata: title · kind · sender · …) */
	char *passage;            /* excerpt of that piece around the match, or NULL */
	int page;                 /* page that piece is on; 0 unknown or no passage */
	struct text_span *marks;  /* matched byte ranges within passage */
	size_t nmarks;
};
void store_hit_release(struct store_hit *hit);

/* A lazy cursor over matching documents, newest first.  The query may be
 * NULL or empty (all documents); it is copied, so it may be released while
 * the cursor is open.  Each store_results_next costs the same whatever the
 * total number of matches.  After -2 the cursor is intact: call again. */
struct store_results;
int store_results_open(struct store *store, const struct query *q,
		       struct store_results **out, char **err);
/* The order of a cursor: by date, newest first (store_results_open), or by
 * relevance (FTS5's bm25, documents where the words appear exactly, not
 * inflected, first).  Relevance ranks every match before the first row,
 * so it costs O(matches); without text it is the date order. */
enum store_order {
	STORE_ORDER_DATE,
	STORE_ORDER_RELEVANCE,
};
int store_results_open_ordered(struct store *store, const struct query *q,
			       enum store_order order, struct store_results **out, char **err);
/* Returns 1 with *hit filled (release it), 0 at the end, -1 on error, and
 * -2 when the interrupt callback abandoned the query (*err not set). */
int store_results_next(struct store_results *res, struct store_hit *hit, char **err);
void store_results_free(struct store_results *res);
/* From now on hits come without a passage (passage NULL, no marks; piece
 * and page still set): for a listing that prints none. */
void store_results_skip_passages(struct store_results *res);

/* Counts matching documents (may be abandoned: -2). */
int store_results_count(struct store *store, const struct query *q, int64_t *count, char **err);

/* Counting the matching documents by one field of their metadata. */
enum store_facet {
	STORE_FACET_SENDER, /* de: */
	STORE_FACET_KIND,   /* type: */
	STORE_FACET_YEAR,   /* annee: */
	STORE_FACET_CITES,  /* cite: (each cited resolution, "1540 (2004)") */
};
struct store_count {
	char *value; /* as shown ("Kazakhstan", "2018", "1540 (2004)") */
	int64_t count;
};
/* Counts the documents matching q (NULL: all) by facet, most first, then
 * by value; documents without that field are not counted.  Exact, in one
 * statement that the interrupt callback may abandon.  Returns the number
 * of values with *out a newly allocated array (store_counts_free), or
 * -1/-2 with *out NULL. */
long store_count_by(struct store *store, const struct query *q, enum store_facet facet,
		    struct store_count **out, char **err);
void store_counts_free(struct store_count *counts, size_t n);

/* Indexes of the pieces of one document that match q's text terms, in
 * document order.  Newly allocated array in *pieces.  Returns the count or
 * -1/-2. */
long store_matching_pieces(struct store *store, const struct query *q, int64_t doc_id,
			   size_t **pieces, char **err);

/* Fills each unquoted word's forms (query_term.forms): the other words of
 * the snapshot that share a lemma with it, so that query_highlight marks
 * "mesures" for mesure.  Leaves q unchanged when the lookups fail. */
void store_query_forms(struct store *store, struct query *q);

/* A correction for a query word that finds nothing: the closest word of
 * the snapshot's vocabulary, one edit away for words of 5 letters or
 * more, two from 9, the most common among equals, shown
 * with its accents when the dictionary is on ("securiter" -> "sécurité").
 * Newly allocated, or NULL when the word finds something or nothing is
 * close. */
char *store_suggest(struct store *store, const struct query_term *term);

/* Lets query words that the snapshot does not hold be looked up in the
 * French dictionary (loaded on first use, ~50 ms) to find the forms it
 * does hold: "désarmer" then finds "désarment".  Off by default. */
void store_set_dictionary(struct store *store, bool on);

/* Sets a callback polled while a statement runs (SQLite progress handler);
 * when it returns nonzero the statement is abandoned and the call returns -2.
 * NULL removes it. */
void store_set_interrupt(struct store *store, int (*check)(void *arg), void *arg);

#endif
