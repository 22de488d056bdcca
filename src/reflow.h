/* reflow.h - raw text lines into paragraphs with roles.
 *
 * Works on plain UTF-8 text (LF line ends) and knows nothing of SQL or the
 * screen.  Two shapes of input are handled by the same rules: one paragraph
 * per line (light markdown) and text extracted from PDF (hard-wrapped lines,
 * an empty line after each, page furniture).  Paragraph ends are decided
 * from evidence: markers (1., a), -, I., (Signé), Annexe), a line ending a
 * sentence followed by a capital or an indent, a line holding only spaces
 * (vertical space in the PDF), and the block structure (masthead, titles,
 * signature blocks).  Page furniture (document symbols, job numbers,
 * undocs.org links, page numbers, repeated masthead lines, "Merci de
 * recycler") is dropped, and a paragraph it interrupts goes on after it.
 * Form feeds are page breaks.
 * The paragraph text keeps its markup (markup.h removes it). */
#ifndef LISEUSE_REFLOW_H
#define LISEUSE_REFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"

/* What kind of page furniture a line is. */
enum reflow_furniture {
	FURNITURE_NONE = 0,
	FURNITURE_SYMBOL, /* "A/64/666", "S/2010/84", "A/64/666 S/2010/84" */
	FURNITURE_JOB,    /* "310-24575", "GE.18-01234 (F)", "*1024575*" */
	FURNITURE_URL,    /* "https://undocs.org/fr/S/2017/19" */
	FURNITURE_PAGE,   /* "3", "2/5", "- 2 -", and footers "2/5 18-00123" */
	FURNITURE_EMPTY,  /* a lone bullet "-" */
	FURNITURE_NOTICE, /* "Merci de recycler", the recycling symbol */
};

/* Classifies one line (without its newline; surrounding spaces allowed).
 * A line of several kinds of tokens (symbol, job number, "2/5") is
 * FURNITURE_PAGE when one is a page number, else FURNITURE_JOB. */
enum reflow_furniture reflow_furniture(const char *line, size_t len);

/* The page number N of a furniture line holding "N/M", else 0. */
int reflow_page_number(const char *line, size_t len);

/* True when s[0..n) is a UN document symbol: "S/2018/10", "A/64/666". */
bool reflow_symbol_token(const char *s, size_t n);

/* True when s[0..n) is the roman number of a heading or an annex: one to
 * five of I, V and X ("IV" in "IV. Questions", "Annexe II"). */
bool reflow_is_roman(const char *s, size_t n);

struct reflow_para {
	enum para_role role;
	char *text; /* owned, NUL-terminated, single spaces, markup kept */
	size_t len;
	int page;   /* page of the first line, from 1 (form feeds, else footers); 0: no pages */
};

struct reflow {
	struct reflow_para *paras; /* owned */
	size_t npara;
	size_t cap;
};

/* Splits text (len bytes, need not be NUL-terminated) into paragraphs,
 * appended to *out (initialise it with {0}).  Empty text gives none. */
void reflow_text(const char *text, size_t len, struct reflow *out);

/* Frees every paragraph and the array; leaves *r empty. */
void reflow_release(struct reflow *r);

#endif
