/* pdf_layout.c - positioned lines into paragraphs, furniture and notes
 * (see pdf_layout.h). */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "meta.h"
#include "pdf_layout.h"
#include "reflow.h"
#include "util.h"

/* The top and bottom margins where running headers and footers live, as a
 * fraction of the page's height. */
#define BAND_TOP 0.10
#define BAND_BOTTOM 0.90
/* Type this much smaller than the text's is small type (footnotes). */
#define SMALL_TYPE 0.5
/* A line starting this many sizes right of the paragraph's lines is indented. */
#define INDENT_RATIO 0.8
/* A blank line between paragraphs: this many sizes more than between lines. */
#define GAP_RATIO 0.35
/* Signature lines are short. */
#define SIGNATURE_MAX_BYTES 60

enum line_kind { LINE_BODY, LINE_FURNITURE, LINE_NOTE, LINE_FRONT };

enum marker {
	MARK_NONE,
	MARK_NUMBER,	    /* "1. " */
	MARK_LETTER,	    /* "a) " */
	MARK_BULLET,	    /* "– ", "- ", "• " */
	MARK_ROMAN,	    /* "I. Informations générales" */
	MARK_SIGNED,	    /* "(Signé) …" */
	MARK_ANNEX_HEADING, /* "Annexe", "Annexe II" */
	MARK_ANNEX_TITLE,   /* "Annexe de la lettre …" */
};

struct note_call {
	int number;
};

/* A paragraph being built, or built. */
struct para {
	enum para_role role;
	struct strbuf text;
	struct text_span *bolds;
	size_t nbold, capbold;
	int page;
	int *calls; /* note numbers it calls */
	size_t ncalls, capcalls;
	size_t nlines;
	double first_x, cont_x; /* x of its first line, of its second */
	bool marker;		/* it starts with a marker (hanging lines allowed) */
	bool all_bold;
};

struct para_list {
	struct para *p;
	size_t n, cap;
};

struct layout {
	const struct pdf_lines *in;
	enum line_kind *kind;
	double body_size, right_edge, gap_limit;
	pdf_word_fn is_word;
	void *ctx;
};

/* A letter: ASCII or any non-ASCII byte (accented letters in UTF-8). */
static bool
is_letter_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

static bool
lower_start(const char *s, size_t n)
{
	unsigned char c = n > 0 ? (unsigned char)s[0] : 0;

	if (c >= 'a' && c <= 'z')
		return true;
	/* à â ç é è ê ë î ï ô ù û ü œ: C3 A0..BF, C5 93 */
	return n >= 2 && ((c == 0xC3 && (unsigned char)s[1] >= 0xA0) ||
			  (c == 0xC5 && (unsigned char)s[1] == 0x93));
}

static bool
upper_start(const char *s, size_t n)
{
	unsigned char c = n > 0 ? (unsigned char)s[0] : 0;

	if (c >= 'A' && c <= 'Z')
		return true;
	return n >= 2 && ((c == 0xC3 && (unsigned char)s[1] >= 0x80 &&
			   (unsigned char)s[1] < 0xA0) ||
			  (c == 0xC5 && (unsigned char)s[1] == 0x92));
}

static bool
ends_sentence(const char *s, size_t n)
{
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0)
		return false;
	return strchr(".:;!?", s[n - 1]) != NULL || (n >= 2 && s[n - 1] == ')' && s[n - 2] == '.');
}

