/* test_docview.c - the reading pane's model: header, blocks, wrapped lines,
 * positions, the anchor across resizes, highlights and matches. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "docview.h"
#include "unit.h"
#include "util.h"

/* A document in memory: one piece per entry. */
struct piece {
	enum para_role role;
	const char *text; /* NULL: unreadable */
	bool continued;
};

struct fake {
	const struct piece *pieces;
	size_t n;
	int reads;
};

static int
fake_get(void *arg, size_t index, struct paragraph *out, bool *continued, char **err)
{
	struct fake *f = arg;

	f->reads++;
	memset(out, 0, sizeof *out);
	if (index >= f->n)
		return 0;
	if (!f->pieces[index].text) {
		*err = xstrdup("page abîmée");
		return -1;
	}
	out->role = f->pieces[index].role;
	out->text = xstrdup(f->pieces[index].text);
	out->len = strlen(out->text);
	*continued = f->pieces[index].continued;
	return 1;
}

/* The text of the line at p, or "" for a blank line. */
static const char *
line_text(struct docview *v, struct docview_pos p)
{
	static char buf[256];
	const struct docview_block *b;
	const struct layout_line *ln;

	if (!docview_line(v, p, &b, &ln))
		return "";
	snprintf(buf, sizeof buf, "%.*s", (int)(ln->end - ln->start), b->text + ln->start);
	return buf;
}

static const struct piece letter[] = {
    {PARA_FRONT, "Nations Unies", false},
    {PARA_FRONT, "Conseil de sécurité", false},
    {PARA_TITLE, "Lettre datée du 3 mars", false},
    {PARA_BODY, "un deux trois quatre cinq six sept huit neuf dix", false},
    {PARA_BODY, "onze douze treize", true},
    {PARA_BODY, "désarmement nucléaire et paix", false},
    {PARA_SIGNATURE, "L'Ambassadeur,", false},
    {PARA_SIGNATURE, "(Signé) Untel", false},
};
#define NLETTER (sizeof letter / sizeof letter[0])

static void
open_letter(struct docview *v, struct fake *f, int width, int height)
{
	struct doc_meta meta = {0};
	struct docview_source src = {fake_get, f};

	f->pieces = letter;
	f->n = NLETTER;
	meta.kind = "Lettre";
	meta.date = "2014-03-03";
	meta.sender = "Kazakhstan";
	docview_init(v, src, 0);
	docview_set_size(v, width, height);
	docview_open(v, &meta, NLETTER);
}

static void
test_blocks(void)
{
	struct docview v;
	struct fake f = {0};
	struct docview_pos p = {0, 0};

	open_letter(&v, &f, 20, 5);
	/* Header: "Lettre · date", "From: Kazakhstan" (no catalogue: English). */
	CHECK_INT(v.nheader, 2);
	CHECK_INT(v.nblocks, 2 + NLETTER);
	CHECK_STR(line_text(&v, p), "Lettre · 2014-03-03");
	p.block = 1;
	CHECK_STR(line_text(&v, p), "From: Kazakhstan");
	CHECK_INT(docview_block(&v, 1)->nbold, 1);
	CHECK_INT(docview_block(&v, 1)->bold[0].end, 4); /* the label "From" */
	/* The masthead's lines stay together; a blank line before the first. */
	CHECK(docview_block(&v, 2)->blank_before);
	CHECK(!docview_block(&v, 3)->blank_before);
	CHECK(docview_block(&v, 4)->blank_before);
	/* A title is bold all through. */
	CHECK_INT(docview_block(&v, 4)->nbold, 1);
	CHECK_INT(docview_block(&v, 4)->bold[0].end, strlen(letter[2].text));
	/* A piece continuing a paragraph has no blank line. */
	CHECK(!docview_block(&v, 6)->blank_before);
	/* Signature lines together. */
	CHECK(docview_block(&v, 8)->blank_before);
	CHECK(!docview_block(&v, 9)->blank_before);
	/* Wrapping at 20 cells: 50 bytes of words give three lines, plus the
	 * blank one. */
	CHECK_INT(docview_block_lines(&v, 5), 4);
	p.block = 5;
	p.line = 0;
	CHECK_STR(line_text(&v, p), "");
	p.line = 1;
	CHECK_STR(line_text(&v, p), "un deux trois quatre");
	/* Stepping crosses blocks both ways. */
	p.line = 3;
	CHECK(docview_next(&v, &p));
	CHECK_INT(p.block, 6);
	CHECK_INT(p.line, 0);
	CHECK(docview_prev(&v, &p));
	CHECK_INT(p.block, 5);
	CHECK_INT(p.line, 3);
	p.block = 0;
	p.line = 0;
	CHECK(!docview_prev(&v, &p));
	p.block = v.nblocks - 1;
	p.line = docview_block_lines(&v, p.block) - 1;
	CHECK(!docview_next(&v, &p));
	docview_release(&v);
}

