/* store_write.c - the importer's side of the store: transactions, documents
 * written in pieces, the index built at commit. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "fold.h"
#include "fts_tokenizer.h"
#include "i18n.h"
#include "index_worker.h"
#include "links.h"
#include "lemma.h"
#include "store.h"
#include "store_private.h"
#include "utf8.h"
#include "util.h"
int
store_need_write(struct store *store, char **err)
{
	if (store->mode != STORE_READ_ONLY)
		return 0;
	*err = xasprintf(_("%s: snapshot opened read-only"), store->path);
	return -1;
}

int
store_step_done(struct store *store, sqlite3_stmt *stmt, const char *what, char **err)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(store, rc, what, err);
	return 0;
}

/* Words with a count each: open addressing over a power-of-two number of
 * slots, each the index + 1 of an entry (0: free); the words follow one
 * another in text, each ending in '\0'. */
struct store_vocab {
	uint32_t *slots;
	size_t nslots;
	struct store_vocab_entry {
		size_t offset; /* into text */
		uint64_t hash;
		int64_t count;
		uint64_t last; /* the last row that counted it */
	} *entries;
	size_t n, cap;
	struct strbuf text;
};

void
store_vocab_free(struct store_vocab *vocab)
{
	if (vocab == NULL)
		return;
	free(vocab->slots);
	free(vocab->entries);
	strbuf_release(&vocab->text);
	free(vocab);
}

static uint64_t
store_vocab_hash(const char *s, size_t n)
{
	uint64_t h = UINT64_C(1469598103934665603);

	for (size_t k = 0; k < n; k++)
		h = (h ^ (unsigned char)s[k]) * UINT64_C(1099511628211);
	return h;
}

/* The entry of word s[0..n), added with a count of 0 when new. */
static struct store_vocab_entry *
store_vocab_entry(struct store_vocab *v, const char *s, size_t n)
{
	uint64_t h = store_vocab_hash(s, n);
	size_t mask, i;

	if ((v->n + 1) * 2 > v->nslots) {
		size_t cap = v->nslots ? 2 * v->nslots : 4096;

		free(v->slots);
		v->slots = xcalloc(cap, sizeof *v->slots);
		v->nslots = cap;
		for (size_t k = 0; k < v->n; k++) {
			for (i = v->entries[k].hash & (cap - 1); v->slots[i]; i = (i + 1) & (cap - 1))
				;
			v->slots[i] = (uint32_t)(k + 1);
		}
	}
	mask = v->nslots - 1;
	for (i = h & mask; v->slots[i]; i = (i + 1) & mask) {
		struct store_vocab_entry *e = &v->entries[v->slots[i] - 1];
		const char *w = v->text.buf + e->offset;

		if (e->hash == h && memcmp(w, s, n) == 0 && w[n] == '\0')
			return e;
	}
	v->entries = xgrow(v->entries, &v->cap, v->n + 1, sizeof *v->entries);
	v->entries[v->n] = (struct store_vocab_entry){v->text.len, h, 0, 0};
	strbuf_add(&v->text, s, n);
	strbuf_addch(&v->text, '\0');
	v->slots[i] = (uint32_t)(++v->n);
	return &v->entries[v->n - 1];
}

/* Counts a word once per row, by sign times store->vocab_sign. */
static void
store_count_word_by(struct store *store, const char *folded, size_t len, uint64_t row, int sign)
{
	struct store_vocab_entry *e;

	if (store->vocab == NULL)
		store->vocab = xcalloc(1, sizeof *store->vocab);
	e = store_vocab_entry(store->vocab, folded, len);
	if (e->last != row) {
		e->last = row;
		e->count += sign * store->vocab_sign;
	}
}

/* The tokenizer's words_hook: counts a word once per row, in the direction
 * of store->vocab_sign. */
static void
store_count_word(void *arg, const char *folded, size_t len, uint64_t row)
{
	store_count_word_by(arg, folded, len, row, 1);
}

/* Takes back what store_count_word counted (index_worker.h). */
static void
store_uncount_word(void *arg, const char *folded, size_t len, uint64_t row)
{
	store_count_word_by(arg, folded, len, row, -1);
}

/* Counts the words of the pieces indexed (sign 1) or deleted (-1) from now
 * on; 0: stops counting. */
static void
store_count_words(struct store *store, int sign)
{
	store->vocab_sign = sign;
	store->words_hook.arg = store;
	store->words_hook.word = sign != 0 ? store_count_word : NULL;
}

/* Forgets the changes gathered for the vocabulary. */
static void
store_vocab_clear(struct store *store)
{
	store_vocab_free(store->vocab);
	store->vocab = NULL;
}

struct store_vocab_word {
	const char *word;
	int64_t count;
};

static int
store_compare_words(const void *a, const void *b)
{
	return strcmp(((const struct store_vocab_word *)a)->word,
		      ((const struct store_vocab_word *)b)->word);
}

