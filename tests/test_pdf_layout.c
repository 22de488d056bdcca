/* test_pdf_layout.c - PDF lines into paragraphs, on hand-made lines (no
 * poppler): running headers and footers, paragraph boundaries, footnotes,
 * hyphens at line ends. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pdf_layout.h"
#include "unit.h"
#include "util.h"

/* Text lines are 10 points, 12 apart, from x = 72 to about 520. */
#define RIGHT 520.0

static struct pdf_lines lines;

/* Adds a line whose baseline is at y; its first word is 5 points a letter. */
static struct pdf_line *
add(int page, double x0, double y, double x1, double size, const char *text)
{
	struct pdf_line *l = pdf_lines_add(&lines, page, xstrdup(text), strlen(text));
	size_t first = strcspn(text, " ");

	l->x0 = x0;
	l->x1 = x1;
	l->y0 = y - size * 0.8;
	l->y1 = y + size * 0.2;
	l->size = size;
	l->first_word = (double)first * size * 0.5;
	return l;
}

static void
pages(size_t n)
{
	lines.pages = xcalloc(n, sizeof *lines.pages);
	lines.npages = n;
	for (size_t i = 0; i < n; i++)
		lines.pages[i] = (struct pdf_page){ 595, 842 };
}

static void
reset(void)
{
	pdf_lines_release(&lines);
}

/* A dictionary of a few words. */
static bool
small_dictionary(const char *w, size_t n, void *ctx)
{
	static const char *const words[] = { "dispositions", "prolifération", "non",
					     "positions", "dis", "ci-après" };

	(void)ctx;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return true;
	return false;
}

static void
run(struct document *doc, struct pdf_furniture *f)
{
	document_init(doc);
	memset(f, 0, sizeof *f);
	pdf_layout(&lines, small_dictionary, NULL, doc, f);
}

static bool
any_paragraph_has(const struct document *doc, const char *s)
{
	for (size_t i = 0; i < doc->npara; i++)
		if (strstr(doc->paras[i].text, s) != NULL)
			return true;
	return false;
}

/* Headers and footers that repeat or have the form of furniture go; the
 * symbol and the job number are kept; text in a margin that neither
 * repeats nor looks like furniture stays. */
static void
test_furniture(void)
{
	struct document doc;
	struct pdf_furniture f;

	pages(3);
	add(1, 420, 50, 523, 16, "S/2020/15")->bold = true;
	add(1, 72, 70, 400, 10, "Un titre dans la marge du haut");
	add(1, 72, 150, 510, 10, "Le texte de la première page continue jusqu’au bout de la");
	add(1, 72, 162, 300, 10, "ligne et s’arrête ici.");
	add(1, 72, 790, 125, 8, "20-01234 (F)");
	add(1, 135, 790, 165, 8, "150120");
	add(1, 72, 806, 137, 12, "*2001234*");
	add(1, 451, 806, 523, 8, "Merci de recycler");
	add(1, 72, 822, 188, 7, "https://undocs.org/fr/S/2020/15");
	for (int p = 2; p <= 3; p++) {
		char num[8];

		snprintf(num, sizeof num, "%d/3", p);
		add(p, 72, 50, 122, 8, "S/2020/15");
		add(p, 300, 50, 500, 8, "Rapport annuel");
		add(p, 72, 150, 510, 10, "Une page de texte qui a une ligne pleine et une autre qui");
		add(p, 72, 162, 300, 10, "est courte.");
		add(p, 72, 805, 85, 8, num);
		add(p, 300, 820, 310, 8, p == 2 ? "ii" : "iii");
		add(p, 480, 805, 523, 8, "20-01234");
	}
	run(&doc, &f);
	CHECK_STR(f.symbols, "S/2020/15");
	CHECK_STR(f.job_number, "20-01234 (F)");
	CHECK(!any_paragraph_has(&doc, "S/2020/15"));
	CHECK(!any_paragraph_has(&doc, "Rapport annuel"));
	CHECK(!any_paragraph_has(&doc, "recycler"));
	CHECK(!any_paragraph_has(&doc, "150120"));
	CHECK(!any_paragraph_has(&doc, "2001234"));
	CHECK(!any_paragraph_has(&doc, "2/3"));
	CHECK(!any_paragraph_has(&doc, "undocs"));
	CHECK(!any_paragraph_has(&doc, "ii"));
	CHECK(any_paragraph_has(&doc, "Un titre dans la marge du haut"));
	CHECK(f.removed != NULL && strstr(f.removed, "Merci de recycler\n") != NULL);
	CHECK_INT(doc.npara, 4);
	if (doc.npara == 4) {
		CHECK_STR(doc.paras[1].text,
			  "Le texte de la première page continue jusqu’au bout de la ligne et "
			  "s’arrête ici.");
		CHECK_INT(doc.paras[2].page, 2);
		CHECK_INT(doc.paras[3].page, 3);
	}
	document_release(&doc);
	pdf_furniture_release(&f);
	reset();
}

