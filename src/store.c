/* store.c - the snapshot file: opening and checking it, writing documents
 * in pieces, reading documents and pieces back.  Searching is in
 * store_results.c. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "fold.h"
#include "fts_tokenizer.h"
#include "store.h"
#include "store_private.h"
#include "util.h"

static const char store_schema_sql[] =
    "CREATE TABLE doc("
    " id INTEGER PRIMARY KEY,"
    " sortkey INTEGER NOT NULL,"
    " npieces INTEGER NOT NULL DEFAULT 0,"
    " nbytes INTEGER NOT NULL DEFAULT 0,"
    " year INTEGER,"
    " kind TEXT, date TEXT, sender TEXT, addressee TEXT, organ TEXT, language TEXT,"
    " title TEXT, source TEXT, symbols TEXT, resolutions TEXT,"
    /* folded copies for field filters: \" word word \" and \";cite;cite;\" */
    " f_kind TEXT NOT NULL, f_sender TEXT NOT NULL, f_addressee TEXT NOT NULL,"
    " f_organ TEXT NOT NULL, f_cites TEXT NOT NULL);"
    "CREATE UNIQUE INDEX doc_sortkey ON doc(sortkey);"
    "CREATE TABLE piece("
    " id INTEGER PRIMARY KEY,"
    " role INTEGER NOT NULL,"
    " continued INTEGER NOT NULL,"
    " text TEXT NOT NULL,"
    " bold BLOB);"
    "CREATE TABLE symbol("
    " name TEXT NOT NULL COLLATE NOCASE,"
    " doc INTEGER NOT NULL,"
    " PRIMARY KEY(name, doc)) WITHOUT ROWID;"
    /* every indexed word, to turn a long prefix into an OR of words */
    "CREATE TABLE term(word TEXT PRIMARY KEY) WITHOUT ROWID;"
    "CREATE VIRTUAL TABLE fts USING fts5(text, content='piece', content_rowid='id',"
    " tokenize='" FTS_TOKENIZER_NAME "', prefix='1 2 3');";

/* Every object a snapshot may hold; anything else (a trigger, a view) is refused. */
static const char *const store_objects[] = {
    "doc", "doc_sortkey", "piece",   "symbol",	    "sqlite_autoindex_symbol_1",
    "fts", "fts_data",	  "fts_idx", "fts_docsize", "fts_config", "term",
};
/* The objects that must be there. */
static const char *const store_required[] = {"doc", "piece", "symbol", "fts", "term"};

int
store_fail(struct store *store, int rc, const char *what, char **err)
{
	if (rc == SQLITE_INTERRUPT || (rc & 0xff) == SQLITE_INTERRUPT)
		return -2;
	*err = xasprintf("%s: %s: %s", store->path, what,
			 store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc));
	return -1;
}

int
store_prepare(struct store *store, const char *sql, sqlite3_stmt **stmt, char **err)
{
	int rc = sqlite3_prepare_v2(store->db, sql, -1, stmt, NULL);

	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return store_fail(store, rc, "requête", err);
	}
	return 0;
}

/* Runs SQL without results. */
static int
store_exec(struct store *store, const char *sql, const char *what, char **err)
{
	int rc = sqlite3_exec(store->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : store_fail(store, rc, what, err);
}

/* Builds "file:PATH?immutable=1&mode=ro" with PATH percent-encoded. */
static char *
store_uri(const char *path)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		bool plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			     (*p >= '0' && *p <= '9') || strchr("/._-~", *p) != NULL;

		/* "file://x" would name a host: encode the second slash */
		if (*p == '/' && p == (const unsigned char *)path + 1 && path[0] == '/')
			plain = false;
		if (plain)
			strbuf_addch(&sb, *p);
		else
			strbuf_addf(&sb, "%%%02X", *p);
	}
	strbuf_addstr(&sb, "?immutable=1&mode=ro");
	return strbuf_detach(&sb, NULL);
}

static uint32_t
store_be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* Checks the file before SQLite sees it, so a missing, empty, foreign or
 * truncated file gets a clear message instead of a late "malformed". */
