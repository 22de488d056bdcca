/* citation.c - citations of passages and documents (see citation.h). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "i18n.h"
#include "util.h"

char *
citation_date(const char *iso)
{
	static const char *const months[] = {
	    "janvier", "février", "mars",      "avril",   "mai",      "juin",
	    "juillet", "août",    "septembre", "octobre", "novembre", "décembre",
	};
	int y, m, d;
	char tail;

	if (iso == NULL)
		return NULL;
	if (strlen(iso) == 10 && sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && m >= 1 &&
	    m <= 12 && d >= 1 && d <= 31)
		return xasprintf("%d%s %s %d", d, d == 1 ? "er" : "", months[m - 1], y);
	return xstrdup(iso);
}

/* Appends s after ", " (or nothing first) when it is known. */
static void
citation_part(struct strbuf *sb, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	if (sb->len)
		strbuf_addstr(sb, ", ");
	strbuf_addstr(sb, s);
}

/* The text on one line: runs of blanks, tabs and newlines as one space. */
static void
citation_oneline(struct strbuf *sb, const char *text, size_t len)
{
	bool blank = false;

	for (size_t i = 0; i < len; i++) {
		char c = text[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = true;
			continue;
		}
		if (blank && sb->len && sb->buf[sb->len - 1] != ' ')
			strbuf_addch(sb, ' ');
		blank = false;
		strbuf_addch(sb, c);
	}
}

char *
citation_passage(const struct doc_meta *m, const char *number, const char *text, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	char *date = citation_date(m->date);

	citation_part(&sb, m->kind);
	citation_part(&sb, date);
	citation_part(&sb, m->sender);
	citation_part(&sb, m->symbols);
	if (number != NULL && *number) {
		bool letter = number[0] < '0' || number[0] > '9';

		if (sb.len)
			strbuf_addstr(&sb, ", ");
		strbuf_addf(&sb, "%s %s", letter ? "al." : "par.", number);
	}
	strbuf_addstr(&sb, sb.len ? " : « " : "« ");
	citation_oneline(&sb, text, len);
	strbuf_addstr(&sb, " »");
	free(date);
	return strbuf_detach(&sb, NULL);
}

char *
citation_reference(const struct doc_meta *m)
{
	struct strbuf sb = STRBUF_INIT;

	if (m->title != NULL && *m->title) {
		citation_oneline(&sb, m->title, strlen(m->title));
	} else {
		char *date = citation_date(m->date);

		citation_part(&sb, m->kind);
		citation_part(&sb, date);
		citation_part(&sb, m->sender);
		free(date);
		if (sb.len == 0 && m->source != NULL)
			strbuf_addstr(&sb, m->source);
	}
	if (m->symbols != NULL && *m->symbols)
		strbuf_addf(&sb, sb.len ? " (%s)" : "%s", m->symbols);
	return strbuf_detach(&sb, NULL);
}

char *
citation_ref_label(const char *symbol, const char *kind, const char *sender, const char *date)
{
	struct strbuf sb = STRBUF_INIT, inner = STRBUF_INIT;
	char *day = citation_date(date);

	citation_part(&inner, sender);
	citation_part(&inner, day);
	free(day);
	if (symbol != NULL && *symbol)
		strbuf_addstr(&sb, symbol);
	else if (kind != NULL && *kind)
		strbuf_addstr(&sb, kind);
	else
		strbuf_addstr(&sb, "document");
	if (inner.len)
		strbuf_addf(&sb, " (%s)", inner.buf);
	strbuf_release(&inner);
	return strbuf_detach(&sb, NULL);
}

char *
citation_cited_by(const char *const *labels, size_t n)
{
	struct strbuf sb = STRBUF_INIT;

	if (n == 0)
		return xstrdup("");
	strbuf_addf(&sb, i18n_ngettext("%zu document — ", "%zu documents — ", n), n);
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(&sb, ", ");
		strbuf_addstr(&sb, labels[i]);
	}
	return strbuf_detach(&sb, NULL);
}
