/* lemma.c - French lemmas from Hunspell (see lemma.h): analysis, choice
 * among several lemmas, and an open-addressing cache keyed by the word. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>
#include <unistd.h>

#include "fold.h"
#include "i18n.h"
#include "lemma.h"
#include "spell.h"
#include "stopword.h"
#include "util.h"

/* Cache slots (a power of two); it is emptied when half full, so a
 * collection of any size uses bounded memory. */
#define LEMMA_CACHE_SLOTS (1u << 16)
/* Longer "words" (hashes, URLs) are not looked up. */
#define LEMMA_WORD_MAX 48

struct lemma_entry {
	char *word;  /* as written; NULL: free slot */
	char *lemma; /* folded, or NULL for none */
	uint32_t hash;
	uint32_t len;
};

struct lemma {
	/* read on a thread of its own (a few hundred million instructions),
	 * while the caller goes on; the first use waits for it (lemma_dict) */
	Hunhandle *dict;
	const struct spell_api *hs; /* Hunspell's functions (spell.h) */
	pthread_t loader;
	bool loading;
	char *aff, *dic; /* the files, for messages */
	struct lemma_entry *slots;
	size_t used;
	/* pairs found since lemma_pairs_clear, for the vocabulary */
	char **pair_words, **pair_lemmas;
	size_t npairs, pair_cap, lemma_cap;
};

#define LEMMA_AFF HUNSPELL_DIR "/fr.aff"
#define LEMMA_DIC HUNSPELL_DIR "/fr.dic"

/* Reads the dictionary.  Hunspell_create returns NULL when memory runs
 * out, and a dictionary that knows no word when it cannot make one of the
 * files (they vanished, are empty or are not Hunspell's): the French
 * dictionary knows "de". */
static void *
lemma_load(void *arg)
{
	struct lemma *lemma = arg;
	Hunhandle *dict = lemma->hs->create(lemma->aff, lemma->dic);

	if (dict != NULL && lemma->hs->spell(dict, "de") == 0) {
		lemma->hs->destroy(dict);
		dict = NULL;
	}
	lemma->dict = dict;
	return NULL;
}

/* The dictionary, once read, or NULL when it could not be (then no word
 * has a lemma). */
static Hunhandle *
lemma_dict(struct lemma *lemma)
{
	if (lemma->loading) {
		pthread_join(lemma->loader, NULL);
		lemma->loading = false;
	}
	return lemma->dict;
}

static char *
lemma_read_error(const char *aff, const char *dic)
{
	return xasprintf(
	    _("%s, %s: cannot read the French dictionary (Debian package hunspell-fr)"), aff, dic);
}

int
lemma_new(struct lemma **out, char **err)
{
	return lemma_new_files(LEMMA_AFF, LEMMA_DIC, out, err);
}

int
lemma_new_files(const char *aff, const char *dic, struct lemma **out, char **err)
{
	const struct spell_api *hs;
	struct lemma *lemma;

	*out = NULL;
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0) {
		*err = xasprintf(_("%s: the French dictionary is missing (Debian package hunspell-fr)"),
				 access(aff, R_OK) != 0 ? aff : dic);
		return -1;
	}
	if ((hs = spell_api(err)) == NULL)
		return -1;
	lemma = xcalloc(1, sizeof *lemma);
	lemma->hs = hs;
	lemma->slots = xcalloc(LEMMA_CACHE_SLOTS, sizeof *lemma->slots);
	lemma->aff = xstrdup(aff);
	lemma->dic = xstrdup(dic);
	lemma->loading = pthread_create(&lemma->loader, NULL, lemma_load, lemma) == 0;
	if (!lemma->loading && (lemma_load(lemma), lemma->dict == NULL)) {
		*err = lemma_read_error(aff, dic);
		lemma_free(lemma);
		return -1;
	}
	*out = lemma;
	return 0;
}

int
lemma_ready(struct lemma *lemma, char **err)
{
	if (lemma_dict(lemma) != NULL)
		return 0;
	*err = lemma_read_error(lemma->aff, lemma->dic);
	return -1;
}

static void
lemma_cache_clear(struct lemma *lemma)
{
	for (size_t i = 0; i < LEMMA_CACHE_SLOTS; i++) {
		free(lemma->slots[i].word);
		free(lemma->slots[i].lemma);
	}
	memset(lemma->slots, 0, LEMMA_CACHE_SLOTS * sizeof *lemma->slots);
	lemma->used = 0;
}

void
lemma_pairs_clear(struct lemma *lemma)
{
	for (size_t i = 0; i < lemma->npairs; i++) {
		free(lemma->pair_words[i]);
		free(lemma->pair_lemmas[i]);
	}
	lemma->npairs = 0;
}

void
lemma_reset(struct lemma *lemma)
{
	lemma_cache_clear(lemma);
	lemma_pairs_clear(lemma);
}

