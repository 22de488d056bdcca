/* utf8.h - stepping through UTF-8 text by characters, and what counts as a
 * space between French words.
 *
 * Byte offsets in, byte offsets out; no allocation, no locale.  Invalid
 * bytes count as one character each, so a step always moves. */
#ifndef LISEUSE_UTF8_H
#define LISEUSE_UTF8_H

#include <stddef.h>

/* Offset of the character before pos (0 when pos is 0). */
size_t utf8_prev(const char *s, size_t pos);

/* Offset of the character after pos (len when pos is at or past the end). */
size_t utf8_next(const char *s, size_t len, size_t pos);

/* Moves pos back to the first byte of the character it falls in. */
size_t utf8_char_start(const char *s, size_t pos);

/* Bytes of the space that starts at s[pos], or 0: U+0020, TAB, the
 * no-break space U+00A0, the spaces U+2000 to U+200A (thin U+2009 and
 * figure U+2007 among them) and the narrow no-break space U+202F that
 * French puts before ; : ! ? and inside guillemets.  Line ends are not
 * spaces here: callers that skip them say so. */
size_t utf8_space_len(const char *s, size_t len, size_t pos);

/* Bytes of such a space ending just before pos, or 0. */
size_t utf8_space_before(const char *s, size_t pos);

#endif
