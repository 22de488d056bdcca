/* layout.h - display widths and line wrapping of one paragraph.
 *
 * Takes bytes and returns lines; knows nothing of curses or SQL.  Widths are
 * those of the sanitised display form (sanitize.h): a control character
 * shown as "^[" takes 2 cells, a combining accent 0, a CJK character 2.
 *
 * Wrapping follows UAX #14 (libunistring's u8_possible_linebreaks) plus the
 * French rules, applied here and nowhere else:
 *   - no line starts with » : ; ! ? % and no line ends with «
 *     (the spaces inside guillemets and before high punctuation bind);
 *   - "1540 (2004)" (a number and its parenthesised year) and
 *     "M. Nazarbayev" (an abbreviated title and the name) stay together;
 *   - a word is split only when it alone is wider than the line, and then
 *     only between grapheme clusters.
 * Paragraphs that open with a list marker ("a) ", "1. ", "- ", "• ", "i) ")
 * get a hanging indent: continuation lines start under the text after the
 * marker, unless that leaves fewer than half the width.
 *
 * Further rules of the contract:
 *   - a newline ('\n', or CR LF) inside the text forces a break and is
 *     never part of a line; spaces (U+0020, TAB) at a soft break belong to no
 *     line: `end` excludes them and the next line starts after them;
 *   - a single grapheme cluster wider than the line (a CJK character at
 *     width 1, "<U+0085>" at width 5) is put alone on its line, which is then
 *     wider than asked; every other line fits;
 *   - TAB stops count from the first cell of the screen line, indent
 *     included: draw a line with sanitize_append(out, text + start,
 *     end - start, flags, indent) so the sanitiser expands TABs the same way;
 *   - linear in len; no allocation per character (one scratch array for
 *     paragraphs over 4 KB).  Texts over 4 GB are cut at 4 GB.
 * linebreak.h gives the break opportunities alone. */
#ifndef LISEUSE_LAYOUT_H
#define LISEUSE_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* One line on the screen, not in the file. */
struct layout_line {
	uint32_t start;  /* first byte of the paragraph shown on this line */
	uint32_t end;    /* one past the last byte shown (trailing spaces excluded) */
	uint16_t indent; /* blank cells before the text */
	uint16_t width;  /* display width of bytes start..end */
};

struct layout {
	struct layout_line *lines; /* owned */
	size_t nlines;
	size_t cap;
};

#define LAYOUT_INIT { NULL, 0, 0 }

/* Wraps text[0..len) into lines no wider than `width` cells (indent
 * included).  `flags` are sanitize_flags (SANITIZE_ASCII changes widths).
 * Replaces out's previous lines.  An empty text gives one empty line; a
 * width below 1 is treated as 1.  Returns the number of lines. */
size_t layout_wrap(struct layout *out, const char *text, size_t len, int width, unsigned flags);

void layout_release(struct layout *layout);

/* Display width of text[0..len) in cells, with the sanitiser's forms. */
int layout_text_width(const char *text, size_t len, unsigned flags);

/* Returns the number of bytes of the longest prefix of text whose width is at
 * most `cells`, never cutting a grapheme cluster; *used gets its width. */
size_t layout_fit(const char *text, size_t len, int cells, unsigned flags, int *used);

/* Width in cells of the list marker that opens text ("a) " -> 3), or 0. */
int layout_marker_width(const char *text, size_t len);

#endif
