/* pdf_text.c - positioned lines of a PDF (see pdf_text.h); reading them
 * with poppler is in the PDF module (pdf_poppler.c, pdf_module.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pdf_module.h"
#include "pdf_text.h"
#include "util.h"

bool
pdf_text_is_pdf(const char *data, size_t n)
{
	size_t lim = n < 1024 ? n : 1024;

	for (size_t i = 0; i + 5 <= lim; i++)
		if (data[i] == '%' && memcmp(data + i, "%PDF-", 5) == 0)
			return true;
	return false;
}

struct pdf_line *
pdf_lines_add(struct pdf_lines *lines, int page, char *text, size_t len)
{
	struct pdf_line *l;

	lines->lines = xgrow(lines->lines, &lines->cap, lines->n + 1, sizeof *lines->lines);
	l = &lines->lines[lines->n++];
	memset(l, 0, sizeof *l);
	l->page = page;
	l->text = text;
	l->len = len;
	return l;
}

void
pdf_lines_release(struct pdf_lines *lines)
{
	for (size_t i = 0; i < lines->n; i++) {
		free(lines->lines[i].text);
		free(lines->lines[i].bolds);
		free(lines->lines[i].sups);
	}
	free(lines->lines);
	free(lines->pages);
	memset(lines, 0, sizeof *lines);
}

int
pdf_text_read(const char *name, const char *data, size_t n, struct pdf_lines *out, char **err)
{
	const struct pdf_module *m = pdf_module_get(name, err);

	if (m == NULL)
		return -1;
	return m->read(name, data, n, out, err);
}
