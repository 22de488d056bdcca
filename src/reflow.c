/* reflow.c - raw text lines into paragraphs with roles (see reflow.h). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "ascii.h"
#include "reflow.h"
#include "util.h"

/* A line that carries text, after furniture was dropped. */
struct line {
	const char *s;        /* content, without surrounding spaces */
	uint32_t n;           /* bytes (files are far below 4 GB) */
	uint32_t chars;       /* length in characters */
	uint16_t indent;      /* leading spaces */
	bool hard : 1;        /* a line holding only spaces came before: vertical space */
	bool front : 1;       /* masthead line, before the opening title */
	bool signature : 1;   /* part of a signature block */
	bool skip : 1;        /* running header repeating a masthead line */
	bool blank : 1;       /* an empty line came before */
	bool alone : 1;       /* a masthead line that is a paragraph of its own */
	bool furniture : 1;   /* page furniture or a page break came before */
	uint32_t page;        /* page the line is on, from 1 */
};

enum marker {
	M_NONE,
	M_NUMBER,        /* "1. " */
	M_LETTER,        /* "a) " */
	M_BULLET,        /* "- ", "• ", "– " */
	M_BULLET_LETTER, /* "- a) ": the dash is dropped */
	M_ROMAN,         /* "II. Questions" */
	M_SIGNED,        /* "(Signé) …" */
	M_ANNEX_HEADING, /* "Annexe", "Pièce jointe" alone */
	M_ANNEX_TITLE,   /* "Annexe de la lettre …" */
	M_FOOTNOTE,      /* "* Nouveau tirage …" */
};

/* Lines longer than this are running text, not signature or title lines. */
#define SHORT_LINE 64

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* "2/5": a page number out of the page count. */
static bool
is_page_token(const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n && ascii_is_digit(s[i]))
		i++;
	if (i == 0 || i > 3 || i == n || s[i] != '/')
		return false;
	for (j = i + 1; j < n && ascii_is_digit(s[j]); j++)
		;
	return j == n && j > i + 1 && j - i - 1 <= 3;
}

/* First character of s as a code point (0 when empty). */
static ucs4_t
first_char(const char *s, size_t n)
{
	ucs4_t uc = 0;

	if (n > 0)
		u8_mbtouc(&uc, (const uint8_t *)s, n);
	return uc;
}

/* Last character of s as a code point, with its byte length in *clen. */
static ucs4_t
last_char(const char *s, size_t n, size_t *clen)
{
	const uint8_t *start = (const uint8_t *)s, *end = start + n;
	const uint8_t *p;
	ucs4_t uc = 0;

	*clen = 0;
	if (n == 0)
		return 0;
	p = u8_prev(&uc, end, start);
	if (p == NULL) {
		*clen = 1;
		return (unsigned char)s[n - 1];
	}
	*clen = (size_t)(end - p);
	return uc;
}

static bool
upper_start(const char *s, size_t n)
{
	ucs4_t uc = first_char(s, n);

	return uc_is_upper(uc) || uc == 0xAB /* « */ || uc == '"' || uc == 0x201C;
}

static bool
lower_start(const char *s, size_t n)
{
	return uc_is_lower(first_char(s, n));
}

/* "M." or "S." at the end of a line is an initial or a title, not the end of
 * a sentence ("S. E. M. Kanat Saudabayev"). */
static bool
ends_with_abbreviation(const char *s, size_t n)
{
	size_t i = n - 1; /* the dot */
	size_t w = i;

	while (w > 0 && !is_space(s[w - 1]))
		w--;
	if (i - w == 1 && s[w] >= 'A' && s[w] <= 'Z')
		return true;
	return ascii_equals(s + w, i - w, "MM") || ascii_equals(s + w, i - w, "Mme") ||
	       ascii_equals(s + w, i - w, "Mmes") || ascii_equals(s + w, i - w, "Distr");
}

