/* meta.c - metadata of a letter or note verbale (see meta.h). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "meta.h"
#include "reflow.h"
#include "utf8.h"
#include "util.h"

static const char *const organs[] = {
	"Conseil de sécurité",
	"Assemblée générale",
	"Conférence du désarmement",
	"Conseil économique et social",
	"Conseil des droits de l’homme",
	"Conseil des droits de l'homme",
};
#define NORGANS (sizeof organs / sizeof *organs)

/* Skips spaces (utf8.h). */
static const char *
skip_spaces(const char *s)
{
	size_t n;

	while ((n = utf8_space_len(s, strlen(s), 0)) > 0)
		s += n;
	return s;
}

size_t
meta_parse_date(const char *s, char iso[11])
{
	static const char *const months[] = {
		"janvier", "février", "mars", "avril", "mai", "juin", "juillet",
		"août", "septembre", "octobre", "novembre", "décembre",
	};
	const char *p = s;
	int day = 0, month = 0, year = 0, digits = 0;

	while (ascii_is_digit(*p) && digits < 2)
		day = day * 10 + (*p++ - '0'), digits++;
	if (digits == 0 || day < 1 || day > 31 || ascii_is_digit(*p))
		return 0;
	if (ascii_str_starts_with(p, "er"))
		p += 2;
	p = skip_spaces(p);
	for (int m = 0; m < 12; m++) {
		size_t k = strlen(months[m]);

		if (strncmp(p, months[m], k) == 0) {
			month = m + 1;
			p += k;
			break;
		}
	}
	if (month == 0)
		return 0;
	p = skip_spaces(p);
	for (digits = 0; ascii_is_digit(*p) && digits < 4; digits++)
		year = year * 10 + (*p++ - '0');
	if (digits != 4 || ascii_is_digit(*p))
		return 0;
	{
		char tmp[32]; /* room for any int, so the compiler sees no truncation */

		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
		memcpy(iso, tmp, 11);
	}
	return (size_t)(p - s);
}

/* The opening title: the first title paragraph that dates the letter. */
static const struct paragraph *
find_title(const struct document *doc)
{
	for (size_t i = 0; i < doc->npara; i++) {
		const struct paragraph *p = &doc->paras[i];

		if (p->role == PARA_TITLE &&
		    (strstr(p->text, " datée du ") || strstr(p->text, " datées du ") ||
		     strstr(p->text, " en date du ")))
			return p;
	}
	return NULL;
}

/* Copies s up to the first of the terminators (or the end), trimmed. */
static char *
copy_until(const char *s, const char *const *stops, size_t nstops)
{
	size_t n = strlen(s);

	for (size_t i = 0; i < nstops; i++) {
		const char *e = strstr(s, stops[i]);

		if (e != NULL && (size_t)(e - s) < n)
			n = (size_t)(e - s);
	}
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n > 0 ? xstrndup(s, n) : NULL;
}

/* "par le Représentant permanent du Kazakhstan auprès de …" → "Kazakhstan" */
static char *
find_sender(const char *title)
{
	static const char *const links[] = {
		" de la République du ", " de la République de ", " de la République d’",
		" de la République d'", " du ", " de l’", " de l'", " de la ", " des ",
		" d’", " d'", " de ",
	};
	static const char *const stops[] = { ",", " auprès", " transmettant", " à l" };
	const char *rest = strstr(title, " par ");
	const char *best = NULL;
	size_t best_len = 0;

	if (rest == NULL)
		return NULL;
	rest += 5;
	if (ascii_str_starts_with(rest, "le Chargé d’affaires par intérim") ||
	    ascii_str_starts_with(rest, "la Chargée d’affaires par intérim"))
		rest = strstr(rest, "intérim") + strlen("intérim");
	for (size_t i = 0; i < sizeof links / sizeof *links; i++) {
		const char *at = strstr(rest, links[i]);

		/* the earliest link wins; the longest at the same place */
		if (at != NULL && (best == NULL || at < best)) {
			best = at;
			best_len = strlen(links[i]);
		}
	}
	if (best == NULL)
		return NULL;
	return copy_until(best + best_len, stops, sizeof stops / sizeof *stops);
}

