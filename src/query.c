/* query.c - parse what the user typed into folded terms, fields and a safe
 * FTS5 MATCH expression; find what a query marks in a text. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "i18n.h"
#include "links.h"
#include "query.h"
#include "stopword.h"
#include "utf8.h"
#include "util.h"

/* Limits that keep a pasted page of garbage from building an FTS5
 * expression deeper or larger than SQLite accepts. */
#define QUERY_MAX_TERMS 64
#define QUERY_MAX_TOKENS 256

static const struct {
	const char *name; /* folded */
	enum query_field_kind kind;
	const char *help; /* for the help screen: an example and its meaning */
} query_field_names[] = {
    {"de", QF_SENDER, N_("de:kazakhstan  sent by")},
    {"a", QF_ADDRESSEE, N_("a:secretaire  addressed to")},
    {"type", QF_KIND, N_("type:note  kind of document")},
    {"annee", QF_YEAR, N_("annee:2014, annee:2010-2018  year or years")},
    {"cite", QF_CITES, N_("cite:1540, cite:S/2010/84  cites a resolution or a symbol")},
    {"organe", QF_ORGAN, N_("organe:conseil  organ")},
    {"cote", QF_SYMBOL, N_("cote:A/64/666  the document's own symbol")},
};

const char *
query_field_help(size_t i)
{
	if (i >= sizeof query_field_names / sizeof query_field_names[0])
		return NULL;
	return query_field_names[i].help;
}

struct query_parser {
	const char *s;
	size_t len;
	size_t pos;
	size_t ntokens;
	struct query *q;
	size_t term_cap, field_cap;
};

