/* store.c - the snapshot file: creating, opening and checking it, and the
 * helpers the other store_*.c files share.  Writing is in store_write.c,
 * reading documents back in store_read.c, searching in store_results.c. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "i18n.h"
#include "fold.h"
#include "fts_tokenizer.h"
#include "i18n.h"
#include "lemma.h"
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
    /* of the text and metadata: an unchanged file imported again stays */
    " hash INTEGER NOT NULL DEFAULT 0,"
    /* folded copies for field filters: \" word word \" and \";cite;cite;\" */
    " f_kind TEXT NOT NULL, f_sender TEXT NOT NULL, f_addressee TEXT NOT NULL,"
    " f_organ TEXT NOT NULL, f_cites TEXT NOT NULL);"
    "CREATE UNIQUE INDEX doc_sortkey ON doc(sortkey);"
    "CREATE INDEX doc_source ON doc(source);"
    "CREATE TABLE piece("
    " id INTEGER PRIMARY KEY,"
    " role INTEGER NOT NULL,"
    " continued INTEGER NOT NULL,"
    " page INTEGER NOT NULL DEFAULT 0,"
    " text TEXT NOT NULL,"
    " bold BLOB);"
    "CREATE TABLE symbol("
    " name TEXT NOT NULL COLLATE NOCASE,"
    " doc INTEGER NOT NULL,"
    " PRIMARY KEY(name, doc)) WITHOUT ROWID;"
    /* the symbols a document's text refers to (links.h), resolutions as S/RES/N (YYYY) */
    "CREATE TABLE cite("
    " target TEXT NOT NULL COLLATE NOCASE,"
    " doc INTEGER NOT NULL,"
    " PRIMARY KEY(target, doc)) WITHOUT ROWID;"
    /* a re-imported document's citations go by document */
    "CREATE INDEX cite_doc ON cite(doc);"
    /* every indexed word and the number of pieces holding it, to turn a
     * long prefix into an OR of words and to suggest corrections */
    "CREATE TABLE term(word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;"
    /* folded word -> folded lemma, as the importer found them (lemma.h) */
    "CREATE TABLE inflection(word TEXT NOT NULL, lemma TEXT NOT NULL,"
    " PRIMARY KEY(word, lemma)) WITHOUT ROWID;"
    "CREATE INDEX inflection_lemma ON inflection(lemma, word);"
    "CREATE VIRTUAL TABLE fts USING fts5(text, content='piece', content_rowid='id',"
    " tokenize='" FTS_TOKENIZER_NAME "', prefix='1 2 3');";

/* Every object a snapshot may hold; anything else (a trigger, a view) is refused. */
static const char *const store_objects[] = {
    "doc", "doc_sortkey", "doc_source", "piece",   "symbol",	    "sqlite_autoindex_symbol_1",
    "fts", "fts_data",	  "fts_idx", "fts_docsize", "fts_config", "term",
    "cite", "sqlite_autoindex_cite_1", "cite_doc", "inflection", "inflection_lemma",
};
/* The objects that must be there. */
static const char *const store_required[] = {"doc", "piece", "symbol", "fts",
					      "term", "cite", "inflection"};

int
store_fail(struct store *store, int rc, const char *what, char **err)
{
	if (rc == SQLITE_INTERRUPT || (rc & 0xff) == SQLITE_INTERRUPT)
		return -2;
	*err = xasprintf("%s: %s: %s", store->path, _(what),
			 store->db ? sqlite3_errmsg(store->db) : sqlite3_errstr(rc));
	return -1;
}

int
store_damaged(struct store *store, char **err, const char *fmt, ...)
{
	va_list ap;
	char *what;

	va_start(ap, fmt);
	what = xvasprintf(fmt, ap);
	va_end(ap);
	*err = xasprintf(_("%s: damaged snapshot: %s"), store->path, what);
	free(what);
	return -1;
}

