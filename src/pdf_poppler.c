/* pdf_poppler.c - poppler's text layout into positioned lines: the PDF
 * module (liseuse-pdf.so) loaded by pdf_module.c at the first PDF. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <poppler.h>
#include <uninorm.h>
#include <unistr.h>

#include "i18n.h"
#include "pdf_module.h"
#include "pdf_text.h"
#include "util.h"

/* Raised type this much smaller than the line's is a note call. */
#define SUP_SIZE_RATIO 0.8
/* and its bottom at least this much of the line's size above the line's. */
#define SUP_RAISE_RATIO 0.15
/* A blank this much of the size between two glyphs separates words. */
#define WORD_GAP_RATIO 0.25

/* What the page says about one character of a line being built. */
struct glyph {
	uint32_t start, end; /* bytes in the line */
	double x0, y0, x1, y1;
	double size;
	bool bold, space;
};

struct line_builder {
	struct strbuf text;
	struct glyph *glyphs;
	size_t n, cap;
};

/* A font name says bold: "ABCDEF+DejaVuSerif-Bold", "TimesNewRomanPS-BoldMT". */
static bool
font_is_bold(const char *name)
{
	return name != NULL && (strstr(name, "Bold") || strstr(name, "bold") ||
				strstr(name, "Black") || strstr(name, "Heavy") ||
				strstr(name, "Semibold") || strstr(name, "Demi"));
}

static void
add_span(struct text_span **spans, size_t *n, size_t *cap, uint32_t start, uint32_t end)
{
	if (*n > 0 && (*spans)[*n - 1].end >= start) {
		(*spans)[*n - 1].end = end;
		return;
	}
	*spans = xgrow(*spans, cap, *n + 1, sizeof **spans);
	(*spans)[(*n)++] = (struct text_span){ start, end };
}

/* The size most of the line's characters have. */
static double
main_size(const struct glyph *g, size_t n)
{
	double best = 0;
	size_t best_count = 0;

	for (size_t i = 0; i < n; i++) {
		size_t count = 0;

		if (g[i].space)
			continue;
		for (size_t j = 0; j < n; j++)
			if (!g[j].space && g[j].size > g[i].size - 0.05 && g[j].size < g[i].size + 0.05)
				count++;
		if (count > best_count || (count == best_count && g[i].size > best)) {
			best = g[i].size;
			best_count = count;
		}
		/* most lines are in one size: stop once a majority is found */
		if (best_count * 2 > n)
			break;
	}
	return best;
}

/* Turns the characters gathered for one line into a pdf_line. */
static void
finish_line(struct line_builder *b, int page, struct pdf_lines *out)
{
	struct pdf_line *l;
	struct glyph *g = b->glyphs;
	size_t n = b->n, len, cap = 0, first_end;
	double size, bottom = -1, top = -1, x0 = -1, x1 = -1;
	size_t letters = 0, bold_letters = 0;
	char *text;

	/* trailing space */
	while (n > 0 && g[n - 1].space)
		n--;
	if (n == 0) {
		strbuf_reset(&b->text);
		b->n = 0;
		return;
	}
	b->text.len = g[n - 1].end;
	b->text.buf[b->text.len] = '\0';
	size = main_size(g, n);
	for (size_t i = 0; i < n; i++) {
		if (g[i].space)
			continue;
		if (x0 < 0 || g[i].x0 < x0)
			x0 = g[i].x0;
		if (g[i].x1 > x1)
			x1 = g[i].x1;
		if (g[i].size > size - 0.05 && g[i].size < size + 0.05) {
			if (top < 0 || g[i].y0 < top)
				top = g[i].y0;
			if (g[i].y1 > bottom)
				bottom = g[i].y1;
		}
		letters++;
		bold_letters += g[i].bold;
	}
	for (first_end = 0; first_end < n && !g[first_end].space; first_end++)
		;
	text = strbuf_detach(&b->text, &len);
	l = pdf_lines_add(out, page, text, len);
	l->x0 = x0;
	l->x1 = x1;
	l->y0 = top;
	l->y1 = bottom;
	l->size = size;
	l->bold = letters > 0 && bold_letters == letters;
	l->first_word = g[first_end - 1].x1 - g[0].x0;
	if (bold_letters > 0 && !l->bold) {
		for (size_t i = 0; i < n; i++)
			if (g[i].bold && !g[i].space)
				add_span(&l->bolds, &l->nbold, &cap, g[i].start, g[i].end);
	} else if (l->bold) {
		add_span(&l->bolds, &l->nbold, &cap, 0, (uint32_t)len);
	}
	cap = 0;
	for (size_t i = 0; i < n; i++)
		if (!g[i].space && g[i].size < size * SUP_SIZE_RATIO &&
		    g[i].y1 < bottom - size * SUP_RAISE_RATIO)
			add_span(&l->sups, &l->nsup, &cap, g[i].start, g[i].end);
	/* NFC: poppler gives precomposed letters almost always; when it does
	 * not, the spans no longer fit the text and are dropped */
	if (memchr(text, 0xCC, len) || memchr(text, 0xCD, len)) {
		size_t nfc_len = 0;
		uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)text, len, NULL, &nfc_len);

		if (nfc != NULL && nfc_len != len) {
			free(l->text);
			l->text = xrealloc(nfc, nfc_len + 1);
			l->text[nfc_len] = '\0';
			l->len = nfc_len;
			free(l->bolds);
			free(l->sups);
			l->bolds = l->sups = NULL;
			l->nbold = l->nsup = 0;
		} else {
			free(nfc);
		}
	}
	b->text = (struct strbuf)STRBUF_INIT;
	b->n = 0;
}

