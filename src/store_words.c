/* store_words.c - the snapshot's vocabulary at query time: long prefixes
 * turned into an OR of words, a word's inflections (the lemmas the importer
 * recorded, table inflection, and the dictionary for words the snapshot
 * lacks), and the MATCH expressions built with them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <unistr.h>

#include "fold.h"
#include "fts_tokenizer.h"
#include "lemma.h"
#include "query.h"
#include "store.h"
#include "store_private.h"
#include "util.h"

/* At most this many lemmas, and forms, per word. */
#define STORE_LEMMAS_MAX 8
#define STORE_FORMS_MAX 64
/* Longer words get no suggestion. */
#define STORE_WORD_CHARS_MAX 64

/* A growing set of distinct strings. */
struct store_words {
	char **v;
	size_t n, cap;
};

static bool
store_words_has(const struct store_words *w, const char *s)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->v[i], s) == 0)
			return true;
	return false;
}

static void
store_words_add(struct store_words *w, const char *s)
{
	if (s == NULL || *s == '\0' || store_words_has(w, s))
		return;
	w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
	w->v[w->n++] = xstrdup(s);
}

static void
store_words_release(struct store_words *w)
{
	for (size_t i = 0; i < w->n; i++)
		free(w->v[i]);
	free(w->v);
	memset(w, 0, sizeof *w);
}