/* The line index at the top, counted from the start of the document. */
static long
top_index(struct docview *v)
{
	struct docview_pos p = {0, 0};
	long n = 0;

	while (docview_pos_cmp(p, v->top) < 0 && docview_next(v, &p))
		n++;
	return n;
}

static long
total_lines(struct docview *v)
{
	long n = 0;

	for (size_t i = 0; i < v->nblocks; i++)
		n += (long)docview_block_lines(v, i);
	return n;
}

static void
test_scroll_and_clamp(void)
{
	struct docview v;
	struct fake f = {0};
	long total;

	open_letter(&v, &f, 20, 5);
	total = total_lines(&v);
	CHECK_INT(docview_percent(&v), 0);
	CHECK(!docview_at_end(&v));
	CHECK_INT(docview_scroll(&v, 3), 3);
	CHECK_INT(top_index(&v), 3);
	CHECK_INT(docview_scroll(&v, -10), -3);
	CHECK_INT(top_index(&v), 0);
	/* Never past the last full window. */
	docview_scroll(&v, 1000);
	CHECK_INT(top_index(&v), total - 5);
	CHECK(docview_at_end(&v));
	CHECK_INT(docview_percent(&v), 100);
	CHECK_INT(docview_scroll(&v, 1), 0);
	docview_to_top(&v);
	CHECK_INT(top_index(&v), 0);
	docview_to_bottom(&v);
	CHECK_INT(top_index(&v), total - 5);
	/* A window taller than the document keeps the top at 0. */
	docview_set_size(&v, 20, 200);
	CHECK_INT(top_index(&v), 0);
	CHECK(docview_at_end(&v));
	docview_release(&v);
}

/* A resize near the end clamps the top but keeps the anchor: back at the
 * old size, the old top line returns. */
static void
test_anchor_across_resize(void)
{
	struct docview v;
	struct fake f = {0};
	size_t piece, line;
	char before[256];

	open_letter(&v, &f, 20, 5);
	docview_go(&v, 3, 2); /* piece 3 (the long body), its second text line */
	snprintf(before, sizeof before, "%s", line_text(&v, v.top));
	CHECK_STR(before, "cinq six sept huit");
	docview_position(&v, &piece, &line);
	CHECK_INT(piece, 3);
	CHECK_INT(line, 2);
	/* Taller: the end of the document comes up, the top is clamped. */
	docview_set_size(&v, 20, 12);
	CHECK(strcmp(line_text(&v, v.top), before) != 0);
	/* The saved place is still the anchor, not the clamped top. */
	docview_position(&v, &piece, &line);
	CHECK_INT(piece, 3);
	CHECK_INT(line, 2);
	/* Wider: the anchor's byte is on another line of the same block. */
	docview_set_size(&v, 40, 5);
	CHECK_INT(v.top.block, 5);
	CHECK(strstr(line_text(&v, v.top), "cinq") != NULL);
	docview_set_size(&v, 20, 5);
	CHECK_STR(line_text(&v, v.top), before);
	/* Hidden (height 0) keeps the place. */
	docview_set_size(&v, 20, 0);
	docview_set_size(&v, 20, 5);
	CHECK_STR(line_text(&v, v.top), before);
	/* Scrolling moves the anchor. */
	docview_scroll(&v, 1);
	docview_position(&v, &piece, &line);
	CHECK_INT(piece, 3);
	CHECK_INT(line, 3);
	/* In the header: piece 0, line 0. */
	docview_to_top(&v);
	docview_position(&v, &piece, &line);
	CHECK_INT(piece, 0);
	CHECK_INT(line, 0);
	/* Out of range positions are clamped. */
	docview_go(&v, 3, 99);
	CHECK_INT(v.top.block, 5);
	CHECK_INT(v.top.line, 3);
	docview_go(&v, 999, 0);
	CHECK_INT(top_index(&v), 0);
	docview_release(&v);
}

