/* outline.c - a document's structure, paragraph by paragraph (see outline.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "outline.h"
#include "util.h"

void
outline_init(struct outline *o)
{
	memset(o, 0, sizeof *o);
}

void
outline_release(struct outline *o)
{
	for (size_t i = 0; i < o->n; i++)
		free(o->entries[i].label);
	free(o->entries);
	outline_init(o);
}

size_t
outline_number(const char *text, size_t len, char out[16])
{
	size_t n = 0;

	out[0] = '\0';
	while (n < len && n < 4 && text[n] >= '0' && text[n] <= '9')
		n++;
	if (n > 0) {
		if (n < len && text[n] == '.' && (n + 1 == len || text[n + 1] == ' ')) {
			memcpy(out, text, n);
			out[n] = '\0';
			return n;
		}
		return 0;
	}
	/* "a)", "iv)", "aa)": a few lower-case letters and a parenthesis */
	while (n < len && n < 5 && text[n] >= 'a' && text[n] <= 'z')
		n++;
	if (n > 0 && n < len && text[n] == ')') {
		memcpy(out, text, n);
		out[n] = '\0';
		return n;
	}
	return 0;
}

/* The start of a paragraph on one line: blanks folded, cut with "…". */
static char *
outline_label(const char *text, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = len, i;

	if (n > OUTLINE_LABEL_MAX) {
		n = OUTLINE_LABEL_MAX;
		while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
			n--;
	}
	for (i = 0; i < n; i++) {
		char c = text[i];

		strbuf_addch(&sb, c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
	}
	if (n < len)
		strbuf_addstr(&sb, "…");
	return strbuf_detach(&sb, NULL);
}

static bool
outline_starts(const char *text, size_t len, const char *word)
{
	size_t k = strlen(word);

	return len >= k && memcmp(text, word, k) == 0 && (len == k || text[k] == ' ');
}

/* Masthead lines a text may give as headings ("Nations Unies" above the
 * organ and "Distr. générale"): the first page's furniture, not sections. */
static bool
outline_masthead(const char *text, size_t len)
{
	static const char *const lines[] = {
	    "Nations Unies",	     "Distr. générale",	     "Distr. limitée",
	    "Distr. restreinte",     "Français",	     "Conseil de sécurité",
	    "Assemblée générale",    "Conférence du désarmement", "Conseil économique et social",
	};

	for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++)
		if (len == strlen(lines[i]) && memcmp(text, lines[i], len) == 0)
			return true;
	return len >= 8 && memcmp(text, "Original", 8) == 0;
}

static struct outline_entry *
outline_push(struct outline *o, size_t piece, enum outline_kind kind, int level)
{
	struct outline_entry *e;

	o->entries = xgrow(o->entries, &o->cap, o->n + 1, sizeof *o->entries);
	e = &o->entries[o->n++];
	memset(e, 0, sizeof *e);
	e->piece = piece;
	e->kind = kind;
	e->level = level;
	return e;
}

void
outline_add(struct outline *o, size_t piece, enum para_role role, const char *text, size_t len)
{
	struct outline_entry *e;
	bool signature = role == PARA_SIGNATURE;

	if (signature && o->in_signature && o->n > 0) {
		/* one entry per block; the "(Signé) Name" line names it best */
		if (outline_starts(text, len, "(Signé)")) {
			e = &o->entries[o->n - 1];
			free(e->label);
			e->label = outline_label(text, len);
		}
		return;
	}
	o->in_signature = signature;
	if ((role == PARA_TITLE || role == PARA_HEADING) && outline_masthead(text, len))
		return;
	switch (role) {
	case PARA_TITLE:
		e = outline_push(o, piece, OUTLINE_TITLE, 0);
		break;
	case PARA_HEADING:
		e = outline_push(o, piece,
				 outline_starts(text, len, "Annexe") ||
					 outline_starts(text, len, "ANNEXE")
				     ? OUTLINE_ANNEX
				     : OUTLINE_HEADING,
				 0);
		break;
	case PARA_NUMBERED:
		e = outline_push(o, piece, OUTLINE_NUMBERED, 1);
		outline_number(text, len, e->number);
		break;
	case PARA_ITEM: {
		char number[16];

		if (outline_number(text, len, number) == 0)
			return; /* a bullet */
		e = outline_push(o, piece, OUTLINE_ITEM, 2);
		memcpy(e->number, number, sizeof number);
		break;
	}
	case PARA_SIGNATURE:
		e = outline_push(o, piece, OUTLINE_SIGNATURE, 0);
		break;
	default:
		return;
	}
	e->label = outline_label(text, len);
}

long
outline_entry_at(const struct outline *o, size_t piece, bool top_level)
{
	size_t lo = 0, hi = o->n;
	long found;

	/* entries are in piece order: a binary search for the last <= piece */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (o->entries[mid].piece <= piece)
			lo = mid + 1;
		else
			hi = mid;
	}
	found = (long)lo - 1;
	while (top_level && found >= 0 && o->entries[found].level != 0)
		found--;
	return found;
}