/* Writes the changes gathered to the vocabulary table (each word with the
 * number of pieces holding it, as fts5vocab counts them), in the table's
 * order; a word no piece holds any more goes. */
static int
store_save_vocabulary(struct store *store, char **err)
{
	struct store_vocab *v = store->vocab;
	struct store_vocab_word *sorted = NULL;
	sqlite3_stmt *add = NULL;
	size_t n = 0;
	bool removed = false;
	int ret = -1;

	if (v == NULL || v->n == 0)
		return 0;
	sorted = xcalloc(v->n, sizeof *sorted);
	for (size_t i = 0; i < v->n; i++) {
		if (v->entries[i].count == 0)
			continue;
		removed |= v->entries[i].count < 0;
		sorted[n++] = (struct store_vocab_word){v->text.buf + v->entries[i].offset,
							v->entries[i].count};
	}
	qsort(sorted, n, sizeof *sorted, store_compare_words);
	if (store_prepare(store,
			  "INSERT INTO term(word, docs) VALUES(?1, ?2)"
			  " ON CONFLICT(word) DO UPDATE SET docs = docs + excluded.docs",
			  &add, err) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(add, 1, sorted[i].word, -1, SQLITE_STATIC);
		sqlite3_bind_int64(add, 2, sorted[i].count);
		if (store_step_done(store, add, N_("vocabulary"), err) < 0)
			goto out;
	}
	if (removed &&
	    store_exec(store, "DELETE FROM term WHERE docs <= 0", N_("vocabulary"), err) < 0)
		goto out;
	store_vocab_clear(store);
	ret = 0;
out:
	sqlite3_finalize(add);
	free(sorted);
	return ret;
}

/* How FTS5 builds the index during an import: pending terms are written out
 * as few large segments, which are not merged until store_finish merges them
 * all at once.  Merging as it goes (FTS5's default) rewrites the same terms
 * several times.  These settings live in the fts_config table and matter
 * only to writers. */
static int
store_configure_index(struct store *store, char **err)
{
	char *sql = xasprintf("INSERT INTO fts(fts, rank) VALUES('hashsize', %d);"
			      "INSERT INTO fts(fts, rank) VALUES('automerge', 0);"
			      "INSERT INTO fts(fts, rank) VALUES('crisismerge', 64);",
			      STORE_INDEX_HASH_BYTES);
	int rc = store_exec(store, sql, N_("configuring the index"), err);

	free(sql);
	return rc;
}

int
store_begin(struct store *store, char **err)
{
	if (store_need_write(store, err) < 0)
		return -1;
	if (store->in_transaction) {
		*err = xasprintf(_("%s: import already begun"), store->path);
		return -1;
	}
	if (store_exec(store, "BEGIN IMMEDIATE", N_("beginning the import"), err) < 0)
		return -1;
	store->in_transaction = true;
	store->nunindexed = 0;
	if (store_configure_index(store, err) < 0) {
		store_rollback(store);
		return -1;
	}
	return 0;
}

/* Newest first is ascending row id order: descending sort keys. */
static int
store_key_newest_first(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x < y) - (x > y);
}

/* The next piece of the documents added in this transaction, from the
 * document *doc on (*reading: its pieces are being read): 1 with its row
 * id and text (NULL for none; valid until the next call), 0 after the
 * last, -1/-2 as store_fail. */
static int
store_next_piece(struct store *store, size_t *doc, bool *reading, int64_t *rowid,
		 const char **text, size_t *len, char **err)
{
	sqlite3_stmt *read = store->read_pieces;

	for (;;) {
		int rc;

		if (!*reading) {
			int64_t key;

			if (*doc == store->nunindexed)
				return 0;
			key = store->unindexed[(*doc)++];
			sqlite3_bind_int64(read, 1, store_piece_rowid(key, 0));
			sqlite3_bind_int64(read, 2, store_piece_rowid(key, STORE_META_INDEX));
			*reading = true;
		}
		rc = sqlite3_step(read);
		if (rc == SQLITE_ROW) {
			*rowid = sqlite3_column_int64(read, 0);
			*text = (const char *)sqlite3_column_text(read, 1);
			*len = (size_t)sqlite3_column_bytes(read, 1);
			return 1;
		}
		sqlite3_reset(read);
		*reading = false;
		if (rc != SQLITE_DONE)
			return store_fail(store, rc, N_("indexing"), err);
	}
}

static int
store_index_piece(struct store *store, int64_t rowid, const char *text, size_t len, char **err)
{
	sqlite3_bind_int64(store->insert_fts, 1, rowid);
	sqlite3_bind_text(store->insert_fts, 2, text, (int)len, SQLITE_STATIC);
	return store_step_done(store, store->insert_fts, N_("indexing"), err);
}

