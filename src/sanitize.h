/* sanitize.h - the one place where document text is made safe to display.
 *
 * Every path that prints text derived from a document (screen, `show`,
 * `search`, `list`, status messages) goes through here, so a document can
 * never send an escape sequence, move the cursor or reorder the line.
 *
 *   invalid UTF-8           -> U+FFFD ("?" in ASCII mode)
 *   C0 controls, DEL        -> caret notation: ESC -> "^[", BEL -> "^G", DEL -> "^?"
 *   C1 controls U+0080-009F -> "<U+0085>" style placeholder
 *   bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) -> dropped
 *   TAB                     -> spaces to the next multiple of 8 cells
 *   newline, CR             -> with SANITIZE_ONELINE a single space; else "^M"/"^J"
 *   soft hyphen, zero-width -> dropped (width 0, consistently with layout.h)
 *   U+2028, U+2029          -> a space
 *
 * With SANITIZE_ASCII the output is an ASCII transliteration for non-UTF-8
 * locales: é -> e, œ -> oe, « » -> ", ’ -> ', … -> ..., unknown -> "?". */
#ifndef LISEUSE_SANITIZE_H
#define LISEUSE_SANITIZE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

enum sanitize_flags {
	SANITIZE_ASCII = 1 << 0,   /* transliterate to ASCII */
	SANITIZE_ONELINE = 1 << 1, /* newlines and CR become spaces */
};

/* Longest representation of one code point, with the NUL. */
#define SANITIZE_REPR_MAX 16

/* Decodes the character at s[0..len) (len >= 1) into *c and returns its
 * length in bytes (>= 1).  An invalid or truncated sequence gives
 * *c = (uint32_t)-1 and length 1: each bad byte is one U+FFFD.  Surrogates
 * and code points above U+10FFFF are invalid.  Every module that walks text
 * for display (layout.c) decodes with this, so widths agree. */
size_t sanitize_next(const char *s, size_t len, uint32_t *c);

/* Writes how code point `c` is shown into repr (NUL-terminated, possibly
 * empty) and returns its display width in cells (0 for dropped and
 * combining characters).  `column` is the cell column the character starts
 * at, for TAB expansion.  c == (uint32_t)-1 stands for an invalid byte. */
int sanitize_codepoint(uint32_t c, unsigned flags, int column, char repr[SANITIZE_REPR_MAX]);

/* Appends the displayable form of s[0..len) to out, starting at cell
 * `column` (for TABs).  Returns the display width appended, in cells. */
int sanitize_append(struct strbuf *out, const char *s, size_t len, unsigned flags, int column);

/* Returns a newly allocated sanitised copy of s (NUL-terminated). */
char *sanitize_dup(const char *s, size_t len, unsigned flags);

#endif
