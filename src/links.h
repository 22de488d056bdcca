/* links.h - references to other documents in a text: document symbols
 * ("S/2010/84", "A/70/818-S/2016/317", "S/RES/1540 (2004)") and
 * resolutions ("résolution 1540 (2004)", "résolutions 1540 (2004) et
 * 2325 (2016)", a bare "1540 (2004)").
 *
 * Each link carries its target as a normalised symbol: a resolution
 * becomes "S/RES/N (YYYY)", or "S/RES/N" when the text gives no year.
 * A symbol inside a URL ("https://undocs.org/fr/S/2017/19") is not a
 * link: it is page furniture.  Pure text: no curses, no SQL. */
#ifndef LISEUSE_LINKS_H
#define LISEUSE_LINKS_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"

/* Longest normalised symbol, in bytes, with its NUL. */
#define LINKS_SYMBOL_MAX 64

struct link {
	size_t start, end;		 /* byte range of the link in the text */
	char target[LINKS_SYMBOL_MAX]; /* normalised symbol it points to */
};

/* Finds the links of text[0..len), in text order, without overlaps.
 * Returns the count and a newly allocated array in *links (NULL when
 * there is none; free() it). */
size_t links_find(const char *text, size_t len, struct link **links);

/* Normalises a symbol as typed or stored: trims blanks, upper-cases the
 * organ prefix and "RES", turns "S/RES/1540(2004)" into "S/RES/1540
 * (2004)".  Writes it to out (LINKS_SYMBOL_MAX bytes) and returns true,
 * or returns false when s[0..len) is not a symbol. */
bool links_normalize(const char *s, size_t len, char out[LINKS_SYMBOL_MAX]);

/* The symbol of resolution `number` of year `year` ("S/RES/1540 (2004)"),
 * or without a year when year is NULL or empty, into out. */
void links_resolution_symbol(const char *number, const char *year, char out[LINKS_SYMBOL_MAX]);

/* Walks a list of symbols separated by blanks (doc_meta.symbols: "A/64/666
 * S/2010/84", where a "(2016)" after "S/RES/2325" belongs to it).  *cursor
 * starts at the list (may be NULL) and moves on; returns true with the next
 * normalised symbol in out, false at the end.  A token that is not a
 * symbol comes out as it is, cut to LINKS_SYMBOL_MAX - 1 bytes. */
bool links_next_symbol(const char **cursor, char out[LINKS_SYMBOL_MAX]);

/* The symbol without its year ("S/RES/1540 (2004)" gives "S/RES/1540"),
 * into out; returns false when it has no year. */
bool links_without_year(const char *symbol, char out[LINKS_SYMBOL_MAX]);

/* The symbols a document cites, once each, without its own (with or
 * without a resolution's year): the cited resolutions of its metadata and
 * the links of its paragraphs but the masthead's.  Newly allocated,
 * '\n'-separated and sorted ignoring case; "" when it cites nothing. */
char *links_cited(const struct document *doc);

#endif
