/* excerpt.h - the part of a paragraph around a query's match: what
 * the list and `liseuse search` show under a document.  Pure text. */
#ifndef LISEUSE_EXCERPT_H
#define LISEUSE_EXCERPT_H

#include <stddef.h>

#include "document.h"
#include "query.h"

struct excerpt {
	char *text;		 /* owned, NUL-terminated */
	struct text_span *marks; /* owned: the matches inside text, or NULL */
	size_t nmarks;
};

/* Cuts text[0..len) to about `max` bytes starting at most `before` bytes
 * before the first match of the query's rarest word (query_anchor; at the
 * start when nothing matches), at
 * spaces when possible and always at character boundaries, with "…" where
 * text was cut.  Fills *out (release it with excerpt_release). */
void excerpt_make(const struct query *q, const char *text, size_t len, size_t before, size_t max,
		  struct excerpt *out);
void excerpt_release(struct excerpt *e);

#endif