static enum marker
line_marker(const char *s, size_t n)
{
	size_t i;

	if (ascii_starts_with(s, n, "– ") || ascii_starts_with(s, n, "- ") ||
	    ascii_starts_with(s, n, "• ") || ascii_starts_with(s, n, "— "))
		return MARK_BULLET;
	for (i = 0; i < n && ascii_is_digit(s[i]); i++)
		;
	if (i > 0 && i <= 3 && i + 2 < n && s[i] == '.' && s[i + 1] == ' ' &&
	    !ascii_is_digit(s[i + 2]))
		return MARK_NUMBER;
	if (n >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ')
		return MARK_LETTER;
	for (i = 0; i < n && s[i] != '.' && s[i] != ' '; i++)
		;
	if (i < n && s[i] == '.' && reflow_is_roman(s, i) && i + 2 < n && s[i + 1] == ' ' &&
	    upper_start(s + i + 2, n - i - 2))
		return MARK_ROMAN;
	if (ascii_starts_with(s, n, "(Signé)") || ascii_starts_with(s, n, "(Signée)"))
		return MARK_SIGNED;
	if (ascii_equals(s, n, "Annexe") || ascii_equals(s, n, "Annexes") ||
	    ascii_equals(s, n, "Pièce jointe") || ascii_equals(s, n, "Appendice") ||
	    (ascii_starts_with(s, n, "Annexe ") && reflow_is_roman(s + 7, n - 7)))
		return MARK_ANNEX_HEADING;
	if (ascii_starts_with(s, n, "Annexe de ") || ascii_starts_with(s, n, "Annexe à ") ||
	    ascii_starts_with(s, n, "Annexe au "))
		return MARK_ANNEX_TITLE;
	return MARK_NONE;
}

/* A marker on its own: "1.", "a)", "–", "IV." (the text follows after a tab). */
static bool
is_lone_marker(const char *s, size_t n)
{
	size_t i = 0;

	if (ascii_equals(s, n, "–") || ascii_equals(s, n, "-") || ascii_equals(s, n, "•") ||
	    ascii_equals(s, n, "—"))
		return true;
	while (i < n && ascii_is_digit(s[i]))
		i++;
	if (i > 0 && i <= 3 && i + 1 == n && s[i] == '.')
		return true;
	if (n == 2 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')')
		return true;
	return n >= 2 && s[n - 1] == '.' && reflow_is_roman(s, n - 1);
}

/* The lines, with each lone marker joined to the text on its right, which
 * poppler gives as a line of its own when a tab separates them.  The
 * joined lines own their text (*owned marks them). */
static struct pdf_lines
merge_markers(const struct pdf_lines *in, bool **owned)
{
	struct pdf_lines out = { .pages = in->pages, .npages = in->npages };
	bool *used = xcalloc(in->n + 1, sizeof *used);

	*owned = xcalloc(in->n + 1, sizeof **owned);
	out.lines = xmalloc((in->n + 1) * sizeof *out.lines);
	for (size_t i = 0; i < in->n; i++) {
		const struct pdf_line *m = &in->lines[i], *t = NULL;
		struct pdf_line *l = &out.lines[out.n];
		uint32_t shift;

		if (used[i])
			continue;
		/* its text: on the same baseline, a few lines on at most (poppler
		 * may put a footer in between) */
		for (size_t j = i + 1; j < in->n && j <= i + 4 && is_lone_marker(m->text, m->len);
		     j++) {
			const struct pdf_line *c = &in->lines[j];

			if (c->page != m->page)
				break;
			if (!used[j] && c->x0 > m->x1 && fabs(c->y1 - m->y1) <= c->size * 0.5) {
				t = c;
				used[j] = true;
				break;
			}
		}
		if (t == NULL) {
			*l = *m;
			out.n++;
			continue;
		}
		*l = *t;
		l->x0 = m->x0;
		l->first_word = m->x1 - m->x0;
		l->text = xasprintf("%s %s", m->text, t->text);
		l->len = m->len + 1 + t->len;
		shift = (uint32_t)(m->len + 1);
		l->bolds = NULL;
		l->nbold = 0;
		l->sups = NULL;
		l->nsup = 0;
		if (t->nbold > 0) {
			l->bolds = xmalloc(t->nbold * sizeof *l->bolds);
			for (size_t k = 0; k < t->nbold; k++)
				l->bolds[k] = (struct text_span){ t->bolds[k].start + shift,
								  t->bolds[k].end + shift };
			l->nbold = t->nbold;
		}
		if (t->nsup > 0) {
			l->sups = xmalloc(t->nsup * sizeof *l->sups);
			for (size_t k = 0; k < t->nsup; k++)
				l->sups[k] = (struct text_span){ t->sups[k].start + shift,
								 t->sups[k].end + shift };
			l->nsup = t->nsup;
		}
		(*owned)[out.n++] = true;
	}
	free(used);
	return out;
}

/* The opening "Lettre datée du …" / "Note verbale datée du …". */
static bool
is_main_title(const char *s, size_t n)
{
	static const char *const kinds[] = {
		"Lettre datée",	     "Note verbale datée",	  "Note datée",
		"Lettres identiques datées", "Télégramme daté", "Lettre en date",
		"Note verbale en date",
	};

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (ascii_starts_with(s, n, kinds[i]))
			return true;
	return false;
}

/* A line of a UN masthead: "Nations Unies", the organ, "Distr. générale",
 * the date, the languages. */
static bool
is_masthead_line(const struct pdf_line *l, double page_width)
{
	static const char *const words[] = {
		"Nations Unies", "Distr.", "Original", "Français", "Anglais", "Espagnol",
		"Arabe", "Chinois", "Russe", "Conseil de sécurité", "Assemblée générale",
		"Conseil économique et social", "Conférence du désarmement",
		"Conseil des droits de l’homme", "Conseil des droits de l'homme",
		"Communiqué de presse",
	};
	char iso[11];

	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (ascii_starts_with(l->text, l->len, words[i]))
			return true;
	if (meta_parse_date(l->text, iso) == l->len)
		return true;
	/* the right-hand column of the masthead */
	return l->x0 > page_width * 0.5 && l->len < 40;
}

static double
page_height(const struct pdf_lines *in, int page)
{
	if (page >= 1 && (size_t)page <= in->npages)
		return in->pages[page - 1].height;
	return 842; /* A4 */
}

static double
page_width(const struct pdf_lines *in, int page)
{
	if (page >= 1 && (size_t)page <= in->npages)
		return in->pages[page - 1].width;
	return 595;
}

/* 0: not in a margin; 1: top; 2: bottom. */
static int
band_of(const struct pdf_lines *in, const struct pdf_line *l)
{
	double h = page_height(in, l->page);

	if (l->y1 <= h * BAND_TOP)
		return 1;
	if (l->y0 >= h * BAND_BOTTOM)
		return 2;
	return 0;
}

static bool
is_undocs_url(const char *s, size_t n)
{
	return (ascii_starts_with(s, n, "https://undocs.org") ||
		ascii_starts_with(s, n, "http://undocs.org") ||
		ascii_starts_with(s, n, "undocs.org")) &&
	       memchr(s, ' ', n) == NULL;
}

/* "S/RES/2325 (2016)": a resolution's symbol, with its year. */
static bool
is_resolution_symbol(const char *s, size_t n)
{
	const char *sp = memchr(s, ' ', n);
	size_t k = sp ? (size_t)(sp - s) : 0;

	return sp != NULL && n == k + 7 && s[k + 1] == '(' && s[n - 1] == ')' &&
	       ascii_all_digits(s + k + 2, 4) && reflow_furniture(s, k) == FURNITURE_SYMBOL;
}

/* "iv": a page number of the front matter. */
static bool
is_lower_roman(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strchr("ivxlc", s[i]))
			return false;
	return n > 0 && n <= 6;
}