static int
store_check_file(const char *path, bool must_exist, bool *exists, char **err)
{
	unsigned char header[100];
	struct stat st;
	FILE *f;
	size_t n;
	uint32_t page_size, pages;

	*exists = false;
	if (stat(path, &st) < 0) {
		if (errno == ENOENT && !must_exist)
			return 0;
		*err = xasprintf("%s: %s", path,
				 errno == ENOENT ? "fichier introuvable" : strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xasprintf("%s: est un répertoire, pas un instantané liseuse", path);
		return -1;
	}
	if (st.st_size == 0) {
		if (!must_exist)
			return 0;
		*err = xasprintf("%s: fichier vide, pas un instantané liseuse", path);
		return -1;
	}
	*exists = true;
	f = fopen(path, "rb");
	if (f == NULL) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	n = fread(header, 1, sizeof header, f);
	fclose(f);
	if (n < sizeof header || memcmp(header, "SQLite format 3", 16) != 0) {
		*err = xasprintf("%s: pas une base SQLite, donc pas un instantané liseuse", path);
		return -1;
	}
	page_size = (uint32_t)header[16] << 8 | header[17];
	if (page_size == 1)
		page_size = 65536;
	pages = store_be32(header + 28);
	/* the in-header size is valid when the change counters agree */
	if (pages > 0 && store_be32(header + 24) == store_be32(header + 92) &&
	    (uint64_t)st.st_size < (uint64_t)page_size * pages) {
		*err = xasprintf("%s: fichier tronqué (%lld octets sur %llu attendus)", path,
				 (long long)st.st_size, (unsigned long long)page_size * pages);
		return -1;
	}
	return 0;
}

static int
store_int_query(struct store *store, const char *sql, int64_t *out, char **err)
{
	sqlite3_stmt *stmt;
	int rc;

	if (store_prepare(store, sql, &stmt, err) < 0)
		return -1;
	rc = sqlite3_step(stmt);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : 0;
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(store, rc, "lecture du schéma", err);
	return 0;
}

/* Verifies the version and that the file holds our tables and nothing else. */
static int
store_verify_schema(struct store *store, bool allow_empty, bool *empty, char **err)
{
	bool seen[sizeof store_required / sizeof store_required[0]] = {false};
	sqlite3_stmt *stmt = NULL;
	int64_t version;
	int rc, ret = -1;

	*empty = false;
	if (store_int_query(store, "PRAGMA user_version", &version, err) < 0)
		return -1;
	if (version > STORE_SCHEMA_VERSION) {
		*err = xasprintf("%s: instantané de version %lld, plus récente que celle de ce "
				 "liseuse (version %d) : mettez liseuse à jour",
				 store->path, (long long)version, STORE_SCHEMA_VERSION);
		return -1;
	}
	if (version == 0) {
		int64_t nobjects;

		if (store_int_query(store, "SELECT count(*) FROM sqlite_master", &nobjects, err) <
		    0)
			return -1;
		if (nobjects == 0 && allow_empty) {
			*empty = true;
			return 0;
		}
		*err =
		    xasprintf("%s: base SQLite qui n’est pas un instantané liseuse", store->path);
		return -1;
	}
	if (version < STORE_SCHEMA_VERSION) {
		*err = xasprintf("%s: instantané de version %lld, trop ancienne (version %d "
				 "attendue) : réimportez les documents",
				 store->path, (long long)version, STORE_SCHEMA_VERSION);
		return -1;
	}
	if (store_prepare(store, "SELECT type, name, upper(sql) FROM sqlite_master", &stmt, err) <
	    0)
		return -1;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(stmt, 0);
		const char *name = (const char *)sqlite3_column_text(stmt, 1);
		const char *sql = (const char *)sqlite3_column_text(stmt, 2);
		bool known = false;

		if (type == NULL || name == NULL || strcmp(type, "trigger") == 0 ||
		    strcmp(type, "view") == 0) {
			*err =
			    xasprintf("%s: objet inattendu dans l’instantané (%s « %s »), refusé",
				      store->path, type ? type : "?", name ? name : "?");
			goto out;
		}
		for (size_t i = 0; i < sizeof store_objects / sizeof store_objects[0]; i++)
			known |= strcmp(name, store_objects[i]) == 0;
		/* only "fts" may be a virtual table, and only ours */
		if (sql != NULL && strstr(sql, "VIRTUAL") != NULL &&
		    (strcmp(name, "fts") != 0 || strstr(sql, "USING FTS5(") == NULL ||
		     strstr(sql, "TOKENIZE='LISEUSE'") == NULL))
			known = false;
		if (!known) {
			*err =
			    xasprintf("%s: objet inattendu dans l’instantané (%s « %s »), refusé",
				      store->path, type, name);
			goto out;
		}
		for (size_t i = 0; i < sizeof store_required / sizeof store_required[0]; i++)
			seen[i] |= strcmp(name, store_required[i]) == 0;
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(store, rc, "lecture du schéma", err);
		goto out;
	}
	for (size_t i = 0; i < sizeof store_required / sizeof store_required[0]; i++) {
		if (!seen[i]) {
			*err = xasprintf("%s: instantané incomplet (table « %s » absente)",
					 store->path, store_required[i]);
			goto out;
		}
	}
	ret = 0;
out:
	sqlite3_finalize(stmt);
	return ret;
}

