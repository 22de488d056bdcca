/* fts_tokenizer.h - the "liseuse" FTS5 tokenizer, built on fold.h.
 *
 * Tokens are fold.h's folded tokens; their offsets are byte offsets in the
 * original (unfolded) text, so FTS5's highlight() and snippet() mark the
 * accented text the reader shows.  Part of the store: only store*.c use it. */
#ifndef LISEUSE_FTS_TOKENIZER_H
#define LISEUSE_FTS_TOKENIZER_H

#include <sqlite3.h>

#define FTS_TOKENIZER_NAME "liseuse"

/* Registers the tokenizer on db (through the fts5_api pointer obtained with
 * SELECT fts5(?1)).  Returns SQLITE_OK or an SQLite error code. */
int fts_tokenizer_register(sqlite3 *db);

#endif