/* True when the line ends a sentence: . : ; ! ? » … */
static bool
ends_sentence(const char *s, size_t n)
{
	size_t clen;
	ucs4_t uc = last_char(s, n, &clen);

	if (uc == '.')
		return !ends_with_abbreviation(s, n);
	return uc == ':' || uc == ';' || uc == '!' || uc == '?' || uc == 0xBB || uc == 0x2026;
}

/* Words after which a wrapped title line must go on. */
static bool
ends_with_function_word(const char *s, size_t n)
{
	static const char *const words[] = {
		"de", "du", "des", "la", "le", "les", "au", "aux", "à", "et", "en", "par",
		"sur", "pour", "dans", "avec", "auprès", "l’", "d’", "l'", "d'", "«",
	};
	size_t w = n;

	while (w > 0 && !is_space(s[w - 1]))
		w--;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (ascii_equals(s + w, n - w, words[i]))
			return true;
	/* "l’Organisation" cut after the apostrophe */
	return n >= 3 && (memcmp(s + n - 3, "’", 3) == 0 || s[n - 1] == '\'');
}

static bool
ends_with_hyphen(const char *s, size_t n)
{
	return n >= 2 && s[n - 1] == '-' && !is_space(s[n - 2]);
}

bool
reflow_symbol_token(const char *s, size_t n)
{
	size_t i = 0, slashes = 0, digits = 0;

	while (i < n && s[i] >= 'A' && s[i] <= 'Z')
		i++;
	if (i == 0 || i > 6 || i == n || s[i] != '/')
		return false;
	for (; i < n; i++) {
		char c = s[i];

		if (c == '/')
			slashes++;
		else if (ascii_is_digit(c))
			digits++;
		else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.' ||
			   c == '-' || c == '(' || c == ')' || c == '*'))
			return false;
	}
	return slashes > 0 && digits > 0;
}

/* Calls test on each space-separated token; true when all pass (and some exist). */
static bool
all_tokens(const char *s, size_t n, bool (*test)(const char *, size_t))
{
	size_t i = 0, count = 0;

	while (i < n) {
		size_t j;

		while (i < n && is_space(s[i]))
			i++;
		if (i == n)
			break;
		j = i;
		while (j < n && !is_space(s[j]))
			j++;
		if (!test(s + i, j - i))
			return false;
		count++;
		i = j;
	}
	return count > 0;
}

/* "310-24575", "GE.18-01234", "(F)", "*1024575*", "100310" */
static bool
is_job_token(const char *s, size_t n)
{
	size_t i = 0, d1 = 0, d2 = 0;

	if (ascii_equals(s, n, "(F)") || ascii_equals(s, n, "(E)") || ascii_equals(s, n, "(A)"))
		return true;
	if (n >= 3 && s[0] == '*' && s[n - 1] == '*') {
		for (i = 1; i + 1 < n; i++)
			if (!ascii_is_digit(s[i]))
				return false;
		return true;
	}
	if (ascii_starts_with(s, n, "GE."))
		i = 3;
	while (i < n && ascii_is_digit(s[i]))
		i++, d1++;
	if (i == n)
		return d1 >= 6; /* a bare barcode number */
	if (s[i] != '-' || d1 < 2 || d1 > 3)
		return false;
	for (i++; i < n && ascii_is_digit(s[i]); i++)
		d2++;
	return i == n && d2 >= 4 && d2 <= 6;
}

/* "(2016)" */
static bool
is_year_token(const char *s, size_t n)
{
	return n == 6 && s[0] == '(' && s[5] == ')' && ascii_is_digit(s[1]) &&
	       ascii_is_digit(s[2]) && ascii_is_digit(s[3]) && ascii_is_digit(s[4]);
}

/* "S/RES/2325 (2016)": a resolution's symbol, with its year. */
static bool
is_resolution_symbol(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && !is_space(s[i]))
		i++;
	if (i == n || !reflow_symbol_token(s, i) || strstr(s, "/RES/") == NULL)
		return false;
	while (i < n && is_space(s[i]))
		i++;
	return is_year_token(s + i, n - i);
}