/* "adressée au Secrétaire général par …" → "Secrétaire général" */
static char *
find_addressee(const char *title)
{
	static const char *const stops[] = { " par ", "," };
	const char *p = strstr(title, "adressée ");

	if (p == NULL)
		p = strstr(title, "adressées ");
	if (p == NULL)
		return NULL;
	p = strchr(p, ' ') + 1;
	if (ascii_str_starts_with(p, "au "))
		p += 3;
	else if (ascii_str_starts_with(p, "aux "))
		p += 4;
	else if (ascii_str_starts_with(p, "à la "))
		p += strlen("à la ");
	else if (ascii_str_starts_with(p, "à l’"))
		p += strlen("à l’");
	else if (ascii_str_starts_with(p, "à l'"))
		p += strlen("à l'");
	else if (ascii_str_starts_with(p, "à "))
		p += strlen("à ");
	return copy_until(p, stops, sizeof stops / sizeof *stops);
}

/* Appends item to a `sep`-separated list unless it is there already. */
static void
add_unique(struct strbuf *list, const char *item, size_t n, const char *sep)
{
	const char *s = strbuf_str(list);
	size_t seplen = strlen(sep);

	while (*s) {
		const char *e = strstr(s, sep);
		size_t len = e ? (size_t)(e - s) : strlen(s);

		if (len == n && memcmp(s, item, n) == 0)
			return;
		if (e == NULL)
			break;
		s = e + seplen;
	}
	if (list->len > 0)
		strbuf_addstr(list, sep);
	strbuf_add(list, item, n);
}

static char *
detach_or_null(struct strbuf *sb)
{
	size_t len;
	char *s;

	if (sb->len == 0) {
		strbuf_release(sb);
		return NULL;
	}
	s = strbuf_detach(sb, &len);
	return s;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f';
}

/* The document's own symbols: the symbols on furniture lines of the raw text
 * (lines holding only symbols, or a footer "S/2018/10 2/5"); the job number
 * too.  Form feeds end lines like line feeds. */
static char *
find_symbols(const char *raw, size_t len, char **job)
{
	struct strbuf list = STRBUF_INIT;
	size_t pos = 0;

	*job = NULL;
	while (raw != NULL && pos < len) {
		const char *s = raw + pos;
		size_t n = 0;
		enum reflow_furniture f;

		while (pos + n < len && s[n] != '\n' && s[n] != '\f')
			n++;
		pos += n + 1;
		f = reflow_furniture(s, n);
		if (f == FURNITURE_JOB && *job == NULL && n < 64) {
			size_t i = 0, e;

			/* "18-00123 (F)", without the dates that follow */
			while (i < n && is_blank(s[i]))
				i++;
			e = i;
			while (e < n && !is_blank(s[e]))
				e++;
			if (e < n && s[e] == ' ' && n - e >= 4 && memcmp(s + e + 1, "(F)", 3) == 0)
				e += 4;
			if (e > i && s[i] != '*')
				*job = xstrndup(s + i, e - i);
		}
		if (f != FURNITURE_SYMBOL && f != FURNITURE_JOB && f != FURNITURE_PAGE)
			continue;
		for (size_t i = 0; i < n;) {
			size_t j;

			while (i < n && is_blank(s[i]))
				i++;
			for (j = i; j < n && !is_blank(s[j]); j++)
				;
			if (j > i && reflow_symbol_token(s + i, j - i)) {
				size_t k = j, y = j;

				while (k > i && s[k - 1] == '*') /* "CD/2155*": reissued */
					k--;
				while (y < n && is_blank(s[y]))
					y++;
				/* "S/RES/2325 (2016)" is one symbol: "S/RES/2325(2016)" */
				if (memmem(s + i, k - i, "/RES/", 5) != NULL && n - y >= 6 &&
				    s[y] == '(' && s[y + 5] == ')') {
					char *sym = xasprintf("%.*s%.6s", (int)(k - i), s + i, s + y);

					add_unique(&list, sym, strlen(sym), " ");
					free(sym);
					j = y + 6;
				} else {
					add_unique(&list, s + i, k - i, " ");
				}
			}
			i = j;
		}
	}
	return detach_or_null(&list);
}