int
store_prepare(struct store *store, const char *sql, sqlite3_stmt **stmt, char **err)
{
	int rc = sqlite3_prepare_v2(store->db, sql, -1, stmt, NULL);

	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return store_fail(store, rc, N_("query"), err);
	}
	return 0;
}

int
store_cached(struct store *store, sqlite3_stmt **slot, const char *sql, char **err)
{
	int rc;

	if (*slot != NULL) {
		sqlite3_reset(*slot);
		sqlite3_clear_bindings(*slot);
		return 0;
	}
	rc = sqlite3_prepare_v3(store->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
	if (rc != SQLITE_OK) {
		*slot = NULL;
		return store_fail(store, rc, N_("query"), err);
	}
	return 0;
}

/* Runs SQL without results. */
int
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
	ssize_t got;
	size_t n;
	int fd;
	uint32_t page_size, pages;

	*exists = false;
	if (stat(path, &st) < 0) {
		if (errno == ENOENT && !must_exist)
			return 0;
		*err = xasprintf("%s: %s", path,
				 errno == ENOENT ? _("no such file") : strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s: is a directory, not a liseuse snapshot"), path);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: not a regular file, not a liseuse snapshot"), path);
		return -1;
	}
	if (st.st_size == 0) {
		if (!must_exist)
			return 0;
		*err = xasprintf(_("%s: empty file, not a liseuse snapshot"), path);
		return -1;
	}
	*exists = true;
	/* O_NONBLOCK: a FIFO swapped in since the stat must not hang. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	got = read(fd, header, sizeof header);
	close(fd);
	n = got > 0 ? (size_t)got : 0;
	if (n < sizeof header || memcmp(header, "SQLite format 3", 16) != 0) {
		*err = xasprintf(_("%s: not an SQLite database, so not a liseuse snapshot"), path);
		return -1;
	}
	page_size = (uint32_t)header[16] << 8 | header[17];
	if (page_size == 1)
		page_size = 65536;
	pages = store_be32(header + 28);
	/* the in-header size is valid when the change counters agree */
	if (pages > 0 && store_be32(header + 24) == store_be32(header + 92) &&
	    (uint64_t)st.st_size < (uint64_t)page_size * pages) {
		*err = xasprintf(_("%s: truncated file (%lld bytes of %llu expected)"), path,
				 (long long)st.st_size, (unsigned long long)page_size * pages);
		return -1;
	}
	return 0;
}

int
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
		return store_fail(store, rc, N_("reading the schema"), err);
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
		*err = xasprintf(_("%s: snapshot of version %lld, newer than this liseuse's "
				   "(version %d): update liseuse"),
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
		    xasprintf(_("%s: an SQLite database that is not a liseuse snapshot"), store->path);
		return -1;
	}
	if (version < STORE_SCHEMA_VERSION) {
		*err = xasprintf(_("%s: snapshot of version %lld, too old (version %d "
				   "expected): import the documents again"),
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
			    xasprintf(_("%s: unexpected object in the snapshot (%s '%s'), refused"),
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
			    xasprintf(_("%s: unexpected object in the snapshot (%s '%s'), refused"),
				      store->path, type, name);
			goto out;
		}
		for (size_t i = 0; i < sizeof store_required / sizeof store_required[0]; i++)
			seen[i] |= strcmp(name, store_required[i]) == 0;
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(store, rc, N_("reading the schema"), err);
		goto out;
	}
	for (size_t i = 0; i < sizeof store_required / sizeof store_required[0]; i++) {
		if (!seen[i]) {
			*err = xasprintf(_("%s: incomplete snapshot (table '%s' missing)"),
					 store->path, store_required[i]);
			goto out;
		}
	}
	ret = 0;
out:
	sqlite3_finalize(stmt);
	return ret;
}

/* The sort keys order every listing and search: one out of range would
 * leave its document out of them all, so the smallest and largest are
 * checked at opening (two seeks in the doc_sortkey index). */
