/* linebreak.h - where a line may start: UAX #14 (libunistring's
 * u8_possible_linebreaks) corrected by the French rules:
 *   - no break before » : ; ! ? % (the space before them binds, be it
 *     U+0020, U+00A0 or U+202F), nor after « and the spaces that follow it;
 *   - none inside "1540 (2004)" (a number and a parenthesised number);
 *   - none between an abbreviated title (M., MM., Mme, Mmes, Mlle, Dr, Pr,
 *     Me, S. E.) and the capitalised word that follows it;
 *   - a newline forces a break; a soft hyphen is not a break (we draw no
 *     hyphen).
 * Knows nothing of widths: layout.c does the fitting. */
#ifndef LISEUSE_LINEBREAK_H
#define LISEUSE_LINEBREAK_H

#include <stddef.h>

enum linebreak_kind {
	LINEBREAK_NONE = 0,    /* text[i] must stay on the line of text[i-1] */
	LINEBREAK_ALLOWED = 1, /* a line may start at text[i] */
	LINEBREAK_FORCED = 2,  /* text[i-1] is a newline: a line must start here */
};

/* Fills brk[0..len) with an enum linebreak_kind for each byte offset i:
 * whether a line may start at text[i].  brk[0] is LINEBREAK_NONE, and so is
 * every offset that is not the start of a character.  Linear in len; does
 * not allocate.  len == 0 writes nothing. */
void linebreak_opportunities(const char *text, size_t len, char *brk);

#endif