static const char *
organ_of_symbol(const char *sym)
{
	if (ascii_str_starts_with(sym, "SC/") || ascii_str_starts_with(sym, "CS/"))
		return organs[0];
	if (ascii_str_starts_with(sym, "AG/"))
		return organs[1];
	if (ascii_str_starts_with(sym, "A/"))
		return organs[1];
	if (ascii_str_starts_with(sym, "S/"))
		return organs[0];
	if (ascii_str_starts_with(sym, "CD/"))
		return organs[2];
	if (ascii_str_starts_with(sym, "E/"))
		return organs[3];
	return NULL;
}

/* Adds the organs named in s[0..n) in their order of appearance. */
static void
add_organs_in(struct strbuf *list, const char *s, size_t n)
{
	for (;;) {
		const char *best = NULL;
		size_t which = 0;

		for (size_t i = 0; i < NORGANS; i++) {
			const char *at = strstr(s, organs[i]);

			if (at != NULL && (size_t)(at - s) < n && (best == NULL || at < best)) {
				best = at;
				which = i;
			}
		}
		if (best == NULL)
			return;
		add_unique(list, organs[which], strlen(organs[which]), "; ");
		n -= (size_t)(best - s) + strlen(organs[which]);
		s = best + strlen(organs[which]);
	}
}

static char *
find_organ(const struct document *doc, const char *symbols)
{
	struct strbuf list = STRBUF_INIT;

	/* the masthead names it: the letters' (PARA_FRONT), or a line of its
	 * own near the top */
	for (size_t i = 0; i < doc->npara && (doc->paras[i].role == PARA_FRONT || i < 8); i++)
		for (size_t k = 0; k < NORGANS; k++)
			if (strcmp(doc->paras[i].text, organs[k]) == 0)
				add_unique(&list, organs[k], strlen(organs[k]), "; ");
	if (list.len > 0)
		return detach_or_null(&list);
	/* the symbols say whose documents it is */
	for (const char *s = symbols; s != NULL && *s;) {
		const char *organ = organ_of_symbol(s);

		if (organ != NULL)
			add_unique(&list, organ, strlen(organ), "; ");
		s = strchr(s, ' ');
		s = s ? s + 1 : NULL;
	}
	if (list.len > 0)
		return detach_or_null(&list);
	/* "faire distribuer … comme document du Conseil de sécurité" */
	for (size_t i = 0; i < doc->npara && list.len == 0; i++) {
		const char *t = doc->paras[i].text;
		const char *d = strstr(t, "comme document ");

		if (d == NULL)
			d = strstr(t, "en tant que document ");
		if (d != NULL) {
			const char *end = strchr(d, '.');

			add_organs_in(&list, d, end ? (size_t)(end - d) : strlen(d));
		}
	}
	return detach_or_null(&list);
}

static char *
find_language(const struct document *doc)
{
	for (size_t i = 0; i < doc->npara && i < 12; i++) {
		const char *t = doc->paras[i].text;

		if (!ascii_str_starts_with(t, "Original"))
			continue;
		t = skip_spaces(t + strlen("Original"));
		if (*t != ':')
			continue;
		t = skip_spaces(t + 1);
		if (*t)
			return xstrdup(t);
	}
	return NULL;
}

struct resolution {
	char number[8];
	char year[8];
};

static bool
preceded_by(const char *text, size_t at, const char *word)
{
	size_t k = strlen(word);

	return at >= k && memcmp(text + at - k, word, k) == 0;
}

/* Collects "1540 (2004)", "S/RES/1540 (2004)" and "résolution 1540" in order
 * of first appearance.  A number after "résolution" without a year may be
 * anything ("la présente résolution 90 jours après"): find_resolutions keeps
 * it only when the document gives that resolution's year elsewhere. */
