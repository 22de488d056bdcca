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

#include "fts_prepared.h"
#include "lemma.h"
#include "util.h"

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

/* While take is set, the tokenizer asks it, for each text it indexes
 * (FTS5_TOKENIZE_DOCUMENT, not empty), for the tokens prepared ahead for it
 * (index_worker.h).  take returns those of the text the caller is about to
 * index (their words counted already), or NULL, and forgets them: each
 * prepared text is offered once.  The tokenizer replays them when their
 * text is byte for byte the one FTS5 passes (fts_prepared_matches);
 * otherwise it calls refuse with what take returned (NULL too), which
 * takes the prepared text's words back out of the counts and returns once
 * the lemma source and the word counter are the tokenizer's to use, and it
 * tokenizes the text itself.  Queries never ask. */
struct fts_replay {
	const struct fts_prepared_text *(*take)(void *arg);
	void (*refuse)(void *arg, const struct fts_prepared_text *refused);
	void *arg;
};

/* Registers the tokenizer on db (through the fts5_api pointer obtained with
 * SELECT fts5(?1)).  lemma, which may be NULL (no lemma tokens), and words,
 * which may be NULL (nothing counted), must outlive db.  Returns SQLITE_OK
 * or an SQLite error code. */
int fts_tokenizer_register(sqlite3 *db, struct lemma *lemma, struct fts_words *words);
/* The same with a replay hook (NULL: none), which must outlive db too. */
int fts_tokenizer_register_replay(sqlite3 *db, struct lemma *lemma, struct fts_words *words,
				  struct fts_replay *replay);

/* The tokens FTS5 gets for a text it indexes, passed to token (FTS5's
 * callback, with ctx) in order: each folded token, and after it, when
 * lemma is not NULL and the word has one, FTS_LEMMA_MARKER + lemma as a
 * colocated token.  When words is not NULL and counting (words->word set,
 * text not empty), words->row grows by one and each folded token goes to
 * words->word.  scratch holds the lemma tokens (the caller's, reused).
 * Returns SQLITE_OK, or the first other code token returned (which ends
 * the tokenization).  Not thread-safe in lemma and words. */
int fts_tokenize_document(struct lemma *lemma, struct fts_words *words, struct strbuf *scratch,
			  const char *text, size_t len, fts_token_fn *token, void *ctx);

#endif
