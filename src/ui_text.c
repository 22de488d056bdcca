/* ui_text.c - drawing document text: sanitised, cut by display width. */
#include "config.h"

#include <string.h>

#include "sanitize.h"
#include "ui_priv.h"

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
		size_t end = next_boundary(pos, cut, spans, nspans);
		int w;

		strbuf_reset(&sb);
		w = sanitize_append(&sb, text + pos, end - pos, flags, drawn);
		if (drawn + w > cells)
			break; /* never draw past the column, whatever the widths say */
		wattrset(win, attr_at(pos, attr, spans, nspans));
		waddnstr(win, strbuf_str(&sb), (int)sb.len);
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