/* Paragraphs end at a blank, at an indent, where a line stops short of
 * the margin, at a marker after a sentence and at a change of font; they go
 * on across a page break when the last line is full. */
static void
test_paragraphs(void)
{
	struct document doc;
	struct pdf_furniture f;

	pages(2);
	add(1, 72, 100, 300, 12, "Rapport sur les travaux")->bold = true;
	/* two paragraphs told apart by a blank */
	add(1, 72, 130, RIGHT, 10, "Premier paragraphe dont la première ligne va jusqu’à la marge");
	add(1, 72, 142, RIGHT, 10, "et finit là.");
	add(1, 72, 160, RIGHT, 10, "Deuxième paragraphe après un blanc, qui va jusqu’à la marge");
	add(1, 72, 172, RIGHT, 10, "droite, sans blanc ni retrait avant le suivant, pleine jusqu’au");
	add(1, 72, 184, RIGHT, 10, "bout.");
	/* an indent, no blank */
	add(1, 100, 196, RIGHT, 10, "Troisième paragraphe, en retrait de première ligne, qui");
	add(1, 72, 208, RIGHT, 10, "continue à la marge et va jusqu’au bas de la page où il est");
	/* across the page break: the last line of page 1 is full */
	add(2, 72, 100, 250, 10, "coupé.");
	/* numbered paragraphs and lettered items, hanging */
	add(2, 72, 118, RIGHT, 10, "1. Un paragraphe numéroté dont la ligne est pleine jusqu’au");
	add(2, 72, 130, 200, 10, "bout :");
	add(2, 100, 142, RIGHT, 10, "a) Un alinéa dont la suite est en retrait sous son texte");
	add(2, 128, 154, 300, 10, "même ;");
	add(2, 100, 166, 300, 10, "b) Un second alinéa.");
	run(&doc, &f);
	CHECK_INT(doc.npara, 7);
	if (doc.npara == 7) {
		CHECK_INT(doc.paras[0].role, PARA_TITLE);
		CHECK_STR(doc.paras[1].text, "Premier paragraphe dont la première ligne va jusqu’à "
					     "la marge et finit là.");
		CHECK_INT(doc.paras[2].role, PARA_BODY);
		CHECK_STR(doc.paras[3].text,
			  "Troisième paragraphe, en retrait de première ligne, qui continue à la "
			  "marge et va jusqu’au bas de la page où il est coupé.");
		CHECK_INT(doc.paras[3].page, 1);
		CHECK_INT(doc.paras[4].role, PARA_NUMBERED);
		CHECK_INT(doc.paras[4].page, 2);
		CHECK_INT(doc.paras[5].role, PARA_ITEM);
		CHECK_STR(doc.paras[5].text,
			  "a) Un alinéa dont la suite est en retrait sous son texte même ;");
		CHECK_INT(doc.paras[6].role, PARA_ITEM);
	}
	document_release(&doc);
	pdf_furniture_release(&f);
	reset();
}

/* Small type under the text at the foot of a page is a footnote: its own
 * paragraph, right after the one that calls it, even when that one goes
 * on after it; the raised call becomes a superscript digit. */
static void
test_footnotes(void)
{
	struct document doc;
	struct pdf_furniture f;
	struct pdf_line *l;

	pages(1);
	add(1, 72, 100, RIGHT, 10, "Un paragraphe qui appelle une note ici2 et qui va jusqu’au");
	l = &lines.lines[lines.n - 1];
	l->sups = xmalloc(sizeof *l->sups);
	l->sups[0].start = (uint32_t)(strchr(l->text, '2') - l->text);
	l->sups[0].end = l->sups[0].start + 1;
	l->nsup = 1;
	add(1, 72, 112, 300, 10, "bout de sa page.");
	add(1, 72, 130, 300, 10, "Un autre paragraphe, sans note.");
	add(1, 72, 740, 400, 8, "2 Le texte de la note, en petits caractères, sur deux");
	add(1, 84, 750, 300, 8, "lignes.");
	add(1, 72, 760, 300, 8, "3 Une note que rien n’appelle.");
	run(&doc, &f);
	CHECK_INT(doc.npara, 4);
	if (doc.npara == 4) {
		CHECK_STR(doc.paras[0].text, "Un paragraphe qui appelle une note ici² et qui va "
					     "jusqu’au bout de sa page.");
		CHECK_INT(doc.paras[1].role, PARA_NOTE);
		CHECK_STR(doc.paras[1].text,
			  "2 Le texte de la note, en petits caractères, sur deux lignes.");
		CHECK_INT(doc.paras[2].role, PARA_BODY);
		CHECK_INT(doc.paras[3].role, PARA_NOTE);
		CHECK_STR(doc.paras[3].text, "3 Une note que rien n’appelle.");
	}
	document_release(&doc);
	pdf_furniture_release(&f);
	reset();
}