/* Furniture by its form alone, wherever it is in a margin. */
static bool
is_furniture_text(const char *s, size_t n)
{
	return reflow_furniture(s, n) != FURNITURE_NONE ||
	       ascii_equals(s, n, "Merci de recycler") || is_undocs_url(s, n) ||
	       is_resolution_symbol(s, n) || is_lower_roman(s, n);
}

/* Whether a and b are the same text once digits are ignored ("2/5", "3/5"). */
static bool
same_but_digits(const char *a, size_t an, const char *b, size_t bn)
{
	size_t i = 0, j = 0;

	while (i < an && j < bn) {
		if (ascii_is_digit(a[i]) && ascii_is_digit(b[j])) {
			while (i < an && ascii_is_digit(a[i]))
				i++;
			while (j < bn && ascii_is_digit(b[j]))
				j++;
			continue;
		}
		if (a[i] != b[j])
			return false;
		i++, j++;
	}
	return i == an && j == bn;
}

static void
mark_furniture(struct layout *L)
{
	const struct pdf_lines *in = L->in;

	for (size_t i = 0; i < in->n; i++) {
		const struct pdf_line *l = &in->lines[i];
		int band = band_of(in, l);

		if (is_undocs_url(l->text, l->len)) {
			L->kind[i] = LINE_FURNITURE;
			continue;
		}
		if (band == 0)
			continue;
		if (is_furniture_text(l->text, l->len)) {
			L->kind[i] = LINE_FURNITURE;
			continue;
		}
		/* the same line in the same margin of another page */
		for (size_t j = 0; j < in->n; j++) {
			const struct pdf_line *o = &in->lines[j];

			if (o->page != l->page && band_of(in, o) == band &&
			    same_but_digits(l->text, l->len, o->text, o->len)) {
				L->kind[i] = LINE_FURNITURE;
				break;
			}
		}
	}
}

static double
round_half(double x)
{
	return floor(x * 2 + 0.5) / 2;
}

/* The size most of the text is set in. */
static double
find_body_size(const struct layout *L)
{
	double best = 0, sizes[32];
	size_t weight[32], nsizes = 0, best_weight = 0;

	for (size_t i = 0; i < L->in->n; i++) {
		const struct pdf_line *l = &L->in->lines[i];
		double s = round_half(l->size);
		size_t k;

		if (L->kind[i] == LINE_FURNITURE)
			continue;
		for (k = 0; k < nsizes && sizes[k] != s; k++)
			;
		if (k == nsizes) {
			if (nsizes == 32)
				continue;
			sizes[nsizes] = s;
			weight[nsizes++] = 0;
		}
		weight[k] += l->len;
	}
	for (size_t k = 0; k < nsizes; k++)
		if (weight[k] > best_weight) {
			best = sizes[k];
			best_weight = weight[k];
		}
	return best;
}