/* Indexes the pieces one after the other, tokenizing each as FTS5 asks. */
static int
store_index_each(struct store *store, char **err)
{
	size_t doc = 0, len;
	bool reading = false;
	int64_t rowid;
	const char *text;
	int rc;

	while ((rc = store_next_piece(store, &doc, &reading, &rowid, &text, &len, err)) == 1) {
		if ((rc = store_index_piece(store, rowid, text, len, err)) < 0)
			return rc;
	}
	return rc;
}

/* Indexes the pieces a batch at a time, while the worker tokenizes the
 * next batch: the writer reads a batch and submits it, then, with both
 * submitted, inserts the older one (its tokens replayed) and recycles it
 * for the next pieces. */
static int
store_index_batches(struct store *store, struct index_worker *w, char **err)
{
	size_t doc = 0;
	bool reading = false, more = true;

	for (;;) {
		struct index_batch *b;
		int rc;

		if (more && (b = index_worker_batch(w)) != NULL) {
			int64_t rowid;
			const char *text;
			size_t len;

			while ((rc = store_next_piece(store, &doc, &reading, &rowid, &text, &len,
						      err)) == 1 &&
			       !index_batch_add(b, rowid, text, len))
				;
			if (rc < 0)
				return rc;
			more = rc == 1;
			index_worker_submit(w, b);
			if (more && index_worker_batch(w) != NULL)
				continue;
		}
		if ((b = index_worker_wait(w)) == NULL)
			return 0;
		for (size_t i = 0; i < index_batch_count(b); i++) {
			size_t len;
			const char *text = index_batch_text(b, i, &len);

			index_worker_expect(w, b, i);
			rc = store_index_piece(store, index_batch_rowid(b, i), text, len, err);
			index_worker_expect_done(w);
			if (rc < 0)
				return rc;
		}
		index_worker_recycle(w, b);
	}
}

/* The tokenizer gives the index the lemmas of the dictionary, which is
 * read on a thread of its own while the import goes on: the index is not
 * written without them (a document indexed without its lemmas would also
 * be removed from the index with the wrong words). */
int
store_lemmas_ready(struct store *store, char **err)
{
	return store->lemma == NULL ? 0 : lemma_ready(store->lemma, err);
}

/* Indexes the pieces of the documents added in this transaction, in
 * ascending row id order.  FTS5 writes its pending terms out as a new
 * segment whenever a row id is lower than the previous one, so indexing
 * documents as they come (in no date order) made a segment per document or
 * two and spent most of the import merging them.  One single-row INSERT per
 * piece, not INSERT … SELECT: a multi-row statement opens a savepoint, and
 * FTS5 writes a segment at every savepoint too.  The tokenizing is done on
 * a second thread (index_worker.h) when one can be started. */
static int
store_index_added(struct store *store, char **err)
{
	struct index_worker *worker;
	int ret;

	if (store->nunindexed == 0)
		return 0;
	if (store_lemmas_ready(store, err) < 0)
		return -1;
	qsort(store->unindexed, store->nunindexed, sizeof *store->unindexed,
	      store_key_newest_first);
	/* the tokenizer counts the words of the vocabulary as they go by */
	store_count_words(store, 1);
	worker = index_worker_start(store->lemma, &store->words_hook, store_uncount_word);
	if (worker != NULL) {
		index_worker_hook(worker, &store->replay_hook);
		ret = store_index_batches(store, worker, err);
		store->replay_hook = (struct fts_replay){0};
		index_worker_finish(worker);
	} else {
		ret = store_index_each(store, err);
	}
	sqlite3_reset(store->read_pieces);
	store_count_words(store, 0);
	if (ret < 0)
		return ret;
	store->nunindexed = 0;
	return 0;
}

/* Records the (word, lemma) pairs the tokenizer found, so that a query's
 * words, typed with or without accents, find their lemmas. */
