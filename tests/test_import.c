/* test_import.c - reading and checking files: BOM, CRLF, NFD to NFC, and the
 * refusals (invalid UTF-8, empty, blank, binary, unreadable) with their
 * "file:line:byte: reason" messages; a refused file stops a whole import. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "fts_tokenizer.h"
#include "import.h"
#include "unit.h"
#include "util.h"

static char tmpdir[] = "/tmp/test_import.XXXXXX";

static char *
write_file(const char *name, const char *data, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *f = fopen(path, "wb");

	if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		perror(path);
		exit(99);
	}
	return path;
}

/* Reads data written to a file; returns the status, the text or the error. */
static int
read_back(const char *name, const char *data, size_t len, char **text, size_t *tlen,
	  char **err)
{
	char *path = write_file(name, data, len);
	int ret;

	*err = NULL;
	ret = import_read_file(path, text, tlen, err);
	unlink(path);
	free(path);
	return ret;
}

static void
expect_ok(const char *name, const char *data, size_t len, const char *want)
{
	char *text = NULL, *err = NULL;
	size_t tlen = 0;

	CHECK_INT(read_back(name, data, len, &text, &tlen, &err), 0);
	CHECK_STR(text, want);
	CHECK_INT(tlen, strlen(want));
	if (err)
		fprintf(stderr, "%s\n", err);
	free(text);
	free(err);
}

/* The message names the file, then line:byte, then contains `reason`. */
static void
expect_refused(const char *name, const char *data, size_t len, const char *where,
	       const char *reason)
{
	char *text = NULL, *err = NULL;
	size_t tlen = 0;
	char *prefix = xasprintf("%s/%s:%s", tmpdir, name, where);

	CHECK_INT(read_back(name, data, len, &text, &tlen, &err), -1);
	CHECK(text == NULL);
	CHECK(err != NULL && strncmp(err, prefix, strlen(prefix)) == 0);
	CHECK(err != NULL && strstr(err, reason) != NULL);
	if (err == NULL || strncmp(err, prefix, strlen(prefix)) != 0 || !strstr(err, reason))
		fprintf(stderr, "  message: %s (wanted %s ... %s)\n", err ? err : "(none)", prefix,
			reason);
	free(err);
	free(prefix);
}

static void
test_accepted(void)
{
	/* BOM dropped */
	expect_ok("bom.txt", "\xEF\xBB\xBFLettre\n", 10, "Lettre\n");
	/* CRLF becomes LF; a lone CR stays (the reader shows it) */
	expect_ok("crlf.txt", "Une\r\nDeux\r\n\r\nTrois\rx", 20, "Une\nDeux\n\nTrois\rx");
	/* NFD becomes NFC: "se\xcc\x81curite\xcc\x81" → "sécurité" */
	expect_ok("nfd.txt", "se\xcc\x81" "curite\xcc\x81", 12, "s\xc3\xa9" "curit\xc3\xa9");
	/* BOM + CRLF + NFD together */
	expect_ok("all.txt", "\xEF\xBB\xBF" "E\xcc\x81tat\r\n", 11, "\xc3\x89tat\n");
	/* a few stray controls are text (the reader shows them visibly) */
	expect_ok("esc.txt", "Texte avec \x1b[31m une séquence d'échappement.\n",
		  strlen("Texte avec \x1b[31m une séquence d'échappement.\n"),
		  "Texte avec \x1b[31m une séquence d'échappement.\n");
	/* no final newline, NBSP kept */
	expect_ok("nbsp.txt", "a\xc2\xa0: b", 6, "a\xc2\xa0: b");
}

