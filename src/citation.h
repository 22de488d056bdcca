/* citation.h - what the reader copies and the header says about
 * citations: a passage cited with its source, a document's reference, the
 * "Cité par" line.  Pure text: no curses, no SQL, no terminal.
 *
 * Every function returns a newly allocated string (free() it); NULL
 * metadata fields are left out with their separators. */
#ifndef LISEUSE_CITATION_H
#define LISEUSE_CITATION_H

#include <stddef.h>

#include "document.h"

/* "2014-03-19" → "19 mars 2014"; "1er" for the first of the month; other
 * text is returned as it is. */
char *citation_date(const char *iso);

/* A passage with where it comes from: "Lettre, 19 mars 2014, Kazakhstan,
 * S/2014/210, par. 3 : « passage »".  number is the paragraph's number
 * ("3", "a": "par. 3", "al. a"), NULL or "" for none; the passage's blanks
 * are folded to single spaces. */
char *citation_passage(const struct doc_meta *m, const char *number, const char *text,
		       size_t len);

/* A document's reference: "Lettre datée du 19 mars 2014 … (S/2014/210)",
 * or kind, date and sender when there is no title. */
char *citation_reference(const struct doc_meta *m);

/* One citing document in a list: "S/2012/7 (Ukraine, 10 janvier 2012)",
 * or "Lettre (Ukraine, 10 janvier 2012)" without a symbol. */
char *citation_ref_label(const char *symbol, const char *kind, const char *sender,
			 const char *date);

/* "2 documents — A, B" from labels[0..n) ("1 document — A"); "" for none. */
char *citation_cited_by(const char *const *labels, size_t n);

#endif