static bool
body_sized(const struct layout *L, const struct pdf_line *l)
{
	return fabs(l->size - L->body_size) <= SMALL_TYPE;
}

static bool
small_type(const struct layout *L, const struct pdf_line *l)
{
	return l->size < L->body_size - SMALL_TYPE;
}

/* The number a footnote line starts with ("2 Le texte", a raised "2", a
 * "2" on its own line), or 0. */
static int
note_number(const struct pdf_line *l)
{
	size_t lead = 0;

	while (lead < l->len && ascii_is_digit(l->text[lead]))
		lead++;
	if (lead == 0 || lead > 3)
		return 0;
	if (lead == l->len || l->text[lead] == ' ' || (l->nsup > 0 && l->sups[0].start == 0))
		return atoi(l->text);
	return 0;
}

/* Whether the text lines of the page [start, end) call note `number`
 * with raised digits. */
static bool
page_calls(const struct layout *L, size_t start, size_t end, int number)
{
	for (size_t i = start; i < end; i++) {
		const struct pdf_line *l = &L->in->lines[i];

		if (L->kind[i] != LINE_BODY || small_type(L, l))
			continue;
		for (size_t k = 0; k < l->nsup; k++)
			if (ascii_all_digits(l->text + l->sups[k].start,
					     l->sups[k].end - l->sups[k].start) &&
			    atoi(l->text + l->sups[k].start) == number)
				return true;
	}
	return false;
}

/* Footnotes: small type below the last line of text of their page, when
 * the page calls one of them (or they go on from the previous page's):
 * small type alone (a table, a listing) is text. */
static void
mark_notes(struct layout *L)
{
	const struct pdf_lines *in = L->in;
	size_t start = 0;
	bool previous_had_notes = false;

	while (start < in->n) {
		int page = in->lines[start].page;
		size_t end = start, first = SIZE_MAX;
		double last_text = -1;
		bool called = false;

		while (end < in->n && in->lines[end].page == page)
			end++;
		for (size_t i = start; i < end; i++)
			if (L->kind[i] == LINE_BODY && body_sized(L, &in->lines[i]) &&
			    in->lines[i].y1 > last_text)
				last_text = in->lines[i].y1;
		for (size_t i = start; i < end && last_text >= 0; i++) {
			int number;

			if (L->kind[i] != LINE_BODY || !small_type(L, &in->lines[i]) ||
			    in->lines[i].y0 < last_text)
				continue;
			if (first == SIZE_MAX)
				first = i;
			number = note_number(&in->lines[i]);
			if (number > 0 && page_calls(L, start, end, number))
				called = true;
		}
		if (first != SIZE_MAX && !called && previous_had_notes &&
		    note_number(&in->lines[first]) == 0)
			called = true; /* a note going on from the previous page */
		for (size_t i = first; called && i < end; i++)
			if (L->kind[i] == LINE_BODY && small_type(L, &in->lines[i]) &&
			    in->lines[i].y0 >= last_text)
				L->kind[i] = LINE_NOTE;
		previous_had_notes = called;
		start = end;
	}
}

/* The masthead: page 1's lines before the opening title, or while they
 * look like one. */
static void
mark_masthead(struct layout *L)
{
	const struct pdf_lines *in = L->in;
	size_t title = in->n, seen = 0;

	for (size_t i = 0; i < in->n && in->lines[i].page == 1 && seen < 25; i++) {
		if (L->kind[i] != LINE_BODY)
			continue;
		seen++;
		if (is_main_title(in->lines[i].text, in->lines[i].len)) {
			title = i;
			break;
		}
	}
	for (size_t i = 0; i < in->n && in->lines[i].page == 1; i++) {
		if (L->kind[i] != LINE_BODY)
			continue;
		if (title < in->n ? i >= title
				  : !is_masthead_line(&in->lines[i], page_width(in, 1)))
			break;
		L->kind[i] = LINE_FRONT;
	}
}

static int
compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The right edge of the text and the space between two lines of a paragraph. */
static void
measure(struct layout *L)
{
	const struct pdf_lines *in = L->in;
	double *gaps = xmalloc((in->n + 1) * sizeof *gaps);
	size_t ngaps = 0;
	const struct pdf_line *prev = NULL;

	L->right_edge = 0;
	for (size_t i = 0; i < in->n; i++) {
		const struct pdf_line *l = &in->lines[i];

		if (L->kind[i] != LINE_BODY || !body_sized(L, l))
			continue;
		if (l->x1 > L->right_edge)
			L->right_edge = l->x1;
		if (prev != NULL && prev->page == l->page && l->y0 > prev->y0)
			gaps[ngaps++] = l->y0 - prev->y1;
		prev = l;
	}
	L->gap_limit = L->body_size * GAP_RATIO;
	if (ngaps > 0) {
		qsort(gaps, ngaps, sizeof *gaps, compare_doubles);
		L->gap_limit += gaps[ngaps * 3 / 10];
	}
	free(gaps);
}