static int
store_save_inflections(struct store *store, char **err)
{
	const char *const *words, *const *lemmas;
	size_t n;

	if (store->lemma == NULL)
		return 0;
	n = lemma_pairs(store->lemma, &words, &lemmas);
	if (n > 0 && store->insert_inflection == NULL &&
	    store_prepare(store, "INSERT OR IGNORE INTO inflection(word, lemma) VALUES(?1, ?2)",
			  &store->insert_inflection, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_text(store->insert_inflection, 1, words[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(store->insert_inflection, 2, lemmas[i], -1, SQLITE_STATIC);
		if (store_step_done(store, store->insert_inflection, N_("vocabulary"), err) < 0)
			return -1;
	}
	lemma_pairs_clear(store->lemma);
	return 0;
}

int
store_commit(struct store *store, char **err)
{
	if (!store->in_transaction) {
		*err = xasprintf(_("%s: no import under way"), store->path);
		return -1;
	}
	if (store_index_added(store, err) < 0 || store_save_inflections(store, err) < 0 ||
	    store_save_vocabulary(store, err) < 0 ||
	    store_exec(store, "COMMIT", N_("ending the import"), err) < 0) {
		store_rollback(store);
		return -1;
	}
	store->in_transaction = false;
	return 0;
}

void
store_rollback(struct store *store)
{
	if (!store->in_transaction)
		return;
	sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	if (store->lemma != NULL)
		lemma_reset(store->lemma);
	store->in_transaction = false;
	store->nunindexed = 0;
	store_vocab_clear(store);
}

/* Rewrites the file when merging the index left much of it free.  A fresh
 * import leaves almost nothing free, and a VACUUM would only copy the whole
 * file twice. */
static int
store_compact(struct store *store, char **err)
{
	int64_t pages, free_pages;

	if (store_int_query(store, "PRAGMA page_count", &pages, err) < 0 ||
	    store_int_query(store, "PRAGMA freelist_count", &free_pages, err) < 0)
		return -1;
	if (free_pages * STORE_COMPACT_RATIO <= pages)
		return 0;
	return store_exec(store, "VACUUM", N_("compacting"), err);
}

void
store_prepare_document(struct document *doc)
{
	free(doc->cites);
	doc->cites = links_cited(doc);
}

int
store_finish(struct store *store, char **err)
{
	if (store_need_write(store, err) < 0)
		return -1;
	if (store->in_transaction) {
		*err = xasprintf(_("%s: import under way (store_commit first)"), store->path);
		return -1;
	}
	if (store_exec(store, "INSERT INTO fts(fts) VALUES('optimize')", N_("optimising"), err) < 0)
		return -1;
	return store_compact(store, err);
}

/* Days in the civil calendar (Howard Hinnant's days_from_civil), shifted so
 * that year 0 gives a positive number and 0 means "no date". */
int64_t
store_day_number(const char *date, int *year_out)
{
	int y = 0, m = 1, d = 1, n = 0;
	int64_t era, yoe, doy, doe;

	*year_out = 0;
	if (date == NULL)
		return 0;
	for (n = 0; n < 4 && date[n] >= '0' && date[n] <= '9'; n++)
		y = y * 10 + (date[n] - '0');
	if (n != 4)
		return 0;
	if (date[4] == '-' && date[5] >= '0' && date[5] <= '9' && date[6] >= '0' &&
	    date[6] <= '9') {
		m = (date[5] - '0') * 10 + (date[6] - '0');
		if (date[7] == '-' && date[8] >= '0' && date[8] <= '9' && date[9] >= '0' &&
		    date[9] <= '9')
			d = (date[8] - '0') * 10 + (date[9] - '0');
	}
	if (m < 1 || m > 12)
		m = 1;
	if (d < 1 || d > 31)
		d = 1;
	*year_out = y;
	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468 + 719469 + 366; /* >= 1 for year 0 */
}

/* " word word " for word-prefix filters with instr(). */
static char *
store_fold_field(const char *s)
{
	char *f, *out;

	if (s == NULL)
		return xstrdup(" ");
	f = fold_string(s, strlen(s), NULL);
	out = xasprintf(" %s ", f);
	free(f);
	return out;
}

/* ";1540 2004;2325 2016;" from "1540 (2004); 2325 (2016)". */
static char *
store_fold_cites(const char *s)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addch(&sb, ';');
	while (s != NULL && *s) {
		const char *e = strchr(s, ';');
		size_t n = e ? (size_t)(e - s) : strlen(s), flen;
		char *f = fold_string(s, n, &flen);

		if (flen) {
			strbuf_add(&sb, f, flen);
			strbuf_addch(&sb, ';');
		}
		free(f);
		s = e ? e + 1 : s + n;
	}
	return strbuf_detach(&sb, NULL);
}

/* Where to cut text[start..len) so the piece holds at most STORE_PIECE_MAX
 * bytes: after the last sentence that ends in the second half of the
 * window, else after a space there, else at a UTF-8 character boundary.
 * The reader starts each piece on a new line, and a new line after a full
 * stop reads as the end of a sentence rather than a break in one. */
static size_t
store_cut(const char *text, size_t len, size_t start)
{
	size_t limit = start + STORE_PIECE_MAX, e, after_space = 0;

	if (len - start <= STORE_PIECE_MAX)
		return len;
	for (e = limit; e > start + STORE_PIECE_MAX / 2; e--) {
		if (text[e - 1] != ' ')
			continue;
		if (strchr(".!?", text[e - 2]) != NULL)
			return e;
		if (after_space == 0)
			after_space = e;
	}
	if (after_space)
		return after_space;
	e = utf8_char_start(text, limit);
	return e > start ? e : utf8_next(text, len, start);
}

/* Bold spans of [a, b), re-based, as little-endian uint32 pairs. */
static void
store_bold_blob(const struct paragraph *p, size_t a, size_t b, struct strbuf *blob)
{
	strbuf_reset(blob);
	for (size_t i = 0; i < p->nbold; i++) {
		size_t s = p->bold[i].start > a ? p->bold[i].start : a;
		size_t e = p->bold[i].end < b ? p->bold[i].end : b;
		uint32_t v[2];
		unsigned char bytes[8];

		if (s >= e)
			continue;
		v[0] = (uint32_t)(s - a);
		v[1] = (uint32_t)(e - a);
		for (int k = 0; k < 8; k++)
			bytes[k] = (unsigned char)(v[k / 4] >> (8 * (k % 4)));
		strbuf_add(blob, bytes, sizeof bytes);
	}
}

static int
store_insert_piece(struct store *store, int64_t rowid, int role, bool continued, int page,
		   const char *text, size_t len, const struct strbuf *bold, char **err)
{
	sqlite3_stmt *p = store->insert_piece;

	sqlite3_bind_int64(p, 1, rowid);
	sqlite3_bind_int(p, 2, role);
	sqlite3_bind_int(p, 3, continued);
	sqlite3_bind_text(p, 4, text ? text : "", (int)len, SQLITE_STATIC);
	if (bold != NULL && bold->len)
		sqlite3_bind_blob(p, 5, bold->buf, (int)bold->len, SQLITE_STATIC);
	else
		sqlite3_bind_null(p, 5);
	sqlite3_bind_int(p, 6, page > 0 ? page : 0);
	return store_step_done(store, p, N_("writing a passage"), err);
}

static int
store_prepare_writes(struct store *store, char **err)
{
	if (store->insert_doc != NULL)
		return 0;
	if (store_prepare(store,
			  "INSERT INTO doc(sortkey, year, kind, date, sender, addressee, organ,"
			  " language, title, source, symbols, resolutions,"
			  " f_kind, f_sender, f_addressee, f_organ, f_cites, id, hash)"
			  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
			  " ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
			  &store->insert_doc, err) < 0 ||
	    store_prepare(store,
			  "INSERT INTO piece(id, role, continued, text, bold, page)"
			  " VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
			  &store->insert_piece, err) < 0 ||
	    store_prepare(store, "SELECT id, text FROM piece WHERE id BETWEEN ?1 AND ?2",
			  &store->read_pieces, err) < 0 ||
	    store_prepare(store, "INSERT INTO fts(rowid, text) VALUES(?1, ?2)", &store->insert_fts,
			  err) < 0 ||
	    store_prepare(store, "INSERT OR IGNORE INTO symbol(name, doc) VALUES(?1, ?2)",
			  &store->insert_symbol, err) < 0 ||
	    store_prepare(store, "INSERT OR IGNORE INTO cite(target, doc) VALUES(?1, ?2)",
			  &store->insert_cite, err) < 0 ||
	    store_prepare(store, "UPDATE doc SET npieces = ?2, nbytes = ?3 WHERE id = ?1",
			  &store->update_doc, err) < 0 ||
	    store_prepare(store, "SELECT max(sortkey) FROM doc WHERE sortkey BETWEEN ?1 AND ?2",
			  &store->last_key, err) < 0 ||
	    store_prepare(store, "SELECT id, hash FROM doc WHERE source = ?1", &store->find_source,
			  err) < 0 ||
	    store_prepare(store, "SELECT doc.id, doc.hash FROM symbol JOIN doc ON doc.id = symbol.doc"
			  " WHERE symbol.name = ?1", &store->find_symbol, err) < 0)
		return -1;
	return 0;
}

/* The next sort key for a document of that day. */
static int
store_next_key(struct store *store, int64_t day, int64_t *key, char **err)
{
	int64_t first = day << STORE_COUNTER_BITS;
	int64_t last = first + (INT64_C(1) << STORE_COUNTER_BITS) - 1;
	int rc;

	sqlite3_bind_int64(store->last_key, 1, first);
	sqlite3_bind_int64(store->last_key, 2, last);
	rc = sqlite3_step(store->last_key);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(store->last_key);
		return store_fail(store, rc, N_("numbering"), err);
	}
	if (sqlite3_column_type(store->last_key, 0) == SQLITE_NULL)
		*key = first;
	else
		*key = sqlite3_column_int64(store->last_key, 0) + 1;
	sqlite3_reset(store->last_key);
	if (*key > last) {
		*err = xasprintf(_("%s: too many documents with the same date"), store->path);
		return -1;
	}
	return 0;
}

/* The metadata piece: what the list shows, searchable like the text. */
static char *
store_meta_text(const struct doc_meta *m)
{
	const char *parts[] = {m->title, m->kind,    m->sender,	    m->addressee,
			       m->organ, m->symbols, m->resolutions};
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (parts[i] == NULL || parts[i][0] == 0)
			continue;
		if (sb.len)
			strbuf_addstr(&sb, " · ");
		strbuf_addstr(&sb, parts[i]);
	}
	return strbuf_detach(&sb, NULL);
}

