/* fold.h - French search folding: the one definition of "same word".
 *
 * Folding removes case and accents (via NFD, dropping combining marks),
 * expands the ligatures œ -> oe, æ -> ae (and ß -> ss), and treats ’ ‘ ʼ
 * and ' alike.  Tokens are runs of letters and digits; apostrophes and
 * hyphens separate tokens, so "l’Organisation" gives "l", "organisation"
 * and "États-Unis" gives "etats", "unis".  The FTS5 tokenizer, the query
 * parser and the reader's highlighting all use this module, so a search
 * and its highlight can never disagree. */
#ifndef LISEUSE_FOLD_H
#define LISEUSE_FOLD_H

#include <stddef.h>

#include "util.h"

struct fold_iter {
	const char *text;
	size_t len;
	size_t pos;
	struct strbuf folded;
};

void fold_iter_init(struct fold_iter *it, const char *text, size_t len);
/* Finds the next token.  Returns 1 and sets *start, *end to its byte range in
 * the original text and *folded, *flen to its folded form (owned by the
 * iterator, valid until the next call); returns 0 at the end. */
int fold_iter_next(struct fold_iter *it, size_t *start, size_t *end,
		   const char **folded, size_t *flen);
void fold_iter_release(struct fold_iter *it);

/* Returns the folded form of a whole string, tokens joined by single
 * spaces: "l’Organisation des États" -> "l organisation des etats".
 * Newly allocated; *outlen may be NULL. */
char *fold_string(const char *s, size_t len, size_t *outlen);

#endif