void
lemma_free(struct lemma *lemma)
{
	if (lemma == NULL)
		return;
	lemma_cache_clear(lemma);
	lemma_pairs_clear(lemma);
	free(lemma->slots);
	free(lemma->pair_words);
	free(lemma->pair_lemmas);
	if (lemma_dict(lemma) != NULL)
		lemma->hs->destroy(lemma->dict);
	free(lemma->aff);
	free(lemma->dic);
	free(lemma);
}

/* Whether an analysis ("st:armer po:v1_it_q__a po:ppas …") is a verb's. */
static bool
lemma_is_verb(const char *analysis)
{
	for (const char *p = strstr(analysis, "po:"); p != NULL; p = strstr(p + 3, "po:"))
		if (p[3] == 'v' && p[4] >= '0' && p[4] <= '9')
			return true;
	return false;
}

/* Copies the value of "st:" in an analysis into a new string, or NULL. */
static char *
lemma_stem_of(const char *analysis)
{
	const char *st = strstr(analysis, "st:");
	size_t n;

	if (st == NULL)
		return NULL;
	st += 3;
	n = strcspn(st, " \t");
	return n ? xstrndup(st, n) : NULL;
}

/* Asks the dictionary: the chosen lemma, folded, or NULL. */
static char *
lemma_lookup(struct lemma *lemma, const char *word, const char *folded, size_t flen)
{
	char **list = NULL, *stem = NULL, *out = NULL;
	Hunhandle *dict = lemma_dict(lemma);
	int n = dict != NULL ? lemma->hs->analyze(dict, &list, word) : 0;
	size_t olen;

	/* a noun or adjective first: "armes" is arme before armer */
	for (int i = 0; i < n && stem == NULL; i++)
		if (!lemma_is_verb(list[i]))
			stem = lemma_stem_of(list[i]);
	for (int i = 0; i < n && stem == NULL; i++)
		stem = lemma_stem_of(list[i]);
	if (n > 0)
		lemma->hs->free_list(dict, &list, n);
	if (stem == NULL)
		return NULL;
	out = fold_string(stem, strlen(stem), &olen);
	free(stem);
	/* one token, and a different one */
	if (olen == 0 || memchr(out, ' ', olen) != NULL ||
	    (olen == flen && memcmp(out, folded, flen) == 0)) {
		free(out);
		return NULL;
	}
	return out;
}

static uint32_t
lemma_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
lemma_add_pair(struct lemma *lemma, const char *folded, size_t flen, const char *lem)
{
	lemma->pair_words =
	    xgrow(lemma->pair_words, &lemma->pair_cap, lemma->npairs + 1, sizeof(char *));
	lemma->pair_lemmas =
	    xgrow(lemma->pair_lemmas, &lemma->lemma_cap, lemma->npairs + 1, sizeof(char *));
	lemma->pair_words[lemma->npairs] = xstrndup(folded, flen);
	lemma->pair_lemmas[lemma->npairs] = xstrdup(lem);
	lemma->npairs++;
}

/* Only words of letters, two or more, are looked up. */
static bool
lemma_worth_asking(const char *folded, size_t flen)
{
	if (flen < 2 || flen > LEMMA_WORD_MAX)
		return false;
	for (size_t i = 0; i < flen; i++)
		if (folded[i] >= '0' && folded[i] <= '9')
			return false;
	return !stopword_is(folded, flen);
}

const char *
lemma_of(struct lemma *lemma, const char *word, size_t len, const char *folded, size_t flen)
{
	uint32_t mask = LEMMA_CACHE_SLOTS - 1, i, hash;
	struct lemma_entry *e;

	if (flen < 2 || flen > LEMMA_WORD_MAX || len > 4 * LEMMA_WORD_MAX)
		return NULL;
	/* numbers never reach the cache: there are too many of them */
	for (size_t k = 0; k < flen; k++)
		if (folded[k] >= '0' && folded[k] <= '9')
			return NULL;
	hash = lemma_hash(word, len);
	for (i = hash & mask;; i = (i + 1) & mask) {
		e = &lemma->slots[i];
		if (e->word == NULL)
			break;
		if (e->hash == hash && e->len == len && memcmp(e->word, word, len) == 0)
			return e->lemma;
	}
	if (lemma->used >= LEMMA_CACHE_SLOTS / 2) {
		lemma_cache_clear(lemma);
		for (i = hash & mask; lemma->slots[i].word != NULL; i = (i + 1) & mask)
			;
		e = &lemma->slots[i];
	}
	e->word = xstrndup(word, len);
	e->hash = hash;
	e->len = (uint32_t)len;
	e->lemma = lemma_worth_asking(folded, flen) ? lemma_lookup(lemma, e->word, folded, flen)
						    : NULL;
	lemma->used++;
	if (e->lemma != NULL)
		lemma_add_pair(lemma, folded, flen, e->lemma);
	return e->lemma;
}

size_t
lemma_pairs(struct lemma *lemma, const char *const **words, const char *const **lemmas)
{
	*words = (const char *const *)lemma->pair_words;
	*lemmas = (const char *const *)lemma->pair_lemmas;
	return lemma->npairs;
}