static void
scan_resolutions(const char *t, struct resolution **res, size_t *n, size_t *cap)
{
	size_t len = strlen(t);

	for (size_t i = 0; i < len; i++) {
		size_t j = i, d;
		const char *after;
		char year[8] = "";
		size_t k;
		bool sres = preceded_by(t, i, "S/RES/");

		if (!ascii_is_digit(t[i]) ||
		    (i > 0 && !sres &&
		     (ascii_is_digit(t[i - 1]) || t[i - 1] == '/' || t[i - 1] == '-' ||
		      t[i - 1] == '.' || t[i - 1] == ',' || t[i - 1] == '(')))
			continue;
		while (j < len && ascii_is_digit(t[j]))
			j++;
		d = j - i;
		if (d > 4) {
			i = j;
			continue;
		}
		after = sres ? t + j : skip_spaces(t + j);
		if (sres && *after == ' ')
			after++;
		if (after[0] == '(' && ascii_is_digit(after[1]) && ascii_is_digit(after[2]) &&
		    ascii_is_digit(after[3]) && ascii_is_digit(after[4]) && after[5] == ')' &&
		    (ascii_str_starts_with(after + 1, "19") ||
		     ascii_str_starts_with(after + 1, "20")))
			memcpy(year, after + 1, 4), year[4] = '\0';
		else if (!sres && !preceded_by(t, i, "résolution ") &&
			 !preceded_by(t, i, "résolutions "))
			goto next;
		for (k = 0; k < *n; k++)
			if (strlen((*res)[k].number) == d && memcmp((*res)[k].number, t + i, d) == 0)
				break;
		if (k == *n) {
			*res = xgrow(*res, cap, *n + 1, sizeof **res);
			memcpy((*res)[k].number, t + i, d);
			(*res)[k].number[d] = '\0';
			(*res)[k].year[0] = '\0';
			(*n)++;
		}
		if (year[0] && !(*res)[k].year[0])
			strcpy((*res)[k].year, year);
		/* "S/RES/1540" names a resolution even without its year */
		if (sres && !(*res)[k].year[0])
			strcpy((*res)[k].year, "?");
next:
		i = j - 1;
	}
}

/* The resolutions the document cites, but `own` (a resolution's number). */
static char *
find_resolutions(const struct document *doc, const char *own)
{
	struct resolution *res = NULL;
	size_t n = 0, cap = 0;
	struct strbuf list = STRBUF_INIT;

	for (size_t i = 0; i < doc->npara; i++)
		if (doc->paras[i].role != PARA_FRONT)
			scan_resolutions(doc->paras[i].text, &res, &n, &cap);
	for (size_t i = 0; i < n; i++) {
		if (!res[i].year[0] || (own != NULL && strcmp(res[i].number, own) == 0))
			continue;
		if (list.len > 0)
			strbuf_addstr(&list, "; ");
		strbuf_addstr(&list, res[i].number);
		if (res[i].year[0] != '?')
			strbuf_addf(&list, " (%s)", res[i].year);
	}
	free(res);
	return detach_or_null(&list);
}

/* "28/04/2004" at the start of s into iso; returns the bytes consumed or 0. */
static size_t
parse_slash_date(const char *s, char iso[11])
{
	int day, month, year;

	for (int i = 0; i < 10; i++)
		if ((i == 2 || i == 5) ? s[i] != '/' : !ascii_is_digit(s[i]))
			return 0;
	if (ascii_is_digit(s[10]))
		return 0;
	day = (s[0] - '0') * 10 + (s[1] - '0');
	month = (s[3] - '0') * 10 + (s[4] - '0');
	year = atoi(s + 6);
	if (day < 1 || day > 31 || month < 1 || month > 12)
		return 0;
	{
		char tmp[32];

		snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", year, month, day);
		memcpy(iso, tmp, 11);
	}
	return 10;
}

/* A date and nothing else: "29 novembre 2016", "28/04/2004". */
static bool
is_date_only(const char *s, char iso[11])
{
	size_t n = meta_parse_date(s, iso);

	if (n == 0)
		n = parse_slash_date(s, iso);
	return n > 0 && s[n] == '\0';
}

/* The issue date: the first paragraph near the top that is only a date. */
static char *
find_issue_date(const struct document *doc)
{
	char iso[11];

	for (size_t i = 0; i < doc->npara && i < 12; i++)
		if (is_date_only(doc->paras[i].text, iso))
			return xstrdup(iso);
	return NULL;
}