static bool
is_furniture_token(const char *s, size_t n)
{
	return is_page_token(s, n) || is_job_token(s, n) || reflow_symbol_token(s, n);
}

enum reflow_furniture
reflow_furniture(const char *s, size_t n)
{
	size_t i;

	while (n > 0 && is_space(s[0]))
		s++, n--;
	while (n > 0 && is_space(s[n - 1]))
		n--;
	if (n == 0)
		return FURNITURE_NONE;
	if ((ascii_starts_with(s, n, "https://") || ascii_starts_with(s, n, "http://")) &&
	    memchr(s, ' ', n) == NULL)
		return FURNITURE_URL;
	if (all_tokens(s, n, reflow_symbol_token) || is_resolution_symbol(s, n))
		return FURNITURE_SYMBOL;
	if (ascii_is_digit(s[0]) || s[0] == '*' || ascii_starts_with(s, n, "GE.")) {
		bool has_job = false;

		/* the first token must be a job number, not a lone page number */
		for (i = 0; i < n && !is_space(s[i]); i++)
			;
		has_job = is_job_token(s, i);
		if (has_job && all_tokens(s, n, is_job_token))
			return FURNITURE_JOB;
	}
	/* page numbers: "3", "2/5", "- 2 -" */
	for (i = 0; i < n && ascii_is_digit(s[i]); i++)
		;
	if (i > 0 && i <= 3) {
		if (i == n)
			return FURNITURE_PAGE;
		if (s[i] == '/') {
			size_t j = i + 1;

			while (j < n && ascii_is_digit(s[j]))
				j++;
			if (j == n && j > i + 1)
				return FURNITURE_PAGE;
		}
	}
	if (n >= 5 && s[0] == '-' && s[n - 1] == '-') {
		for (i = 1; i + 1 < n && (is_space(s[i]) || ascii_is_digit(s[i])); i++)
			;
		if (i + 1 == n)
			return FURNITURE_PAGE;
	}
	if (ascii_equals(s, n, "-") || ascii_equals(s, n, "•") || ascii_equals(s, n, "*"))
		return FURNITURE_EMPTY;
	if (ascii_equals(s, n, "Merci de recycler") || ascii_equals(s, n, "Please recycle") ||
	    ascii_equals(s, n, "♲") || ascii_equals(s, n, "♻"))
		return FURNITURE_NOTICE;
	/* a footer holding several: "2/5 18-00123", "18-00123 3/5", "S/2018/10 2/5" */
	if (all_tokens(s, n, is_furniture_token)) {
		bool page = false;

		for (i = 0; i < n;) {
			size_t j = i;

			while (j < n && !is_space(s[j]))
				j++;
			page |= is_page_token(s + i, j - i);
			for (i = j; i < n && is_space(s[i]); i++)
				;
		}
		return page ? FURNITURE_PAGE : FURNITURE_JOB;
	}
	return FURNITURE_NONE;
}

int
reflow_page_number(const char *s, size_t n)
{
	size_t i = 0;

	if (reflow_furniture(s, n) != FURNITURE_PAGE)
		return 0;
	while (i < n) {
		size_t j;

		while (i < n && is_space(s[i]))
			i++;
		for (j = i; j < n && !is_space(s[j]); j++)
			;
		if (j > i && is_page_token(s + i, j - i))
			return atoi(s + i);
		i = j;
	}
	return 0;
}

/* A date alone: "20 juillet 2017", "1er mars 2018", "28/04/2004". */
static bool
is_date_line(const char *s, size_t n)
{
	size_t i = 0, k;

	while (i < n && i < 2 && ascii_is_digit(s[i]))
		i++;
	if (i == 0)
		return false;
	if (i + 6 <= n && s[i] == '/' && ascii_is_digit(s[i + 1]) && ascii_is_digit(s[i + 2]) &&
	    s[i + 3] == '/') {
		for (k = i + 4; k < n && ascii_is_digit(s[k]); k++)
			;
		return k == n && k - i - 4 == 4;
	}
	if (ascii_starts_with(s + i, n - i, "er"))
		i += 2;
	if (i == n || s[i] != ' ')
		return false;
	for (k = ++i; k < n && !is_space(s[k]); k++)
		if (ascii_is_digit(s[k]) || (s[k] >= 'A' && s[k] <= 'Z'))
			return false;
	if (k == i || k == n)
		return false;
	for (i = ++k; k < n && ascii_is_digit(s[k]); k++)
		;
	return k == n && k - i == 4;
}

