/* lemma.h - French lemmas from Hunspell's dictionary, cached.
 *
 * The lemma of a word is the dictionary entry it inflects: "mesures" ->
 * "mesure", "régionales" -> "régional", "organisée" -> "organiser".  When
 * the dictionary gives several ("armes": the noun arme, the verb armer),
 * a noun or adjective wins over a verb, so that "armes" and "armée" keep
 * apart; words of one family that are separate entries ("conseil",
 * "conseiller", "désarmement", "désarmer") keep their own lemmas.  Names,
 * acronyms, numbers and stop words (stopword.h) have none.  Lemmas are
 * returned folded (fold.h), as the index stores them.
 *
 * Lookups go through a cache keyed by the word as written, so the
 * dictionary is asked once per distinct word.  Not thread-safe: one
 * instance per thread.  No SQL, no curses. */
#ifndef LISEUSE_LEMMA_H
#define LISEUSE_LEMMA_H

#include <stddef.h>

struct lemma;

/* Loads the dictionary (HUNSPELL_DIR "/fr.aff" and "/fr.dic") on a thread
 * of its own.  Returns 0 and *out (lemma_free it), or -1 with *err, newly
 * allocated, naming the missing file.  Whether the files could be read is
 * known from lemma_ready. */
int lemma_new(struct lemma **out, char **err);
/* The same with the dictionary of these two files. */
int lemma_new_files(const char *aff, const char *dic, struct lemma **out, char **err);
/* Waits for the dictionary.  Returns 0 when it was read, or -1 with *err,
 * newly allocated, naming its two files when it could not be (out of
 * memory, files Hunspell makes no dictionary of): then no word has a
 * lemma. */
int lemma_ready(struct lemma *lemma, char **err);
void lemma_free(struct lemma *lemma);

/* The folded lemma of word[0..len) as written in a text (accents kept;
 * folded[0..flen) is its folded form), or NULL when it has none or when the
 * lemma is the word's own folded form.  The string belongs to the cache:
 * valid until the next call. */
const char *lemma_of(struct lemma *lemma, const char *word, size_t len, const char *folded,
		     size_t flen);

/* For a folded word typed without its accents ("seminaires"): the folded
 * lemmas of its accented spellings that the dictionary knows
 * ("séminaires" -> "seminaire"; "peche" has several).  Tries at most a few
 * thousand spellings; stores up to max newly allocated strings in out and
 * returns their number. */
size_t lemma_guess(struct lemma *lemma, const char *folded, char **out, size_t max);

/* The first accented spelling of a folded word that the dictionary knows
 * ("securite" -> "sécurité"), newly allocated, or NULL. */
char *lemma_spelling(struct lemma *lemma, const char *folded);

/* The dictionary's corrections of a misspelt word (Hunspell's suggest, a
 * few milliseconds): up to max newly allocated words in out, best first. */
size_t lemma_suggest(struct lemma *lemma, const char *word, char **out, size_t max);

/* Each distinct (folded word, folded lemma) pair that lemma_of found since
 * the last lemma_pairs_clear, for the snapshot's vocabulary.  Returns the
 * number of pairs; *words and *lemmas point at arrays owned by the
 * instance, valid until the next call of any lemma_* function. */
size_t lemma_pairs(struct lemma *lemma, const char *const **words, const char *const **lemmas);
void lemma_pairs_clear(struct lemma *lemma);
/* Forgets the cache and the pairs (after the pairs were thrown away: the
 * cache would not find them again). */
void lemma_reset(struct lemma *lemma);

#endif