/* What separates words in a query: a space (utf8.h) or a line end. */
static size_t
query_space_len(const char *s, size_t len, size_t pos)
{
	unsigned char c = (unsigned char)s[pos];

	if (c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return 1;
	return utf8_space_len(s, len, pos);
}

static int
query_fail(struct query_parser *p, const char *msg)
{
	free(p->q->error);
	p->q->error = xasprintf(_("syntax: %s"), msg);
	return -1;
}

/* Folds text into a new term; returns 0, 1 when it holds no token, -1 on error. */
static int
query_add_term(struct query_parser *p, const char *text, size_t len, bool exclude, bool quoted,
	       bool prefix)
{
	struct query_term term = {0};
	struct fold_iter it;
	size_t start, end, flen, cap = 0;
	const char *folded;

	fold_iter_init(&it, text, len);
	while (fold_iter_next(&it, &start, &end, &folded, &flen)) {
		term.tokens = xgrow(term.tokens, &cap, term.ntokens + 1, sizeof *term.tokens);
		term.tokens[term.ntokens++] = xstrndup(folded, flen);
	}
	fold_iter_release(&it);
	if (term.ntokens == 0)
		return 1;
	p->ntokens += term.ntokens;
	if (p->q->nterms >= QUERY_MAX_TERMS || p->ntokens > QUERY_MAX_TOKENS) {
		for (size_t i = 0; i < term.ntokens; i++)
			free(term.tokens[i]);
		free(term.tokens);
		return query_fail(p, _("query too long"));
	}
	term.exclude = exclude;
	term.phrase = quoted || term.ntokens > 1;
	term.prefix = prefix;
	if (!term.phrase && !prefix)
		term.typed = xstrndup(text, len);
	p->q->terms = xgrow(p->q->terms, &p->term_cap, p->q->nterms + 1, sizeof *p->q->terms);
	p->q->terms[p->q->nterms++] = term;
	return 0;
}

/* Parses "2018", "2010-2018" (either order), "2014-" (from 2014 on) or
 * "-2010" (up to 2010).  Returns 0, -1 when it is not a year, and 1 when it
 * could still become one as typing goes on ("20", "2014-2", "-").  */
static int
query_parse_years(const char *v, size_t len, int *from, int *to)
{
	int y[2] = {0, 0}, n = 0, digits[2] = {0, 0};
	bool dash = false;

	for (size_t i = 0; i < len; i++) {
		if (v[i] >= '0' && v[i] <= '9') {
			if (++digits[n] > 4)
				return -1;
			y[n] = y[n] * 10 + (v[i] - '0');
		} else if (v[i] == '-' && !dash && (digits[0] == 0 || digits[0] == 4)) {
			dash = true;
			n = 1;
		} else {
			return -1;
		}
	}
	if ((digits[0] != 0 && digits[0] != 4) || (digits[1] != 0 && digits[1] != 4) ||
	    (digits[0] == 0 && digits[1] == 0))
		return 1;
	if (!dash) {
		y[1] = y[0];
	} else if (digits[0] == 0) {
		y[0] = 0; /* "-2010" */
	} else if (digits[1] == 0) {
		y[1] = 9999; /* "2014-" */
	}
	*from = y[0] < y[1] ? y[0] : y[1];
	*to = y[0] < y[1] ? y[1] : y[0];
	return 0;
}

/* typing: the field is the last thing typed, and may still be incomplete */
static int
query_add_field(struct query_parser *p, enum query_field_kind kind, const char *v, size_t len,
		bool typing)
{
	struct query_field f = {.kind = kind};

	if (kind == QF_CITES && memchr(v, '/', len) != NULL)
		kind = f.kind = QF_CITES_SYMBOL;
	if (kind == QF_YEAR) {
		int rc = query_parse_years(v, len, &f.year_from, &f.year_to);

		if (rc == 1 && typing)
			return 0; /* "annee:20" while typing: no filter yet */
		if (rc != 0)
			return query_fail(p, _("year expected (annee:2018, annee:2010-2018, "
						"annee:2014- or annee:-2010)"));
	} else if (kind == QF_SYMBOL || kind == QF_CITES_SYMBOL) {
		char symbol[LINKS_SYMBOL_MAX];

		if (len == 0)
			return 0; /* "cote:" while typing */
		if (!links_normalize(v, len, symbol))
			return query_fail(p, kind == QF_SYMBOL
						 ? _("a document symbol expected (cote:A/64/666)")
						 : _("a document symbol expected (cite:S/2010/84)"));
		f.value = xstrdup(symbol);
	} else {
		size_t flen;

		f.value = fold_string(v, len, &flen);
		if (flen == 0) {
			free(f.value);
			return 0; /* "de:" while typing: no filter yet */
		}
	}
	if (p->q->nfields >= QUERY_MAX_TERMS) {
		free(f.value);
		return query_fail(p, _("query too long"));
	}
	p->q->fields = xgrow(p->q->fields, &p->field_cap, p->q->nfields + 1, sizeof *p->q->fields);
	p->q->fields[p->q->nfields++] = f;
	return 0;
}

/* Looks for "name:" at the start of a word: returns the field's index, -1
 * when the word is not a field ("10:30", "l’a:b" are text), -2 for an
 * unknown name (error set). */
static int
query_match_field(struct query_parser *p, const char *w, size_t wlen, size_t *namelen)
{
	const char *colon = memchr(w, ':', wlen);
	struct fold_iter it;
	size_t nlen, start, end, flen;
	const char *folded;
	int found = -1, ntok = 0;
	bool whole = false, letters = true;

	if (colon == NULL || colon == w)
		return -1;
	nlen = (size_t)(colon - w);
	fold_iter_init(&it, w, nlen);
	while (fold_iter_next(&it, &start, &end, &folded, &flen)) {
		ntok++;
		whole = start == 0 && end == nlen;
		for (size_t i = 0; i < flen; i++)
			if (folded[i] >= '0' && folded[i] <= '9')
				letters = false;
		for (size_t i = 0;
		     whole && i < sizeof query_field_names / sizeof query_field_names[0]; i++)
			if (strlen(query_field_names[i].name) == flen &&
			    memcmp(query_field_names[i].name, folded, flen) == 0)
				found = (int)i;
	}
	fold_iter_release(&it);
	if (ntok != 1 || !whole || !letters)
		return -1;
	if (found < 0) {
		char *msg =
		    xasprintf(_("unknown field '%.*s:' (de:, a:, type:, annee:, cite:, cote:, organe:)"),
			      (int)nlen, w);
		query_fail(p, msg);
		free(msg);
		return -2;
	}
	*namelen = nlen;
	return found;
}

void
query_append_quoted(struct strbuf *sb, const char *token)
{
	strbuf_addch(sb, '"');
	for (const char *c = token; *c; c++) {
		if (*c == '"')
			strbuf_addch(sb, '"');
		strbuf_addch(sb, *c);
	}
	strbuf_addch(sb, '"');
}

/* Appends a term as an FTS5 phrase of quoted tokens: "a" + "b" *.  A
 * one-token prefix may be replaced by the expander (an OR of whole words):
 * FTS5 has no OR inside a phrase, so longer phrases keep their prefix.  An
 * unquoted word may be replaced by its inflections. */
static void
query_term_fts(struct strbuf *sb, const struct query_term *t, const struct query_expander *ex)
{
	if (ex != NULL && t->prefix && t->ntokens == 1 && ex->prefix != NULL &&
	    ex->prefix(t->tokens[0], sb, ex->arg) == 1)
		return;
	if (ex != NULL && !t->prefix && !t->phrase && t->ntokens == 1 && ex->word != NULL &&
	    ex->word(t, sb, ex->arg) == 1)
		return;
	for (size_t i = 0; i < t->ntokens; i++) {
		if (i)
			strbuf_addstr(sb, " + ");
		query_append_quoted(sb, t->tokens[i]);
		if (t->prefix && i + 1 == t->ntokens)
			strbuf_addstr(sb, " *");
	}
}

/* Builds the MATCH expression: (positive AND …) NOT (excluded OR …).
 * Exclusions are ORed under one NOT so the tree stays shallow.  With
 * excluded set, only what the exclusions match: (excluded OR …). */
static char *
query_build_fts(const struct query *q, const struct query_expander *ex, bool excluded)
{
	struct strbuf sb = STRBUF_INIT;
	size_t npos = 0, nneg = 0;

	for (size_t i = 0; i < q->nterms; i++) {
		if (q->terms[i].exclude)
			continue;
		strbuf_addstr(&sb, npos++ ? " AND " : "(");
		query_term_fts(&sb, &q->terms[i], ex);
	}
	if (excluded) {
		if (npos > 0)
			strbuf_reset(&sb);
	} else if (npos == 0) {
		strbuf_release(&sb);
		return NULL;
	} else {
		strbuf_addch(&sb, ')');
	}
	for (size_t i = 0; (excluded ? npos == 0 : true) && i < q->nterms; i++) {
		if (!q->terms[i].exclude)
			continue;
		strbuf_addstr(&sb, nneg++ ? " OR " : excluded ? "(" : " NOT (");
		query_term_fts(&sb, &q->terms[i], ex);
	}
	if (nneg)
		strbuf_addch(&sb, ')');
	if (excluded && nneg == 0) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* Reads a quoted run starting after the opening quote: sets *text, *tlen and
 * returns whether the closing quote was found; p->pos moves past it. */
static bool
query_quoted(struct query_parser *p, const char **text, size_t *tlen)
{
	const char *b = p->s + p->pos;
	const char *e = memchr(b, '"', p->len - p->pos);

	*text = b;
	if (e == NULL) {
		*tlen = p->len - p->pos;
		p->pos = p->len;
		return false;
	}
	*tlen = (size_t)(e - b);
	p->pos += *tlen + 1;
	return true;
}

static int
query_parse_item(struct query_parser *p, unsigned flags)
{
	bool exclude = false, prefix;
	const char *text;
	size_t tlen;
	int rc;

	if (p->s[p->pos] == '-') {
		exclude = true;
		p->pos++;
	}
	if (p->pos < p->len && p->s[p->pos] == '"') {
		bool closed;

		p->pos++;
		closed = query_quoted(p, &text, &tlen);
		prefix = false;
		if (closed && p->pos < p->len && p->s[p->pos] == '*') {
			prefix = true;
			p->pos++;
		} else if (!closed && (flags & QUERY_LAST_PREFIX) && !exclude) {
			prefix = true; /* a phrase still being typed */
		}
		rc = query_add_term(p, text, tlen, exclude, true, prefix);
	} else {
		size_t wlen = 0, namelen;
		int field;

		text = p->s + p->pos;
		while (p->pos + wlen < p->len && p->s[p->pos + wlen] != '"' &&
		       !query_space_len(p->s, p->len, p->pos + wlen))
			wlen++;
		p->pos += wlen;
		field = query_match_field(p, text, wlen, &namelen);
		if (field == -2)
			return -1;
		if (field >= 0) {
			const char *v = text + namelen + 1;
			size_t vlen = wlen - namelen - 1;

			if (exclude)
				return query_fail(p, _("a field cannot be excluded (-de:…)"));
			if (vlen == 0 && p->pos < p->len && p->s[p->pos] == '"') {
				p->pos++;
				query_quoted(p, &v, &vlen);
			}
			return query_add_field(p, query_field_names[field].kind, v, vlen,
					       (flags & QUERY_LAST_PREFIX) && p->pos >= p->len);
		}
		prefix = wlen > 0 && text[wlen - 1] == '*';
		if (!prefix && !exclude && (flags & QUERY_LAST_PREFIX) && p->pos >= p->len)
			prefix = true;
		rc = query_add_term(p, text, wlen, exclude, false, prefix);
	}
	return rc < 0 ? -1 : 0;
}

int
query_parse(const char *input, unsigned flags, struct query *out)
{
	struct query_parser p = {0};

	memset(out, 0, sizeof *out);
	if (input == NULL)
		return 0;
	p.s = input;
	p.len = strlen(input);
	p.q = out;
	for (;;) {
		size_t n;

		while (p.pos < p.len && (n = query_space_len(p.s, p.len, p.pos)) > 0)
			p.pos += n;
		if (p.pos >= p.len)
			break;
		if (query_parse_item(&p, flags) < 0)
			return -1;
	}
	out->fts = query_build_fts(out, NULL, false);
	out->excluded_fts = query_build_fts(out, NULL, true);
	return 0;
}

void
query_release(struct query *q)
{
	for (size_t i = 0; i < q->nterms; i++) {
		for (size_t j = 0; j < q->terms[i].ntokens; j++)
			free(q->terms[i].tokens[j]);
		free(q->terms[i].tokens);
		free(q->terms[i].typed);
		for (size_t j = 0; j < q->terms[i].nforms; j++)
			free(q->terms[i].forms[j]);
		free(q->terms[i].forms);
	}
	free(q->terms);
	for (size_t i = 0; i < q->nfields; i++)
		free(q->fields[i].value);
	free(q->fields);
	free(q->fts);
	free(q->excluded_fts);
	free(q->error);
	memset(q, 0, sizeof *q);
}

bool
query_is_empty(const struct query *q)
{
	return q->nterms == 0 && q->nfields == 0;
}

/* One token of the text being highlighted; folded is an offset in a buffer. */
struct query_token {
	size_t start, end, folded, flen;
};

static bool
query_token_matches(const struct strbuf *sb, const struct query_token *t, const char *want,
		    bool prefix)
{
	size_t wlen = strlen(want);

	if (prefix ? t->flen < wlen : t->flen != wlen)
		return false;
	return memcmp(sb->buf + t->folded, want, wlen) == 0;
}

static int
query_span_cmp(const void *a, const void *b)
{
	const struct text_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return x->end < y->end ? -1 : x->end > y->end;
}

/* Whether a positive term counts for highlighting and passages: a stop
 * word alone ("de") does not, unless the query has nothing else. */
static bool
query_term_significant(const struct query_term *t)
{
	return t->phrase || t->ntokens != 1 || !stopword_is(t->tokens[0], strlen(t->tokens[0]));
}

static bool
query_has_significant(const struct query *q)
{
	for (size_t t = 0; t < q->nterms; t++)
		if (!q->terms[t].exclude && q->terms[t].ntokens > 0 &&
		    query_term_significant(&q->terms[t]))
			return true;
	return false;
}

/* Whether the term's token k matches the text's token: the word itself, a
 * prefix of it, or one of the term's inflected forms. */
static bool
query_term_token_matches(const struct query_term *term, size_t k, const struct strbuf *all,
			 const struct query_token *tok)
{
	bool pre = term->prefix && k + 1 == term->ntokens;

	if (query_token_matches(all, tok, term->tokens[k], pre))
		return true;
	for (size_t f = 0; term->ntokens == 1 && f < term->nforms; f++)
		if (query_token_matches(all, tok, term->forms[f], false))
			return true;
	return false;
}

/* A match of term `term` in the text. */
struct query_match {
	struct text_span span;
	size_t term;
};

/* Every match of the positive terms that count (see above), in term order. */
static size_t
query_matches(const struct query *q, const char *text, size_t len, struct query_match **out)
{
	struct query_token *toks = NULL;
	struct query_match *m = NULL;
	size_t ntoks = 0, tcap = 0, n = 0, cap = 0, start, end, flen;
	struct strbuf all = STRBUF_INIT;
	struct fold_iter it;
	const char *folded;
	bool significant_only;

	*out = NULL;
	if (q == NULL || q->nterms == 0 || text == NULL || len == 0)
		return 0;
	significant_only = query_has_significant(q);
	fold_iter_init(&it, text, len);
	while (fold_iter_next(&it, &start, &end, &folded, &flen)) {
		toks = xgrow(toks, &tcap, ntoks + 1, sizeof *toks);
		toks[ntoks++] = (struct query_token){start, end, all.len, flen};
		strbuf_add(&all, folded, flen);
	}
	fold_iter_release(&it);
	for (size_t t = 0; t < q->nterms; t++) {
		const struct query_term *term = &q->terms[t];

		if (term->exclude || term->ntokens == 0 ||
		    (significant_only && !query_term_significant(term)))
			continue;
		for (size_t i = 0; i + term->ntokens <= ntoks; i++) {
			size_t k;

			for (k = 0; k < term->ntokens; k++)
				if (!query_term_token_matches(term, k, &all, &toks[i + k]))
					break;
			if (k < term->ntokens)
				continue;
			m = xgrow(m, &cap, n + 1, sizeof *m);
			m[n++] = (struct query_match){
			    {(uint32_t)toks[i].start, (uint32_t)toks[i + k - 1].end}, t};
		}
	}
	free(toks);
	strbuf_release(&all);
	*out = m;
	return n;
}

size_t
query_highlight(const struct query *q, const char *text, size_t len, struct text_span **spans)
{
	struct query_match *m;
	struct text_span *out;
	size_t nout = query_matches(q, text, len, &m);

	*spans = NULL;
	if (nout == 0) {
		free(m);
		return 0;
	}
	out = xcalloc(nout, sizeof *out);
	for (size_t i = 0; i < nout; i++)
		out[i] = m[i].span;
	free(m);
	qsort(out, nout, sizeof *out, query_span_cmp);
	/* Merge overlapping spans (a phrase and one of its words). */
	{
		size_t w = 0;

		for (size_t r = 1; r < nout; r++) {
			if (out[r].start <= out[w].end) {
				if (out[r].end > out[w].end)
					out[w].end = out[r].end;
			} else {
				out[++w] = out[r];
			}
		}
		nout = w + 1;
	}
	*spans = out;
	return nout;
}

bool
query_anchor(const struct query *q, const char *text, size_t len, size_t *at)
{
	struct query_match *m;
	size_t n = query_matches(q, text, len, &m), best = SIZE_MAX, best_count = SIZE_MAX;

	/* matches come term by term: count each term's run */
	for (size_t i = 0; i < n;) {
		size_t j = i, first = m[i].span.start;

		while (j < n && m[j].term == m[i].term) {
			if (m[j].span.start < first)
				first = m[j].span.start;
			j++;
		}
		if (j - i < best_count) {
			best_count = j - i;
			best = first;
		}
		i = j;
	}
	free(m);
	if (best == SIZE_MAX)
		return false;
	*at = best;
	return true;
}

char *
query_fts_expanded(const struct query *q, const struct query_expander *expander, bool excluded)
{
	if ((excluded ? q->excluded_fts : q->fts) == NULL)
		return NULL;
	return query_build_fts(q, expander, excluded);
}