/* Masthead lines that are a paragraph each, whatever follows them. */
static bool
is_alone_line(const char *s, size_t n)
{
	return is_date_line(s, n) || ascii_equals(s, n, "Nations Unies") ||
	       ascii_starts_with(s, n, "Distr. ") || ascii_equals(s, n, "Communiqué de presse") ||
	       ascii_equals(s, n, "Provisoire") || ascii_equals(s, n, "Français") ||
	       ascii_starts_with(s, n, "Original : ") ||
	       ascii_starts_with(s, n, "Original\xc2\xa0: ");
}

/* The opening "Lettre datée du …" / "Note verbale datée du …". */
static bool
is_main_title(const char *s, size_t n)
{
	static const char *const kinds[] = {
		"Lettre datée", "Note verbale datée", "Note datée", "Lettres identiques datées",
		"Télégramme daté", "Lettre en date", "Note verbale en date",
	};

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
		if (ascii_starts_with(s, n, kinds[i]))
			return true;
	return false;
}

static bool
is_signature_title(const char *s, size_t n)
{
	return ascii_starts_with(s, n, "L’Ambassadeur") ||
	       ascii_starts_with(s, n, "L'Ambassadeur") ||
	       ascii_starts_with(s, n, "L’Ambassadrice") ||
	       ascii_starts_with(s, n, "L'Ambassadrice") ||
	       ascii_equals(s, n, "Représentant permanent") ||
	       ascii_equals(s, n, "Représentante permanente") ||
	       ascii_equals(s, n, "Le Représentant permanent") ||
	       ascii_equals(s, n, "La Représentante permanente");
}

bool
reflow_is_roman(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != 'I' && s[i] != 'V' && s[i] != 'X')
			return false;
	return n > 0 && n <= 5;
}

/* Finds the marker a line starts with; *value gets the number or letter. */
static enum marker
line_marker(const char *s, size_t n, int *value)
{
	size_t i;

	*value = 0;
	if (n >= 2 && (s[0] == '-' || s[0] == '*') && s[1] == ' ') {
		size_t k = 2;

		while (k < n && s[k] == ' ')
			k++;
		if (s[0] == '*')
			return M_FOOTNOTE;
		if (n - k >= 3 && s[k] >= 'a' && s[k] <= 'z' && s[k + 1] == ')' &&
		    s[k + 2] == ' ') {
			*value = s[k];
			return M_BULLET_LETTER;
		}
		return M_BULLET;
	}
	if (ascii_starts_with(s, n, "• ") || ascii_starts_with(s, n, "– "))
		return M_BULLET;
	for (i = 0; i < n && ascii_is_digit(s[i]); i++)
		;
	if (i > 0 && i <= 3 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ') {
		*value = atoi(s);
		return M_NUMBER;
	}
	if (n >= 3 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')' && s[2] == ' ') {
		*value = s[0];
		return M_LETTER;
	}
	for (i = 0; i < n && s[i] != '.' && s[i] != ' '; i++)
		;
	if (i < n && s[i] == '.' && reflow_is_roman(s, i) && i + 2 < n && s[i + 1] == ' ' &&
	    upper_start(s + i + 2, n - i - 2))
		return M_ROMAN;
	if (ascii_starts_with(s, n, "(Signé)") || ascii_starts_with(s, n, "(Signée)"))
		return M_SIGNED;
	if (ascii_equals(s, n, "Annexe") || ascii_equals(s, n, "Annexes") ||
	    ascii_equals(s, n, "Pièce jointe") || ascii_equals(s, n, "Pièces jointes") ||
	    ascii_equals(s, n, "Appendice") ||
	    (ascii_starts_with(s, n, "Annexe ") && reflow_is_roman(s + 7, n - 7)))
		return M_ANNEX_HEADING;
	if (ascii_starts_with(s, n, "Annexe de ") || ascii_starts_with(s, n, "Annexe à ") ||
	    ascii_starts_with(s, n, "Annexe au "))
		return M_ANNEX_TITLE;
	return M_NONE;
}