/* Appends what character c is in the line's text (ligatures expanded). */
static void
append_char(struct strbuf *sb, ucs4_t c)
{
	static const char *const ligatures[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };
	uint8_t buf[6];
	int k;

	if (c >= 0xFB00 && c <= 0xFB06) {
		strbuf_addstr(sb, ligatures[c - 0xFB00]);
		return;
	}
	if (c == 0x00AD) /* a soft hyphen drawn at a line end */
		c = '-';
	k = u8_uctomb(buf, c, sizeof buf);
	if (k > 0)
		strbuf_add(sb, (const char *)buf, (size_t)k);
}

static bool
is_blank(ucs4_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x2002 || c == 0x2003 ||
	       c == 0x2009 || c == 0x202F || c == 0x200B;
}

/* Reads one page's lines. */
static void
read_page(PopplerPage *page, int number, struct pdf_lines *out)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *rects = NULL;
	guint nrects = 0;
	GList *attrs = NULL, *attr;
	PopplerTextAttributes *run = NULL;
	bool run_bold = false;
	struct line_builder b = { .text = STRBUF_INIT };
	const uint8_t *p, *end;
	size_t index = 0;

	if (text == NULL || text[0] == '\0' ||
	    !poppler_page_get_text_layout(page, &rects, &nrects))
		goto out;
	attrs = poppler_page_get_text_attributes(page);
	attr = attrs;
	p = (const uint8_t *)text;
	end = p + strlen(text);
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		PopplerTextAttributes *a;
		struct glyph *g;

		p += k;
		if (c == '\n' || index >= nrects) {
			finish_line(&b, number, out);
			index++;
			continue;
		}
		while (attr != NULL && ((PopplerTextAttributes *)attr->data)->end_index < (int)index)
			attr = attr->next;
		a = attr != NULL ? attr->data : NULL;
		/* the font's name is read once per run of text, not per glyph */
		if (a != run) {
			run = a;
			run_bold = a != NULL && font_is_bold(a->font_name);
		}
		if (is_blank(c)) {
			/* one space between words, none at the start */
			if (b.n > 0 && !b.glyphs[b.n - 1].space) {
				b.glyphs = xgrow(b.glyphs, &b.cap, b.n + 1, sizeof *b.glyphs);
				g = &b.glyphs[b.n++];
				*g = (struct glyph){ .start = (uint32_t)b.text.len, .space = true };
				strbuf_addch(&b.text, ' ');
				g->end = (uint32_t)b.text.len;
			}
			index++;
			continue;
		}
		/* words set apart by their position alone ("–" then a tab) */
		if (b.n > 0 && !b.glyphs[b.n - 1].space && a != NULL &&
		    rects[index].x1 - b.glyphs[b.n - 1].x1 > a->font_size * WORD_GAP_RATIO) {
			b.glyphs = xgrow(b.glyphs, &b.cap, b.n + 1, sizeof *b.glyphs);
			g = &b.glyphs[b.n++];
			*g = (struct glyph){ .start = (uint32_t)b.text.len, .space = true };
			strbuf_addch(&b.text, ' ');
			g->end = (uint32_t)b.text.len;
		}
		b.glyphs = xgrow(b.glyphs, &b.cap, b.n + 1, sizeof *b.glyphs);
		g = &b.glyphs[b.n++];
		*g = (struct glyph){
			.start = (uint32_t)b.text.len,
			.x0 = rects[index].x1, .y0 = rects[index].y1,
			.x1 = rects[index].x2, .y1 = rects[index].y2,
			.size = a != NULL ? a->font_size : 0,
			.bold = run_bold,
		};
		append_char(&b.text, c);
		g->end = (uint32_t)b.text.len;
		index++;
	}
	finish_line(&b, number, out);
