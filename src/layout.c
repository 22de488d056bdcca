/* layout.c - display widths and greedy line wrapping of one paragraph.
 * Break opportunities come from linebreak.c, widths from sanitize.c, so
 * what is measured here is exactly what the screen draws. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "layout.h"
#include "linebreak.h"
#include "sanitize.h"
#include "util.h"

/* Paragraphs up to this size are wrapped without allocating. */
#define BRK_STACK 4096

/* Walks the grapheme cluster that starts at text[pos]: returns the offset
 * just past it and puts its display width (drawn at `column`) in *width.
 * The sanitiser decides both, so the screen draws what is measured here. */
static size_t
next_cluster(const char *text, size_t len, size_t pos, unsigned flags, int column, int *width)
{
	size_t used;
	unsigned char b = (unsigned char)text[pos];

	/* Printable ASCII followed by ASCII: one cell, the common fast path. */
	if (b >= 0x20 && b < 0x7f && (pos + 1 >= len || (unsigned char)text[pos + 1] < 0x80)) {
		*width = 1;
		return pos + 1;
	}
	*width = sanitize_cluster(NULL, text + pos, len - pos, flags, column, &used);
	return pos + used;
}

/* Spaces that end a line invisibly (and are skipped at the start of the
 * next): SPACE, TAB, and a CR just before a newline. */
static int
is_break_space(const char *text, size_t len, size_t pos)
{
	char b = text[pos];

	return b == ' ' || b == '\t' || (b == '\r' && pos + 1 < len && text[pos + 1] == '\n');
}

/* Cluster by cluster: a joined emoji or a lone mark changes the total. */
int
layout_text_width(const char *text, size_t len, unsigned flags)
{
	size_t pos = 0;
	int column = 0;

	while (pos < len) {
		int w;

		pos = next_cluster(text, len, pos, flags, column, &w);
		column += w;
	}
	return column;
}

/* Width of text[0..len) drawn from `column`, cluster by cluster. */
static int
measure(const char *text, size_t len, unsigned flags, int column)
{
	size_t pos = 0;
	int start = column;

	while (pos < len) {
		int w;

		pos = next_cluster(text, len, pos, flags, column, &w);
		column += w;
	}
	return column - start;
}

/* Whole clusters only, so a base letter never loses its accents. */
size_t
layout_fit(const char *text, size_t len, int cells, unsigned flags, int *used)
{
	size_t pos = 0;
	int column = 0;

	while (pos < len) {
		int w;
		size_t next = next_cluster(text, len, pos, flags, column, &w);

		if (column + w > cells)
			break;
		column += w;
		pos = next;
	}
	if (used)
		*used = column;
	return pos;
}

/* Length of the roman numeral (at most 6 letters, all of one case) that
 * opens text, or 0. */
static size_t
roman_length(const char *text, size_t len)
{
	const char *set = text[0] >= 'a' ? "ivxlcdm" : "IVXLCDM";
	size_t n = 0;

	while (n < len && n < 6 && text[n] != '\0' && strchr(set, text[n]))
		n++;
	return n;
}

/* Length of the enumerator that opens text[0..len): "1." "12)" "a)" "(b)"
 * "iv)" "IV." - or 0.  "M." and "A." are not items (Monsieur, initials). */
static size_t
enumerator_length(const char *text, size_t len)
{
	size_t n = 0, digits = 0, roman;
	int open = text[0] == '(', lone_upper = 0;

	n = open;
	while (n + digits < len && digits < 3 && text[n + digits] >= '0' && text[n + digits] <= '9')
		digits++;
	if (digits > 0) {
		n += digits;
	} else if (n < len && ascii_is_alpha(text[n])) {
		roman = roman_length(text + n, len - n);
		if (roman > 1 || (roman == 1 && strchr("IVXivx", text[n]))) {
			n += roman;
		} else {
			lone_upper = text[n] <= 'Z';
			n++;
		}
	} else {
		return 0;
	}
	if (n < len && text[n] == ')')
		return n + 1;
	if (n < len && text[n] == '.' && !open && !lone_upper)
		return n + 1;
	return 0;
}

/* A bullet or an enumerator, then spaces, then text. */
int
layout_marker_width(const char *text, size_t len)
{
	static const char *const bullets[] = {
	    "-",
	    "*",
	    "\xE2\x80\xA2",
	    "\xE2\x80\x93",
	    "\xE2\x80\x94",
	    "\xE2\x97\x8F",
	    "\xE2\x96\xAA",
	};
	size_t n = 0, spaces;

	if (len == 0)
		return 0;
	for (size_t b = 0; b < sizeof bullets / sizeof bullets[0] && n == 0; b++) {
		size_t blen = strlen(bullets[b]);

		if (len > blen && memcmp(text, bullets[b], blen) == 0)
			n = blen;
	}
	if (n == 0)
		n = enumerator_length(text, len);
	if (n == 0)
		return 0;
	for (spaces = n; spaces < len && text[spaces] == ' '; spaces++)
		;
	/* A marker is followed by spaces and then by the item's text. */
	if (spaces == n || spaces == len || text[spaces] == '\n')
		return 0;
	return layout_text_width(text, spaces, 0);
}