/* Splits text into lines at line feeds and form feeds, dropping furniture,
 * noting vertical space and the page each line is on.  With form feeds,
 * each one starts a page; without, a footer's page number ("2/5") ends its
 * page, and so does a job number on the first page (UN documents print it
 * at the foot of the first page).  Without either, the page is 0: unknown. */
static void
collect_lines(const char *text, size_t len, struct line **out, size_t *nout)
{
	struct line *lines = NULL;
	size_t n = 0, cap = 0, pos = 0;
	bool hard = false, furniture = false;
	size_t blank = 0; /* empty lines in a row */
	bool form_feeds = memchr(text, '\f', len) != NULL;
	uint32_t page = 1;

	while (pos < len) {
		const char *s = text + pos;
		size_t raw = 0, indent = 0, m;
		bool feed;

		while (raw < len - pos && s[raw] != '\n' && s[raw] != '\f')
			raw++;
		feed = raw < len - pos && s[raw] == '\f';
		pos += raw + (raw < len - pos ? 1 : 0);
		m = raw;
		while (m > 0 && is_space(s[m - 1]))
			m--;
		while (indent < m && (s[indent] == ' ' || s[indent] == '\t'))
			indent++;
		if (m == 0) {
			if (raw == 0)
				blank++;
			else
				hard = true; /* a line of spaces: vertical space in the PDF */
		} else {
			enum reflow_furniture f = reflow_furniture(s + indent, m - indent);

			if (f != FURNITURE_NONE && f != FURNITURE_EMPTY) {
				furniture = true;
				if (!form_feeds) {
					int number = reflow_page_number(s + indent, m - indent);

					if (number > 0 && (uint32_t)number + 1 > page)
						page = (uint32_t)number + 1;
					else if (f == FURNITURE_JOB && page == 1 && n > 0)
						page = 2;
				}
			} else if (f == FURNITURE_NONE) {
				lines = xgrow(lines, &cap, n + 1, sizeof *lines);
				lines[n] = (struct line){
					.s = s + indent, .n = (uint32_t)(m - indent), .hard = hard,
					.blank = blank > 0, .page = page,
					/* several empty lines: a page break */
					.furniture = furniture || blank >= 3,
					.indent = (uint16_t)(indent < UINT16_MAX ? indent : UINT16_MAX),
					.chars = (uint32_t)u8_mbsnlen((const uint8_t *)s + indent,
								       m - indent),
				};
				hard = furniture = false;
				blank = 0;
				n++;
			}
		}
		if (feed) {
			furniture = true;
			if (pos < len)
				page++;
		}
	}
	/* a text without page breaks has no pages */
	if (!form_feeds && page == 1)
		for (size_t i = 0; i < n; i++)
			lines[i].page = 0;
	*out = lines;
	*nout = n;
}

/* Lines of a page of text are longer than this (in characters). */
#define DENSE_MEASURE_MIN 50

/* True for text laid out as pdftotext writes it: the lines of a paragraph
 * one after the other, an empty line between paragraphs.  (Other extractors
 * put an empty line after every line, and a line of spaces between
 * paragraphs.) */
static bool
dense_layout(const struct line *lines, size_t n)
{
	size_t adjacent = 0;

	for (size_t i = 1; i < n; i++)
		adjacent += !lines[i].blank && !lines[i].hard && !lines[i].furniture;
	return n > 1 && adjacent * 3 > n;
}

/* The measure of dense text: the length in characters that nine lines in
 * ten do not exceed, so that a long URL or table row does not set it. */