static void
test_refused(void)
{
	/* Windows-1252 "é" on line 2, byte 4 */
	expect_refused("latin1.txt", "Bonjour\nCaf\xe9 au lait\n", 20, "2:4: ", "not valid UTF-8");
	expect_refused("latin1b.txt", "Bonjour\nCaf\xe9 au lait\n", 20, "2:4: ",
		       "iconv -f WINDOWS-1252 -t UTF-8");
	/* a truncated sequence at the end */
	expect_refused("trunc.txt", "abc\xc3", 4, "1:4: ", "not valid UTF-8");
	/* an overlong encoding, after a BOM: the byte counts from the line start */
	expect_refused("overlong.txt", "\xEF\xBB\xBFx\xc0\xaf", 6, "1:5: ", "not valid UTF-8");
	/* a UTF-16 surrogate encoded in UTF-8 */
	expect_refused("surrogate.txt", "a\n\nb\xed\xa0\x80", 7, "3:2: ", "not valid UTF-8");
	expect_refused("empty.txt", "", 0, "1:1: ", "empty");
	expect_refused("bomonly.txt", "\xEF\xBB\xBF", 3, "1:1: ", "empty");
	expect_refused("blank.txt", "   \n\n \t \r\n\xc2\xa0\n", 13, "1:1: ", "white space");
	expect_refused("nul.bin", "ELF\0\1\2\3binary\0\0\n", 16, "1:4: ", "binary");
	expect_refused("controls.bin", "\1\2\3\4\5\6\7abc\n", 11, "1:1: ", "binary");
}

static void
test_unreadable(void)
{
	char *text = NULL, *err = NULL;
	size_t len;
	char *path = xasprintf("%s/no-such-file.txt", tmpdir);

	CHECK_INT(import_read_file(path, &text, &len, &err), -1);
	CHECK(err != NULL && strstr(err, "no-such-file.txt") != NULL);
	CHECK(err != NULL && strstr(err, "No such file or directory") != NULL);
	free(err);
	free(path);
	err = NULL;
	CHECK_INT(import_read_file(tmpdir, &text, &len, &err), -1);
	CHECK(err != NULL && strstr(err, "directory") != NULL);
	free(err);
	if (geteuid() != 0) {
		char *p = write_file("secret.txt", "texte\n", 6);

		chmod(p, 0);
		err = NULL;
		CHECK_INT(import_read_file(p, &text, &len, &err), -1);
		CHECK(err != NULL && strstr(err, "Permission denied") != NULL);
		free(err);
		unlink(p);
		free(p);
	}
}

static void
test_parse(void)
{
	struct document doc;
	char *err = NULL;

	/* furniture only: no paragraph, refused */
	document_init(&doc);
	CHECK_INT(import_parse("A/64/666\n\n310-24575\n", 20, "f.txt", &doc, &err), -1);
	CHECK(err != NULL && strstr(err, "f.txt") != NULL);
	free(err);
	document_release(&doc);
	/* the text handed over is all that is read: len, not the NUL */
	document_init(&doc);
	err = NULL;
	CHECK_INT(import_parse("Un texte.\n\nLa suite ignorée.", 10, "g.txt", &doc, &err), 0);
	CHECK_INT(doc.npara, 1);
	CHECK_STR(doc.paras[0].text, "Un texte.");
	CHECK_STR(doc.meta.source, "g.txt");
	document_release(&doc);
}

/* A refused file, even after a good one, leaves the store without any
 * document: the import is one transaction. */
static void
test_paths_refused(void)
{
	char *good = write_file("good.txt", "Un bon texte.\n", 14);
	char *bad = write_file("bad.txt", "Caf\xe9\n", 5);
	char *missing = xasprintf("%s/missing.txt", tmpdir);
	char *db = xasprintf("%s/refused.db", tmpdir);
	char *paths[] = { good, bad };
	char *paths2[] = { good, missing };
	struct store *store = NULL;
	char *err = NULL;
	int64_t count = -1;

	CHECK_INT(store_open(db, STORE_WRITE, &store, &err), 0);
	if (store != NULL) {
		CHECK_INT(import_paths(store, paths, 2, false, NULL), -1);
		CHECK_INT(import_paths(store, paths2, 2, false, NULL), -1);
		CHECK_INT(store_count_documents(store, &count, &err), 0);
		CHECK_INT(count, 0);
		store_close(store);
	}
	free(err);
	unlink(db);
	unlink(good);
	unlink(bad);
	free(db);
	free(good);
	free(bad);
	free(missing);
}