/* The first date after one of " le ", " du " in s: "… à sa 7837e séance, le
 * 15 décembre 2016". */
static char *
date_after_le(const char *s)
{
	char iso[11];

	for (const char *p = s; (p = strstr(p, " le ")) != NULL; p += 4)
		if (meta_parse_date(p + 4, iso) > 0)
			return xstrdup(iso);
	return NULL;
}

/* Index of the first paragraph among the first `limit` that starts with
 * prefix, or -1. */
static long
find_para(const struct document *doc, size_t limit, const char *prefix)
{
	for (size_t i = 0; i < doc->npara && i < limit; i++)
		if (ascii_str_starts_with(doc->paras[i].text, prefix))
			return (long)i;
	return -1;
}

static bool
has_symbol_like(const char *symbols, const char *const *parts, size_t nparts, bool prefix)
{
	for (const char *s = symbols; s != NULL && *s;) {
		size_t n = strcspn(s, " ");

		for (size_t k = 0; k < nparts; k++) {
			const char *at = strstr(s, parts[k]);

			if (at != NULL && (size_t)(at - s) < n && (!prefix || at == s))
				return true;
		}
		s += n;
		s += strspn(s, " ");
	}
	return false;
}

static bool
is_organ(const char *s)
{
	for (size_t k = 0; k < NORGANS; k++)
		if (strcmp(s, organs[k]) == 0 ||
		    (ascii_str_starts_with(s, organs[k]) && s[strlen(organs[k])] == ' ' &&
		     ascii_is_digit(s[strlen(organs[k]) + 1])))
			return true;
	return false;
}

/* "7837e séance", "99e séance plénière": a meeting number alone. */
static bool
is_meeting(const char *s)
{
	size_t i = 0;

	while (ascii_is_digit(s[i]))
		i++;
	return i > 0 && ascii_str_starts_with(s + i, "e séance");
}

/* A press release: "Communiqué de presse", or a symbol SC/…, CS/…, AG/…. */
static bool
fill_press_release(struct document *doc)
{
	static const char *const prefixes[] = {"SC/", "CS/", "AG/"};
	struct doc_meta *m = &doc->meta;
	char iso[11];

	if (find_para(doc, 8, "Communiqué de presse") < 0 &&
	    !has_symbol_like(m->symbols, prefixes, 3, true))
		return false;
	m->kind = xstrdup("Communiqué de presse");
	/* the headline: the first paragraph that is none of the masthead's */
	for (size_t i = 0; i < doc->npara && i < 12; i++) {
		const char *t = doc->paras[i].text;

		if (strcmp(t, "Communiqué de presse") == 0 || is_date_only(t, iso) ||
		    is_organ(t) || is_meeting(t) || strstr(t, "séance –") != NULL ||
		    doc->paras[i].len < 16)
			continue;
		m->title = xstrdup(t);
		break;
	}
	return true;
}

/* "Résolution 2325 (2016)" and "Adoptée par … à sa 7837e séance, le …". */
static bool
fill_resolution(struct document *doc, char own[8])
{
	static const char *const parts[] = {"/RES/"};
	struct doc_meta *m = &doc->meta;
	long at = -1;

	for (size_t i = 0; i < doc->npara && i < 10 && at < 0; i++) {
		const char *t = doc->paras[i].text, *p = t + strlen("Résolution ");
		size_t d = 0;

		if (!ascii_str_starts_with(t, "Résolution "))
			continue;
		while (ascii_is_digit(p[d]) && d < 5)
			d++;
		if (d > 0 && d < 5 && p[d] == ' ' && p[d + 1] == '(' && strlen(p + d) == 7 &&
		    p[d + 6] == ')') {
			at = (long)i;
			memcpy(own, p, d);
			own[d] = '\0';
		}
	}
	if (at < 0 && !has_symbol_like(m->symbols, parts, 1, false))
		return false;
	m->kind = xstrdup("Résolution");
	if (at < 0)
		return true;
	if ((size_t)at + 1 < doc->npara &&
	    ascii_str_starts_with(doc->paras[at + 1].text, "Adoptée ")) {
		const char *adopted = doc->paras[at + 1].text;

		m->title = xasprintf("%s, a%s", doc->paras[at].text, adopted + 1);
		m->date = date_after_le(adopted);
		if (m->organ == NULL) {
			struct strbuf list = STRBUF_INIT;

			add_organs_in(&list, adopted, strlen(adopted));
			m->organ = detach_or_null(&list);
		}
	} else {
		m->title = xstrdup(doc->paras[at].text);
	}
	return true;
}

