/* ui_text.c - drawing document text: sanitised, cut by display width, each
 * grapheme cluster in exactly the cells the layout gives it. */
#include "config.h"

#include <string.h>
#include <wchar.h>

#include <unistr.h>
#include <uniwidth.h>

#include "sanitize.h"
#include "ui_priv.h"

#ifndef CCHARW_MAX
#define CCHARW_MAX 5
#endif
/* Stands for the marks that do not fit in a cell: COMBINING THREE DOTS
 * ABOVE, itself a mark, so the cell keeps its width. */
#define MORE_MARKS 0x20DB
#define ZWJ 0x200D

/* Adds one cell of n code points (more: some did not fit) at the cursor. */
static void
put_cell(WINDOW *win, wchar_t *wc, int n, bool more)
{
	cchar_t cc;

	if (more) {
		n = n > CCHARW_MAX - 1 ? CCHARW_MAX - 1 : n;
		while (n > 1 && wc[n - 1] == ZWJ)
			n--; /* a ZWJ before the marker would join it */
		wc[n++] = MORE_MARKS;
	}
	wc[n] = L'\0';
	/* setcchar keeps the marks but stops at a joined emoji (it takes
	 * cells of its own): the cell is given every character afterwards,
	 * the first deciding its width, as curses.h lays cchar_t out. */
	if (setcchar(&cc, (wchar_t[]){wc[0], L'\0'}, A_NORMAL, 0, NULL) != OK)
		return;
	for (int i = 0; i < CCHARW_MAX; i++)
		cc.chars[i] = i <= n ? wc[i] : L'\0';
	wadd_wch(win, &cc);
}

/* Draws sanitised text cell by cell.  A character that takes cells starts
 * a cell, unless a ZWJ joins it to the one before; marks and joined emoji
 * share that cell.  ncurses keeps CCHARW_MAX characters in a cell: the
 * first ones are drawn, and one MORE_MARKS for the rest, so that a letter
 * with forty accents still takes its one cell.  Cells of one character go
 * out as runs of bytes. */
static void
draw_cells(WINDOW *win, const char *s, size_t len)
{
	wchar_t wc[CCHARW_MAX + 1];
	size_t pos = 0, run = 0, cell = 0;
	int n = 0;
	bool more = false, joined = false;

	while (pos < len) {
		ucs4_t c = (unsigned char)s[pos];
		int k = c < 0x80 ? 1 : u8_mbtouc(&c, (const uint8_t *)s + pos, len - pos);
		bool starts = !joined && (c < 0x80 || uc_width(c, "UTF-8") > 0);

		if (starts) {
			if (n > 1 || more) {
				waddnstr(win, s + run, (int)(cell - run));
				put_cell(win, wc, n, more);
				run = pos;
			}
			n = 0;
			more = false;
			cell = pos;
		}
		if (n < CCHARW_MAX)
			wc[n++] = (wchar_t)c;
		else
			more = true;
		joined = c == ZWJ;
		pos += (size_t)(k > 0 ? k : 1);
	}
	if (n > 1 || more) {
		waddnstr(win, s + run, (int)(cell - run));
		put_cell(win, wc, n, more);
	} else if (len > run) {
		waddnstr(win, s + run, (int)(len - run));
	}
}

/* Attribute of the byte at pos: the base plus every span list covering it. */
static attr_t
attr_at(size_t pos, attr_t attr, const struct ui_spans *spans, size_t nspans)
{
	for (size_t i = 0; i < nspans; i++)
		for (size_t j = 0; j < spans[i].n; j++)
			if (spans[i].spans[j].start <= pos && pos < spans[i].spans[j].end)
				attr |= spans[i].attr;
	return attr;
}

/* The first span boundary after pos, or limit. */
static size_t
next_boundary(size_t pos, size_t limit, const struct ui_spans *spans, size_t nspans)
{
	size_t best = limit;

	for (size_t i = 0; i < nspans; i++) {
		for (size_t j = 0; j < spans[i].n; j++) {
			size_t s = spans[i].spans[j].start, e = spans[i].spans[j].end;
			if (s > pos && s < best)
				best = s;
			if (e > pos && e < best)
				best = e;
		}
	}
	return best;
}

int
text_draw(struct ui *ui, WINDOW *win, const char *text, size_t len, int cells, attr_t attr,
	  const struct ui_spans *spans, size_t nspans, bool ellipsis)
{
	unsigned flags = ui->sflags | SANITIZE_ONELINE;
	const char *ell = ui->utf8 ? "…" : "...";
	int ellw = ui->utf8 ? 1 : 3, used = 0, drawn = 0;
	struct strbuf sb = STRBUF_INIT;
	size_t cut, pos = 0;
	bool cutoff;

	if (!win || cells <= 0 || !text)
		return 0;
	cut = layout_fit(text, len, cells, flags, &used);
	cutoff = cut < len && layout_text_width(text + cut, len - cut, flags) > 0;
	if (cutoff && ellipsis && cells > ellw)
		cut = layout_fit(text, len, cells - ellw, flags, &used);
	else
		ellipsis = false;
	while (pos < cut) {
		size_t boundary = next_boundary(pos, cut, spans, nspans), end = pos;
		int w;

		/* A span that ends inside a cluster takes the whole cluster:
		 * a cluster is drawn in one piece. */
		while (end < boundary)
			end += sanitize_cluster_length(text + end, cut - end);
		strbuf_reset(&sb);
		w = sanitize_append(&sb, text + pos, end - pos, flags, drawn);
		if (drawn + w > cells)
			break; /* never draw past the column, whatever the widths say */
		wattrset(win, attr_at(pos, attr, spans, nspans));
		draw_cells(win, strbuf_str(&sb), sb.len);
		drawn += w;
		pos = end;
	}
	if (cutoff && ellipsis && drawn + ellw <= cells) {
		wattrset(win, attr);
		waddstr(win, ell);
		drawn += ellw;
	}
	wattrset(win, A_NORMAL);
	strbuf_release(&sb);
	return drawn;
}

int
text_draw_str(struct ui *ui, WINDOW *win, const char *s, int cells, attr_t attr, bool ellipsis)
{
	return text_draw(ui, win, s ? s : "", s ? strlen(s) : 0, cells, attr, NULL, 0, ellipsis);
}

/* Blanks columns from..end of the cursor's row, with attr (e.g. a selected
 * row).  The start is explicit: after a write into the last column the
 * cursor cannot tell whether that column was filled. */
void
text_fill(WINDOW *win, int from, int end, attr_t attr)
{
	int y, x = from;

	if (!win || from >= end)
		return;
	y = getcury(win);
	wmove(win, y, from);
	wattrset(win, attr);
	for (; x < end; x++)
		waddch(win, ' ');
	wattrset(win, A_NORMAL);
}