static void
test_highlights_follow_query(void)
{
	struct docview v;
	struct fake f = {0};
	struct query q1, q2, empty;
	size_t piece;
	size_t *m = xmalloc(2 * sizeof *m);

	CHECK_INT(query_parse("paix", QUERY_LAST_PREFIX, &q1), 0);
	CHECK_INT(query_parse("treize", QUERY_LAST_PREFIX, &q2), 0);
	CHECK_INT(query_parse("", QUERY_LAST_PREFIX, &empty), 0);
	open_letter(&v, &f, 40, 5);
	CHECK(!docview_has_terms(&v));
	CHECK_INT(docview_block(&v, 7)->nmarks, 0);
	docview_set_query(&v, &q1);
	CHECK(docview_has_terms(&v));
	CHECK_INT(docview_block(&v, 7)->nmarks, 1);
	CHECK_INT(docview_block(&v, 6)->nmarks, 0);
	/* Headers are never highlighted. */
	CHECK_INT(docview_block(&v, 0)->nmarks, 0);
	/* A new query: the cached blocks' marks follow it. */
	docview_set_query(&v, &q2);
	CHECK_INT(docview_block(&v, 7)->nmarks, 0);
	CHECK_INT(docview_block(&v, 6)->nmarks, 1);
	/* Matches: unknown until handed over, forgotten with the query. */
	CHECK(!docview_matches_known(&v));
	m[0] = 4;
	m[1] = 5;
	docview_set_matches(&v, m, 2);
	CHECK(docview_matches_known(&v));
	CHECK(docview_find_match(&v, 1, &piece));
	CHECK_INT(piece, 4);
	CHECK(!docview_find_match(&v, -1, &piece));
	docview_show_piece(&v, 5, true);
	CHECK(docview_find_match(&v, -1, &piece));
	CHECK_INT(piece, 4);
	CHECK(!docview_find_match(&v, 1, &piece));
	/* An empty filter highlights nothing and has no terms. */
	docview_set_query(&v, &empty);
	CHECK(!docview_has_terms(&v));
	CHECK(!docview_matches_known(&v));
	CHECK_INT(docview_block(&v, 6)->nmarks, 0);
	docview_set_query(&v, NULL);
	CHECK(!docview_has_terms(&v));
	docview_release(&v);
	query_release(&q1);
	query_release(&q2);
	query_release(&empty);
}

/* show_piece puts the first highlight on screen, the start of the
 * document when the match is near it. */
static void
test_show_piece(void)
{
	struct docview v;
	struct fake f = {0};
	struct query q;

	CHECK_INT(query_parse("Untel", QUERY_LAST_PREFIX, &q), 0);
	open_letter(&v, &f, 20, 4);
	docview_set_query(&v, &q);
	docview_show_piece(&v, 7, true);
	/* The last piece: the top is clamped, the match is on the screen. */
	CHECK(docview_at_end(&v));
	docview_set_size(&v, 20, 30);
	docview_show_piece(&v, 3, true);
	CHECK_INT(top_index(&v), 0); /* near the start: from the top */
	docview_set_size(&v, 20, 3);
	docview_show_piece(&v, 3, false);
	CHECK_INT(v.top.block, 5);
	CHECK_INT(v.top.line, 1); /* the text, not the blank line above it */
	docview_show_piece(&v, 99, false); /* out of range: no move */
	CHECK_INT(v.top.block, 5);
	docview_release(&v);
	query_release(&q);
}

static void
test_unreadable_and_empty(void)
{
	static const struct piece bad[] = {
	    {PARA_BODY, "premier", false},
	    {PARA_BODY, NULL, false},
	};
	struct docview v;
	struct fake f = {bad, 2, 0};
	struct docview_source src = {fake_get, &f};
	struct doc_meta meta = {0};
	struct docview_pos p = {0, 0};
	const struct docview_block *b;

	docview_init(&v, src, 0);
	CHECK_INT(docview_percent(&v), -1);
	CHECK_INT(docview_scroll(&v, 1), 0);
	docview_set_size(&v, 60, 10);
	docview_open(&v, &meta, 2);
	CHECK_INT(v.nheader, 1); /* "Document" when nothing is known */
	CHECK_STR(line_text(&v, p), "Document");
	b = docview_block(&v, 2);
	CHECK(strstr(b->text, "page abîmée") != NULL);
	CHECK(b->blank_before);
	docview_close(&v);
	CHECK(!v.open);
	docview_open(&v, &meta, 0);
	CHECK_INT(docview_percent(&v), -1);
	CHECK(docview_at_end(&v));
	docview_release(&v);
}