/* The letters of a word: from s, up to the first character that is not a
 * letter (or an inner hyphen or apostrophe). */
static size_t
word_length(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (is_letter_byte((unsigned char)s[i]) ||
			 (s[i] == '-' && i + 1 < n && is_letter_byte((unsigned char)s[i + 1]))))
		i++;
	return i;
}

bool
pdf_layout_keeps_hyphen(const char *before, size_t n, const char *after, size_t m,
			pdf_word_fn is_word, void *ctx)
{
	static const char *const prefixes[] = {
		"non", "sous", "ci", "vice", "ex", "contre", "demi", "semi", "quasi",
		"mi", "arrière", "avant", "après", "grand", "grande", "porte", "auto",
	};
	struct strbuf w = STRBUF_INIT;
	size_t start = n, rn;
	bool keep;

	/* the word before the hyphen, after any elision ("l’appli") */
	while (start > 0 && is_letter_byte((unsigned char)before[start - 1]) &&
	       !(start >= 3 && memcmp(before + start - 3, "’", 3) == 0))
		start--;
	before += start;
	n -= start;
	rn = word_length(after, m);
	if (n == 0 || rn == 0)
		return true;
	if (upper_start(after, m) || ascii_is_digit(after[0]))
		return true;
	if (is_word == NULL) {
		for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
			if (ascii_equals(before, n, prefixes[i]))
				return true;
		return false;
	}
	/* the word joined first: a dictionary splits "dis-positions" at the
	 * hyphen and finds "dis" and "positions" */
	strbuf_add(&w, before, n);
	strbuf_add(&w, after, rn);
	if (is_word(w.buf, w.len, ctx)) {
		keep = false;
		goto out;
	}
	strbuf_reset(&w);
	strbuf_add(&w, before, n);
	strbuf_addch(&w, '-');
	strbuf_add(&w, after, rn);
	keep = is_word(w.buf, w.len, ctx) ||
	       (n > 1 && is_word(before, n, ctx) && is_word(after, rn, ctx));
out:
	strbuf_release(&w);
	return keep;
}

static void
para_add_bold(struct para *p, uint32_t start, uint32_t end)
{
	if (end <= start)
		return;
	if (p->nbold > 0 && p->bolds[p->nbold - 1].end >= start) {
		if (end > p->bolds[p->nbold - 1].end)
			p->bolds[p->nbold - 1].end = end;
		return;
	}
	p->bolds = xgrow(p->bolds, &p->capbold, p->nbold + 1, sizeof *p->bolds);
	p->bolds[p->nbold++] = (struct text_span){ start, end };
}

/* Appends s[a..b) of line l to p's text, carrying its bold ranges. */
static void
append_range(struct para *p, const struct pdf_line *l, size_t a, size_t b)
{
	uint32_t base = (uint32_t)p->text.len;

	strbuf_add(&p->text, l->text + a, b - a);
	for (size_t k = 0; k < l->nbold; k++) {
		size_t s = l->bolds[k].start > a ? l->bolds[k].start : a;
		size_t e = l->bolds[k].end < b ? l->bolds[k].end : b;

		if (e > s)
			para_add_bold(p, base + (uint32_t)(s - a), base + (uint32_t)(e - a));
	}
}

/* Appends line l from byte `from`: raised digits become superscript
 * digits and are noted as calls of footnotes. */
static void
append_line(struct para *p, const struct pdf_line *l, size_t from)
{
	static const char *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };
	size_t at = from;

	for (size_t k = 0; k < l->nsup; k++) {
		size_t s = l->sups[k].start, e = l->sups[k].end;

		if (e <= at || !ascii_all_digits(l->text + s, e - s))
			continue;
		if (s < at)
			s = at;
		append_range(p, l, at, s);
		for (size_t i = s; i < e; i++)
			strbuf_addstr(&p->text, sup[l->text[i] - '0']);
		p->calls = xgrow(p->calls, &p->capcalls, p->ncalls + 1, sizeof *p->calls);
		p->calls[p->ncalls++] = atoi(l->text + s);
		at = e;
	}
	append_range(p, l, at, l->len);
}

/* Joins line l to the paragraph: a space, or nothing after a hyphen that
 * ends the line, which goes when it was only a break. */
