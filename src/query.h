/* query.h - what the user typed, made safe and structured.
 *
 * Grammar (French users, typed as-you-go):
 *   mot            a word; words are ANDed within a passage
 *   mot*           an explicit prefix
 *   "une phrase"   a phrase (an unclosed quote runs to the end)
 *   -mot, -"…"     exclusion (alone: what lacks the word)
 *   champ:valeur   field filters on document metadata:
 *                  de:kazakhstan (sender), a:… (addressee), type:note (kind),
 *                  annee:2018, annee:2010-2018, annee:2014-,
 *                  annee:-2010 (year or range, open or not),
 *                  cite:1540 (cited resolution), organe:… (organ),
 *                  cite:S/2010/84 (cited symbol), cote:A/64/666 (own symbol)
 * Any bytes are accepted: quotes, parentheses, AND/OR/NOT/NEAR, '*', ':' and
 * '-' are never passed to FTS5 as syntax; every token reaches MATCH as a
 * quoted string, so MATCH never raises a syntax error.  Input that cannot be
 * understood (unknown field, bad year) gives a parse error with a short
 * French message; while typing (QUERY_LAST_PREFIX), a year still being
 * typed at the end ("annee:20") is no error but no filter yet.  Pure text: no SQL here. */
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
	char *typed;    /* the word as typed (accents kept), for an unquoted
			 * one-token word; else NULL */
	char **forms;   /* other folded words this term matches (its
			 * inflections), for query_highlight; filled by the
			 * store (store_query_forms), else NULL */
	size_t nforms;
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
	char *excluded_fts; /* without a positive term, the excluded terms ORed
			     * (what a result must not match), else NULL */
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

/* How query_fts_expanded rewrites terms (each callback may be NULL):
 * - prefix: for the prefix that ends a one-token term; may append to out
 *   an FTS5 expression that replaces `"prefix" *` (such as
 *   ("word1" OR "word2")) and return 1; returns 0 to keep the plain prefix;
 * - word: for an unquoted one-token word that is not a prefix; may append
 *   an expression that replaces `"word"` (its inflections) and return 1;
 *   returns 0 to keep the word as it is. */
struct query_expander {
	int (*prefix)(const char *prefix, struct strbuf *out, void *arg);
	int (*word)(const struct query_term *term, struct strbuf *out, void *arg);
	void *arg;
};

/* Builds the MATCH expression like q->fts (or like q->excluded_fts when
 * excluded is true), letting the expander rewrite terms.  Returns a newly
 * allocated string, or NULL when that expression is NULL. */
char *query_fts_expanded(const struct query *q, const struct query_expander *expander,
			 bool excluded);

/* Finds the byte ranges of text[0..len) matched by the query's positive
 * terms (phrases as consecutive tokens, prefixes as prefixes), with the same
 * folding as the search.  Returns the number of spans and stores a newly
 * allocated sorted array in *spans (NULL when there is none).  */
size_t query_highlight(const struct query *q, const char *text, size_t len,
		       struct text_span **spans);
/* Stop words (stopword.h) are left out of both when the query has any other
 * word or a phrase.  The forms of a term (its inflections) match as the
 * term does. */

/* Where a passage of text[0..len) should be centred: the first match of
 * the query's rarest term there (the term matched least often).  Returns
 * true and sets *at to a byte offset, or false when nothing matches. */
bool query_anchor(const struct query *q, const char *text, size_t len, size_t *at);

#endif