/* A long document reads only what it shows, through the small cache. */
static void
test_lazy_reading(void)
{
	enum { N = 5000 };
	struct piece *many = xcalloc(N, sizeof *many);
	struct docview v;
	struct fake f = {many, N, 0};
	struct docview_source src = {fake_get, &f};
	struct doc_meta meta = {0};

	for (size_t i = 0; i < N; i++)
		many[i] = (struct piece){PARA_BODY, "un paragraphe", false};
	docview_init(&v, src, 0);
	docview_set_size(&v, 40, 10);
	docview_open(&v, &meta, N);
	docview_go(&v, N / 2, 0);
	CHECK(f.reads < 3 * DOCVIEW_CACHE);
	docview_scroll(&v, 3 * DOCVIEW_CACHE);
	CHECK_INT(v.top.block, 1 + N / 2 + 3 * DOCVIEW_CACHE / 2);
	docview_release(&v);
	free(many);
}

/* Pieces with pages: the role, the text and the page. */
struct paged_piece {
	enum para_role role;
	const char *text;
	int page;
};

static int
paged_get(void *arg, size_t index, struct paragraph *out, bool *continued, char **err)
{
	const struct paged_piece *p = arg;

	(void)err;
	memset(out, 0, sizeof *out);
	*continued = false;
	if (index >= 6)
		return 0;
	out->role = p[index].role;
	out->text = xstrdup(p[index].text);
	out->len = strlen(out->text);
	out->page = p[index].page;
	return 1;
}

/* The page at the top follows the scrolling; footnotes are indented and
 * wrapped narrower, and consecutive notes are one block. */
static void
test_pages_and_notes(void)
{
	static const struct paged_piece paged[6] = {
	    {PARA_TITLE, "Rapport du Secrétaire général", 1},
	    {PARA_BODY, "un deux trois quatre cinq six sept huit neuf dix onze", 1},
	    {PARA_NOTE, "1 Voir la note un deux trois quatre cinq", 1},
	    {PARA_NOTE, "2 Voir la suite", 1},
	    {PARA_BODY, "la deuxième page commence ici", 2},
	    {PARA_BODY, "la troisième", 3},
	};
	struct docview_source src = {paged_get, (void *)paged};
	struct doc_meta meta = {0};
	struct docview v;
	const struct docview_block *b;
	size_t note;

	meta.kind = "Rapport";
	docview_init(&v, src, 0);
	CHECK_INT(docview_page(&v), 0);
	docview_set_size(&v, 20, 4);
	docview_open(&v, &meta, 6);
	note = v.nheader + 2;
	CHECK_INT(docview_page(&v), 1);
	b = docview_block(&v, note);
	CHECK_INT(b->indent, DOCVIEW_NOTE_INDENT);
	CHECK(b->blank_before);
	for (size_t i = 0; i < b->lay.nlines; i++)
		CHECK(b->lay.lines[i].end - b->lay.lines[i].start <= 20 - DOCVIEW_NOTE_INDENT);
	b = docview_block(&v, note + 1);
	CHECK(!b->blank_before);
	CHECK_INT(docview_block(&v, v.nheader + 1)->indent, 0);
	docview_show_piece(&v, 4, false);
	CHECK_INT(docview_page(&v), 2);
	docview_to_bottom(&v);
	CHECK(docview_page(&v) >= 2);
	/* too narrow to indent */
	docview_set_size(&v, 10, 4);
	CHECK_INT(docview_block(&v, note)->indent, 0);
	docview_release(&v);
}

int
main(void)
{
	test_pages_and_notes();
	test_blocks();
	test_scroll_and_clamp();
	test_anchor_across_resize();
	test_highlights_follow_query();
	test_show_piece();
	test_unreadable_and_empty();
	test_lazy_reading();
	return unit_done("test_docview");
}