static size_t
dense_measure(const struct line *lines, size_t n)
{
	enum { CAP = 256 };
	size_t counts[CAP + 1] = {0}, seen = 0;

	for (size_t i = 0; i < n; i++)
		counts[lines[i].chars < CAP ? lines[i].chars : CAP]++;
	for (size_t c = CAP + 1; c-- > 0;) {
		seen += counts[c];
		if (seen * 10 > n)
			return c;
	}
	return 0;
}

/* Marks the masthead (lines before the opening title) and later lines that
 * repeat it (running headers).  Returns the index of the title or n. */
static size_t
mark_masthead(struct line *lines, size_t n)
{
	size_t title = n;

	for (size_t i = 0; i < n && i < 40; i++) {
		if (is_main_title(lines[i].s, lines[i].n)) {
			title = i;
			break;
		}
	}
	if (title == n)
		return n;
	for (size_t i = 0; i < title; i++)
		lines[i].front = true;
	for (size_t i = title + 1; i < n; i++)
		for (size_t j = 0; j < title; j++)
			if (lines[i].n == lines[j].n && memcmp(lines[i].s, lines[j].s, lines[i].n) == 0)
				lines[i].skip = true;
	return title;
}

/* Marks signature blocks: each "(Signé) …" line and the short title lines
 * just above it ("L’Ambassadeur,", "Représentant permanent"). */
static void
mark_signatures(struct line *lines, size_t n)
{
	int value;

	for (size_t i = 0; i < n; i++) {
		enum marker m = line_marker(lines[i].s, lines[i].n, &value);

		if (is_signature_title(lines[i].s, lines[i].n))
			lines[i].signature = true;
		if (m != M_SIGNED)
			continue;
		lines[i].signature = true;
		for (size_t j = i, count = 0; j > 0 && count < 8; count++) {
			struct line *l = &lines[--j];

			if (l->skip)
				continue;
			if (l->front || l->n > SHORT_LINE || ends_sentence(l->s, l->n) ||
			    line_marker(l->s, l->n, &value) != M_NONE || is_main_title(l->s, l->n))
				break;
			l->signature = true;
		}
	}
}

/* Index of the last line a title starting at i would take under the title
 * rule (only lowercase continuations). */
static size_t
title_run_end(const struct line *lines, size_t n, size_t i)
{
	size_t last = i;

	for (size_t j = i + 1; j < n; j++) {
		if (lines[j].skip)
			continue;
		if (lines[j].hard || lines[j].signature || lines[j].front)
			break;
		if (!lower_start(lines[j].s, lines[j].n) &&
		    !ends_with_function_word(lines[last].s, lines[last].n) &&
		    !ends_with_hyphen(lines[last].s, lines[last].n))
			break;
		last = j;
	}
	return last;
}

/* Repairs "l ’Organisation" (a space extracted before the apostrophe after an
 * elided article or pronoun) and collapses runs of ASCII spaces. */
static size_t
tidy(char *s, size_t n)
{
	size_t w = 0;

	for (size_t r = 0; r < n; r++) {
		char c = s[r];

		if (c == '\t' || c == '\r' || c == '\f' || c == '\v')
			c = ' ';
		if (c == ' ' && (w == 0 || s[w - 1] == ' '))
			continue;
		if (c == ' ' && w > 0) {
			bool apostrophe = (r + 3 < n && memcmp(s + r + 1, "’", 3) == 0) ||
					  (r + 1 < n && s[r + 1] == '\'');
			size_t k = w;

			/* the elided word: l d j n s c m t or qu, after a word boundary */
			while (k > 0 && s[k - 1] != ' ' && s[k - 1] != '(')
				k--;
			if (apostrophe &&
			    ((w - k == 1 && strchr("ldjnsctmLDJNSCTM", s[k]) != NULL) ||
			     (w - k == 2 && (s[k] == 'q' || s[k] == 'Q') && s[k + 1] == 'u')))
				continue;
			/* the same artifact inside "les": "l es mesures" */
			if (w - k == 1 && s[k] == 'l' && r + 3 <= n && memcmp(s + r + 1, "es", 2) == 0 &&
			    (r + 3 == n || s[r + 3] == ' ' || s[r + 3] == ','))
				continue;
		}
		s[w++] = c;
	}
	while (w > 0 && s[w - 1] == ' ')
		w--;
	s[w] = '\0';
	return w;
}

