/* fts_tokenizer.h - the "liseuse" FTS5 tokenizer, built on fold.h.
 *
 * Tokens are fold.h's folded tokens; their offsets are byte offsets in the
 * original (unfolded) text, so FTS5's highlight() and snippet() mark the
 * accented text the reader shows.  When indexing with a lemma source, a
 * word whose lemma (lemma.h) differs from its folded form also gets
 * FTS_LEMMA_MARKER + lemma as a colocated token at the same position
 * ("mesures" gives "mesures" and "=mesure"), so a search for every form
 * of a word is one token.  Part of the store: only store*.c use it. */
#ifndef LISEUSE_FTS_TOKENIZER_H
#define LISEUSE_FTS_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "lemma.h"

#define FTS_TOKENIZER_NAME "liseuse"
/* Begins lemma tokens; no folded token holds it. */
#define FTS_LEMMA_MARKER "="

/* While word is set, each folded token of the rows indexed or deleted
 * (FTS5_TOKENIZE_DOCUMENT) is passed to it, with the number of the row's
 * tokenization (from 1, one more each row), so that the owner can count the
 * rows holding each word (the snapshot's vocabulary) as FTS5 indexes them,
 * without folding the text a second time.  Lemma tokens are not passed. */
struct fts_words {
	void (*word)(void *arg, const char *folded, size_t len, uint64_t row);
	void *arg;
	uint64_t row;
};

/* Registers the tokenizer on db (through the fts5_api pointer obtained with
 * SELECT fts5(?1)).  lemma, which may be NULL (no lemma tokens), and words,
 * which may be NULL (nothing counted), must outlive db.  Returns SQLITE_OK
 * or an SQLite error code. */
int fts_tokenizer_register(sqlite3 *db, struct lemma *lemma, struct fts_words *words);

#endif