static void
store_bind_text_or_null(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s != NULL)
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(stmt, i);
}

/* Writes (name, doc) into the table of stmt; -1 as store_step_done. */
static int
store_insert_name(struct store *store, sqlite3_stmt *stmt, const char *name, size_t n,
		  int64_t id, const char *what, char **err)
{
	sqlite3_bind_text(stmt, 1, name, (int)n, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, id);
	return store_step_done(store, stmt, what, err);
}

/* The document's own symbols (normalised: "S/RES/2325 (2016)" is one) and
 * the symbols its text refers to, the cited resolutions among them (worked
 * out by the importer, else here), each once. */
static int
store_add_symbols(struct store *store, const struct document *doc, int64_t id, char **err)
{
	const struct doc_meta *m = &doc->meta;
	char target[LINKS_SYMBOL_MAX];
	char *found = doc->cites ? NULL : links_cited(doc);
	const char *cites = doc->cites ? doc->cites : found;
	int ret = -1;

	for (const char *c = m->symbols; links_next_symbol(&c, target);)
		if (store_insert_name(store, store->insert_symbol, target, strlen(target), id,
				      N_("writing a symbol"), err) < 0)
			goto out;
	for (const char *c = cites; *c;) {
		size_t n = strcspn(c, "\n");

		if (n > 0 && store_insert_name(store, store->insert_cite, c, n, id,
					       N_("writing a citation"), err) < 0)
			goto out;
		c += n;
		c += *c == '\n';
	}
	ret = 0;
out:
	free(found);
	return ret;
}