/* The accented letters a folded letter may stand for (itself first). */
static const char *const lemma_accents[][6] = {
    {"a", "à", "â", NULL},
    {"c", "ç", NULL},
    {"e", "é", "è", "ê", "ë", NULL},
    {"i", "î", "ï", NULL},
    {"o", "ô", NULL},
    {"u", "ù", "û", "ü", NULL},
};
/* Spellings tried per word, at most. */
#define LEMMA_GUESSES_MAX 2048

static const char *const *
lemma_accents_of(char c)
{
	static const char letters[] = "aceiou";
	const char *p = strchr(letters, c);

	return c != '\0' && p != NULL ? lemma_accents[p - letters] : NULL;
}

/* Calls found(spelling, arg) for each accented spelling of folded that the
 * dictionary knows, until it returns false; returns false when folded
 * cannot be tried (too many spellings). */
static bool
lemma_spellings(struct lemma *lemma, const char *folded, bool (*found)(const char *, void *),
		void *arg)
{
	size_t len = strlen(folded), total = 1;
	size_t choice[LEMMA_WORD_MAX] = {0};
	struct strbuf sb = STRBUF_INIT;

	if (len < 2 || len > LEMMA_WORD_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		const char *const *acc = lemma_accents_of(folded[i]);
		size_t k = 0;

		while (acc != NULL && acc[k] != NULL)
			k++;
		if (k > 1 && (total *= k) > LEMMA_GUESSES_MAX)
			return false;
	}
	for (;;) {
		size_t i;

		strbuf_reset(&sb);
		for (i = 0; i < len; i++) {
			const char *const *acc = lemma_accents_of(folded[i]);

			if (acc == NULL)
				strbuf_addch(&sb, folded[i]);
			else
				strbuf_addstr(&sb, acc[choice[i]]);
		}
		if (lemma_dict(lemma) != NULL && lemma->hs->spell(lemma->dict, sb.buf) &&
		    !found(sb.buf, arg))
			break;
		/* the next spelling: an odometer over the accented letters */
		for (i = len; i > 0; i--) {
			const char *const *acc = lemma_accents_of(folded[i - 1]);

			if (acc == NULL)
				continue;
			if (acc[++choice[i - 1]] != NULL)
				break;
			choice[i - 1] = 0;
		}
		if (i == 0)
			break;
	}
	strbuf_release(&sb);
	return true;
}

struct lemma_guesses {
	struct lemma *lemma;
	char **out;
	size_t n, max;
};

static bool
lemma_guess_found(const char *spelling, void *arg)
{
	struct lemma_guesses *g = arg;
	char *l = lemma_lookup(g->lemma, spelling, "", 0);
	bool seen = l == NULL;

	for (size_t j = 0; !seen && j < g->n; j++)
		seen = strcmp(g->out[j], l) == 0;
	if (!seen && g->n < g->max)
		g->out[g->n++] = l;
	else
		free(l);
	return g->n < g->max;
}

/* folded with each "oe" written "œ" ("oeuvres" -> "œuvres"), or NULL
 * when it has none. */
static char *
lemma_ligatures(const char *folded)
{
	struct strbuf sb = STRBUF_INIT;

	if (strstr(folded, "oe") == NULL)
		return NULL;
	for (const char *p = folded; *p; p++) {
		if (p[0] == 'o' && p[1] == 'e') {
			strbuf_addstr(&sb, "œ");
			p++;
		} else {
			strbuf_addch(&sb, *p);
		}
	}
	return strbuf_detach(&sb, NULL);
}

size_t
lemma_guess(struct lemma *lemma, const char *folded, char **out, size_t max)
{
	struct lemma_guesses g = {lemma, out, 0, max};
	char *lig;

	if (!lemma_worth_asking(folded, strlen(folded)) || max == 0)
		return 0;
	lemma_spellings(lemma, folded, lemma_guess_found, &g);
	if (g.n < max && (lig = lemma_ligatures(folded)) != NULL) {
		lemma_spellings(lemma, lig, lemma_guess_found, &g);
		free(lig);
	}
	return g.n;
}

static bool
lemma_first_spelling(const char *spelling, void *arg)
{
	char **out = arg;

	*out = xstrdup(spelling);
	return false;
}

char *
lemma_spelling(struct lemma *lemma, const char *folded)
{
	char *out = NULL, *lig;

	lemma_spellings(lemma, folded, lemma_first_spelling, &out);
	if (out == NULL && (lig = lemma_ligatures(folded)) != NULL) {
		lemma_spellings(lemma, lig, lemma_first_spelling, &out);
		free(lig);
	}
	return out;
}

size_t
lemma_suggest(struct lemma *lemma, const char *word, char **out, size_t max)
{
	char **list = NULL;
	int n = lemma_dict(lemma) != NULL ? lemma->hs->suggest(lemma->dict, &list, word) : 0;
	size_t k = 0;

	for (int i = 0; i < n; i++)
		if (k < max)
			out[k++] = xstrdup(list[i]);
	if (n > 0)
		lemma->hs->free_list(lemma->dict, &list, n);
	return k;
}
