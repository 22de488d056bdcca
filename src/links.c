/* links.c - document symbols and resolution references in a text (see links.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "links.h"
#include "util.h"

/* An organ prefix has at most this many letters ("S", "A", "CD", "UNEP"). */
#define LINKS_PREFIX_MAX 6
/* "résolution 90 jours" is not resolution 90: without a year, a number
 * after the word needs this many digits. */
#define LINKS_BARE_DIGITS 3

/* Length of a blank at text[i]: a space, U+00A0 or U+202F; 0 otherwise. */
static size_t
links_blank(const char *text, size_t len, size_t i)
{
	if (i < len && text[i] == ' ')
		return 1;
	if (i + 1 < len && (unsigned char)text[i] == 0xC2 && (unsigned char)text[i + 1] == 0xA0)
		return 2;
	if (i + 2 < len && (unsigned char)text[i] == 0xE2 && (unsigned char)text[i + 1] == 0x80 &&
	    (unsigned char)text[i + 2] == 0xAF)
		return 3;
	return 0;
}

/* "(YYYY)" at text[i], after optional blanks: returns the end and copies
 * the year, or returns 0. */
static size_t
links_year(const char *text, size_t len, size_t i, char year[5])
{
	size_t b;

	while ((b = links_blank(text, len, i)) > 0)
		i += b;
	if (i + 6 > len || text[i] != '(' || text[i + 5] != ')')
		return 0;
	for (int k = 1; k <= 4; k++)
		if (!ascii_is_digit(text[i + k]))
			return 0;
	if (!(text[i + 1] == '1' && text[i + 2] == '9') && !(text[i + 1] == '2' && text[i + 2] == '0'))
		return 0;
	memcpy(year, text + i + 1, 4);
	year[4] = '\0';
	return i + 6;
}

/* Parses a symbol starting at text[i]: returns its end (0 when there is
 * none) and writes the normalised form to out. */
static size_t
links_symbol_at(const char *text, size_t len, size_t i, char out[LINKS_SYMBOL_MAX])
{
	size_t p = i, end, digits = 0, n;
	char year[5];
	bool res = false;

	while (p < len && p - i < LINKS_PREFIX_MAX + 1 && ascii_is_upper(text[p]))
		p++;
	if (p == i || p - i > LINKS_PREFIX_MAX || p >= len || text[p] != '/')
		return 0;
	for (end = p;
	     end < len && (ascii_is_alnum(text[end]) || text[end] == '/' || text[end] == '.');
	     end++)
		digits += ascii_is_digit(text[end]);
	/* a full stop or a slash at the end belongs to the sentence */
	while (end > p && (text[end - 1] == '.' || text[end - 1] == '/'))
		end--;
	if (digits == 0 || end <= p + 1 || text[p + 1] == '/' || end - i >= LINKS_SYMBOL_MAX - 8)
		return 0;
	n = end - i;
	memcpy(out, text + i, n);
	out[n] = '\0';
	for (size_t k = p - i; k + 4 <= n; k++)
		if ((out[k] == '/' && (out[k + 1] | 0x20) == 'r' && (out[k + 2] | 0x20) == 'e' &&
		     (out[k + 3] | 0x20) == 's' && out[k + 4] == '/')) {
			memcpy(out + k + 1, "RES", 3);
			res = true;
		}
	if (res) {
		size_t yend = links_year(text, len, end, year);

		if (yend > 0) {
			memcpy(out + n, " (", 2);
			memcpy(out + n + 2, year, 4);
			memcpy(out + n + 6, ")", 2);
			end = yend;
		}
	}
	return end;
}

void
links_resolution_symbol(const char *number, const char *year, char out[LINKS_SYMBOL_MAX])
{
	size_t n = strlen(number);

	if (n > 16)
		n = 16;
	memcpy(out, "S/RES/", 6);
	memcpy(out + 6, number, n);
	out[6 + n] = '\0';
	if (year != NULL && year[0]) {
		size_t y = strlen(year) > 8 ? 8 : strlen(year);

		memcpy(out + 6 + n, " (", 2);
		memcpy(out + 8 + n, year, y);
		out[8 + n + y] = ')';
		out[9 + n + y] = '\0';
	}
}