static int
store_progress(void *arg)
{
	struct store *store = arg;

	return store->check != NULL && store->check(store->check_arg) != 0;
}

/* No rollback journal and no syncs; checks that SQLite agreed, since it
 * keeps its journal without a word when it will not turn it off. */
static int
store_journal_off(struct store *store, char **err)
{
	sqlite3_stmt *stmt = NULL;
	bool off = false;

	if (store_exec(store, "PRAGMA synchronous=OFF", "configuration", err) < 0 ||
	    store_prepare(store, "PRAGMA journal_mode=OFF", &stmt, err) < 0)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *m = sqlite3_column_text(stmt, 0);

		off = m != NULL && strcmp((const char *)m, "off") == 0;
	}
	sqlite3_finalize(stmt);
	if (!off) {
		*err = xasprintf("%s: journal impossible à désactiver", store->path);
		return -1;
	}
	return 0;
}

int
store_open(const char *path, enum store_mode mode, struct store **out, char **err)
{
	struct store *store;
	bool exists, empty;
	char *uri = NULL;
	int rc, flags;

	*out = NULL;
	if (store_check_file(path, mode == STORE_READ_ONLY, &exists, err) < 0)
		return -1;
	store = xcalloc(1, sizeof *store);
	store->path = xstrdup(path);
	store->mode = mode;
	if (mode == STORE_READ_ONLY) {
		uri = store_uri(path);
		flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
	} else {
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	}
	rc = sqlite3_open_v2(uri ? uri : path, &store->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: ouverture impossible: %s", path,
				 store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc));
		goto fail;
	}
	sqlite3_extended_result_codes(store->db, 1);
	/* A working copy is thrown away on failure: it needs no journal.  Before
	 * the defensive flag, which refuses to turn the journal off. */
	if (mode == STORE_SCRATCH && store_journal_off(store, err) < 0)
		goto fail;
	sqlite3_db_config(store->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	sqlite3_db_config(store->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	rc = fts_tokenizer_register(store->db);
	if (rc != SQLITE_OK) {
		store_fail(store, rc, "enregistrement du segmenteur FTS5", err);
		goto fail;
	}
	if (store_exec(store, "PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON;",
		       "configuration", err) < 0)
		goto fail;
	if (mode == STORE_READ_ONLY &&
	    store_exec(store, "PRAGMA query_only=ON", "configuration", err) < 0)
		goto fail;
	/* Importing touches the whole index: let SQLite keep it in memory. */
	if (mode != STORE_READ_ONLY &&
	    store_exec(store, "PRAGMA cache_size=-65536", "configuration", err) < 0)
		goto fail;
	if (store_verify_schema(store, mode != STORE_READ_ONLY, &empty, err) < 0)
		goto fail;
	if (empty) {
		char *sql = xasprintf("BEGIN; %s PRAGMA user_version=%d; COMMIT;", store_schema_sql,
				      STORE_SCHEMA_VERSION);

		rc = store_exec(store, sql, "création du schéma", err);
		free(sql);
		if (rc < 0)
			goto fail;
	}
	sqlite3_progress_handler(store->db, 1000, store_progress, store);
	*out = store;
	return 0;
fail:
	store_close(store);
	return -1;
}

void
store_close(struct store *store)
{
	if (store == NULL)
		return;
	sqlite3_finalize(store->insert_doc);
	sqlite3_finalize(store->insert_piece);
	sqlite3_finalize(store->read_pieces);
	sqlite3_finalize(store->insert_fts);
	sqlite3_finalize(store->insert_symbol);
	sqlite3_finalize(store->update_doc);
	sqlite3_finalize(store->last_key);
	if (store->in_transaction)
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(store->db);
	free(store->unindexed);
	free(store->path);
	free(store);
}

const char *
store_path(const struct store *store)
{
	return store->path;
}

void
store_set_interrupt(struct store *store, int (*check)(void *arg), void *arg)
{
	store->check = check;
	store->check_arg = arg;
}

static int
store_need_write(struct store *store, char **err)
{
	if (store->mode != STORE_READ_ONLY)
		return 0;
	*err = xasprintf("%s: instantané ouvert en lecture seule", store->path);
	return -1;
}

static int
store_step_done(struct store *store, sqlite3_stmt *stmt, const char *what, char **err)
{
	int rc = sqlite3_step(stmt);

	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(store, rc, what, err);
	return 0;
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
	int rc = store_exec(store, sql, "configuration de l’index", err);

	free(sql);
	return rc;
}

int
store_begin(struct store *store, char **err)
{
	if (store_need_write(store, err) < 0)
		return -1;
	if (store->in_transaction) {
		*err = xasprintf("%s: import déjà commencé", store->path);
		return -1;
	}
	if (store_exec(store, "BEGIN IMMEDIATE", "début de l’import", err) < 0)
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

/* Indexes the pieces of the documents added in this transaction, in
 * ascending row id order.  FTS5 writes its pending terms out as a new
 * segment whenever a row id is lower than the previous one, so indexing
 * documents as they come (in no date order) made a segment per document or
 * two and spent most of the import merging them.  One single-row INSERT per
 * piece, not INSERT … SELECT: a multi-row statement opens a savepoint, and
 * FTS5 writes a segment at every savepoint too. */
static int
store_index_added(struct store *store, char **err)
{
	sqlite3_stmt *read = store->read_pieces, *insert = store->insert_fts;

	if (store->nunindexed == 0)
		return 0;
	qsort(store->unindexed, store->nunindexed, sizeof *store->unindexed,
	      store_key_newest_first);
	for (size_t i = 0; i < store->nunindexed; i++) {
		int64_t key = store->unindexed[i];
		int rc;

		sqlite3_bind_int64(read, 1, store_piece_rowid(key, 0));
		sqlite3_bind_int64(read, 2, store_piece_rowid(key, STORE_META_INDEX));
		while ((rc = sqlite3_step(read)) == SQLITE_ROW) {
			sqlite3_bind_int64(insert, 1, sqlite3_column_int64(read, 0));
			sqlite3_bind_text(insert, 2, (const char *)sqlite3_column_text(read, 1),
					  sqlite3_column_bytes(read, 1), SQLITE_STATIC);
			if (store_step_done(store, insert, "indexation", err) < 0) {
				sqlite3_reset(read);
				return -1;
			}
		}
		sqlite3_reset(read);
		if (rc != SQLITE_DONE)
			return store_fail(store, rc, "indexation", err);
	}
	store->nunindexed = 0;
	return 0;
}

int
store_commit(struct store *store, char **err)
{
	if (!store->in_transaction) {
		*err = xasprintf("%s: aucun import en cours", store->path);
		return -1;
	}
	if (store_index_added(store, err) < 0 ||
	    store_exec(store, "COMMIT", "fin de l’import", err) < 0) {
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
	store->in_transaction = false;
	store->nunindexed = 0;
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
	return store_exec(store, "VACUUM", "compactage", err);
}

int
store_finish(struct store *store, char **err)
{
	if (store_need_write(store, err) < 0)
		return -1;
	if (store->in_transaction) {
		*err = xasprintf("%s: import en cours (store_commit d’abord)", store->path);
		return -1;
	}
	if (store_exec(store, "INSERT INTO fts(fts) VALUES('optimize')", "optimisation", err) < 0)
		return -1;
	if (store_exec(store,
		       "CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, fts, row);"
		       "DELETE FROM term;"
		       "INSERT INTO term SELECT term FROM temp.vocabulary;"
		       "DROP TABLE temp.vocabulary;",
		       "vocabulaire", err) < 0)
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
	for (e = limit; e > start + 1 && ((unsigned char)text[e] & 0xC0) == 0x80; e--)
		;
	return e;
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
store_insert_piece(struct store *store, int64_t rowid, int role, bool continued, const char *text,
		   size_t len, const struct strbuf *bold, char **err)
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
	return store_step_done(store, p, "écriture d’un passage", err);
}

static int
store_prepare_writes(struct store *store, char **err)
{
	if (store->insert_doc != NULL)
		return 0;
	if (store_prepare(store,
			  "INSERT INTO doc(sortkey, year, kind, date, sender, addressee, organ,"
			  " language, title, source, symbols, resolutions,"
			  " f_kind, f_sender, f_addressee, f_organ, f_cites)"
			  " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
			  " ?13, ?14, ?15, ?16, ?17)",
			  &store->insert_doc, err) < 0 ||
	    store_prepare(store,
			  "INSERT INTO piece(id, role, continued, text, bold)"
			  " VALUES(?1, ?2, ?3, ?4, ?5)",
			  &store->insert_piece, err) < 0 ||
	    store_prepare(store, "SELECT id, text FROM piece WHERE id BETWEEN ?1 AND ?2",
			  &store->read_pieces, err) < 0 ||
	    store_prepare(store, "INSERT INTO fts(rowid, text) VALUES(?1, ?2)", &store->insert_fts,
			  err) < 0 ||
	    store_prepare(store, "INSERT OR IGNORE INTO symbol(name, doc) VALUES(?1, ?2)",
			  &store->insert_symbol, err) < 0 ||
	    store_prepare(store, "UPDATE doc SET npieces = ?2, nbytes = ?3 WHERE id = ?1",
			  &store->update_doc, err) < 0 ||
	    store_prepare(store, "SELECT max(sortkey) FROM doc WHERE sortkey BETWEEN ?1 AND ?2",
			  &store->last_key, err) < 0)
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
		return store_fail(store, rc, "numérotation", err);
	}
	if (sqlite3_column_type(store->last_key, 0) == SQLITE_NULL)
		*key = first;
	else
		*key = sqlite3_column_int64(store->last_key, 0) + 1;
	sqlite3_reset(store->last_key);
	if (*key > last) {
		*err = xasprintf("%s: trop de documents à la même date", store->path);
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

int
store_add_document(struct store *store, const struct document *doc, int64_t *id, char **err)
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
	if (store_step_done(store, store->insert_doc, "écriture d’un document", err) < 0)
		goto out;
	*id = sqlite3_last_insert_rowid(store->db);

	for (size_t i = 0; i < doc->npara; i++) {
		const struct paragraph *p = &doc->paras[i];
		size_t start = 0;

		do {
			size_t end = store_cut(p->text, p->len, start);

			if (npieces >= STORE_META_INDEX) {
				*err = xasprintf("%s: document trop long (%s)", store->path,
						 m->source ? m->source : "sans nom");
				goto out;
			}
			store_bold_blob(p, start, end, &bold);
			if (store_insert_piece(store, store_piece_rowid(key, npieces), p->role,
					       start > 0, p->text + start, end - start, &bold,
					       err) < 0)
				goto out;
			npieces++;
			start = end;
		} while (start < p->len);
		nbytes += p->len;
	}
	meta = store_meta_text(m);
	if (store_insert_piece(store, store_piece_rowid(key, STORE_META_INDEX), PARA_FRONT, false,
			       meta, strlen(meta), NULL, err) < 0)
		goto out;
	for (const char *s = m->symbols; s != NULL && *s;) {
		size_t n = strcspn(s, " \t");

		if (n) {
			sqlite3_bind_text(store->insert_symbol, 1, s, (int)n, SQLITE_STATIC);
			sqlite3_bind_int64(store->insert_symbol, 2, *id);
			if (store_step_done(store, store->insert_symbol, "écriture d’une cote",
					    err) < 0)
				goto out;
		}
		s += n;
		s += strspn(s, " \t");
	}
	sqlite3_bind_int64(store->update_doc, 1, *id);
	sqlite3_bind_int64(store->update_doc, 2, npieces);
	sqlite3_bind_int64(store->update_doc, 3, (int64_t)nbytes);
	if (store_step_done(store, store->update_doc, "écriture d’un document", err) < 0)
		goto out;
	if (store->nunindexed == store->unindexed_alloc) {
		store->unindexed_alloc = store->unindexed_alloc ? 2 * store->unindexed_alloc : 256;
		store->unindexed =
		    xrealloc(store->unindexed, store->unindexed_alloc * sizeof *store->unindexed);
	}
	store->unindexed[store->nunindexed++] = key;
	/* outside a transaction, nothing would index it later */
	if (!store->in_transaction && store_index_added(store, err) < 0)
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
		out->npieces = (size_t)sqlite3_column_int64(stmt, 10);
		out->nbytes = (uint64_t)sqlite3_column_int64(stmt, 11);
		ret = 1;
	} else if (rc == SQLITE_DONE) {
		ret = 0;
	} else {
		ret = store_fail(store, rc, "lecture d’un document", err);
	}
	sqlite3_finalize(stmt);
	return ret;
}

int
store_doc_key(struct store *store, int64_t id, int64_t *sortkey, int64_t *npieces, char **err)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	if (store_prepare(store, "SELECT sortkey, npieces FROM doc WHERE id = ?1", &stmt, err) < 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*sortkey = sqlite3_column_int64(stmt, 0);
		*npieces = sqlite3_column_int64(stmt, 1);
		ret = 1;
	} else {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, "lecture d’un document", err);
	}
	sqlite3_finalize(stmt);
	return ret;
}

