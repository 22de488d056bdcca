/* query.h - what the user typed, made safe and structured.
 *
 * Grammar (French users, typed as-you-go):
 *   mot            a word; words are ANDed within a passage
 *   mot*           an explicit prefix
 *   "une phrase"   a phrase (an unclosed quote runs to the end)
 *   -mot, -"…"     exclusion
 *   champ:valeur   field filters on document metadata:
 *                  de:kazakhstan (sender), a:… (addressee), type:note (kind),
 *                  annee:2018 or annee:2010-2018 (year or range),
 *                  cite:1540 (cited resolution), organe:… (organ),
 *                  cite:S/2010/84 (cited symbol), cote:A/64/666 (own symbol)
 * Any bytes are accepted: quotes, parentheses, AND/OR/NOT/NEAR, '*', ':' and
 * '-' are never passed to FTS5 as syntax; every token reaches MATCH as a
 * quoted string, so MATCH never raises a syntax error.  Input that cannot be
 * understood (unknown field, bad year, nothing but exclusions) gives a
 * parse error with a short French message.  Pure text: no SQL here. */
#ifndef LISEUSE_QUERY_H
#define LISEUSE_QUERY_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "util.h"

enum query_flags {
	QUERY_LAST_PREFIX = 1 << 0, /* the last bare word is a prefix (typing) */
};

struct query_term {
	char **tokens;  /* folded tokens (fold.h); a word may fold to several */
	size_t ntokens;
	bool exclude;   /* -mot */
	bool phrase;    /* "…" (or a word that folds to several tokens) */
	bool prefix;    /* last token is a prefix */
};

enum query_field_kind {
	QF_SENDER,    /* de: */
	QF_ADDRESSEE, /* a: */
	QF_KIND,      /* type: */
	QF_YEAR,      /* annee: */
	QF_CITES,     /* cite: */
	QF_ORGAN,     /* organe: */
	QF_SYMBOL,    /* cote: a document's own symbol */
	QF_CITES_SYMBOL, /* cite: with a symbol (cite:S/2010/84) */
};

struct query_field {
	enum query_field_kind kind;
	char *value;          /* folded value (fold_string); NULL for QF_YEAR; for
			       * QF_SYMBOL and QF_CITES_SYMBOL the symbol,
			       * normalised (links.h) */
	int year_from, year_to;
};

struct query {
	struct query_term *terms;
	size_t nterms;
	struct query_field *fields;
	size_t nfields;
	char *fts;   /* FTS5 MATCH expression, or NULL when there is no positive term */
	char *error; /* "syntaxe : …" after a failed parse, else NULL */
};

/* Parses input into out (which is overwritten; release it after).  Returns
 * 0, or -1 with out->error set; an empty or blank input is a valid query with
 * no terms and no fields (everything matches). */
int query_parse(const char *input, unsigned flags, struct query *out);
void query_release(struct query *q);
/* True when the query has neither terms nor fields. */
bool query_is_empty(const struct query *q);

/* The help of field i ("de:kazakhstan  sent by", untranslated: pass it
 * through _()), or NULL past the last field. */
const char *query_field_help(size_t i);

/* Appends token to sb as an FTS5 string: in double quotes, its own double
 * quotes doubled, so FTS5 reads it as text, never as syntax. */
void query_append_quoted(struct strbuf *sb, const char *token);

/* Called by query_fts_expanded for the prefix that ends a one-token term.
 * May append to out an FTS5 expression that replaces `"prefix" *` (such as
 * ("word1" OR "word2")) and return 1; returns 0 to keep the plain prefix. */
typedef int (*query_expand_fn)(const char *prefix, struct strbuf *out, void *arg);

/* Builds the MATCH expression like q->fts, letting `expand` replace prefix
 * tokens.  Returns a newly allocated string, or NULL when q->fts is NULL. */
char *query_fts_expanded(const struct query *q, query_expand_fn expand, void *arg);

/* Finds the byte ranges of text[0..len) matched by the query's positive
 * terms (phrases as consecutive tokens, prefixes as prefixes), with the same
 * folding as the search.  Returns the number of spans and stores a newly
 * allocated sorted array in *spans (NULL when there is none). */
size_t query_highlight(const struct query *q, const char *text, size_t len,
		       struct text_span **spans);

#endif