/* True when text[0..at) ends with the word "résolution(s)" and a blank. */
static bool
links_after_word(const char *text, size_t at)
{
	static const char *const words[] = {"résolution", "résolutions", "Résolution",
					    "Résolutions", "resolution", "resolutions"};
	size_t b = 0;

	/* one blank before the number */
	if (at >= 1 && text[at - 1] == ' ')
		b = 1;
	else if (at >= 2 && (unsigned char)text[at - 2] == 0xC2 &&
		 (unsigned char)text[at - 1] == 0xA0)
		b = 2;
	else if (at >= 3 && (unsigned char)text[at - 3] == 0xE2 &&
		 (unsigned char)text[at - 2] == 0x80 && (unsigned char)text[at - 1] == 0xAF)
		b = 3;
	if (b == 0)
		return false;
	at -= b;
	for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
		size_t k = strlen(words[w]);

		if (at >= k && memcmp(text + at - k, words[w], k) == 0 &&
		    (at == k || !ascii_is_alnum(text[at - k - 1])))
			return true;
	}
	return false;
}

/* True when text[from..to) only joins two items of a list: ", ", " et ",
 * ", et ", " ou ". */
static bool
links_list_gap(const char *text, size_t from, size_t to)
{
	static const char *const gaps[] = {", ", " et ", ", et ", " ou ", ", ou ", "; "};

	for (size_t g = 0; g < sizeof gaps / sizeof gaps[0]; g++)
		if (to - from == strlen(gaps[g]) && memcmp(text + from, gaps[g], to - from) == 0)
			return true;
	return false;
}

/* A URL runs to the next blank: its symbols are not links. */
static size_t
links_skip_url(const char *text, size_t len, size_t i)
{
	static const char *const schemes[] = {"https://", "http://", "www."};

	if (i > 0 && ascii_is_alnum(text[i - 1]))
		return i;
	for (size_t s = 0; s < sizeof schemes / sizeof schemes[0]; s++) {
		size_t k = strlen(schemes[s]);

		if (i + k <= len && memcmp(text + i, schemes[s], k) == 0) {
			while (i < len && text[i] != ' ' && text[i] != '\t' && links_blank(text, len, i) == 0)
				i++;
			return i;
		}
	}
	return i;
}

static void
links_add(struct link **links, size_t *n, size_t *cap, size_t start, size_t end,
	  const char *target)
{
	*links = xgrow(*links, cap, *n + 1, sizeof **links);
	(*links)[*n].start = start;
	(*links)[*n].end = end;
	strcpy((*links)[*n].target, target);
	(*n)++;
}

size_t
links_find(const char *text, size_t len, struct link **links)
{
	size_t n = 0, cap = 0, i = 0, last_res_end = 0;
	bool last_res = false;

	*links = NULL;
	while (i < len) {
		char c = text[i], prev = i > 0 ? text[i - 1] : ' ';
		char target[LINKS_SYMBOL_MAX];
		/* every scheme starts with h or w: the test costs three memcmp */
		size_t skip = c == 'h' || c == 'w' ? links_skip_url(text, len, i) : i, end;

		if (skip > i) {
			i = skip;
			continue;
		}
		if (ascii_is_upper(c) && !ascii_is_alnum(prev) && prev != '/' && prev != '.' &&
		    prev != '_' && prev != '@' &&
		    (end = links_symbol_at(text, len, i, target)) > 0) {
			links_add(links, &n, &cap, i, end, target);
			last_res = false;
			i = end;
			continue;
		}
		if (ascii_is_digit(c) && !ascii_is_alnum(prev) && prev != '/' && prev != '.' &&
		    prev != ',' && prev != '-' && prev != '(') {
			size_t d = i, yend;
			char number[8], year[5] = "";

			while (d < len && ascii_is_digit(text[d]))
				d++;
			if (d - i <= 4 &&
			    (d >= len || (!ascii_is_alnum(text[d]) && text[d] != '/'))) {
				bool word = links_after_word(text, i) ||
					    (last_res && links_list_gap(text, last_res_end, i));

				yend = links_year(text, len, d, year);
				if ((yend > 0 && (word || d - i >= LINKS_BARE_DIGITS)) ||
				    (word && d - i >= LINKS_BARE_DIGITS)) {
					memcpy(number, text + i, d - i);
					number[d - i] = '\0';
					links_resolution_symbol(number, year, target);
					end = yend > 0 ? yend : d;
					links_add(links, &n, &cap, i, end, target);
					last_res = true;
					last_res_end = end;
					i = end;
					continue;
				}
			}
			i = d;
			continue;
		}
		i++;
	}
	return n;
}

