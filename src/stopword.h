/* stopword.h - the French words too common to choose a passage by.
 *
 * "de", "la", "et", "les" … are highlighted only inside a phrase or when
 * they are the whole query, they get no lemma in the index, and a passage
 * is chosen for a query's other words.  Pure text: folded tokens (fold.h). */
#ifndef LISEUSE_STOPWORD_H
#define LISEUSE_STOPWORD_H

#include <stdbool.h>
#include <stddef.h>

/* True when folded[0..len) (a folded token) is a French stop word. */
bool stopword_is(const char *folded, size_t len);

#endif
