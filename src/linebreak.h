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

/* For cutting a huge paragraph into pieces: returns the largest offset i in
 * (0, limit] at which a line may start (LINEBREAK_ALLOWED or FORCED), so that
 * text[0..i) and text[i..len) can be laid out separately without changing
 * where words break.  Only about 4 KB before limit and 64 bytes after it are
 * examined, so the cost does not depend on len.  Without such an offset,
 * returns the last grapheme-cluster boundary <= limit; failing that (one
 * cluster longer than limit), the last character boundary <= limit; failing
 * that, the end of the first character.  Never cuts a UTF-8 sequence that is
 * valid.  Returns len when limit >= len, 0 only when len == 0. */
size_t linebreak_last_opportunity(const char *text, size_t len, size_t limit);

#endif