bool
links_normalize(const char *s, size_t len, char out[LINKS_SYMBOL_MAX])
{
	char buf[LINKS_SYMBOL_MAX];
	size_t b, n, p, end;

	while (len > 0 && (b = links_blank(s, len, 0)) > 0)
		s += b, len -= b;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len == 0 || len >= LINKS_SYMBOL_MAX)
		return false;
	/* a resolution by number: "1540", "1540 (2004)" */
	for (n = 0; n < len && ascii_is_digit(s[n]); n++)
		;
	if (n > 0 && n <= 4) {
		char number[8], year[5] = "";
		size_t yend = links_year(s, len, n, year);

		if (n == len || yend == len) {
			memcpy(number, s, n);
			number[n] = '\0';
			links_resolution_symbol(number, year, out);
			return true;
		}
		return false;
	}
	memcpy(buf, s, len);
	buf[len] = '\0';
	for (p = 0; p < len && p <= LINKS_PREFIX_MAX && buf[p] != '/'; p++)
		if (buf[p] >= 'a' && buf[p] <= 'z')
			buf[p] = (char)(buf[p] - 'a' + 'A');
	end = links_symbol_at(buf, len, 0, out);
	return end == len;
}

bool
links_next_symbol(const char **cursor, char out[LINKS_SYMBOL_MAX])
{
	const char *s = *cursor;
	size_t n, next;
	char year[5];

	if (s == NULL)
		return false;
	s += strspn(s, " \t");
	n = strcspn(s, " \t");
	if (n == 0) {
		*cursor = s;
		return false;
	}
	next = n;
	/* "S/RES/2325 (2016)": the year is part of the symbol */
	if (links_year(s, strlen(s), n, year) > 0)
		next = links_year(s, strlen(s), n, year);
	if (next == n || !links_normalize(s, next, out)) {
		next = n;
		if (!links_normalize(s, n, out)) {
			size_t k = n < LINKS_SYMBOL_MAX - 1 ? n : LINKS_SYMBOL_MAX - 1;

			memcpy(out, s, k);
			out[k] = '\0';
		}
	}
	*cursor = s + next;
	return true;
}

bool
links_without_year(const char *symbol, char out[LINKS_SYMBOL_MAX])
{
	const char *paren = strstr(symbol, " (");
	size_t n;

	if (paren == NULL)
		return false;
	n = (size_t)(paren - symbol);
	if (n >= LINKS_SYMBOL_MAX)
		return false;
	memcpy(out, symbol, n);
	out[n] = '\0';
	return true;
}

/* True when target names the document itself: one of its own symbols,
 * with or without the year of a resolution. */
static bool
links_own_symbol(const char *symbols, const char *target)
{
	char own[LINKS_SYMBOL_MAX], bare[LINKS_SYMBOL_MAX];

	for (const char *c = symbols; links_next_symbol(&c, own);)
		if (strcasecmp(own, target) == 0 ||
		    (links_without_year(own, bare) && strcasecmp(bare, target) == 0))
			return true;
	return false;
}

struct links_targets {
	char (*names)[LINKS_SYMBOL_MAX];
	size_t n, cap;
};

static void
links_targets_add(struct links_targets *t, const char *symbols, const char *target)
{
	if (links_own_symbol(symbols, target))
		return;
	t->names = xgrow(t->names, &t->cap, t->n + 1, sizeof *t->names);
	memcpy(t->names[t->n++], target, LINKS_SYMBOL_MAX);
}

static int
links_compare_targets(const void *a, const void *b)
{
	return strcasecmp(a, b);
}

char *
links_cited(const struct document *doc)
{
	const struct doc_meta *m = &doc->meta;
	struct links_targets cited = {0};
	struct strbuf out = STRBUF_INIT;
	char target[LINKS_SYMBOL_MAX];

	for (const char *r = m->resolutions; r != NULL && *r;) {
		size_t n = strcspn(r, ";");

		memset(target, 0, sizeof target);
		if (links_normalize(r, n, target))
			links_targets_add(&cited, m->symbols, target);
		r += n;
		r += strspn(r, "; ");
	}
	for (size_t i = 0; i < doc->npara; i++) {
		const struct paragraph *p = &doc->paras[i];
		struct link *links;
		size_t nlinks;

		if (p->role == PARA_FRONT)
			continue;
		nlinks = links_find(p->text, p->len, &links);
		for (size_t k = 0; k < nlinks; k++)
			links_targets_add(&cited, m->symbols, links[k].target);
		free(links);
	}
	if (cited.n > 1)
		qsort(cited.names, cited.n, sizeof *cited.names, links_compare_targets);
	strbuf_addstr(&out, "");
	for (size_t k = 0; k < cited.n; k++) {
		if (k > 0 && strcasecmp(cited.names[k], cited.names[k - 1]) == 0)
			continue;
		if (out.len)
			strbuf_addch(&out, '\n');
		strbuf_addstr(&out, cited.names[k]);
	}
	free(cited.names);
	return strbuf_detach(&out, NULL);
}