/* The paragraph being built. */
struct builder {
	struct strbuf text;
	enum para_role role;
	bool open;
	bool main_title;   /* the opening title */
	bool annex;        /* an annex heading or an annex title */
	bool title_rule;   /* wrapped lines go on only in lowercase */
	size_t nlines;
	int page;          /* page of the first line */
};

static bool
has_digit(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (ascii_is_digit(s[i]))
			return true;
	return false;
}

static size_t
count_words(const char *s, size_t n)
{
	size_t words = 0;

	for (size_t i = 0; i < n; i++)
		if (!is_space(s[i]) && (i == 0 || is_space(s[i - 1])))
			words++;
	return words;
}

static void
flush(struct builder *b, struct reflow *out)
{
	struct reflow_para *p;
	size_t len;
	char *text;

	if (!b->open)
		return;
	text = strbuf_detach(&b->text, &len);
	len = tidy(text, len);
	b->open = false;
	if (len == 0) {
		free(text);
		return;
	}
	/* a short line of its own without punctuation: "Recommandations" */
	if (b->role == PARA_BODY && b->nlines == 1 && len < 60 && !ends_sentence(text, len) &&
	    text[len - 1] != ',' /* "Monsieur le Président," */ &&
	    upper_start(text, len) && !has_digit(text, len) && count_words(text, len) <= 8)
		b->role = PARA_HEADING;
	out->paras = xgrow(out->paras, &out->cap, out->npara + 1, sizeof *out->paras);
	p = &out->paras[out->npara++];
	p->role = b->role;
	p->text = text;
	p->len = len;
	p->page = b->page;
}

