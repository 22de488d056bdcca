/* pdf_text.h - the text of a PDF as positioned lines, page by page.
 *
 * Uses poppler's text layout (each character with its box, runs of text
 * with their font) and knows nothing of what the lines mean: pdf_layout.h
 * turns them into paragraphs.  Coordinates are PDF points from the top left
 * corner of the page.  Refuses encrypted, damaged and image-only files with
 * a reason a user can act on. */
#ifndef LISEUSE_PDF_TEXT_H
#define LISEUSE_PDF_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"

/* One line of text as the page shows it. */
struct pdf_line {
	int page;		    /* from 1 */
	double x0, y0, x1, y1;	    /* box of the line's glyphs (points, from the top left) */
	double size;		    /* font size of most of its characters */
	double first_word;	    /* width of its first word, in points */
	bool bold;		    /* every letter is in a bold font */
	char *text;		    /* owned, NUL-terminated UTF-8 (NFC), single spaces */
	size_t len;		    /* bytes, without the NUL */
	struct text_span *bolds;    /* owned: bold byte ranges, sorted; may be NULL */
	size_t nbold;
	struct text_span *sups;	    /* owned: raised small type (note calls), sorted; may be NULL */
	size_t nsup;
};

struct pdf_page {
	double width, height; /* points */
};

struct pdf_lines {
	struct pdf_line *lines; /* owned, in reading order */
	size_t n, cap;
	struct pdf_page *pages; /* owned, npages of them */
	size_t npages;
};

/* True when data (n bytes) is a PDF: "%PDF-" within its first 1024 bytes. */
bool pdf_text_is_pdf(const char *data, size_t n);

/* Reads the lines of the PDF in data (n bytes; must stay valid during the
 * call).  Returns 0 with *out filled (initialise it with {0}), or -1 with
 * *err = "name: reason" (newly allocated) and *out empty: an encrypted
 * file, a damaged or truncated one, or one without any text (a scan). */
int pdf_text_read(const char *name, const char *data, size_t n, struct pdf_lines *out,
		  char **err);

/* Appends a line, taking ownership of text (len bytes, NUL-terminated) and
 * of the span arrays.  Returns it, for the caller to set its geometry. */
struct pdf_line *pdf_lines_add(struct pdf_lines *lines, int page, char *text, size_t len);

/* Frees every line and page; leaves *lines empty. */
void pdf_lines_release(struct pdf_lines *lines);

#endif