/* "Décision adoptée par l’Assemblée générale le 19 juillet 2017" and the
 * decision's own "71/543. Titre". */
static bool
fill_decision(struct document *doc)
{
	static const char *const parts[] = {"/DEC/"};
	struct doc_meta *m = &doc->meta;
	long at = find_para(doc, 12, "Décision adoptée ");

	if (at < 0)
		at = find_para(doc, 12, "Décisions adoptées ");
	if (at < 0 && !has_symbol_like(m->symbols, parts, 1, false))
		return false;
	m->kind = xstrdup("Décision");
	if (at < 0)
		return true;
	m->date = date_after_le(doc->paras[at].text);
	for (size_t i = (size_t)at + 1; i < doc->npara && i < (size_t)at + 4; i++) {
		const char *t = doc->paras[i].text;
		size_t k = 0;

		while (ascii_is_digit(t[k]) || t[k] == '/')
			k++;
		if (k >= 3 && t[k] == '.' && t[k + 1] == ' ' && strchr(t, '/') < t + k) {
			m->title = xasprintf("Décision %.*s : %s", (int)k, t, t + k + 2);
			break;
		}
	}
	if (m->title == NULL)
		m->title = xstrdup(doc->paras[at].text);
	if (m->organ == NULL) {
		struct strbuf list = STRBUF_INIT;

		add_organs_in(&list, doc->paras[at].text, doc->paras[at].len);
		m->organ = detach_or_null(&list);
	}
	return true;
}

/* A provisional record: "S/PV.7837", "7837e séance", "Jeudi 15 décembre
 * 2016, à 10 heures", "Ordre du jour". */
static bool
fill_record(struct document *doc)
{
	static const char *const parts[] = {"/PV."};
	static const char *const days[] = {"Lundi ", "Mardi ", "Mercredi ", "Jeudi ",
					   "Vendredi ", "Samedi ", "Dimanche "};
	struct doc_meta *m = &doc->meta;
	const char *meeting = NULL, *agenda = NULL;
	char iso[11];

	if (!has_symbol_like(m->symbols, parts, 1, false) && find_para(doc, 12, "Provisoire") < 0)
		return false;
	for (size_t i = 0; i < doc->npara && i < 30; i++) {
		const char *t = doc->paras[i].text;

		if (meeting == NULL && is_meeting(t))
			meeting = t;
		if (agenda == NULL && strcmp(t, "Ordre du jour") == 0 && i + 1 < doc->npara)
			agenda = doc->paras[i + 1].text;
		for (size_t k = 0; k < sizeof days / sizeof *days && m->date == NULL; k++)
			if (ascii_str_starts_with(t, days[k]) &&
			    meta_parse_date(t + strlen(days[k]), iso) > 0)
				m->date = xstrdup(iso);
	}
	if (meeting == NULL && !has_symbol_like(m->symbols, parts, 1, false))
		return false;
	m->kind = xstrdup("Procès-verbal");
	if (meeting != NULL && agenda != NULL)
		m->title = xasprintf("%s : %s", meeting, agenda);
	else if (meeting != NULL)
		m->title = xstrdup(meeting);
	return true;
}

/* A report's subject above "Rapport du Secrétaire général": a heading or
 * title line, not the masthead's. */
static bool
is_subject(const struct paragraph *p)
{
	char iso[11];

	return (p->role == PARA_HEADING || p->role == PARA_TITLE || p->role == PARA_BODY) &&
	       p->len > 24 && p->len < 300 && p->text[p->len - 1] != '.' && !is_organ(p->text) &&
	       !is_date_only(p->text, iso) && !ascii_str_starts_with(p->text, "Original") &&
	       !ascii_str_starts_with(p->text, "Distr.");
}

