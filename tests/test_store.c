/* test_store.c - builds a snapshot from hand-made documents and searches it;
 * damaged and foreign files must give one-line errors, never crashes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "document.h"
#include "fts_tokenizer.h"
#include "lemma.h"
#include "query.h"
#include "store.h"
#include "unit.h"
#include "util.h"

static char tmpdir[] = "/tmp/test_store.XXXXXX";
static char *big_paragraph;
static size_t big_len;

/* Adds a paragraph copied from text, with optional bold [bs, be). */
static void
add_para(struct document *doc, enum para_role role, const char *text, size_t bs, size_t be)
{
	struct text_span *bold = NULL;

	if (be > bs) {
		bold = xmalloc(sizeof *bold);
		bold->start = (uint32_t)bs;
		bold->end = (uint32_t)be;
	}
	document_add_paragraph(doc, role, xstrdup(text), strlen(text), bold, bold ? 1 : 0);
}

static void
set_meta(struct document *doc, const char *date, const char *kind, const char *sender,
	 const char *title, const char *symbols, const char *resolutions)
{
	doc->meta.date = date ? xstrdup(date) : NULL;
	doc->meta.kind = xstrdup(kind);
	doc->meta.sender = xstrdup(sender);
	doc->meta.title = xstrdup(title);
	doc->meta.symbols = symbols ? xstrdup(symbols) : NULL;
	doc->meta.resolutions = resolutions ? xstrdup(resolutions) : NULL;
	doc->meta.addressee = xstrdup("Secrétaire général");
	doc->meta.organ = xstrdup("Conseil de sécurité");
	doc->meta.source = xasprintf("%s.txt", sender);
}

static void
make_big_paragraph(void)
{
	struct strbuf sb = STRBUF_INIT;

	while (sb.len < 50000)
		strbuf_addstr(&sb,
			      "Le séminaire régional sur la non-prolifération a réuni les États. ");
	strbuf_addstr(&sb, "Enfin, l’aiguille.");
	big_paragraph = strbuf_detach(&sb, &big_len);
}

