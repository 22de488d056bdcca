/* store_private.h - what the store_*.c files share; no one else
 * includes it.
 *
 * Keys: a document's sort key is (day << 21 | counter), where day counts
 * days from year 0 (0 when the date is unknown) and counter orders the
 * documents of one day by insertion.  A piece's row id is
 * ((STORE_KEY_MAX - sort key) << 20 | piece index): ascending row id order
 * is (date, document) newest first, then pieces in document order, and a
 * document's pieces are one contiguous row id range.  Newest first is
 * ascending because FTS5 seeks forwards with its doclist index, while a
 * descending seek walks the doclist from its end.  The highest
 * index, STORE_META_INDEX, holds a piece of metadata (title, sender,
 * symbols, …) so that metadata is searchable; it is not one of the
 * document's npieces. */
#ifndef LISEUSE_STORE_PRIVATE_H
#define LISEUSE_STORE_PRIVATE_H

#include <stdbool.h>
#include <stdint.h>

#include <sqlite3.h>

#include "fts_tokenizer.h"

#include "store.h"

#define STORE_PIECE_BITS 20
#define STORE_META_INDEX ((INT64_C(1) << STORE_PIECE_BITS) - 1)
#define STORE_COUNTER_BITS 21
/* days (< 2^22 up to year 9999) and counter: 43 bits */
#define STORE_KEY_MAX ((INT64_C(1) << (22 + STORE_COUNTER_BITS)) - 1)

/* The row id of piece `index` of the document with that sort key. */
static inline int64_t
store_piece_rowid(int64_t sortkey, int64_t index)
{
	return (STORE_KEY_MAX - sortkey) << STORE_PIECE_BITS | index;
}

/* The sort key of the document a piece row id belongs to. */
static inline int64_t
store_rowid_key(int64_t rowid)
{
	return STORE_KEY_MAX - (rowid >> STORE_PIECE_BITS);
}

struct store {
	sqlite3 *db;
	char *path;
	enum store_mode mode;
	bool in_transaction;
	int (*check)(void *arg);
	void *check_arg;
	/* statements cached for the importer */
	sqlite3_stmt *insert_doc, *insert_piece, *insert_symbol, *insert_cite, *update_doc, *last_key;
	sqlite3_stmt *read_pieces, *insert_fts, *insert_inflection;
	sqlite3_stmt *find_source, *find_symbol; /* what a document replaces */
	/* kept prepared for the reader, which runs them for each piece
	 * (store_cached) */
	sqlite3_stmt *doc_key, *get_piece;
	/* lemmas: the importer's (for the tokenizer), or a reader's when it
	 * looks up words missing from the snapshot (store_set_dictionary) */
	struct lemma *lemma;
	bool use_dictionary;
	bool dictionary_failed;
	/* The vocabulary table counts, for each word, the pieces holding it.
	 * While the importer indexes (+1) or deletes (-1) pieces, the tokenizer
	 * passes it their words (words_hook), and the changes gathered in vocab
	 * are written at commit (thrown away by a rollback). */
	struct fts_words words_hook;
	/* while the pieces are indexed, the tokens prepared for them
	 * (index_worker.h) */
	struct fts_replay replay_hook;
	struct store_vocab *vocab;
	int vocab_sign;
	/* sort keys of the documents added in this transaction, indexed at commit */
	int64_t *unindexed;
	size_t nunindexed, unindexed_alloc;
};

/* The MATCH expression for q: q->fts, with prefixes longer than the FTS5
 * prefix index (STORE_PREFIX_INDEXED characters) replaced by an OR of the
 * indexed words they begin, which FTS5 walks lazily instead of merging every
 * matching word's list first.  Newly allocated; NULL without text terms. */
char *store_match_expression(struct store *store, const struct query *q);
/* The same for q->excluded_fts (a query of exclusions only): what its
 * results must not match.  NULL when q has a positive term or no term. */
char *store_excluded_expression(struct store *store, const struct query *q);
/* q->fts with long prefixes expanded but words exact (no inflections),
 * to rank exact forms above inflected ones. */