/* "Rapport du Secrétaire général sur la situation au Mali". */
static bool
fill_report(struct document *doc)
{
	static const char *const stops[] = {" sur ", " concernant ", " relatif", ",", " :"};
	struct doc_meta *m = &doc->meta;
	long at = -1;
	const char *t, *by = NULL;

	for (size_t i = 0; i < doc->npara && i < 15 && at < 0; i++) {
		t = doc->paras[i].text;
		if (doc->paras[i].len < 200 &&
		    (ascii_str_starts_with(t, "Rapport ") ||
		     (strstr(t, " rapport ") != NULL && strstr(t, " rapport ") - t < 24 &&
		      !strchr(t, '.'))) &&
		    doc->paras[i].role != PARA_NUMBERED && doc->paras[i].role != PARA_ITEM)
			at = (long)i;
	}
	if (at < 0)
		return false;
	t = doc->paras[at].text;
	m->kind = xstrdup("Rapport");
	/* "Application de la résolution 2231 (2015)" above "Deuxième rapport du
	 * Secrétaire général": the subject comes first */
	/* as the UN's library catalogues it: "Sujet : rapport du Secrétaire général" */
	if (strstr(t, " sur ") == NULL && at > 0 && is_subject(&doc->paras[at - 1]))
		m->title = xasprintf("%s : %c%s", doc->paras[at - 1].text,
				     t[0] >= 'A' && t[0] <= 'Z' ? t[0] - 'A' + 'a' : t[0], t + 1);
	else
		m->title = xstrdup(t);
	if ((by = strstr(t, "apport du ")) != NULL)
		by += strlen("apport du ");
	else if ((by = strstr(t, "apport de la ")) != NULL)
		by += strlen("apport de la ");
	else if ((by = strstr(t, "apport de l’")) != NULL)
		by += strlen("apport de l’");
	if (by != NULL && ((unsigned char)*by >= 0x80 || (*by >= 'A' && *by <= 'Z')))
		m->sender = copy_until(by, stops, sizeof stops / sizeof *stops);
	return true;
}

/* The first heading or title near the top: what a document of no known
 * kind is called. */
static char *
find_first_heading(const struct document *doc)
{
	for (size_t i = 0; i < doc->npara && i < 20; i++)
		if ((doc->paras[i].role == PARA_HEADING || doc->paras[i].role == PARA_TITLE) &&
		    !is_organ(doc->paras[i].text) && strcmp(doc->paras[i].text, "Nations Unies") != 0)
			return xstrdup(doc->paras[i].text);
	return NULL;
}

void
meta_extract(struct document *doc, const char *raw, size_t raw_len, const char *source)
{
	struct doc_meta *m = &doc->meta;
	const struct paragraph *title = find_title(doc);
	char own[8] = ""; /* a resolution's own number */

	doc_meta_release(m);
	if (title != NULL) {
		const char *d = strstr(title->text, " datée");
		char iso[11];

		if (d == NULL)
			d = strstr(title->text, " en date");
		m->title = xstrdup(title->text);
		m->kind = xstrndup(title->text, (size_t)(d - title->text));
		d = strstr(d, " du ");
		if (d != NULL && meta_parse_date(d + 4, iso) > 0)
			m->date = xstrdup(iso);
		m->sender = find_sender(title->text);
		m->addressee = find_addressee(title->text);
	}
	m->symbols = find_symbols(raw, raw_len, &m->job_number);
	m->organ = find_organ(doc, m->symbols);
	/* not a letter: the other kinds, each from its own masthead */
	if (m->kind == NULL && !fill_press_release(doc) && !fill_resolution(doc, own) &&
	    !fill_decision(doc) && !fill_record(doc) && !fill_report(doc))
		m->title = find_first_heading(doc);
	if (m->date == NULL)
		m->date = find_issue_date(doc);
	if (m->organ == NULL && m->addressee != NULL) {
		struct strbuf list = STRBUF_INIT;

		add_organs_in(&list, m->addressee, strlen(m->addressee));
		m->organ = detach_or_null(&list);
	}
	m->language = find_language(doc);
	m->resolutions = find_resolutions(doc, own[0] ? own : NULL);
	if (source != NULL)
		m->source = xstrdup(source);
}