/* Rows of a query of one text column, joined with '\n'. */
static char *
column_of(const char *db_path, const char *sql)
{
	struct strbuf out = STRBUF_INIT;
	sqlite3 *db = NULL;
	sqlite3_stmt *stmt = NULL;

	CHECK_INT(sqlite3_open(db_path, &db), SQLITE_OK);
	CHECK_INT(fts_tokenizer_register(db, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "CREATE VIRTUAL TABLE temp.vocabulary USING "
			       "fts5vocab(main, fts, row)", NULL, NULL, NULL),
		  SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	while (stmt != NULL && sqlite3_step(stmt) == SQLITE_ROW) {
		strbuf_addstr(&out, (const char *)sqlite3_column_text(stmt, 0));
		strbuf_addch(&out, '\n');
	}
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	return strbuf_detach(&out, NULL);
}

/* The vocabulary an import gathers from the documents' words, with the
 * number of pieces holding each, is the one the index holds (fts5vocab):
 * after a first import, after an import that adds a paragraph long enough
 * to be cut into pieces (the counts add up), and after a re-import that
 * replaces a document (rebuilt from the index). */
static void
test_vocabulary(void)
{
	const char *top = getenv("top_srcdir");
	char *data = xasprintf("%s/data", top ? top : "..");
	char *fixtures = xasprintf("%s/tests/fixtures", top ? top : "..");
	char *changed = write_file("000_362ac513c5df377c.txt", "Un texte tout neuf, zébu.\n", 27);
	struct strbuf text = STRBUF_INIT;
	char *db = xasprintf("%s/vocabulary.db", tmpdir);
	char *paths[] = { data, fixtures };
	char *longer, *added[1], *again[] = { changed };
	struct import_counts counts;

	for (int i = 0; i < 400; i++)
		strbuf_addstr(&text, "Les xylophones régionaux sont des mesures de confiance. ");
	strbuf_addstr(&text, "\n");
	longer = write_file("long.txt", text.buf, text.len);
	added[0] = longer;
	for (int round = 0; round < 3; round++) {
		struct store *store = NULL;
		char *err = NULL, *terms, *vocab;

		CHECK_INT(store_open(db, STORE_WRITE, &store, &err), 0);
		if (store == NULL)
			break;
		if (round == 0)
			CHECK(import_paths(store, paths, 2, false, &counts) > 10);
		else
			CHECK_INT(import_paths(store, round == 1 ? added : again, 1, false, &counts),
				  1);
		store_close(store);
		terms = column_of(db, "SELECT word || ' ' || docs FROM term ORDER BY word");
		vocab = column_of(db, "SELECT term || ' ' || doc FROM vocabulary"
				      " WHERE substr(term, 1, 1) <> '" FTS_LEMMA_MARKER "' ORDER BY term");
		CHECK(strlen(terms) > 1000);
		CHECK_STR(terms, vocab);
		/* 22 kB of text: 6 pieces of 4 kB at most */
		CHECK(strstr(terms, "\nxylophones 6\n") != NULL || round == 0);
		CHECK(strstr(terms, "\nzebu 1\n") != NULL || round < 2);
		free(terms);
		free(vocab);
		free(err);
	}
	unlink(db);
	unlink(changed);
	unlink(longer);
	free(db);
	free(changed);
	free(longer);
	strbuf_release(&text);
	free(data);
	free(fixtures);
}

int
main(void)
{
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	test_accepted();
	test_refused();
	test_unreadable();
	test_parse();
	test_paths_refused();
	test_vocabulary();
	rmdir(tmpdir);
	return unit_done("test_import");
}