/* Writes a document under id (0: a new one) with its content hash. */
static int
store_insert_document(struct store *store, const struct document *doc, int64_t reuse_id,
		      int64_t hash, int64_t *id, char **err)
{
	const struct doc_meta *m = &doc->meta;
	struct strbuf bold = STRBUF_INIT;
	char *folded[5] = {NULL};
	char *meta = NULL;
	int64_t day, key = 0, npieces = 0;
	uint64_t nbytes = 0;
	int year, ret = -1;

	if (store_need_write(store, err) < 0 || store_prepare_writes(store, err) < 0)
		return -1;
	day = store_day_number(m->date, &year);
	if (store_next_key(store, day, &key, err) < 0)
		return -1;
	folded[0] = store_fold_field(m->kind);
	folded[1] = store_fold_field(m->sender);
	folded[2] = store_fold_field(m->addressee);
	folded[3] = store_fold_field(m->organ);
	folded[4] = store_fold_cites(m->resolutions);
	sqlite3_bind_int64(store->insert_doc, 1, key);
	if (year)
		sqlite3_bind_int(store->insert_doc, 2, year);
	else
		sqlite3_bind_null(store->insert_doc, 2);
	store_bind_text_or_null(store->insert_doc, 3, m->kind);
	store_bind_text_or_null(store->insert_doc, 4, m->date);
	store_bind_text_or_null(store->insert_doc, 5, m->sender);
	store_bind_text_or_null(store->insert_doc, 6, m->addressee);
	store_bind_text_or_null(store->insert_doc, 7, m->organ);
	store_bind_text_or_null(store->insert_doc, 8, m->language);
	store_bind_text_or_null(store->insert_doc, 9, m->title);
	store_bind_text_or_null(store->insert_doc, 10, m->source);
	store_bind_text_or_null(store->insert_doc, 11, m->symbols);
	store_bind_text_or_null(store->insert_doc, 12, m->resolutions);
	for (int i = 0; i < 5; i++)
		sqlite3_bind_text(store->insert_doc, 13 + i, folded[i], -1, SQLITE_STATIC);
	if (reuse_id > 0)
		sqlite3_bind_int64(store->insert_doc, 18, reuse_id);
	else
		sqlite3_bind_null(store->insert_doc, 18);
	sqlite3_bind_int64(store->insert_doc, 19, hash);
	if (store_step_done(store, store->insert_doc, N_("writing a document"), err) < 0)
		goto out;
	*id = sqlite3_last_insert_rowid(store->db);

	for (size_t i = 0; i < doc->npara; i++) {
		const struct paragraph *p = &doc->paras[i];
		size_t start = 0;

		do {
			size_t end = store_cut(p->text, p->len, start);

			if (npieces >= STORE_META_INDEX) {
				*err = xasprintf(_("%s: document too long (%s)"), store->path,
						 m->source ? m->source : _("unnamed"));
				goto out;
			}
			store_bold_blob(p, start, end, &bold);
			if (store_insert_piece(store, store_piece_rowid(key, npieces), p->role,
					       start > 0, p->page, p->text + start, end - start,
					       &bold, err) < 0)
				goto out;
			npieces++;
			start = end;
		} while (start < p->len);
		nbytes += p->len;
	}
	meta = store_meta_text(m);
	if (store_insert_piece(store, store_piece_rowid(key, STORE_META_INDEX), PARA_FRONT, false,
			       0, meta, strlen(meta), NULL, err) < 0)
		goto out;
	if (store_add_symbols(store, doc, *id, err) < 0)
		goto out;
	sqlite3_bind_int64(store->update_doc, 1, *id);
	sqlite3_bind_int64(store->update_doc, 2, npieces);
	sqlite3_bind_int64(store->update_doc, 3, (int64_t)nbytes);
	if (store_step_done(store, store->update_doc, N_("writing a document"), err) < 0)
		goto out;
	if (store->nunindexed == store->unindexed_alloc) {
		store->unindexed_alloc = store->unindexed_alloc ? 2 * store->unindexed_alloc : 256;
		store->unindexed =
		    xrealloc(store->unindexed, store->unindexed_alloc * sizeof *store->unindexed);
	}
	store->unindexed[store->nunindexed++] = key;
	/* outside a transaction, nothing would index it later */
	if (!store->in_transaction &&
	    (store_index_added(store, err) < 0 || store_save_inflections(store, err) < 0 ||
	     store_save_vocabulary(store, err) < 0))
		goto out;
	ret = 0;
out:
	sqlite3_clear_bindings(store->insert_doc);
	for (int i = 0; i < 5; i++)
		free(folded[i]);
	free(meta);
	strbuf_release(&bold);
	return ret;
}

