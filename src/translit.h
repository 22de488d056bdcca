/* translit.h - ASCII transliteration of single code points, for terminals
 * whose locale is not UTF-8 (used by sanitize.c in SANITIZE_ASCII mode). */
#ifndef LISEUSE_TRANSLIT_H
#define LISEUSE_TRANSLIT_H

#include <stddef.h>
#include <stdint.h>

/* Longest transliteration written by translit_codepoint, with the NUL. */
#define TRANSLIT_MAX 12

/* Writes the ASCII form of code point c (c >= 0x80) into out, NUL-terminated:
 * a table entry (œ -> "oe", « -> "\"", … -> "...", NBSP -> " "), else the
 * base letters of its canonical or compatibility decomposition with the
 * combining marks dropped (é -> "e", ﬁ -> "fi"), else "?".  A lone combining
 * mark gives "" (it belongs to the previous letter).  Returns strlen(out). */
size_t translit_codepoint(uint32_t c, char out[TRANSLIT_MAX]);

#endif