static void
join_line(struct layout *L, struct para *p, const struct pdf_line *l)
{
	const char *t = p->text.buf;
	size_t n = p->text.len;

	if (n >= 2 && t[n - 1] == '-' && is_letter_byte((unsigned char)t[n - 2]) &&
	    lower_start(l->text, l->len)) {
		if (!pdf_layout_keeps_hyphen(t, n - 1, l->text, l->len, L->is_word, L->ctx)) {
			p->text.len--;
			p->text.buf[p->text.len] = '\0';
			if (p->nbold > 0 && p->bolds[p->nbold - 1].end > p->text.len)
				p->bolds[p->nbold - 1].end = (uint32_t)p->text.len;
		}
		append_line(p, l, 0);
		return;
	}
	strbuf_addch(&p->text, ' ');
	append_line(p, l, 0);
}

/* Whether the previous line stopped where the first word of the next one
 * would still have fitted: the paragraph ended there. */
static bool
had_room(const struct layout *L, const struct pdf_line *prev, const struct pdf_line *l)
{
	double space = prev->size * 0.25;

	return prev->x1 + space + l->first_word < L->right_edge - 1;
}

/* The line ends with a hyphen after a letter. */
static bool
ends_with_break(const struct pdf_line *l)
{
	return l->len >= 2 && l->text[l->len - 1] == '-' &&
	       is_letter_byte((unsigned char)l->text[l->len - 2]);
}

static bool
same_font(const struct pdf_line *a, const struct pdf_line *b)
{
	return a->bold == b->bold && fabs(a->size - b->size) <= SMALL_TYPE;
}

static void
para_list_open(struct para_list *list, enum para_role role, const struct pdf_line *l)
{
	struct para *p;

	list->p = xgrow(list->p, &list->cap, list->n + 1, sizeof *list->p);
	p = &list->p[list->n++];
	memset(p, 0, sizeof *p);
	p->role = role;
	p->text = (struct strbuf)STRBUF_INIT;
	p->page = l->page;
	p->first_x = l->x0;
	p->nlines = 1;
	p->all_bold = l->bold;
	append_line(p, l, 0);
}

static void
para_release(struct para *p)
{
	strbuf_release(&p->text);
	free(p->bolds);
	free(p->calls);
}

/* The body and masthead lines into paragraphs. */
static void
build_paragraphs(struct layout *L, struct para_list *out)
{
	const struct pdf_lines *in = L->in;
	const struct pdf_line *prev = NULL;
	bool seen_text = false, after_annex = false;

	for (size_t i = 0; i < in->n; i++) {
		const struct pdf_line *l = &in->lines[i];
		struct para *p = out->n > 0 ? &out->p[out->n - 1] : NULL;
		enum marker m;
		bool brk;
		enum para_role role;

		if (L->kind[i] != LINE_BODY && L->kind[i] != LINE_FRONT)
			continue;
		m = line_marker(l->text, l->len);
		if (prev == NULL || L->kind[i] == LINE_FRONT || p->role == PARA_FRONT)
			brk = true;
		else if (is_main_title(l->text, l->len) || !same_font(prev, l))
			brk = true;
		else if (prev->page == l->page && l->y0 - prev->y1 > L->gap_limit)
			brk = true;
		else if (ends_with_break(prev) && lower_start(l->text, l->len))
			brk = false; /* "dis-" "positions": the word goes on */
		else if (had_room(L, prev, l))
			brk = true;
		else if (m != MARK_NONE && ends_sentence(prev->text, prev->len))
			brk = true;
		else if (p->nlines >= 2)
			brk = fabs(l->x0 - p->cont_x) > l->size * INDENT_RATIO;
		else
			brk = !p->marker && l->x0 > prev->x0 + l->size * INDENT_RATIO;

		if (!brk) {
			if (p->nlines == 1)
				p->cont_x = l->x0;
			p->nlines++;
			p->all_bold = p->all_bold && l->bold;
			join_line(L, p, l);
			prev = l;
			continue;
		}
		if (L->kind[i] == LINE_FRONT)
			role = PARA_FRONT;
		else if (is_main_title(l->text, l->len) || m == MARK_ANNEX_TITLE)
			role = PARA_TITLE;
		else if (m == MARK_NUMBER)
			role = PARA_NUMBERED;
		else if (m == MARK_LETTER || m == MARK_BULLET)
			role = PARA_ITEM;
		else if (m == MARK_SIGNED)
			role = PARA_SIGNATURE;
		else if (m == MARK_ROMAN || m == MARK_ANNEX_HEADING)
			role = PARA_HEADING;
		else if (l->bold || l->size > L->body_size + SMALL_TYPE)
			role = !seen_text || after_annex ? PARA_TITLE : PARA_HEADING;
		else
			role = PARA_BODY;
		/* the titles are the bold lines between the masthead and the text */
		if (role != PARA_FRONT && role != PARA_TITLE)
			seen_text = true;
		after_annex = m == MARK_ANNEX_HEADING || m == MARK_ANNEX_TITLE;
		para_list_open(out, role, l);
		out->p[out->n - 1].marker = m != MARK_NONE;
		prev = l;
	}
}

