/* sanitize.h - the one place where document text is made safe to display.
 *
 * Every path that prints text derived from a document (screen, `show`,
 * `search`, `list`, status messages) goes through here, so a document can
 * never send an escape sequence, move the cursor or reorder the line.
 *
 *   invalid UTF-8           -> U+FFFD ("?" in ASCII mode)
 *   C0 controls, DEL        -> caret notation: ESC -> "^[", BEL -> "^G", DEL -> "^?"
 *   C1 controls U+0080-009F -> "<U+0085>" style placeholder
 *   bidi controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) -> "<U+202E>"
 *                             style placeholder: shown, never obeyed
 *   TAB                     -> spaces to the next multiple of 8 cells
 *   newline, CR             -> with SANITIZE_ONELINE a single space; else "^M"/"^J"
 *   soft hyphen, zero-width -> dropped (width 0, consistently with layout.h)
 *   U+2028, U+2029          -> a space
 *   ZWJ (U+200D)            -> kept inside an emoji ZWJ sequence, else dropped
 *
 * Text is measured and copied by extended grapheme cluster (UAX #29, with
 * the emoji and regional indicator rules that libunistring's pairwise test
 * lacks).  A cluster is as wide as the sum of its characters' widths,
 * except that an emoji joined by a ZWJ adds nothing (👨‍👩‍👧 takes the two
 * cells of 👨, as terminals that join draw it), and a cluster that starts
 * with a mark (a combining accent with no letter before it) gets a blank
 * to sit on, one cell.  layout.c measures with sanitize_cluster, so the
 * screen, `show` and the wrapping agree.
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

/* Length in bytes of the extended grapheme cluster that starts s[0..len)
 * (0 when len is 0).  A newline is a cluster of its own, even after CR. */
size_t sanitize_cluster_length(const char *s, size_t len);

/* Appends the displayable form of the cluster that starts s[0..len) (len
 * >= 1) to out (NULL: measure only), drawn from cell `column`; *used gets
 * its length in bytes.  Returns its width in cells. */
int sanitize_cluster(struct strbuf *out, const char *s, size_t len, unsigned flags, int column,
		     size_t *used);

/* Appends the displayable form of s[0..len) to out, starting at cell
 * `column` (for TABs).  Returns the display width appended, in cells. */
int sanitize_append(struct strbuf *out, const char *s, size_t len, unsigned flags, int column);

/* Returns a newly allocated sanitised copy of s (NUL-terminated). */
char *sanitize_dup(const char *s, size_t len, unsigned flags);

#endif