/* Appends one line to out. */
static void
push_line(struct layout *out, size_t start, size_t end, int indent, int width)
{
	struct layout_line *line;

	out->lines = xgrow(out->lines, &out->cap, out->nlines + 1, sizeof *out->lines);
	line = &out->lines[out->nlines++];
	line->start = (uint32_t)start;
	line->end = (uint32_t)end;
	line->indent = (uint16_t)indent;
	line->width = (uint16_t)(width > UINT16_MAX ? UINT16_MAX : width);
}

/* Where to cut a run with no break opportunity that is wider than the line:
 * at the cluster that overflows, or one cluster earlier if that keeps a
 * French no-line-start character (or an opening guillemet) off the edge. */
static size_t
emergency_cut(const char *text, size_t len, size_t start, size_t cut, size_t prev_cluster)
{
	uint32_t c, before = 0;

	sanitize_next(text + cut, len - cut, &c);
	if (prev_cluster > start) {
		sanitize_next(text + prev_cluster, len - prev_cluster, &before);
		if (c == 0xBB || c == ':' || c == ';' || c == '!' || c == '?' || c == '%' ||
		    before == 0xAB)
			return prev_cluster;
	}
	return cut;
}

/* Greedy: each line takes all that fits up to its last break opportunity. */
size_t
layout_wrap(struct layout *out, const char *text, size_t len, int width, unsigned flags)
{
	char stack[BRK_STACK];
	char *brk = stack;
	size_t start = 0;
	int hang, indent = 0;

	out->nlines = 0;
	if (width < 1)
		width = 1;
	if (width > UINT16_MAX)
		width = UINT16_MAX;
	if (len > UINT32_MAX)
		len = UINT32_MAX;
	if (len == 0) {
		push_line(out, 0, 0, 0, 0);
		return out->nlines;
	}
	if (len > sizeof stack)
		brk = xmalloc(len);
	linebreak_opportunities(text, len, brk);
	hang = layout_marker_width(text, len);
	if (hang * 2 > width)
		hang = 0;

	while (start < len) {
		size_t pos = start, content_end = start, cand = 0, cand_end = 0,
		       prev_cluster = start;
		size_t next;
		int column = indent, content_width = 0, cand_width = 0, have_content = 0, soft = 0;

		for (;;) {
			size_t after;
			int w;

			if (pos >= len) {
				next = len;
				break;
			}
			if (text[pos] == '\n') {
				next = pos + 1;
				break;
			}
			if (pos > start && have_content && brk[pos] == LINEBREAK_ALLOWED) {
				cand = pos;
				cand_end = content_end;
				cand_width = content_width;
			}
			after = next_cluster(text, len, pos, flags, column, &w);
			if (have_content && after == pos + 1 && is_break_space(text, len, pos)) {
				/* Trailing spaces may hang past the edge: they are not drawn. */
				column += w;
				pos = after;
				continue;
			}
			if (column + w > width && have_content) {
				soft = 1;
				if (cand) {
					content_end = cand_end;
					content_width = cand_width;
					next = cand;
				} else {
					next = emergency_cut(text, len, start, pos, prev_cluster);
					/* Not past the last drawn cluster: a space with a
					 * combining mark is a cluster that may trail. */
					if (next < content_end)
						content_end = next;
					while (content_end > start &&
					       is_break_space(text, len, content_end - 1))
						content_end--;
					content_width = measure(text + start, content_end - start,
								flags, indent);
				}
				break;
			}
			prev_cluster = pos;
			column += w;
			pos = after;
			content_end = pos;
			content_width = column - indent;
			have_content = 1;
		}
		/* Only a line of nothing but spaces, or one whose last cluster
		 * swallowed a space (U+0602 is a Prepend), can still end with one. */
		if (content_end > start && is_break_space(text, len, content_end - 1)) {
			while (content_end > start && is_break_space(text, len, content_end - 1))
				content_end--;
			content_width = measure(text + start, content_end - start, flags, indent);
		}
		push_line(out, start, content_end, indent, content_width);
		if (soft) {
			/* The spaces at a soft break belong to neither line. */
			while (next < len && is_break_space(text, len, next))
				next++;
			if (next < len && text[next] == '\n')
				next++;
		}
		start = next;
		indent = hang;
	}
	if (brk != stack)
		free(brk);
	return out->nlines;
}

/* Frees the lines and leaves an empty layout. */
void
layout_release(struct layout *layout)
{
	free(layout->lines);
	layout->lines = NULL;
	layout->nlines = 0;
	layout->cap = 0;
}