void
reflow_text(const char *text, size_t len, struct reflow *out)
{
	struct builder b = { .text = STRBUF_INIT };
	struct line *lines = NULL, *prev = NULL;
	size_t n = 0, title, width = 0;
	int last_number = 0, last_letter = 0;
	bool prev_annex = false, prev_title = false; /* what the previous paragraph was */
	bool dense, full_lines;

	collect_lines(text, len, &lines, &n);
	/* In pdftotext's layout an empty line ends a paragraph, unless page
	 * furniture or a page break came with it: the paragraph may go on
	 * on the next page, and the usual evidence decides. */
	dense = dense_layout(lines, n);
	for (size_t i = 0; dense && i < n; i++)
		if (lines[i].blank && !lines[i].furniture)
			lines[i].hard = true;
	/* the masthead: the short lines the text starts with */
	for (size_t i = 0; i < n && lines[i].chars <= SHORT_LINE; i++)
		lines[i].alone = is_alone_line(lines[i].s, lines[i].n);
	title = mark_masthead(lines, n);
	mark_signatures(lines, n);
	/* the measure of the text: hard-wrapped lines are about this long, and a
	 * line much shorter than it ends its paragraph (in one-paragraph-per-line
	 * text every line is "short") */
	for (size_t i = 0; i < n; i++)
		if (lines[i].chars > width)
			width = lines[i].chars;
	/* the measure of a page: shorter lines are no page of dense text */
	full_lines = dense && dense_measure(lines, n) >= DENSE_MEASURE_MIN;
	if (full_lines)
		width = dense_measure(lines, n);

	for (size_t i = 0; i < n; i++) {
		struct line *l = &lines[i];
		const char *s = l->s;
		size_t sn = l->n;
		int value;
		enum marker m = line_marker(s, sn, &value);
		bool prev_end = prev != NULL && ends_sentence(prev->s, prev->n);
		bool evidence = prev == NULL || prev_end || l->hard || prev->signature;
		bool brk;

		if (l->skip)
			continue;
		/* a number or letter out of sequence must be backed by evidence */
		if (m == M_NUMBER && !(value == last_number + 1 || value == 1 || evidence))
			m = M_NONE;
		if ((m == M_LETTER || m == M_BULLET_LETTER) &&
		    !(value == last_letter + 1 || value == 'a' || evidence))
			m = M_NONE;
		if (m == M_ANNEX_TITLE && !evidence && l->indent == 0)
			m = M_NONE;

		if (!b.open || l->hard || l->front || (prev != NULL && prev->front) ||
		    i == title || m != M_NONE || l->alone || prev->alone)
			brk = true;
		else if (l->signature != prev->signature)
			brk = true;
		else if (l->signature)
			brk = !lower_start(s, sn);
		else if (b.title_rule)
			brk = !lower_start(s, sn) && !ends_with_function_word(prev->s, prev->n) &&
			      !ends_with_hyphen(prev->s, prev->n);
		else if (prev_end)
			/* dense text: a sentence ending a full line may go on */
			brk = (upper_start(s, sn) || l->indent > 0) &&
			      (!full_lines || prev->chars * 100 < width * 85);
		else
			brk = prev->chars * 10 < width * 6 && upper_start(s, sn) &&
			      !ends_with_function_word(prev->s, prev->n) &&
			      !ends_with_hyphen(prev->s, prev->n);

		if (brk) {
			if (b.open) {
				prev_annex = b.annex && b.role == PARA_HEADING;
				prev_title = b.role == PARA_TITLE && !b.main_title;
			}
			flush(&b, out);
			b.open = true;
			b.main_title = false;
			b.annex = false;
			b.title_rule = false;
			b.nlines = 0;
			b.page = (int)l->page;
			b.role = PARA_BODY;
			if (l->front) {
				b.role = PARA_FRONT;
			} else if (i == title) {
				b.role = PARA_TITLE;
				b.main_title = true;
			} else if (l->signature || m == M_SIGNED) {
				b.role = PARA_SIGNATURE;
			} else if (m == M_NUMBER) {
				b.role = PARA_NUMBERED;
				last_number = value;
				last_letter = 0;
			} else if (m == M_LETTER || m == M_BULLET_LETTER) {
				b.role = PARA_ITEM;
				last_letter = value;
			} else if (m == M_BULLET) {
				b.role = PARA_ITEM;
			} else if (m == M_ROMAN) {
				b.role = PARA_HEADING;
			} else if (m == M_ANNEX_HEADING) {
				b.role = PARA_HEADING;
				b.annex = true;
			} else if (m == M_ANNEX_TITLE || (m == M_NONE && l->indent >= 3)) {
				b.role = PARA_TITLE;
				b.annex = true;
			} else if (m == M_NONE && prev_annex) {
				b.role = PARA_TITLE; /* the title under "Annexe" */
			} else if (m == M_NONE && prev_title && sn <= SHORT_LINE + 10) {
				/* under an annex title: a subtitle ("Minsk, 3 et 4 avril
				 * 2019") unless it turns out to be a sentence */
				size_t end = title_run_end(lines, n, i);

				if (!ends_sentence(lines[end].s, lines[end].n))
					b.role = PARA_TITLE;
			}
			b.title_rule = b.role == PARA_TITLE || b.role == PARA_HEADING;
			if (m == M_BULLET_LETTER) {
				/* "- a) …": the letter is the marker */
				s += 2;
				sn -= 2;
				while (sn > 0 && *s == ' ')
					s++, sn--;
			}
		} else if (!ends_with_hyphen(prev->s, prev->n)) {
			strbuf_addch(&b.text, ' ');
		}
		strbuf_add(&b.text, s, sn);
		b.nlines++;
		prev = l;
	}
	flush(&b, out);
	strbuf_release(&b.text);
	free(lines);
}

void
reflow_release(struct reflow *r)
{
	for (size_t i = 0; i < r->npara; i++)
		free(r->paras[i].text);
	free(r->paras);
	memset(r, 0, sizeof *r);
}
