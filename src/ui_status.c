/* ui_status.c - the status line: match count, position, messages, hints. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_priv.h"

struct status_state {
	char *message; /* one-shot message, owned */
	bool error;
};

struct status_state *
status_new(void)
{
	return xcalloc(1, sizeof(struct status_state));
}

void
status_free(struct status_state *st)
{
	if (!st)
		return;
	free(st->message);
	free(st);
}

void
status_set_message(struct ui *ui, bool error, const char *text)
{
	struct status_state *st = ui->status;

	free(st->message);
	st->message = text ? xstrdup(text) : NULL;
	st->error = text && error;
}

bool
status_has_message(const struct ui *ui)
{
	return ui->status->message != NULL;
}

void
status_draw(struct ui *ui, WINDOW *win)
{
	struct status_state *st = ui->status;
	const struct store_doc *doc = reader_doc(ui);
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	int w, used, pct;
	enum keymap_context context =
	    filter_focused(ui) ? KEYMAP_FILTER : ui->panes[ui->focus].ops->context;
	unsigned when = 0;

	if (!win)
		return;
	w = getmaxx(win);
	werase(win);
	wmove(win, 0, 0);
	if (st->message) {
		strbuf_addstr(&left, st->message);
	} else if (suggest_describe(ui, &left)) {
		when |= KEYMAP_WHEN_SUGGESTION;
	} else {
		list_describe(ui, &left);
		/* The rule above the reader names the document when it shows. */
		if (doc && doc->meta.sender && (!ui->sep_win || ui->side_active)) {
			strbuf_addf(&left, " │ %s", doc->meta.sender);
			if (doc->meta.date)
				strbuf_addf(&left, " %s", doc->meta.date);
		}

	}
	pct = reader_percent(ui);
	if (reader_page(ui) > 0)
		strbuf_addf(&right, _("p. %d "), reader_page(ui));
	if (pct >= 0)
		strbuf_addf(&right, "%3d %% ", pct);
	if (facet_numbered(ui))
		when |= KEYMAP_WHEN_FACETS;
	/* The keys of the moment first; the usual ones where they fit. */
	{
		struct strbuf now = STRBUF_INIT, usual = STRBUF_INIT, extra = STRBUF_INIT;
		int extra_room = 0;

		keymap_hints_when(context, when & KEYMAP_WHEN_SUGGESTION, &now);
		keymap_hints(context, &usual);
		/* the digits' hint after the usual ones, where it fits with
		 * the reader's section (drawn below): the section comes first */
		keymap_hints_when(context, when & KEYMAP_WHEN_FACETS, &extra);
		int base = layout_text_width(left.buf, left.len, ui->sflags) + 4 +
			   layout_text_width(right.buf, right.len, ui->sflags) +
			   layout_text_width(now.buf, now.len, ui->sflags) +
			   layout_text_width(usual.buf, usual.len, ui->sflags);

		if (extra.len && !st->message && doc && reader_section(ui)) {
			int secw = 3 + layout_text_width(reader_section(ui),
							 strlen(reader_section(ui)), ui->sflags);
			if (base + secw <= w)
				extra_room = secw;
		}
		if (extra.len && extra_room + base +
					 layout_text_width(extra.buf, extra.len, ui->sflags) <=
				     w) {
			strbuf_addch(&usual, ' ');
			strbuf_add(&usual, extra.buf, extra.len);
		}
		if (now.len) {
			if (right.len)
				strbuf_addch(&right, ' ');
			strbuf_add(&right, now.buf, now.len);
		}
		if (!now.len || layout_text_width(left.buf, left.len, ui->sflags) + 3 +
					layout_text_width(right.buf, right.len, ui->sflags) +
					layout_text_width(usual.buf, usual.len, ui->sflags) <=
				    w) {
			if (right.len)
				strbuf_addch(&right, ' ');
			if (usual.len)
				strbuf_add(&right, usual.buf, usual.len);
		}
		strbuf_release(&now);
		strbuf_release(&usual);
		strbuf_release(&extra);
	}
	/* The section the reader is in, and the order (it matters once words
	 * rank the results), where they leave the right part room; by
	 * relevance, not the default, the order is always said. */
	if (!st->message && !(when & KEYMAP_WHEN_SUGGESTION)) {
		struct strbuf sec = STRBUF_INIT, ord = STRBUF_INIT;
		int lw = layout_text_width(left.buf, left.len, ui->sflags), sw, ow;
		int rw = layout_text_width(right.buf, right.len, ui->sflags);

		if (doc && reader_section(ui))
			strbuf_addf(&sec, " │ %s", reader_section(ui));
		if (list_text_query(ui))
			strbuf_addf(&ord, " · %s",
				    ui->order == STORE_ORDER_RELEVANCE ? _("by relevance")
								       : _("by date"));
		sw = layout_text_width(sec.buf, sec.len, ui->sflags);
		ow = layout_text_width(ord.buf, ord.len, ui->sflags);
		if (ord.len && (ui->order == STORE_ORDER_RELEVANCE || lw + ow + sw + 2 + rw <= w ||
				(lw + sw + 2 + rw > w && lw + ow + 2 + rw <= w))) {
			strbuf_add(&left, ord.buf, ord.len);
			lw += ow;
		}
		if (sec.len && lw + sw + 2 + rw <= w)
			strbuf_add(&left, sec.buf, sec.len);
		strbuf_release(&sec);
		strbuf_release(&ord);
	}
	attr_t attr = st->message && st->error ? ui->theme.error : ui->theme.status;
	used = text_draw_str(ui, win, strbuf_str(&left), w, attr, true);
	int rw = layout_text_width(strbuf_str(&right), right.len, ui->sflags);
	/* The right part goes only where it fits entirely after a gap. */
	if (used + 2 + rw <= w) {
		text_fill(win, used, w - rw, attr);
		text_draw_str(ui, win, strbuf_str(&right), rw, ui->theme.status, false);
		used = w;
	} else if (pct >= 0 && used + 7 <= w) {
		char buf[16];
		snprintf(buf, sizeof buf, "%3d %%", pct);
		text_fill(win, used, w - 5, attr);
		text_draw_str(ui, win, buf, 5, ui->theme.status, false);
		used = w;
	}
	text_fill(win, used, w, ui->theme.status);
	wnoutrefresh(win);
	strbuf_release(&left);
	strbuf_release(&right);
}