/* Builds the test snapshot; returns the number of documents. */
static int
build(const char *path, int extra)
{
	struct store *st;
	struct document doc;
	char *err = NULL;
	int64_t id;
	int n = 0;

	CHECK_INT(store_open(path, STORE_WRITE, &st, &err), 0);
	if (st == NULL) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return 0;
	}
	CHECK_INT(store_begin(st, &err), 0);

	document_init(&doc); /* id 1 */
	set_meta(&doc, "2014-03-19", "Lettre", "Kazakhstan",
		 "Lettre datée du 18 mars 2014 adressée au Secrétaire général",
		 "A/64/666 S/2010/84", "1540 (2004); 2325 (2016)");
	add_para(&doc, PARA_TITLE, "Lettre datée du 18 mars 2014", 0, 0);
	add_para(&doc, PARA_BODY,
		 "La mise en œuvre de la résolution par les États-Unis et "
		 "l’Organisation des Nations Unies.",
		 3, 7);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	CHECK_INT(id, 1);
	document_release(&doc);
	n++;

	document_init(&doc); /* id 2 */
	set_meta(&doc, "2018-06-01", "Note verbale", "Bélarus",
		 "Note verbale datée du 1er juin 2018", "S/2018/500", "1540 (2004)");
	add_para(&doc, PARA_BODY, "Le séminaire de Minsk sur les mesures de confiance.", 0, 0);
	add_para(&doc, PARA_BODY, big_paragraph, 4090, 4110);
	add_para(&doc, PARA_SIGNATURE, "(Signé) Ivan Petrov", 0, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	n++;

	document_init(&doc); /* id 3 */
	set_meta(&doc, "2010-01-05", "Lettre", "Ukraine", "Lettre datée du 5 janvier 2010", NULL,
		 NULL);
	add_para(&doc, PARA_BODY, "Minsk et la paix: le séminaire sur les mesures de confiance.", 0,
		 0);
	add_para(&doc, PARA_BODY, "", 0, 0);
	add_para(&doc, PARA_BODY, "Minsk encore.", 0, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	n++;

	document_init(&doc); /* id 4: same date as 2, added later, so newer */
	set_meta(&doc, "2018-06-01", "Lettre", "Ukraine", "Lettre datée du 1er juin 2018",
		 "S/2018/501", NULL);
	add_para(&doc, PARA_BODY, "Les mesures de confiance en Europe. Minsk.", 0, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	n++;

	document_init(&doc); /* id 5: no date, oldest */
	set_meta(&doc, NULL, "Note verbale", "Pérou", "Note sans date", NULL, NULL);
	add_para(&doc, PARA_BODY,
		 "E\xcc\x81tats de\xcc\x81"
		 "compose\xcc\x81s (NFD).",
		 0, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	n++;

	/* many documents sharing a word, one of them with thousands of matches */
	for (int i = 0; i < extra; i++) {
		char date[16];

		document_init(&doc);
		snprintf(date, sizeof date, "2000-%02d-%02d", i % 12 + 1, i % 28 + 1);
		set_meta(&doc, date, "Lettre", "Chili", "Lettre commune", NULL, NULL);
		for (int k = 0; k < (i == 7 ? 3000 : 2); k++)
			add_para(&doc, PARA_NUMBERED, "Un paragraphe commun.", 0, 0);
		CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
		document_release(&doc);
		n++;
	}
	CHECK_INT(store_commit(st, &err), 0);

	/* a rolled-back import leaves nothing behind */
	CHECK_INT(store_begin(st, &err), 0);
	document_init(&doc);
	set_meta(&doc, "2020-01-01", "Lettre", "Fantôme", "Jamais écrite", NULL, NULL);
	add_para(&doc, PARA_BODY, "Fantôme.", 0, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	store_rollback(st);

	CHECK_INT(store_finish(st, &err), 0);
	if (err)
		fprintf(stderr, "%s\n", err);
	free(err);
	store_close(st);
	return n;
}

/* Runs a query; stores up to max hit ids; returns the number of hits or -1. */
static long
search(struct store *st, const char *text, unsigned flags, int64_t *ids, size_t max)
{
	struct query q;
	struct store_results *res;
	struct store_hit hit;
	char *err = NULL;
	long n = 0;
	int rc;

	if (query_parse(text, flags, &q) < 0) {
		query_release(&q);
		return -1;
	}
	if (store_results_open(st, &q, &res, &err) < 0) {
		fprintf(stderr, "%s: %s\n", text, err);
		free(err);
		query_release(&q);
		return -1;
	}
	while ((rc = store_results_next(res, &hit, &err)) == 1) {
		if ((size_t)n < max)
			ids[n] = hit.doc_id;
		n++;
		store_hit_release(&hit);
	}
	if (rc < 0) {
		fprintf(stderr, "%s: %s\n", text, err ? err : "interrupted");
		free(err);
		n = -1;
	}
	store_results_free(res);
	query_release(&q);
	return n;
}

static void
check_search(struct store *st, const char *text, const char *want)
{
	int64_t ids[64];
	long n = search(st, text, 0, ids, 64);
	struct strbuf got = STRBUF_INIT;
	struct query q;
	int64_t count = -1;
	char *err = NULL;

	for (long i = 0; i < n && i < 64; i++)
		strbuf_addf(&got, "%s%lld", i ? " " : "", (long long)ids[i]);
	if (n < 0)
		strbuf_addstr(&got, "error");
	CHECK_STR(strbuf_str(&got), want);
	if (strcmp(strbuf_str(&got), want) != 0)
		fprintf(stderr, "  for query %s\n", text);
	strbuf_release(&got);
	/* the count agrees with the cursor */
	if (query_parse(text, 0, &q) == 0) {
		CHECK_INT(store_results_count(st, &q, &count, &err), 0);
		CHECK_INT(count, n);
	}
	query_release(&q);
}

/* The first hit's passage with its marks shown as [..]. */
static char *
first_passage(struct store *st, const char *text, size_t *piece)
{
	struct query q;
	struct store_results *res;
	struct store_hit hit;
	struct strbuf sb = STRBUF_INIT;
	char *err = NULL;
	size_t at = 0;

	CHECK_INT(query_parse(text, 0, &q), 0);
	CHECK_INT(store_results_open(st, &q, &res, &err), 0);
	if (store_results_next(res, &hit, &err) == 1) {
		for (size_t i = 0; i < hit.nmarks; i++) {
			CHECK(hit.marks[i].start >= at && hit.marks[i].end <= strlen(hit.passage));
			strbuf_add(&sb, hit.passage + at, hit.marks[i].start - at);
			strbuf_addch(&sb, '[');
			strbuf_add(&sb, hit.passage + hit.marks[i].start,
				   hit.marks[i].end - hit.marks[i].start);
			strbuf_addch(&sb, ']');
			at = hit.marks[i].end;
		}
		if (hit.passage)
			strbuf_addstr(&sb, hit.passage + at);
		*piece = hit.piece;
		store_hit_release(&hit);
	}
	store_results_free(res);
	query_release(&q);
	return strbuf_detach(&sb, NULL);
}

static void
test_search(struct store *st, int ndocs)
{
	int64_t ids[200], count;
	char *err = NULL, *p;
	size_t piece = 99;
	long n;

	CHECK_INT(store_count_documents(st, &count, &err), 0);
	CHECK_INT(count, ndocs);

	/* newest first: same date, the later import first; no date last */
	n = search(st, "", 0, ids, 200);
	CHECK_INT(n, ndocs);
	CHECK(n == ndocs && ids[0] == 4 && ids[1] == 2 && ids[2] == 1 && ids[3] == 3 &&
	      ids[n - 1] == 5);
	check_search(st, "oeuvre", "1");
	check_search(st, "ŒUVRE", "1");
	check_search(st, "etats", "2 1 5");
	check_search(st, "l'organisation", "1");
	check_search(st, "Etats-Unis", "1");
	check_search(st, "belarus", "2");
	check_search(st, "A/64/666", "1");
	check_search(st, "\"a 64 666\"", "1");
	check_search(st, "s/2010/84", "1");
	check_search(st, "aiguille", "2");
	check_search(st, "minsk", "4 2 3");
	check_search(st, "minsk confiance", "4 2 3");
	check_search(st, "minsk -paix", "4 2 3"); /* doc 3's second passage has no "paix" */
	check_search(st, "confiance -paix -europe", "2");
	check_search(st, "\"mesures de confiance\"", "4 2 3");
	check_search(st, "\"confiance de mesures\"", "");
	CHECK_INT(search(st, "\"mesures de conf", QUERY_LAST_PREFIX, ids, 200), 3);
	CHECK_INT(search(st, "\"mesures de conf", 0, ids, 200), 0);
	CHECK_INT(search(st, "minsk \"mesures de conf", QUERY_LAST_PREFIX, ids, 200), 3);
	check_search(st, "introuvable", "");
	check_search(st, "de:kazakhstan", "1");
	check_search(st, "de:ukr", "4 3");
	check_search(st, "de:ukraine minsk", "4 3");
	check_search(st, "type:note", "2 5");
	check_search(st, "type:note etats", "2 5");
	check_search(st, "annee:2018", "4 2");
	check_search(st, "annee:2010-2014", "1 3");
	check_search(st, "annee:0000-9999 minsk", "4 2 3");
	check_search(st, "annee:2019-2099", "");
	CHECK_INT(search(st, "annee:2000 commun -zzz annee:2000", 0, ids, 200), ndocs - 5);
	CHECK_INT(search(st, "annee:2000 minsk", 0, ids, 200), 0);
	check_search(st, "cite:1540", "2 1");
	check_search(st, "cite:2325", "1");
	check_search(st, "cite:154", "");
	check_search(st, "a:secretaire organe:conseil de:perou", "5");
	check_search(st, "a:ministre", "");

	p = first_passage(st, "oeuvre etats-unis", &piece);
	CHECK_STR(p, "La mise en [œuvre] de la résolution par les [États-Unis] et l’Organisation "
		     "des Nations Unies.");
	CHECK_INT(piece, 1);
	free(p);
	p = first_passage(st, "aiguille", &piece);
	CHECK(strncmp(p, "…", 3) == 0);
	CHECK(strstr(p, "l’[aiguille].") != NULL);
	CHECK(strlen(p) < 260);
	CHECK(piece > 10);
	free(p);
	p = first_passage(st, "decomposes", &piece);
	CHECK_STR(p, "E\xcc\x81tats [de\xcc\x81"
		     "compose\xcc\x81s] (NFD).");
	free(p);
	/* a match only in the metadata gives the metadata passage */
	p = first_passage(st, "kazakhstan", &piece);
	CHECK(strstr(p, "[Kazakhstan]") != NULL);
	CHECK_INT(piece, 0);
	free(p);

	/* paging: many hits come back newest first, each once */
	n = search(st, "commun", 0, ids, 200);
	CHECK_INT(n, ndocs - 5);
	for (long i = 1; i < n && i < 200; i++) {
		struct store_doc a, b;

		CHECK_INT(store_get_doc(st, ids[i - 1], &a, &err), 1);
		CHECK_INT(store_get_doc(st, ids[i], &b, &err), 1);
		CHECK(strcmp(a.meta.date, b.meta.date) >= 0);
		CHECK(ids[i] != ids[i - 1]);
		store_doc_release(&a);
		store_doc_release(&b);
	}
	/* the last word is a prefix while typing */
	CHECK_INT(search(st, "mins", QUERY_LAST_PREFIX, ids, 200), 3);
	CHECK_INT(search(st, "mins", 0, ids, 200), 0);
	CHECK_INT(search(st, "m", QUERY_LAST_PREFIX, ids, 200), 4); /* mars, mise, minsk, mesures */
}

static void
test_pieces(struct store *st)
{
	struct store_doc doc;
	struct paragraph para;
	struct query q;
	struct strbuf joined = STRBUF_INIT;
	bool continued;
	size_t *pieces, first_big = 1, index, bold_pieces = 0;
	int64_t id;
	char *err = NULL;
	long n;

	CHECK_INT(store_get_doc(st, 1, &doc, &err), 1);
	CHECK_STR(doc.meta.sender, "Kazakhstan");
	CHECK_STR(doc.meta.symbols, "A/64/666 S/2010/84");
	CHECK_STR(doc.meta.language, NULL);
	CHECK_INT(doc.npieces, 2);
	store_doc_release(&doc);
	CHECK_INT(store_get_doc(st, 999, &doc, &err), 0);

	CHECK_INT(store_get_piece(st, 1, 1, &para, &continued, &err), 1);
	CHECK_STR(para.text, "La mise en œuvre de la résolution par les États-Unis et "
			     "l’Organisation des Nations Unies.");
	CHECK_INT(para.role, PARA_BODY);
	CHECK(!continued);
	CHECK_INT(para.nbold, 1);
	CHECK_INT(para.bold[0].start, 3);
	CHECK_INT(para.bold[0].end, 7);
	paragraph_release(&para);
	CHECK_INT(store_get_piece(st, 1, 2, &para, &continued, &err), 0);
	CHECK_INT(store_get_piece(st, 999, 0, &para, &continued, &err), 0);

	/* the 50 KB paragraph comes back in pieces that join to the original */
	CHECK_INT(store_get_doc(st, 2, &doc, &err), 1);
	CHECK(doc.npieces > 12);
	for (index = first_big; index + 1 < doc.npieces; index++) {
		CHECK_INT(store_get_piece(st, 2, index, &para, &continued, &err), 1);
		CHECK(para.len <= STORE_PIECE_MAX);
		/* cut after a sentence, so that the reader's new line falls there */
		CHECK(index + 2 == doc.npieces ||
		      (para.len > 2 && memcmp(para.text + para.len - 2, ". ", 2) == 0));
		CHECK(continued == (index > first_big));
		CHECK_INT(para.role, PARA_BODY);
		{
			/* bold 4090..4110 of the paragraph, re-based on each piece */
			size_t at = joined.len, s = at > 4090 ? at : 4090;
			size_t e = at + para.len < 4110 ? at + para.len : 4110;

			if (s < e) {
				CHECK_INT(para.nbold, 1);
				CHECK_INT(para.bold[0].start, s - at);
				CHECK_INT(para.bold[0].end, e - at);
				bold_pieces++;
			} else {
				CHECK_INT(para.nbold, 0);
			}
		}
		strbuf_add(&joined, para.text, para.len);
		paragraph_release(&para);
	}
	CHECK(bold_pieces >= 1);
	CHECK_INT(joined.len, big_len);
	CHECK(joined.len == big_len && memcmp(joined.buf, big_paragraph, big_len) == 0);
	strbuf_release(&joined);
	CHECK_INT(store_get_piece(st, 2, doc.npieces - 1, &para, &continued, &err), 1);
	CHECK_STR(para.text, "(Signé) Ivan Petrov");
	CHECK_INT(para.role, PARA_SIGNATURE);
	CHECK(!continued);
	paragraph_release(&para);

	CHECK_INT(query_parse("seminaire", 0, &q), 0);
	n = store_matching_pieces(st, &q, 2, &pieces, &err);
	CHECK_INT(n, (long)doc.npieces - 1); /* every piece but the signature */
	for (long i = 0; i < n; i++)
		CHECK_INT(pieces[i], i);
	free(pieces);
	query_release(&q);
	CHECK_INT(query_parse("aiguille", 0, &q), 0);
	n = store_matching_pieces(st, &q, 2, &pieces, &err);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(pieces[0], doc.npieces - 2);
	free(pieces);
	/* metadata matches are not pieces */
	query_release(&q);
	CHECK_INT(query_parse("belarus", 0, &q), 0);
	CHECK_INT(store_matching_pieces(st, &q, 2, &pieces, &err), 0);
	CHECK(pieces == NULL);
	query_release(&q);
	CHECK_INT(query_parse("", 0, &q), 0);
	CHECK_INT(store_matching_pieces(st, &q, 2, &pieces, &err), 0);
	query_release(&q);
	store_doc_release(&doc);

	CHECK_INT(store_get_doc(st, 3, &doc, &err), 1);
	CHECK_INT(doc.npieces, 3);
	store_doc_release(&doc);
	CHECK_INT(store_get_piece(st, 3, 1, &para, &continued, &err), 1);
	CHECK_STR(para.text, "");
	CHECK_INT(para.len, 0);
	paragraph_release(&para);
	CHECK_INT(query_parse("minsk", 0, &q), 0);
	n = store_matching_pieces(st, &q, 3, &pieces, &err);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(pieces[0], 0);
		CHECK_INT(pieces[1], 2);
	}
	free(pieces);
	query_release(&q);
	CHECK_INT(store_find_doc(st, "3", &id, &err), 1);
	CHECK_INT(id, 3);
	CHECK_INT(store_find_doc(st, " s/2010/84 ", &id, &err), 1);
	CHECK_INT(id, 1);
	CHECK_INT(store_find_doc(st, "S/2018/501", &id, &err), 1);
	CHECK_INT(id, 4);
	CHECK_INT(store_find_doc(st, "S/1999/1", &id, &err), 0);
	CHECK_INT(store_find_doc(st, "99999", &id, &err), 0);
	CHECK_INT(store_find_doc(st, "", &id, &err), 0);
}

static const char *const nasty[] = {
    "\"",
    "(",
    ")",
    "AND",
    "OR",
    "NOT",
    "NEAR(",
    "*",
    ":",
    "-",
    "--",
    "^",
    "+",
    "{}",
    "col:x",
    "a\"b",
    "'",
    "’",
    "",
    "minsk AND",
    "OR minsk",
    "NOT minsk",
    "NEAR(minsk seminaire)",
    "minsk*",
    "*minsk",
    "minsk:",
    ":minsk",
    "text:minsk",
    "fts:minsk",
    "rank:1",
    "rowid:1",
    "\"minsk",
    "minsk\"",
    "\"\"",
    "\"\"\"",
    "-\"",
    "-minsk",
    "minsk -",
    "minsk --paix",
    "^minsk",
    "+minsk",
    "minsk + paix",
    "{text}: minsk",
    "( minsk )",
    "minsk) OR (paix",
    "\\",
    "%",
    "_",
    "'; DROP TABLE doc; --",
    "l'",
    "l’",
    "\xff",
    "\xc3",
    "minsk\xe2\x80",
    "é*",
    "annee:",
    "annee:abc",
    "de:",
    "de:\"",
    "cite:\"1540",
    "a:b:c",
    "NEAR",
    "near/3",
};

/* Every input either parses or fails cleanly, and MATCH never errors. */
static void
check_nasty(struct store *st, const char *text, unsigned flags)
{
	struct query q;
	struct store_results *res;
	struct store_hit hit;
	int64_t count;
	char *err = NULL;
	int rc;

	if (query_parse(text, flags, &q) < 0) {
		CHECK(q.error != NULL && strncmp(q.error, "syntax: ", 8) == 0);
		query_release(&q);
		return;
	}
	rc = store_results_open(st, &q, &res, &err);
	CHECK_INT(rc, 0);
	if (rc == 0) {
		int steps = 0;

		while ((rc = store_results_next(res, &hit, &err)) == 1 && steps++ < 5)
			store_hit_release(&hit);
		if (rc == 1)
			store_hit_release(&hit);
		CHECK(rc >= 0);
		store_results_free(res);
	}
	CHECK_INT(store_results_count(st, &q, &count, &err), 0);
	if (err) {
		fprintf(stderr, "query %s: %s\n", text, err);
		free(err);
		err = NULL;
	}
	query_release(&q);
}

static void
test_nasty(struct store *st)
{
	char buf[10241];

	for (size_t i = 0; i < sizeof nasty / sizeof nasty[0]; i++) {
		check_nasty(st, nasty[i], 0);
		check_nasty(st, nasty[i], QUERY_LAST_PREFIX);
	}
	srand(2004);
	for (int round = 0; round < 300; round++) {
		static const char alphabet[] = "\"()*:-^+{}'aeNOTANDR \xc3\xa9\xe2\x80\x99/";
		size_t len = (size_t)(rand() % 24);

		for (size_t i = 0; i < len; i++)
			buf[i] = alphabet[rand() % (sizeof alphabet - 1)];
		buf[len] = 0;
		check_nasty(st, buf, round % 2 ? QUERY_LAST_PREFIX : 0);
	}
	for (int round = 0; round < 5; round++) {
		for (size_t i = 0; i < sizeof buf - 1; i++)
			buf[i] = (char)(rand() % 255 + 1);
		buf[sizeof buf - 1] = 0;
		check_nasty(st, buf, QUERY_LAST_PREFIX);
	}
}

static int interrupt_calls;

static int
interrupt_now(void *arg)
{
	(void)arg;
	interrupt_calls++;
	return 1;
}

/* Interrupts every third poll. */
static int
interrupt_sometimes(void *arg)
{
	(void)arg;
	return ++interrupt_calls % 3 == 0;
}

/* An abandoned step leaves the cursor where it was: every document once. */
static long
check_interrupted_paging(struct store *st, const char *text, long want)
{
	struct query q;
	struct store_results *res;
	struct store_hit hit;
	char *err = NULL;
	long hits = 0, aborted = 0;
	int64_t last = -1;
	int rc;

	CHECK_INT(query_parse(text, 0, &q), 0);
	CHECK_INT(store_results_open(st, &q, &res, &err), 0);
	store_set_interrupt(st, interrupt_sometimes, NULL);
	while ((rc = store_results_next(res, &hit, &err)) != 0 && aborted < 100000) {
		if (rc == -2) {
			aborted++;
			continue;
		}
		CHECK_INT(rc, 1);
		if (rc != 1)
			break;
		CHECK(hit.doc_id != last);
		last = hit.doc_id;
		hits++;
		store_hit_release(&hit);
	}
	store_set_interrupt(st, NULL, NULL);
	CHECK_INT(hits, want);
	store_results_free(res);
	query_release(&q);
	return aborted;
}

static void
test_interrupt(struct store *st)
{
	struct query q;
	int64_t count = 0;
	char *err = NULL;
	long aborted;

	CHECK_INT(query_parse("commun", 0, &q), 0);
	store_set_interrupt(st, interrupt_now, NULL);
	CHECK_INT(store_results_count(st, &q, &count, &err), -2);
	CHECK(err == NULL);
	CHECK(interrupt_calls > 0);
	store_set_interrupt(st, NULL, NULL);
	CHECK_INT(store_results_count(st, &q, &count, &err), 0);
	CHECK(count > 0);
	query_release(&q);
	/* a step of this small snapshot rarely runs 1000 VM steps: at least
	 * the filtered search must have been abandoned and resumed */
	aborted = check_interrupted_paging(st, "", count + 5);
	aborted += check_interrupted_paging(st, "commun", count);
	aborted += check_interrupted_paging(st, "annee:2000 commun", count);
	CHECK(aborted > 0);
}

/* FTS5's own highlight() marks the original accented text: the tokenizer
 * reports offsets in the unfolded text. */
static void
test_fts_highlight(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;

	CHECK_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	CHECK_INT(fts_tokenizer_register(db, NULL, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db,
				     "SELECT highlight(fts, 0, '[', ']') FROM fts"
				     " WHERE fts MATCH '\"oeuvre\" AND \"etats\" + \"unis\"'",
				     -1, &stmt, NULL),
		  SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(stmt, 0),
		  "La mise en [œuvre] de la résolution par les [États-Unis] et "
		  "l’Organisation des Nations Unies.");
	sqlite3_finalize(stmt);
	sqlite3_close(db);
}

/* The index agrees with the pieces (FTS5's integrity check), holds `want`
 * passages matching `word`, and is one segment: documents arrive in no date
 * order, and must still be indexed in row id order. */
static void
check_index(const char *path, const char *word, int want)
{
	sqlite3 *db;
	sqlite3_stmt *stmt;
	char *sql = xasprintf("SELECT count(*) FROM fts WHERE fts MATCH '%s'", word);

	struct lemma *lemma = NULL;
	char *err = NULL;

	/* the check re-tokenizes the text: with the lemmas, as the import did */
	CHECK_INT(lemma_new(&lemma, &err), 0);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(fts_tokenizer_register(db, lemma, NULL), SQLITE_OK);
	CHECK_INT(
	    sqlite3_exec(db, "INSERT INTO fts(fts) VALUES('integrity-check')", NULL, NULL, NULL),
	    SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), want);
	sqlite3_finalize(stmt);
	CHECK_INT(sqlite3_prepare_v2(
		      db, "SELECT count(DISTINCT id >> 37) FROM fts_data WHERE id >> 37 > 0", -1,
		      &stmt, NULL),
		  SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 1);
	sqlite3_finalize(stmt);
	sqlite3_close(db);
	lemma_free(lemma);
	free(sql);
}

/* A second import into a snapshot: the new document is found, the old ones
 * still are, and the two imports' segments are merged into one.  The
 * import runs on a scratch copy, which keeps no rollback journal even while
 * it rewrites pages that were already there. */
static void
test_extend(const char *path)
{
	struct store *st;
	struct document doc;
	char *err = NULL;
	char *journal = xasprintf("%s-journal", path);
	int64_t id;

	check_index(path, "minsk", 4); /* passages: doc 3 has two */
	CHECK_INT(store_open(path, STORE_SCRATCH, &st, &err), 0);
	if (st == NULL) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return;
	}
	CHECK_INT(store_begin(st, &err), 0);
	document_init(&doc);
	set_meta(&doc, "2012-05-05", "Lettre", "Chili", "Lettre ajoutée", NULL, NULL);
	add_para(&doc, PARA_BODY, "Un séminaire à Minsk, plus tard.", 0, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	CHECK(access(journal, F_OK) != 0);
	CHECK_INT(store_commit(st, &err), 0);
	CHECK_INT(store_finish(st, &err), 0);
	CHECK(access(journal, F_OK) != 0);
	store_close(st);
	free(journal);
	check_index(path, "minsk", 5);
	check_index(path, "ajoutee", 1);
}

/* Opening must fail with a message naming the file. */
static void
check_open_fails(const char *path, const char *want_part)
{
	struct store *st = NULL;
	char *err = NULL;

	CHECK_INT(store_open(path, STORE_READ_ONLY, &st, &err), -1);
	CHECK(st == NULL);
	CHECK(err != NULL && strstr(err, path) != NULL);
	CHECK(err != NULL && strstr(err, want_part) != NULL);
	CHECK(err != NULL && strchr(err, '\n') == NULL);
	if (err != NULL && strstr(err, want_part) == NULL)
		fprintf(stderr, "  message was: %s\n", err);
	free(err);
}

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (f) {
		CHECK_INT(fwrite(data, 1, len, f), len);
		fclose(f);
	}
}

static void
sql(const char *path, const char *statements)
{
	sqlite3 *db;

	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, statements, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

static void
test_bad_files(const char *good)
{
	char *path = xasprintf("%s/bad.db", tmpdir), *data;
	struct store *st;
	char *err = NULL;
	size_t len;

	check_open_fails("/nonexistent/liseuse.db", "no such file");
	write_file(path, "Ceci est un fichier texte, pas une base.\n", 42);
	check_open_fails(path, "not an SQLite database");
	write_file(path, "", 0);
	check_open_fails(path, "empty");
	check_open_fails(tmpdir, "directory");
	data = unit_read_file(good, &len);
	CHECK(data != NULL && len > 8192);
	write_file(path, data, len / 2);
	check_open_fails(path, "truncated");
	write_file(path, data, 100); /* header only */
	check_open_fails(path, "truncated");
	write_file(path, data, len);
	sql(path, "PRAGMA user_version=99");
	check_open_fails(path, "version 99");
	/* a snapshot of the schema before pages and content hashes */
	write_file(path, data, len);
	sql(path, "PRAGMA user_version=2");
	check_open_fails(path, "import the documents again");
	write_file(path, data, len);
	sql(path, "CREATE TRIGGER t AFTER INSERT ON doc BEGIN DELETE FROM doc; END");
	check_open_fails(path, "unexpected");
	write_file(path, data, len);
	sql(path, "CREATE VIEW v AS SELECT 1");
	check_open_fails(path, "unexpected");
	write_file(path, data, len);
	sql(path, "DROP TABLE symbol");
	check_open_fails(path, "symbol");
	write_file(path, data, len);
	sql(path, "DROP TABLE symbol; CREATE VIRTUAL TABLE symbol USING fts5(x)");
	check_open_fails(path, "unexpected");
	unlink(path);
	sql(path, "CREATE TABLE t(x)");
	check_open_fails(path, "not a liseuse snapshot");
	/* the importer refuses a foreign database too, and a future version */
	CHECK_INT(store_open(path, STORE_WRITE, &st, &err), -1);
	CHECK(err != NULL && strstr(err, "not a liseuse snapshot") != NULL);
	free(err);
	err = NULL;
	unlink(path);
	/* a damaged page inside: errors, not crashes */
	memset(data + len / 2, 0x5a, 4096);
	write_file(path, data, len);
	if (store_open(path, STORE_READ_ONLY, &st, &err) == 0) {
		int64_t ids[8];

		search(st, "commun", 0, ids, 8);
		search(st, "", 0, ids, 8);
		store_close(st);
	} else {
		free(err);
	}
	unlink(path);
	free(data);
	free(path);
}

static void
test_read_only(const char *good)
{
	struct store *st;
	struct document doc;
	char *err = NULL;
	int64_t id;

	CHECK_INT(store_open(good, STORE_READ_ONLY, &st, &err), 0);
	if (st == NULL)
		return;
	CHECK_STR(store_path(st), good);
	CHECK_INT(store_begin(st, &err), -1);
	CHECK(err != NULL && strstr(err, "read-only") != NULL);
	free(err);
	err = NULL;
	document_init(&doc);
	set_meta(&doc, "2020-01-01", "Lettre", "X", "Y", NULL, NULL);
	CHECK_INT(store_add_document(st, &doc, &id, &err), -1);
	free(err);
	err = NULL;
	document_release(&doc);
	CHECK_INT(store_finish(st, &err), -1);
	free(err);
	store_close(st);
}

/* A document of one page-numbered paragraph and its footnote. */
static void
make_versioned(struct document *doc, const char *source, const char *symbols, const char *word)
{
	char *text = xasprintf("Le texte de la lettre parle de %s.", word);

	document_init(doc);
	set_meta(doc, "2016-05-02", "Lettre", "Chili", "Lettre datée du 2 mai 2016", symbols, NULL);
	free(doc->meta.source);
	doc->meta.source = xstrdup(source);
	add_para(doc, PARA_TITLE, "Lettre datée du 2 mai 2016", 0, 0);
	add_para(doc, PARA_BODY, text, 0, 0);
	doc->paras[doc->npara - 1].page = 3;
	add_para(doc, PARA_NOTE, "1 Voir la note.", 0, 0);
	doc->paras[doc->npara - 1].page = 4;
	free(text);
}

/* store_put_document: added, unchanged, replaced by source or symbol, in
 * one transaction and across two; pages and notes come back. */
static void
test_put(void)
{
	char *path = xasprintf("%s/put.db", tmpdir);
	struct store *st = NULL;
	struct document doc;
	struct paragraph para;
	enum store_outcome outcome;
	bool continued;
	char *err = NULL;
	int64_t id = 0, first = 0, count = 0;
	int64_t ids[8];

	CHECK_INT(store_open(path, STORE_WRITE, &st, &err), 0);
	if (st == NULL)
		return;
	CHECK_INT(store_begin(st, &err), 0);
	make_versioned(&doc, "a.txt", "S/2016/400", "pommes");
	CHECK_INT(store_put_document(st, &doc, &first, &outcome, &err), 0);
	CHECK_INT(outcome, STORE_ADDED);
	document_release(&doc);
	/* the same file again in the same import: unchanged */
	make_versioned(&doc, "a.txt", "S/2016/400", "pommes");
	CHECK_INT(store_put_document(st, &doc, &id, &outcome, &err), 0);
	CHECK_INT(outcome, STORE_UNCHANGED);
	CHECK_INT(id, first);
	document_release(&doc);
	/* changed, not yet indexed: replaced, same id */
	make_versioned(&doc, "a.txt", "S/2016/400", "poires");
	CHECK_INT(store_put_document(st, &doc, &id, &outcome, &err), 0);
	CHECK_INT(outcome, STORE_REPLACED);
	CHECK_INT(id, first);
	document_release(&doc);
	make_versioned(&doc, "b.txt", "S/2016/401", "cerises");
	CHECK_INT(store_put_document(st, &doc, &id, &outcome, &err), 0);
	CHECK_INT(outcome, STORE_ADDED);
	document_release(&doc);
	CHECK_INT(store_commit(st, &err), 0);
	CHECK_INT(store_count_documents(st, &count, &err), 0);
	CHECK_INT(count, 2);
	CHECK_INT(search(st, "pommes", 0, ids, 8), 0);
	CHECK_INT(search(st, "poires", 0, ids, 8), 1);

	/* across imports: by symbol under another name, the index follows */
	CHECK_INT(store_begin(st, &err), 0);
	make_versioned(&doc, "c.txt", "S/2016/400", "prunes");
	CHECK_INT(store_put_document(st, &doc, &id, &outcome, &err), 0);
	CHECK_INT(outcome, STORE_REPLACED);
	CHECK_INT(id, first);
	document_release(&doc);
	/* one file that is both earlier documents: both go, one is left */
	make_versioned(&doc, "b.txt", "S/2016/400", "figues");
	CHECK_INT(store_put_document(st, &doc, &id, &outcome, &err), 0);
	CHECK_INT(outcome, STORE_REPLACED);
	document_release(&doc);
	CHECK_INT(store_commit(st, &err), 0);
	CHECK_INT(store_finish(st, &err), 0);
	CHECK_INT(store_count_documents(st, &count, &err), 0);
	CHECK_INT(count, 1);
	CHECK_INT(search(st, "poires", 0, ids, 8), 0);
	CHECK_INT(search(st, "prunes", 0, ids, 8), 0);
	CHECK_INT(search(st, "cerises", 0, ids, 8), 0);
	CHECK_INT(search(st, "figues", 0, ids, 8), 1);
	CHECK_INT(store_find_doc(st, "S/2016/401", &id, &err), 0);
	CHECK_INT(store_find_doc(st, "S/2016/400", &id, &err), 1);

	/* pages and roles come back with the pieces */
	CHECK_INT(store_get_piece(st, id, 1, &para, &continued, &err), 1);
	CHECK_INT(para.page, 3);
	CHECK_INT(para.role, PARA_BODY);
	paragraph_release(&para);
	CHECK_INT(store_get_piece(st, id, 2, &para, &continued, &err), 1);
	CHECK_INT(para.page, 4);
	CHECK_INT(para.role, PARA_NOTE);
	paragraph_release(&para);
	if (err != NULL)
		fprintf(stderr, "%s\n", err);
	free(err);
	store_close(st);
	unlink(path);
	free(path);
}

/* lemma_ready on a dictionary read from aff and dic: fails naming both. */
static void
check_unreadable_dictionary(const char *aff, const char *dic)
{
	struct lemma *lemma = NULL;
	char *err = NULL;

	CHECK_INT(lemma_new_files(aff, dic, &lemma, &err), 0);
	if (lemma == NULL)
		return;
	CHECK_INT(lemma_ready(lemma, &err), -1);
	CHECK(err != NULL && strstr(err, aff) != NULL && strstr(err, dic) != NULL);
	free(err);
	/* words get no lemma, and asking again says the same */
	CHECK(lemma_of(lemma, "mesures", 7, "mesures", 7) == NULL);
	err = NULL;
	CHECK_INT(lemma_ready(lemma, &err), -1);
	CHECK(err != NULL);
	free(err);
	lemma_free(lemma);
}

/* The dictionary is read on a thread of its own: lemma_ready tells whether
 * it was, for files that exist but make no dictionary. */
static void
test_dictionary_files(void)
{
	char *aff = xasprintf("%s/fr.aff", tmpdir), *dic = xasprintf("%s/fr.dic", tmpdir);
	char *real_aff, *err = NULL;
	struct lemma *lemma = NULL;
	size_t len = 0;

	CHECK_INT(lemma_new(&lemma, &err), 0);
	CHECK_INT(lemma != NULL ? lemma_ready(lemma, &err) : -1, 0);
	lemma_free(lemma);

	/* a missing file is named at once */
	CHECK_INT(lemma_new_files(aff, dic, &lemma, &err), -1);
	CHECK(lemma == NULL && err != NULL && strstr(err, aff) != NULL);
	free(err);

	write_file(aff, "", 0);
	write_file(dic, "", 0);
	check_unreadable_dictionary(aff, dic);
	write_file(dic, "garbage\n\xff\xfe\n", 11);
	check_unreadable_dictionary(aff, dic);
	/* the real affixes with no words */
	real_aff = unit_read_file(HUNSPELL_DIR "/fr.aff", &len);
	CHECK(real_aff != NULL);
	if (real_aff != NULL) {
		write_file(aff, real_aff, len);
		write_file(dic, "0\n", 2);
		check_unreadable_dictionary(aff, dic);
	}
	free(real_aff);
	unlink(aff);
	unlink(dic);
	free(aff);
	free(dic);
}

int
main(void)
{
	char *path, *again, *a, *b;
	struct store *st;
	char *err = NULL;
	size_t alen = 0, blen = 0;
	int ndocs;

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	make_big_paragraph();
	path = xasprintf("%s/snapshot.db", tmpdir);
	again = xasprintf("%s/again.db", tmpdir);
	ndocs = build(path, 40);
	CHECK_INT(build(again, 40), ndocs);
	/* reproducible: same documents, same bytes */
	a = unit_read_file(path, &alen);
	b = unit_read_file(again, &blen);
	CHECK(a != NULL && b != NULL && alen == blen && memcmp(a, b, alen) == 0);
	free(a);
	free(b);

	CHECK_INT(store_open(path, STORE_READ_ONLY, &st, &err), 0);
	if (st == NULL) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	test_search(st, ndocs);
	test_pieces(st);
	test_nasty(st);
	test_interrupt(st);
	store_close(st);
	test_read_only(path);
	test_fts_highlight(path);
	test_bad_files(path);

	/* extending a snapshot: the importer reopens it for writing */
	CHECK_INT(store_open(again, STORE_WRITE, &st, &err), 0);
	if (st) {
		int64_t count;

		CHECK_INT(store_count_documents(st, &count, &err), 0);
		CHECK_INT(count, ndocs);
		store_close(st);
	}
	test_extend(again);
	test_put();
	test_dictionary_files();
	unlink(path);
	unlink(again);
	rmdir(tmpdir);
	free(path);
	free(again);
	free(big_paragraph);
	return unit_done("test_store");
}