out:
	poppler_page_free_text_attributes(attrs);
	strbuf_release(&b.text);
	free(b.glyphs);
	g_free(rects);
	g_free(text);
}

/* A PDF ends with "%%EOF" (give or take a few bytes of white space or junk):
 * without it the file was cut short. */
static bool
has_end_marker(const char *data, size_t n)
{
	size_t from = n > 1024 ? n - 1024 : 0;

	for (size_t i = n >= 5 ? n - 5 + 1 : 0; i-- > from;)
		if (memcmp(data + i, "%%EOF", 5) == 0)
			return true;
	return false;
}

/* Reads pages [from, to) of doc.  Returns 0, or the number of the first
 * page poppler cannot give. */
static int
read_pages(PopplerDocument *doc, int from, int to, struct pdf_page *pages, struct pdf_lines *out)
{
	for (int i = from; i < to; i++) {
		PopplerPage *page = poppler_document_get_page(doc, i);

		if (page == NULL)
			return i + 1;
		poppler_page_get_size(page, &pages[i].width, &pages[i].height);
		read_page(page, i + 1, out);
		g_object_unref(page);
	}
	return 0;
}

static int
poppler_read(const char *name, const char *data, size_t n, struct pdf_lines *out, char **err)
{
	GBytes *bytes = NULL;
	GError *gerr = NULL;
	PopplerDocument *doc = NULL;
	int npages, bad, ret = -1;

	if (!has_end_marker(data, n)) {
		*err = xasprintf(_("%s: damaged PDF (truncated: no end-of-file marker)"), name);
		return -1;
	}
	bytes = g_bytes_new_static(data, n);
	doc = poppler_document_new_from_bytes(bytes, NULL, &gerr);
	if (doc == NULL) {
		if (g_error_matches(gerr, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
			*err = xasprintf(_("%s: encrypted PDF (it needs a password): decrypt it "
					   "first, e.g. qpdf --decrypt --password=... in.pdf out.pdf"),
					 name);
		else
			*err = xasprintf(_("%s: damaged PDF (%s)"), name,
					 gerr != NULL ? gerr->message : _("unreadable"));
		goto out;
	}
	npages = poppler_document_get_n_pages(doc);
	if (npages <= 0) {
		*err = xasprintf(_("%s: damaged PDF (no page)"), name);
		goto out;
	}
	out->pages = xcalloc((size_t)npages, sizeof *out->pages);
	out->npages = (size_t)npages;
	bad = read_pages(doc, 0, npages, out->pages, out);
	if (bad > 0) {
		*err = xasprintf(_("%s: damaged PDF (page %d cannot be read)"), name, bad);
		goto out;
	}
	if (out->n == 0) {
		*err = xasprintf(_("%s: no text layer in this PDF (a scanned image?): it needs "
				   "OCR first, e.g. ocrmypdf in.pdf out.pdf"),
				 name);
		goto out;
	}
	ret = 0;
out:
	if (ret < 0)
		pdf_lines_release(out);
	if (gerr != NULL)
		g_error_free(gerr);
	if (doc != NULL)
		g_object_unref(doc);
	if (bytes != NULL)
		g_bytes_unref(bytes);
	return ret;
}

const struct pdf_module LISEUSE_PDF_MODULE_SYMBOL = { PDF_MODULE_ABI, poppler_read };
