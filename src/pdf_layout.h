/* pdf_layout.h - positioned lines of a PDF (pdf_text.h) into paragraphs.
 *
 * Pure logic on the lines' text, boxes and fonts; knows nothing of poppler,
 * files or SQL, so it is tested with hand-made lines.  Decides, page by page:
 *   - the running header and footer (lines in the top or bottom margin that
 *     repeat across pages or are furniture by their form: the symbol, the
 *     job number and its dates, "2/5", the barcode "*2401234*", "Merci de
 *     recycler", undocs.org links): dropped, the symbol and the job number
 *     kept as metadata;
 *   - footnotes (small type under the text at the foot of a page): PARA_NOTE
 *     paragraphs placed right after the paragraph that calls them;
 *   - paragraph boundaries (vertical gaps, first-line indents, a line that
 *     stops short where the next word would have fitted, a change of font,
 *     a marker after the end of a sentence), the masthead, titles, headings
 *     (bold or larger type), numbered paragraphs, lettered items, signatures;
 *   - words hyphenated at a line end: rejoined without the hyphen when it is
 *     only a break ("dis-" "positions"), with it in compounds
 *     ("non-" "prolifération"). */
#ifndef LISEUSE_PDF_LAYOUT_H
#define LISEUSE_PDF_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "pdf_text.h"

/* Whether word (n bytes of UTF-8, no NUL needed) is spelled right: a
 * dictionary lookup for the hyphen decision.  ctx is passed through. */
typedef bool (*pdf_word_fn)(const char *word, size_t n, void *ctx);

/* What the layout took out of the pages. */
struct pdf_furniture {
	char *symbols;	  /* the document's symbols, space-separated ("S/2014/227"), or NULL */
	char *job_number; /* "14-27800 (F)", or NULL */
	char *removed;	  /* every line dropped as furniture, one per line (LF-terminated), or NULL */
};

/* Appends the paragraphs of lines to doc (their role, text, bold and page)
 * and fills *furniture (initialise it with {0}; release it with
 * pdf_furniture_release).  is_word may be NULL: the hyphen decision then
 * relies on a short list of French compound prefixes. */
void pdf_layout(const struct pdf_lines *lines, pdf_word_fn is_word, void *ctx,
		struct document *doc, struct pdf_furniture *furniture);

/* Whether the hyphen ending a line is part of the word: before (n bytes)
 * is the text of the word up to the hyphen, after (m bytes) the start of
 * the next line's first word (punctuation after it is ignored).  True keeps
 * "non-prolifération"; false rejoins "dis" "positions" as "dispositions". */
bool pdf_layout_keeps_hyphen(const char *before, size_t n, const char *after, size_t m,
			     pdf_word_fn is_word, void *ctx);

void pdf_furniture_release(struct pdf_furniture *furniture);

#endif