/* Signature blocks: "(Signé) …" and the short lines just above it. */
static void
mark_signatures(struct para_list *list)
{
	for (size_t i = 0; i < list->n; i++) {
		if (list->p[i].role != PARA_SIGNATURE)
			continue;
		for (size_t j = i, count = 0; j > 0 && count < 4; count++) {
			struct para *p = &list->p[--j];

			if (p->role == PARA_SIGNATURE)
				continue;
			if (p->role != PARA_BODY || p->nlines > 1 ||
			    p->text.len > SIGNATURE_MAX_BYTES ||
			    ends_sentence(p->text.buf, p->text.len))
				break;
			p->role = PARA_SIGNATURE;
		}
	}
}

/* The footnotes of each page, in order. */
static void
build_notes(struct layout *L, struct para_list *notes)
{
	const struct pdf_lines *in = L->in;
	int pending = 0; /* a number on a line of its own */

	for (size_t i = 0; i < in->n; i++) {
		const struct pdf_line *l = &in->lines[i];
		struct para *last = notes->n > 0 ? &notes->p[notes->n - 1] : NULL;
		size_t lead = 0;
		int number = 0;

		if (L->kind[i] != LINE_NOTE)
			continue;
		if (ascii_all_digits(l->text, l->len)) {
			pending = atoi(l->text);
			continue;
		}
		while (lead < l->len && ascii_is_digit(l->text[lead]))
			lead++;
		if (lead > 0 && lead <= 3 && (lead == l->len || l->text[lead] == ' ' ||
					      (l->nsup > 0 && l->sups[0].start == 0))) {
			number = atoi(l->text);
			while (lead < l->len && l->text[lead] == ' ')
				lead++;
		} else {
			lead = 0;
		}
		if (pending > 0 && number == 0)
			number = pending;
		pending = 0;
		if (number == 0 && last != NULL) {
			join_line(L, last, l);
			continue;
		}
		notes->p = xgrow(notes->p, &notes->cap, notes->n + 1, sizeof *notes->p);
		last = &notes->p[notes->n++];
		memset(last, 0, sizeof *last);
		last->role = PARA_NOTE;
		last->text = (struct strbuf)STRBUF_INIT;
		last->page = l->page;
		if (number > 0)
			strbuf_addf(&last->text, "%d ", number);
		last->calls = xmalloc(sizeof *last->calls);
		last->calls[0] = number;
		last->ncalls = 1;
		append_range(last, l, lead, l->len);
	}
}

/* Where each note goes: after the last paragraph that calls it on or
 * before its page, else after the last paragraph begun by its page. */
static size_t
note_anchor(const struct para_list *paras, const struct para *note)
{
	size_t anchor = SIZE_MAX;

	for (size_t i = 0; i < paras->n && paras->p[i].page <= note->page; i++)
		for (size_t k = 0; k < paras->p[i].ncalls; k++)
			if (paras->p[i].calls[k] == note->calls[0])
				anchor = i;
	if (anchor != SIZE_MAX)
		return anchor;
	for (size_t i = 0; i < paras->n && paras->p[i].page <= note->page; i++)
		anchor = i;
	return anchor == SIZE_MAX ? (paras->n > 0 ? paras->n - 1 : 0) : anchor;
}

static void
emit(struct document *doc, struct para *p)
{
	size_t len;
	char *text;
	struct paragraph *out;

	if (p->text.len == 0)
		return;
	text = strbuf_detach(&p->text, &len);
	out = document_add_paragraph(doc, p->role, text, len, p->bolds, p->nbold);
	out->page = p->page;
	p->bolds = NULL;
	p->nbold = 0;
}

/* "14-27800", "GE.18-01234": the job number in a footer line. */
static bool
is_job_token(const char *s, size_t n)
{
	size_t i = 0, d1 = 0, d2 = 0;

	if (ascii_starts_with(s, n, "GE."))
		i = 3;
	while (i < n && ascii_is_digit(s[i]))
		i++, d1++;
	if (i == n || s[i] != '-' || d1 < 2 || d1 > 3)
		return false;
	for (i++; i < n && ascii_is_digit(s[i]); i++)
		d2++;
	return i == n && d2 >= 4 && d2 <= 6;
}