/* Adds column 0 of each row of stmt (bound by the caller), up to max in all. */
static void
store_words_from(struct store_words *w, sqlite3_stmt *stmt, size_t max)
{
	while (w->n < max && sqlite3_step(stmt) == SQLITE_ROW)
		store_words_add(w, (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_reset(stmt);
}

/* 1 when word is in the snapshot's vocabulary, 0 when not, -1 on failure. */
static int
store_has_word(struct store *store, const char *word)
{
	sqlite3_stmt *stmt = NULL;
	int rc;

	if (sqlite3_prepare_v2(store->db, "SELECT 1 FROM term WHERE word = ?1", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return -1;
	sqlite3_bind_text(stmt, 1, word, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* The dictionary's lemma of a typed word the snapshot does not hold, or NULL. */
static char *
store_dictionary_lemma(struct store *store, const struct query_term *t)
{
	struct fold_iter it;
	size_t start, end, flen;
	const char *folded, *lemma = NULL;
	char *err = NULL, *out = NULL;

	if (!store->use_dictionary || t->typed == NULL || store->dictionary_failed)
		return NULL;
	if (store->lemma == NULL && lemma_new(&store->lemma, &err) < 0) {
		free(err);
		store->dictionary_failed = true;
		return NULL;
	}
	fold_iter_init(&it, t->typed, strlen(t->typed));
	if (fold_iter_next(&it, &start, &end, &folded, &flen))
		lemma = lemma_of(store->lemma, t->typed + start, end - start, folded, flen);
	if (lemma != NULL)
		out = xstrdup(lemma);
	fold_iter_release(&it);
	return out;
}

/* The dictionary's lemmas for the accented spellings of a word typed
 * without accents that the snapshot does not hold. */
static void
store_dictionary_guess(struct store *store, const char *word, struct store_words *lemmas)
{
	char *found[STORE_LEMMAS_MAX];
	size_t n;

	if (store->lemma == NULL)
		return;
	n = lemma_guess(store->lemma, word, found, STORE_LEMMAS_MAX);
	for (size_t i = 0; i < n; i++) {
		store_words_add(lemmas, found[i]);
		free(found[i]);
	}
}

/* The lemmas a word may stand for: itself (the forms whose lemma it is),
 * then those the importer recorded for it, or failing that the
 * dictionary's. */
static void
store_word_lemmas(struct store *store, const struct query_term *t, struct store_words *lemmas)
{
	const char *word = t->tokens[0];
	sqlite3_stmt *stmt = NULL;

	store_words_add(lemmas, word);
	if (sqlite3_prepare_v2(store->db, "SELECT lemma FROM inflection WHERE word = ?1", -1, &stmt,
			       NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, word, -1, SQLITE_STATIC);
		store_words_from(lemmas, stmt, STORE_LEMMAS_MAX);
	}
	sqlite3_finalize(stmt);
	if (lemmas->n == 1 && store_has_word(store, word) == 0) {
		char *lemma = store_dictionary_lemma(store, t);

		store_words_add(lemmas, lemma);
		free(lemma);
		/* typed without its accents: try them back */
		if (lemmas->n == 1)
			store_dictionary_guess(store, word, lemmas);
	}
}

/* Expansion of an unquoted word for query_fts_expanded: the word, its
 * lemmas as words, and every form indexed under one of them. */
static int
store_expand_word(const struct query_term *t, struct strbuf *out, void *arg)
{
	struct store *store = arg;
	struct store_words lemmas = {0};
	struct strbuf token = STRBUF_INIT;

	store_word_lemmas(store, t, &lemmas);
	strbuf_addch(out, '(');
	query_append_quoted(out, t->tokens[0]);
	for (size_t i = 0; i < lemmas.n; i++) {
		if (i > 0) {
			strbuf_addstr(out, " OR ");
			query_append_quoted(out, lemmas.v[i]);
		}
		strbuf_reset(&token);
		strbuf_addstr(&token, FTS_LEMMA_MARKER);
		strbuf_addstr(&token, lemmas.v[i]);
		strbuf_addstr(out, " OR ");
		query_append_quoted(out, token.buf);
	}
	strbuf_addch(out, ')');
	strbuf_release(&token);
	store_words_release(&lemmas);
	return 1;
}

/* Expansion of one prefix for query_fts_expanded: the words of the term
 * table that begin with it, when there are few enough to OR, and the forms
 * of the prefix itself when it is a whole word. */
static int
store_expand_prefix(const char *prefix, struct strbuf *out, void *arg)
{
	struct store *store = arg;
	sqlite3_stmt *stmt = NULL;
	struct strbuf words = STRBUF_INIT;
	char *upper;
	int n = 0, rc;
	bool whole = false;

	if (u8_mbsnlen((const uint8_t *)prefix, strlen(prefix)) <= STORE_PREFIX_INDEXED)
		return 0;
	/* Every word beginning with prefix sorts below prefix + U+10FFFF. */
	upper = xasprintf("%s\xF4\x8F\xBF\xBF", prefix);
	if (sqlite3_prepare_v2(store->db,
			       "SELECT word FROM term WHERE word >= ?1 AND word < ?2 ORDER BY word"
			       " LIMIT ?3",
			       -1, &stmt, NULL) != SQLITE_OK)
		goto out;
	sqlite3_bind_text(stmt, 1, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, upper, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, STORE_PREFIX_WORDS_MAX + 1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		const char *word = (const char *)sqlite3_column_text(stmt, 0);

		whole |= word != NULL && strcmp(word, prefix) == 0;
		strbuf_addstr(&words, n++ ? " OR " : "(");
		query_append_quoted(&words, word ? word : "");
	}
	if (rc != SQLITE_DONE || n > STORE_PREFIX_WORDS_MAX) {
		n = 0; /* too many words, or a failure: FTS5's own prefix search */
		goto out;
	}
	/* No word begins with it: a word that is not indexed matches nothing. */
	if (n == 0) {
		query_append_quoted(out, prefix);
		n = 1;
		goto out;
	}
	/* "regionaux" typed in full also finds "régionales" */
	if (whole) {
		struct query_term t = {.tokens = (char **)&prefix, .ntokens = 1};

		strbuf_addstr(&words, " OR ");
		store_expand_word(&t, &words, store);
	}
	strbuf_addch(&words, ')');
	strbuf_add(out, words.buf, words.len);
out:
	sqlite3_finalize(stmt);
	strbuf_release(&words);
	free(upper);
	return n > 0;
}

static const struct query_expander *
store_expander(struct store *store, struct query_expander *ex)
{
	ex->prefix = store_expand_prefix;
	ex->word = store_expand_word;
	ex->arg = store;
	return ex;
}

char *
store_match_expression(struct store *store, const struct query *q)
{
	struct query_expander ex;

	return query_fts_expanded(q, store_expander(store, &ex), false);
}

char *
store_excluded_expression(struct store *store, const struct query *q)
{
	struct query_expander ex;

	return query_fts_expanded(q, store_expander(store, &ex), true);
}

char *
store_exact_expression(struct store *store, const struct query *q)
{
	struct query_expander ex = {.prefix = store_expand_prefix, .arg = store};

	return query_fts_expanded(q, &ex, false);
}

void
store_query_forms(struct store *store, struct query *q)
{
	sqlite3_stmt *stmt = NULL;

	if (sqlite3_prepare_v2(store->db, "SELECT word FROM inflection WHERE lemma = ?1 LIMIT ?2",
			       -1, &stmt, NULL) != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return;
	}
	for (size_t i = 0; i < q->nterms; i++) {
		struct query_term *t = &q->terms[i];
		struct store_words lemmas = {0}, forms = {0};
		bool whole = t->prefix && t->ntokens == 1 && store_has_word(store, t->tokens[0]) == 1;

		if (t->ntokens != 1 || t->phrase || t->nforms > 0 || (t->prefix && !whole))
			continue;
		store_word_lemmas(store, t, &lemmas);
		for (size_t l = 0; l < lemmas.n; l++) {
			if (l > 0)
				store_words_add(&forms, lemmas.v[l]);
			sqlite3_bind_text(stmt, 1, lemmas.v[l], -1, SQLITE_STATIC);
			sqlite3_bind_int(stmt, 2, STORE_FORMS_MAX);
			store_words_from(&forms, stmt, STORE_FORMS_MAX);
		}
		t->forms = forms.v;
		t->nforms = forms.n;
		store_words_release(&lemmas);
	}
	sqlite3_finalize(stmt);
}

void
store_set_dictionary(struct store *store, bool on)
{
	store->use_dictionary = on;
}

/* The edit distance of a and b (insertions, deletions, substitutions and
 * swaps of neighbours: optimal string alignment), or max + 1 when it is
 * more than max. */
static size_t
store_distance(const char *a, size_t la, const char *b, size_t lb, size_t max)
{
	size_t rows[3][STORE_WORD_CHARS_MAX + 1];
	size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];

	if (la > STORE_WORD_CHARS_MAX || lb > STORE_WORD_CHARS_MAX ||
	    (la > lb ? la - lb : lb - la) > max)
		return max + 1;
	for (size_t j = 0; j <= lb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t best = cur[0] = i;

		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = prev[j - 1] + cost;

			if (prev[j] + 1 < v)
				v = prev[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > max)
			return max + 1;
		{
			size_t *t = prev2;

			prev2 = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[lb] > max ? max + 1 : prev[lb];
}

/* Whether a word of the query finds nothing by itself: not in the
 * vocabulary, and no form recorded under it. */
static bool
store_word_unknown(struct store *store, const char *word)
{
	sqlite3_stmt *stmt = NULL;
	bool unknown;

	if (store_has_word(store, word) != 0)
		return false;
	if (sqlite3_prepare_v2(store->db,
			       "SELECT 1 FROM inflection WHERE word = ?1 OR lemma = ?1 LIMIT 1", -1,
			       &stmt, NULL) != SQLITE_OK) {
		sqlite3_finalize(stmt);
		return false;
	}
	sqlite3_bind_text(stmt, 1, word, -1, SQLITE_STATIC);
	unknown = sqlite3_step(stmt) == SQLITE_DONE;
	sqlite3_finalize(stmt);
	return unknown;
}

char *
store_suggest(struct store *store, const struct query_term *t)
{
	const char *word;
	size_t len, chars, max, best = SIZE_MAX;
	char *found = NULL, *shown = NULL, *err = NULL;
	sqlite3_stmt *stmt = NULL;

	if (t->exclude || t->phrase || t->ntokens != 1)
		return NULL;
	word = t->tokens[0];
	len = strlen(word);
	chars = u8_mbsnlen((const uint8_t *)word, len);
	/* as meilisearch: one typo from 5 letters, two from 9 */
	max = chars >= 9 ? 2 : chars >= 5 ? 1 : 0;
	if (max == 0 || !store_word_unknown(store, word))
		return NULL;
	/* a form the dictionary knows ("oeuvres") finds its lemma's forms */
	{
		struct store_words lemmas = {0};
		bool known;

		store_word_lemmas(store, t, &lemmas);
		known = lemmas.n > 1;
		store_words_release(&lemmas);
		if (known)
			return NULL;
	}
	if (store->use_dictionary && store->lemma == NULL && !store->dictionary_failed &&
	    lemma_new(&store->lemma, &err) < 0) {
		free(err);
		store->dictionary_failed = true;
	}
	/* the closest word of the vocabulary, the most common among equals */
	if (sqlite3_prepare_v2(store->db,
			       "SELECT word, docs FROM term WHERE length(word) BETWEEN ?1 AND ?2", -1,
			       &stmt, NULL) == SQLITE_OK) {
		int64_t best_docs = 0;
		int rc;

		sqlite3_bind_int64(stmt, 1, (sqlite3_int64)(chars > max ? chars - max : 1));
		sqlite3_bind_int64(stmt, 2, (sqlite3_int64)(chars + max));
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *w = (const char *)sqlite3_column_text(stmt, 0);
			size_t wlen = (size_t)sqlite3_column_bytes(stmt, 0);
			int64_t docs = sqlite3_column_int64(stmt, 1);
			size_t d = w ? store_distance(word, len, w, wlen, max) : max + 1;

			if (d <= max && (d < best || (d == best && docs > best_docs))) {
				best = d;
				best_docs = docs;
				free(found);
				found = xstrndup(w, wlen);
			}
		}
		/* interrupted (a newer request) or failed: a half-scanned
		 * vocabulary is no answer, and Hunspell's suggest would only
		 * keep the thread from the next request */
		if (rc != SQLITE_DONE) {
			free(found);
			found = NULL;
		}
	}
	/* shown as the dictionary spells it */
	if (found != NULL && store->lemma != NULL) {
		char *sugg[8];
		size_t n = lemma_suggest(store->lemma, t->typed ? t->typed : word, sugg, 8);

		for (size_t i = 0; i < n; i++) {
			char *f = fold_string(sugg[i], strlen(sugg[i]), NULL);

			if (shown == NULL && strcmp(f, found) == 0)
				shown = xstrdup(sugg[i]);
			free(f);
			free(sugg[i]);
		}
	}
	sqlite3_finalize(stmt);
	if (found != NULL) {
		if (shown == NULL && store->lemma != NULL)
			shown = lemma_spelling(store->lemma, found);
		if (shown == NULL)
			shown = xstrdup(found);
		free(found);
	}
	return shown;
}
