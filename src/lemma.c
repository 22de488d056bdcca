/* lemma.c - French lemmas from Hunspell (see lemma.h): analysis, choice
 * among several lemmas, and an open-addressing cache keyed by the word. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell.h>
#include <unistd.h>

#include "fold.h"
#include "lemma.h"
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
};

struct lemma {
	Hunhandle *dict;
	struct lemma_entry *slots;
	size_t used;
	/* pairs found since lemma_pairs_clear, for the vocabulary */
	char **pair_words, **pair_lemmas;
	size_t npairs, pair_cap, lemma_cap;
};

int
lemma_new(struct lemma **out, char **err)
{
	const char *aff = HUNSPELL_DIR "/fr.aff", *dic = HUNSPELL_DIR "/fr.dic";
	struct lemma *lemma;

	*out = NULL;
	if (access(aff, R_OK) != 0 || access(dic, R_OK) != 0) {
		*err = xasprintf("%s: dictionnaire français introuvable (paquet hunspell-fr)",
				 access(aff, R_OK) != 0 ? aff : dic);
		return -1;
	}
	lemma = xcalloc(1, sizeof *lemma);
	lemma->dict = Hunspell_create(aff, dic);
	if (lemma->dict == NULL) {
		free(lemma);
		*err = xasprintf("%s: dictionnaire illisible", dic);
		return -1;
	}
	lemma->slots = xcalloc(LEMMA_CACHE_SLOTS, sizeof *lemma->slots);
	*out = lemma;
	return 0;
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
	Hunspell_destroy(lemma->dict);
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
	int n = Hunspell_analyze(lemma->dict, &list, word);
	size_t olen;

	/* a noun or adjective first: "armes" is arme before armer */
	for (int i = 0; i < n && stem == NULL; i++)
		if (!lemma_is_verb(list[i]))
			stem = lemma_stem_of(list[i]);
	for (int i = 0; i < n && stem == NULL; i++)
		stem = lemma_stem_of(list[i]);
	if (n > 0)
		Hunspell_free_list(lemma->dict, &list, n);
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
	uint32_t mask = LEMMA_CACHE_SLOTS - 1, i;
	struct lemma_entry *e;

	if (!lemma_worth_asking(folded, flen) || len > 4 * LEMMA_WORD_MAX)
		return NULL;
	for (i = lemma_hash(word, len) & mask;; i = (i + 1) & mask) {
		e = &lemma->slots[i];
		if (e->word == NULL)
			break;
		if (strncmp(e->word, word, len) == 0 && e->word[len] == '\0')
			return e->lemma;
	}
	if (lemma->used >= LEMMA_CACHE_SLOTS / 2) {
		lemma_cache_clear(lemma);
		for (i = lemma_hash(word, len) & mask; lemma->slots[i].word != NULL;
		     i = (i + 1) & mask)
			;
		e = &lemma->slots[i];
	}
	e->word = xstrndup(word, len);
	e->lemma = lemma_lookup(lemma, e->word, folded, flen);
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

size_t
lemma_guess(struct lemma *lemma, const char *folded, char **out, size_t max)
{
	size_t len = strlen(folded), n = 0, total = 1;
	size_t choice[LEMMA_WORD_MAX] = {0};
	struct strbuf sb = STRBUF_INIT;

	if (!lemma_worth_asking(folded, len) || max == 0)
		return 0;
	for (size_t i = 0; i < len; i++) {
		const char *const *acc = lemma_accents_of(folded[i]);
		size_t k = 0;

		if ((unsigned char)folded[i] >= 0x80)
			return 0; /* only plain Latin letters get accents back */
		while (acc != NULL && acc[k] != NULL)
			k++;
		if (k > 1 && (total *= k) > LEMMA_GUESSES_MAX)
			return 0;
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
		if (Hunspell_spell(lemma->dict, sb.buf)) {
			char *l = lemma_lookup(lemma, sb.buf, "", 0);
			bool seen = l == NULL;

			for (size_t j = 0; !seen && j < n; j++)
				seen = strcmp(out[j], l) == 0;
			if (!seen && n < max)
				out[n++] = l;
			else
				free(l);
		}
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
	return n;
}