static void
add_token(struct strbuf *list, const char *s, size_t n)
{
	for (const char *at = list->len > 0 ? list->buf : NULL; at != NULL;) {
		const char *e = strchr(at, ' ');
		size_t k = e ? (size_t)(e - at) : strlen(at);

		if (k == n && memcmp(at, s, n) == 0)
			return;
		at = e ? e + 1 : NULL;
	}
	if (list->len > 0)
		strbuf_addch(list, ' ');
	strbuf_add(list, s, n);
}

/* The symbols and job number among the furniture. */
static void
read_furniture(const struct layout *L, struct pdf_furniture *f)
{
	struct strbuf symbols = STRBUF_INIT, removed = STRBUF_INIT;
	size_t len;

	for (size_t i = 0; i < L->in->n; i++) {
		const struct pdf_line *l = &L->in->lines[i];
		enum reflow_furniture what;

		if (L->kind[i] != LINE_FURNITURE)
			continue;
		strbuf_add(&removed, l->text, l->len);
		strbuf_addch(&removed, '\n');
		what = reflow_furniture(l->text, l->len);
		if (is_resolution_symbol(l->text, l->len)) {
			if (symbols.len == 0 || strstr(symbols.buf, l->text) == NULL)
				add_token(&symbols, l->text, l->len);
			continue;
		}
		for (size_t a = 0; a < l->len;) {
			size_t b = a;

			while (b < l->len && l->text[b] != ' ')
				b++;
			if (what == FURNITURE_SYMBOL) {
				size_t e = b;

				while (e > a && l->text[e - 1] == '*')
					e--;
				if (e > a)
					add_token(&symbols, l->text + a, e - a);
			} else if (what == FURNITURE_JOB && is_job_token(l->text + a, b - a)) {
				bool french = ascii_starts_with(l->text + b, l->len - b, " (F)");

				if (f->job_number == NULL || (french && !strchr(f->job_number, '('))) {
					free(f->job_number);
					f->job_number = french ? xasprintf("%.*s (F)", (int)(b - a),
									    l->text + a)
							       : xstrndup(l->text + a, b - a);
				}
			}
			a = b;
			while (a < l->len && l->text[a] == ' ')
				a++;
		}
	}
	f->symbols = symbols.len > 0 ? strbuf_detach(&symbols, &len) : NULL;
	strbuf_release(&symbols);
	f->removed = removed.len > 0 ? strbuf_detach(&removed, &len) : NULL;
	strbuf_release(&removed);
}

void
pdf_layout(const struct pdf_lines *lines, pdf_word_fn is_word, void *ctx, struct document *doc,
	   struct pdf_furniture *furniture)
{
	struct layout L = { .is_word = is_word, .ctx = ctx };
	struct para_list paras = { 0 }, notes = { 0 };
	struct pdf_lines merged;
	size_t *anchors = NULL;
	bool *owned = NULL;

	if (lines->n == 0)
		return;
	merged = merge_markers(lines, &owned);
	L.in = &merged;
	L.kind = xcalloc(merged.n, sizeof *L.kind);
	mark_furniture(&L);
	L.body_size = find_body_size(&L);
	mark_notes(&L);
	mark_masthead(&L);
	measure(&L);
	build_paragraphs(&L, &paras);
	mark_signatures(&paras);
	build_notes(&L, &notes);
	read_furniture(&L, furniture);

	anchors = xcalloc(notes.n + 1, sizeof *anchors);
	for (size_t k = 0; k < notes.n; k++)
		anchors[k] = note_anchor(&paras, &notes.p[k]);
	for (size_t i = 0; i < paras.n; i++) {
		emit(doc, &paras.p[i]);
		for (size_t k = 0; k < notes.n; k++)
			if (anchors[k] == i)
				emit(doc, &notes.p[k]);
	}
	if (paras.n == 0)
		for (size_t k = 0; k < notes.n; k++)
			emit(doc, &notes.p[k]);
	for (size_t i = 0; i < paras.n; i++)
		para_release(&paras.p[i]);
	for (size_t k = 0; k < notes.n; k++)
		para_release(&notes.p[k]);
	free(paras.p);
	free(notes.p);
	free(anchors);
	free(L.kind);
	for (size_t i = 0; i < merged.n; i++)
		if (owned[i]) {
			free(merged.lines[i].text);
			free(merged.lines[i].bolds);
			free(merged.lines[i].sups);
		}
	free(owned);
	free(merged.lines);
}

void
pdf_furniture_release(struct pdf_furniture *f)
{
	free(f->symbols);
	free(f->job_number);
	free(f->removed);
	memset(f, 0, sizeof *f);
}