char *store_exact_expression(struct store *store, const struct query *q);

/* Prefix lengths, in characters, that FTS5's prefix='1 2 3' index serves. */
#define STORE_PREFIX_INDEXED 3
/* An import ends with a VACUUM only when more than 1/STORE_COMPACT_RATIO of
 * the file's pages are free. */
#define STORE_COMPACT_RATIO 16
/* Bytes of pending index terms FTS5 keeps in memory before writing a
 * segment: about twice the text they come from, so a segment per 60 MB of
 * text, and the final merge has little to do. */
#define STORE_INDEX_HASH_BYTES (128 << 20)

/* Beyond this many words a prefix stays a prefix. */
#define STORE_PREFIX_WORDS_MAX 64

/* The day number of an ISO date ("2014-03-19", "2014"), 0 when there is
 * none; *year gets the year or 0. */
int64_t store_day_number(const char *date, int *year);

/* Turns an SQLite failure into -1 with "PATH: what: reason" in *err (what
 * is marked N_() and translated here), or -2
 * (no message) when the interrupt callback abandoned the statement. */
int store_fail(struct store *store, int rc, const char *what, char **err);
/* Frees the words gathered for the vocabulary (NULL is fine). */
void store_vocab_free(struct store_vocab *vocab);

/* Every number read from a snapshot is checked before it is used: a damaged
 * or hand-made file may hold anything, and keys, counts and offsets feed
 * shifts, subtractions and allocations.  store_damaged returns -1 with
 * "PATH: damaged snapshot: WHAT" in *err, WHAT formatted from fmt. */
int store_damaged(struct store *store, char **err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A document's sort key (see above). */
static inline bool
store_key_valid(int64_t key)
{
	return key >= 0 && key <= STORE_KEY_MAX;
}
/* A document's number of pieces: the indexes below STORE_META_INDEX. */
static inline bool
store_npieces_valid(int64_t npieces)
{
	return npieces >= 0 && npieces < STORE_META_INDEX;
}
/* A piece's row id (any non-negative one splits into a key and an index). */
static inline bool
store_rowid_valid(int64_t rowid)
{
	return rowid >= 0;
}
/* Prepares sql; -1 with *err on failure. */
int store_prepare(struct store *store, const char *sql, sqlite3_stmt **stmt, char **err);
/* A statement prepared once for the life of the store, in *slot: the first
 * call prepares sql, later ones reset it and clear its bindings.  The
 * caller resets it when done (store_close finalizes it).  Returns 0, or -1
 * with *err. */
int store_cached(struct store *store, sqlite3_stmt **slot, const char *sql, char **err);
/* Runs SQL without results; -1/-2 as store_fail. */
int store_exec(struct store *store, const char *sql, const char *what, char **err);
/* Runs a query of one integer into *out (0 without a row); -1/-2 as store_fail. */
int store_int_query(struct store *store, const char *sql, int64_t *out, char **err);
/* -1 with *err when the store was opened read-only. */
int store_need_write(struct store *store, char **err);
/* Steps a statement that returns no row and resets it; -1/-2 as store_fail. */
int store_step_done(struct store *store, sqlite3_stmt *stmt, const char *what, char **err);
/* Binds ?first..?first+3 of a symbol comparison "x = ?1 OR x = ?2 OR (x >=
 * ?3 AND x < ?4)": the symbol, the symbol without its year, and the bounds
 * of the symbol followed by any year (store_links.c). */
void store_bind_symbol_forms(sqlite3_stmt *stmt, int first, const char *symbol);
/* Looks up a document's sort key and piece count: 1 found, 0 not, -1/-2. */
int store_doc_key(struct store *store, int64_t id, int64_t *sortkey, int64_t *npieces, char **err);
/* Prepares sql over the pieces of document doc_id, its ?1 and ?2 bound to
 * the row ids of the first and the last: 1 and *stmt (finalize it), 0
 * when there is no such document or it has no piece, -1/-2. */
int store_prepare_doc_pieces(struct store *store, int64_t doc_id, const char *sql,
			     sqlite3_stmt **stmt, char **err);

#endif