/* Mixes 8 bytes at a time (a multiply and a shift per word): the hash only
 * tells an unchanged document from a changed one, and must cost next to
 * nothing beside the import. */
static uint64_t
store_hash_bytes(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	h ^= n * UINT64_C(0x9E3779B97F4A7C15);
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t w;

		memcpy(&w, p, 8);
		h = (h ^ w) * UINT64_C(0xFF51AFD7ED558CCD);
		h ^= h >> 32;
	}
	if (n > 0) {
		uint64_t w = 0;

		memcpy(&w, p, n);
		h = (h ^ w) * UINT64_C(0xC4CEB9FE1A85EC53);
		h ^= h >> 29;
	}
	return h;
}

static uint64_t
store_hash_string(uint64_t h, const char *s)
{
	return s ? store_hash_bytes(h, s, strlen(s) + 1) : store_hash_bytes(h, "", 0);
}

/* The content hash of a document: metadata, paragraphs, roles, pages, bold. */
static int64_t
store_document_hash(const struct document *doc)
{
	const struct doc_meta *m = &doc->meta;
	const char *fields[] = {m->kind,  m->date,    m->sender,  m->addressee,   m->organ,
				m->language, m->title, m->source, m->symbols, m->resolutions};
	uint64_t h = UINT64_C(0x6C697365757365);

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		h = store_hash_string(h, fields[i]);
	for (size_t i = 0; i < doc->npara; i++) {
		const struct paragraph *p = &doc->paras[i];
		int32_t head[2] = {(int32_t)p->role, (int32_t)p->page};

		h = store_hash_bytes(h, head, sizeof head);
		h = store_hash_bytes(h, p->text, p->len);
		if (p->nbold > 0)
			h = store_hash_bytes(h, p->bold, p->nbold * sizeof *p->bold);
	}
	/* 0 is the column's default: an unknown hash */
	return h == 0 ? 1 : (int64_t)h;
}

int
store_add_document(struct store *store, const struct document *doc, int64_t *id, char **err)
{
	if (store_need_write(store, err) < 0 || store_prepare_writes(store, err) < 0)
		return -1;
	return store_insert_document(store, doc, 0, store_document_hash(doc), id, err);
}

struct store_match {
	int64_t id, hash;
};

/* Collects the documents a lookup statement returns, once each. */
static int
store_collect_matches(struct store *store, sqlite3_stmt *stmt, struct store_match **matches,
		      size_t *n, size_t *cap, char **err)
{
	int rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(stmt, 0);
		bool seen = false;

		for (size_t i = 0; i < *n; i++)
			seen |= (*matches)[i].id == id;
		if (seen)
			continue;
		*matches = xgrow(*matches, cap, *n + 1, sizeof **matches);
		(*matches)[(*n)++] = (struct store_match){id, sqlite3_column_int64(stmt, 1)};
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : store_fail(store, rc, N_("looking up a document"), err);
}

/* Runs a DELETE of a document's rows: ?1 is from and ?2, where the
 * statement has one, is to.  0, or -1 with *err. */