int
store_find_doc(struct store *store, const char *id_or_symbol, int64_t *id, char **err)
{
	sqlite3_stmt *stmt;
	const char *s = id_or_symbol;
	size_t n, digits;
	int rc, ret;

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
	if (store_prepare(store, "SELECT doc FROM symbol WHERE name = ?1 ORDER BY doc LIMIT 1",
			  &stmt, err) < 0)
		return -1;
	sqlite3_bind_text(stmt, 1, s, (int)n, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		ret = 1;
	} else {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, "recherche d’une cote", err);
	}
	sqlite3_finalize(stmt);
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
	if (store_prepare(store, "SELECT role, continued, text, bold FROM piece WHERE id = ?1",
			  &stmt, err) < 0)
		return -1;
	sqlite3_bind_int64(stmt, 1, store_piece_rowid(key, (int64_t)index));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		int role = sqlite3_column_int(stmt, 0);
		const unsigned char *bold = sqlite3_column_blob(stmt, 3);
		size_t nbold = (size_t)sqlite3_column_bytes(stmt, 3) / 8;

		out->role = role >= 0 && role < PARA_ROLE_COUNT ? (enum para_role)role : PARA_BODY;
		*continued = sqlite3_column_int(stmt, 1) != 0;
		out->text = store_column_dup(stmt, 2);
		if (out->text == NULL)
			out->text = xstrdup("");
		out->len = strlen(out->text);
		if (nbold && bold != NULL) {
			size_t w = 0;

			out->bold = xcalloc(nbold, sizeof *out->bold);
			for (size_t i = 0; i < nbold; i++) {
				const unsigned char *b = bold + 8 * i;
				uint32_t s = (uint32_t)b[0] | (uint32_t)b[1] << 8 |
					     (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
				uint32_t e = (uint32_t)b[4] | (uint32_t)b[5] << 8 |
					     (uint32_t)b[6] << 16 | (uint32_t)b[7] << 24;

				/* a damaged span must not point outside the text */
				if (s < e && e <= out->len)
					out->bold[w++] = (struct text_span){s, e};
			}
			out->nbold = w;
			if (w == 0) {
				free(out->bold);
				out->bold = NULL;
			}
		}
		ret = 1;
	} else {
		ret = rc == SQLITE_DONE ? 0 : store_fail(store, rc, "lecture d’un passage", err);
	}
	sqlite3_finalize(stmt);
	return ret;
}