static int
store_check_keys(struct store *store, char **err)
{
	int64_t low, high, ndocs;

	if (store_int_query(store, "SELECT count(*) FROM (SELECT 1 FROM doc LIMIT 1)", &ndocs,
			    err) < 0)
		return -1;
	if (ndocs == 0)
		return 0;
	if (store_int_query(store, "SELECT min(sortkey) FROM doc", &low, err) < 0 ||
	    store_int_query(store, "SELECT max(sortkey) FROM doc", &high, err) < 0)
		return -1;
	if (!store_key_valid(low) || !store_key_valid(high))
		return store_damaged(store, err, _("document sort keys from %lld to %lld"),
				     (long long)low, (long long)high);
	return 0;
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

	if (store_exec(store, "PRAGMA synchronous=OFF", N_("configuration"), err) < 0 ||
	    store_prepare(store, "PRAGMA journal_mode=OFF", &stmt, err) < 0)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		const unsigned char *m = sqlite3_column_text(stmt, 0);

		off = m != NULL && strcmp((const char *)m, "off") == 0;
	}
	sqlite3_finalize(stmt);
	if (!off) {
		*err = xasprintf(_("%s: cannot turn the journal off"), store->path);
		return -1;
	}
	return 0;
}

int
store_open(const char *path, enum store_mode mode, struct store **out, char **err)
{
	return store_open_as(path, path, mode, out, err);
}

int
store_open_as(const char *path, const char *name, enum store_mode mode, struct store **out,
	      char **err)
{
	struct store *store;
	bool exists, empty;
	char *uri = NULL;
	int rc, flags;

	*out = NULL;
	if (store_check_file(path, mode == STORE_READ_ONLY, &exists, err) < 0)
		return -1;
	store = xcalloc(1, sizeof *store);
	store->path = xstrdup(name);
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
		*err = xasprintf(_("%s: cannot open: %s"), name,
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
	/* the importer indexes lemmas; a reader only looks them up */
	if (mode != STORE_READ_ONLY && lemma_new(&store->lemma, err) < 0)
		goto fail;
	rc = fts_tokenizer_register_replay(store->db, store->lemma, &store->words_hook,
					   &store->replay_hook);
	if (rc != SQLITE_OK) {
		store_fail(store, rc, N_("registering the FTS5 tokenizer"), err);
		goto fail;
	}
	if (store_exec(store, "PRAGMA trusted_schema=OFF; PRAGMA cell_size_check=ON;",
		       N_("configuration"), err) < 0)
		goto fail;
	if (mode == STORE_READ_ONLY &&
	    store_exec(store, "PRAGMA query_only=ON", N_("configuration"), err) < 0)
		goto fail;
	/* Importing touches the whole index: let SQLite keep it in memory. */
	if (mode != STORE_READ_ONLY &&
	    store_exec(store, "PRAGMA cache_size=-65536", N_("configuration"), err) < 0)
		goto fail;
	if (store_verify_schema(store, mode != STORE_READ_ONLY, &empty, err) < 0)
		goto fail;
	if (empty) {
		char *sql = xasprintf("BEGIN; %s PRAGMA user_version=%d; COMMIT;", store_schema_sql,
				      STORE_SCHEMA_VERSION);

		rc = store_exec(store, sql, N_("creating the schema"), err);
		free(sql);
		if (rc < 0)
			goto fail;
	} else if (store_check_keys(store, err) < 0) {
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
	sqlite3_finalize(store->insert_cite);
	sqlite3_finalize(store->update_doc);
	sqlite3_finalize(store->last_key);
	sqlite3_finalize(store->find_source);
	sqlite3_finalize(store->find_symbol);
	if (store->in_transaction)
		sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_finalize(store->insert_inflection);
	sqlite3_finalize(store->doc_key);
	sqlite3_finalize(store->get_piece);
	sqlite3_close(store->db);
	lemma_free(store->lemma);
	free(store->unindexed);
	store_vocab_free(store->vocab);
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
