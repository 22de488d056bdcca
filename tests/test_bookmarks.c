/* test_bookmarks.c - bookmarks in the state file, and found again in a
 * snapshot rebuilt with the document moved and changed around them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bookmarks.h"
#include "links.h"
#include "state.h"
#include "store.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/test_bookmarks.XXXXXX";

static void
add_doc(struct store *st, const char *source, const char *symbols, const char *const *paras,
	size_t n, int64_t *id)
{
	struct document doc;
	char *err = NULL;

	document_init(&doc);
	doc.meta.source = xstrdup(source);
	doc.meta.symbols = symbols ? xstrdup(symbols) : NULL;
	doc.meta.date = xstrdup("2031-03-03");
	for (size_t i = 0; i < n; i++)
		document_add_paragraph(&doc, PARA_BODY, xstrdup(paras[i]), strlen(paras[i]), NULL,
				       0);
	CHECK_INT(store_add_document(st, &doc, id, &err), 0);
	free(err);
	document_release(&doc);
}

static struct store *
build(const char *path, bool again)
{
	static const char *const first[] = {"Premier paragraphe.", "Deuxième paragraphe.",
					    "Troisième paragraphe, marqué."};
	/* re-imported: a paragraph inserted before, the marked one re-spaced */
	static const char *const second[] = {"Un ajout.", "Premier paragraphe.",
					     "Deuxième paragraphe.",
					     "Troisième  paragraphe,\tmarqué. "};
	static const char *const other[] = {"Autre document."};
	struct store *st = NULL;
	char *err = NULL;
	int64_t id;

	unlink(path);
	CHECK_INT(store_open(path, STORE_WRITE, &st, &err), 0);
	CHECK_INT(store_begin(st, &err), 0);
	if (again)
		add_doc(st, "autre.txt", NULL, other, 1, &id);
	add_doc(st, "lettre.txt", "S/2031/100", again ? second : first, again ? 4 : 3, &id);
	CHECK_INT(store_commit(st, &err), 0);
	free(err);
	return st;
}

static void
test_fingerprint(void)
{
	CHECK(state_fingerprint("a b", 3) == state_fingerprint(" a \t b\n", 7));
	CHECK(state_fingerprint("a b", 3) != state_fingerprint("ab", 2));
	CHECK(state_fingerprint("", 0) != 0);
}

static void
test_state_file(void)
{
	struct state st, back;
	struct state_mark m = {"/s.db", "lettre.txt", "S/2031/100", 0x1234, 7,
			       "Un passage\tavec une tabulation"};
	char *path = xasprintf("%s/state", dir), *err = NULL;
	FILE *fp;

	state_init(&st);
	CHECK(state_toggle_mark(&st, &m));
	CHECK(state_has_mark(&st, "/s.db", "lettre.txt", "", 0x1234));
	CHECK(!state_has_mark(&st, "/autre.db", "lettre.txt", "", 0x1234));
	CHECK(!state_has_mark(&st, "/s.db", "lettre.txt", "", 0x1235));
	/* no file name: the symbol says which document */
	CHECK(state_has_mark(&st, "/s.db", "", "S/2031/100", 0x1234));
	m.fingerprint = 0x99;
	m.piece = 9;
	CHECK(state_toggle_mark(&st, &m));
	CHECK_INT(st.nmarks, 2);
	CHECK_INT(st.marks[0].fingerprint, 0x99);
	CHECK_STR(st.marks[1].excerpt, "Un passage avec une tabulation");
	CHECK_INT(state_save(&st, path, &err), 0);

	state_init(&back);
	CHECK_INT(state_load(&back, path, &err), 0);
	CHECK_INT(back.nmarks, 2);
	if (back.nmarks == 2) {
		CHECK_INT(back.marks[0].fingerprint, 0x99);
		CHECK_INT(back.marks[1].fingerprint, 0x1234);
		CHECK_INT(back.marks[1].piece, 7);
		CHECK_STR(back.marks[1].snapshot, "/s.db");
		CHECK_STR(back.marks[1].symbol, "S/2031/100");
	}
	/* toggling again removes it */
	CHECK(!state_toggle_mark(&back, &m));
	CHECK_INT(back.nmarks, 1);
	state_release(&back);
	state_release(&st);

	/* a damaged mark line is named by its line */
	fp = fopen(path, "w");
	fputs("liseuse-state\t1\nlayout\tstacked\nmark\t/s.db\tx.txt\t\tzz\t1\texcerpt\n", fp);
	fclose(fp);
	state_init(&back);
	CHECK_INT(state_load(&back, path, &err), -1);
	CHECK(err != NULL && strstr(err, ":3") != NULL);
	free(err);
	err = NULL;
	state_release(&back);
	unlink(path);
	free(path);
}

static void
test_locate(void)
{
	char *db = xasprintf("%s/s.db", dir), *key, *err = NULL;
	char symbol[LINKS_SYMBOL_MAX];
	struct state_mark m, copy;
	struct store_doc doc;
	struct paragraph p;
	struct store *st = build(db, false);
	int64_t id = 0, found = 0;
	size_t piece = 0;
	bool moved = true, continued;

	key = bookmarks_snapshot_key(db);
	CHECK(key[0] == '/');
	CHECK_INT(store_find_source(st, "lettre.txt", &id, &err), 1);
	CHECK_INT(store_get_doc(st, id, &doc, &err), 1);
	CHECK_INT(store_get_piece(st, id, 2, &p, &continued, &err), 1);
	bookmarks_make(&m, key, &doc.meta, symbol, 2, p.text);
	CHECK_STR(m.symbol, "S/2031/100");
	CHECK_INT(m.piece, 2);
	copy = m;
	copy.snapshot = xstrdup(m.snapshot);
	copy.source = xstrdup(m.source);
	copy.symbol = xstrdup(m.symbol);
	copy.excerpt = xstrdup(m.excerpt);
	paragraph_release(&p);
	store_doc_release(&doc);
	CHECK_INT(bookmarks_locate(st, &copy, &found, &piece, &moved, &err), 1);
	CHECK_INT(found, id);
	CHECK_INT(piece, 2);
	CHECK(!moved);
	store_close(st);

	/* rebuilt: another id, the paragraph one further on */
	st = build(db, true);
	CHECK_INT(bookmarks_locate(st, &copy, &found, &piece, &moved, &err), 1);
	CHECK(found != id);
	CHECK_INT(piece, 3);
	CHECK(!moved);
	/* by symbol when the file was renamed */
	free(copy.source);
	copy.source = xstrdup("renommé.txt");
	CHECK_INT(bookmarks_locate(st, &copy, &found, &piece, &moved, &err), 1);
	CHECK_INT(piece, 3);
	/* the paragraph is gone: its old place, said to have moved */
	copy.fingerprint = 42;
	CHECK_INT(bookmarks_locate(st, &copy, &found, &piece, &moved, &err), 1);
	CHECK_INT(piece, 2);
	CHECK(moved);
	/* the document is gone */
	free(copy.symbol);
	copy.symbol = xstrdup("");
	CHECK_INT(bookmarks_locate(st, &copy, &found, &piece, &moved, &err), 0);
	store_close(st);
	free(copy.snapshot);
	free(copy.source);
	free(copy.symbol);
	free(copy.excerpt);
	unlink(db);
	free(db);
	free(key);
	free(err);
}

int
main(void)
{
	if (mkdtemp(dir) == NULL)
		return 99;
	test_fingerprint();
	test_state_file();
	test_locate();
	rmdir(dir);
	return unit_done("test_bookmarks");
}