static int
store_delete_rows(struct store *store, const char *sql, int64_t from, int64_t to, char **err)
{
	sqlite3_stmt *del = NULL;
	int ret;

	if (store_prepare(store, sql, &del, err) < 0)
		return -1;
	sqlite3_bind_int64(del, 1, from);
	if (sqlite3_bind_parameter_count(del) > 1)
		sqlite3_bind_int64(del, 2, to);
	ret = store_step_done(store, del, N_("replacing a document"), err);
	sqlite3_finalize(del);
	return ret;
}

/* Removes a document: its index entries (unless it was added in this
 * transaction and is not indexed yet), pieces, symbols and row. */
static int
store_remove_document(struct store *store, int64_t id, char **err)
{
	static const char *const by_id[] = {
	    "DELETE FROM symbol WHERE doc = ?1",
	    "DELETE FROM cite WHERE doc = ?1",
	    "DELETE FROM doc WHERE id = ?1",
	};
	sqlite3_stmt *read = NULL, *remove = NULL;
	int64_t key = 0, npieces = 0;
	bool indexed = true;
	int rc, ret = -1;

	rc = store_doc_key(store, id, &key, &npieces, err);
	if (rc <= 0)
		return rc;
	for (size_t i = 0; i < store->nunindexed; i++) {
		if (store->unindexed[i] == key) {
			store->unindexed[i] = store->unindexed[--store->nunindexed];
			indexed = false;
			break;
		}
	}
	if (indexed) {
		if (store_lemmas_ready(store, err) < 0 ||
		    store_prepare(store, "SELECT id, text FROM piece WHERE id BETWEEN ?1 AND ?2",
				  &read, err) < 0 ||
		    store_prepare(store,
				  "INSERT INTO fts(fts, rowid, text) VALUES('delete', ?1, ?2)",
				  &remove, err) < 0)
			goto out;
		sqlite3_bind_int64(read, 1, store_piece_rowid(key, 0));
		sqlite3_bind_int64(read, 2, store_piece_rowid(key, STORE_META_INDEX));
		/* the words of the pieces deleted leave the vocabulary's counts */
		store_count_words(store, -1);
		while ((rc = sqlite3_step(read)) == SQLITE_ROW) {
			sqlite3_bind_int64(remove, 1, sqlite3_column_int64(read, 0));
			sqlite3_bind_text(remove, 2, (const char *)sqlite3_column_text(read, 1),
					  sqlite3_column_bytes(read, 1), SQLITE_STATIC);
			if (store_step_done(store, remove, N_("replacing a document"), err) < 0)
				goto out;
		}
		store_count_words(store, 0);
		if (rc != SQLITE_DONE) {
			ret = store_fail(store, rc, N_("replacing a document"), err);
			goto out;
		}
	}
	if (store_delete_rows(store, "DELETE FROM piece WHERE id BETWEEN ?1 AND ?2",
			      store_piece_rowid(key, 0), store_piece_rowid(key, STORE_META_INDEX),
			      err) < 0)
		goto out;
	for (size_t i = 0; i < sizeof by_id / sizeof by_id[0]; i++)
		if (store_delete_rows(store, by_id[i], id, id, err) < 0)
			goto out;
	ret = 0;
out:
	store_count_words(store, 0);
	sqlite3_finalize(read);
	sqlite3_finalize(remove);
	return ret;
}

int
store_put_document(struct store *store, const struct document *doc, int64_t *id,
		   enum store_outcome *outcome, char **err)
{
	const struct doc_meta *m = &doc->meta;
	struct store_match *matches = NULL;
	size_t nmatches = 0, cap = 0;
	char symbol[LINKS_SYMBOL_MAX];
	int64_t hash;
	int ret = -1;

	*outcome = STORE_ADDED;
	if (store_need_write(store, err) < 0 || store_prepare_writes(store, err) < 0)
		return -1;
	hash = store_document_hash(doc);
	if (m->source != NULL) {
		sqlite3_bind_text(store->find_source, 1, m->source, -1, SQLITE_STATIC);
		if (store_collect_matches(store, store->find_source, &matches, &nmatches, &cap,
					  err) < 0)
			goto out;
	}
	/* symbols as the symbol table holds them (store_add_symbols) */
	for (const char *c = m->symbols; links_next_symbol(&c, symbol);) {
		sqlite3_bind_text(store->find_symbol, 1, symbol, -1, SQLITE_STATIC);
		if (store_collect_matches(store, store->find_symbol, &matches, &nmatches, &cap,
					  err) < 0)
			goto out;
	}
	if (nmatches == 1 && matches[0].hash == hash) {
		*id = matches[0].id;
		*outcome = STORE_UNCHANGED;
		ret = 0;
		goto out;
	}
	for (size_t i = 0; i < nmatches; i++)
		if (store_remove_document(store, matches[i].id, err) < 0)
			goto out;
	if (nmatches > 0)
		*outcome = STORE_REPLACED;
	ret = store_insert_document(store, doc, nmatches > 0 ? matches[0].id : 0, hash, id, err);
out:
	free(matches);
	return ret;
}