/* Small type at the foot of a page that nothing calls (a table, a listing)
 * is text, not a note. */
static void
test_small_type_uncalled(void)
{
	struct document doc;
	struct pdf_furniture f;

	pages(1);
	add(1, 72, 100, RIGHT, 10, "Un paragraphe sans appel de note, qui va jusqu’au bout de");
	add(1, 72, 112, 300, 10, "sa ligne et finit ici :");
	add(1, 72, 740, 300, 8, "4 CARD32 ALIAS_OFFSET");
	run(&doc, &f);
	CHECK_INT(doc.npara, 2);
	if (doc.npara == 2)
		CHECK_INT(doc.paras[1].role, PARA_BODY);
	document_release(&doc);
	pdf_furniture_release(&f);
	reset();
}

/* A hyphen at a line end goes when it was only a break, stays in a
 * compound; the dictionary decides, a prefix list without one. */
static void
test_hyphens(void)
{
	struct document doc;
	struct pdf_furniture f;

	CHECK(!pdf_layout_keeps_hyphen("les dis", 7, "positions du texte", 18, small_dictionary,
				       NULL));
	CHECK(pdf_layout_keeps_hyphen("la non", 6, "prolifération;", 15, small_dictionary, NULL));
	CHECK(pdf_layout_keeps_hyphen("ci", 2, "après", 6, small_dictionary, NULL));
	CHECK(!pdf_layout_keeps_hyphen("l’appli", strlen("l’appli"), "cation", 6, NULL, NULL));
	CHECK(pdf_layout_keeps_hyphen("sous", 4, "régionales", strlen("régionales"), NULL, NULL));
	/* a capital after the hyphen: a name ("Asie-Pacifique") */
	CHECK(pdf_layout_keeps_hyphen("Asie", 4, "Pacifique", 9, small_dictionary, NULL));

	pages(1);
	add(1, 72, 100, RIGHT, 10, "Les principales dis-");
	add(1, 72, 112, RIGHT, 10, "positions du texte visent la non-");
	add(1, 72, 124, 300, 10, "prolifération.");
	run(&doc, &f);
	CHECK_INT(doc.npara, 1);
	if (doc.npara == 1)
		CHECK_STR(doc.paras[0].text,
			  "Les principales dispositions du texte visent la non-prolifération.");
	document_release(&doc);
	pdf_furniture_release(&f);
	reset();
}

/* The masthead, each line its own paragraph, then the title; a marker
 * alone on its line joins its text; the signature block. */
static void
test_masthead_and_signature(void)
{
	struct document doc;
	struct pdf_furniture f;

	pages(1);
	add(1, 72, 50, 143, 10, "Nations Unies");
	add(1, 420, 50, 523, 16, "S/2014/227")->bold = true;
	add(1, 72, 75, 208, 14, "Conseil de sécurité");
	add(1, 447, 78, 523, 10, "Distr. générale");
	add(1, 453, 91, 523, 10, "28 mars 2014");
	add(1, 100, 130, 500, 11, "Lettre datée du 19 mars 2014, adressée au Secrétaire général")
	    ->bold = true;
	add(1, 72, 160, 81, 10, "1.");
	add(1, 100, 160, 300, 10, "Le texte de la lettre.");
	add(1, 312, 180, 390, 10, "L’Ambassadeur,");
	add(1, 312, 198, 460, 10, "(Signé) Kairat Abdrakhmanov");
	run(&doc, &f);
	CHECK_INT(doc.npara, 8);
	if (doc.npara == 8) {
		CHECK_INT(doc.paras[0].role, PARA_FRONT);
		CHECK_STR(doc.paras[1].text, "Conseil de sécurité");
		CHECK_INT(doc.paras[3].role, PARA_FRONT);
		CHECK_INT(doc.paras[4].role, PARA_TITLE);
		CHECK_INT(doc.paras[5].role, PARA_NUMBERED);
		CHECK_STR(doc.paras[5].text, "1. Le texte de la lettre.");
		CHECK_INT(doc.paras[6].role, PARA_SIGNATURE);
		CHECK_INT(doc.paras[7].role, PARA_SIGNATURE);
	}
	CHECK_STR(f.symbols, "S/2014/227");
	document_release(&doc);
	pdf_furniture_release(&f);
	reset();
}

int
main(void)
{
	test_furniture();
	test_paragraphs();
	test_footnotes();
	test_small_type_uncalled();
	test_hyphens();
	test_masthead_and_signature();
	return unit_done("test_pdf_layout");
}
