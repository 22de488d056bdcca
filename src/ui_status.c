/* ui_status.c - the status line: match count, position, messages, hints. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_priv.h"

void
status_release(struct ui *ui)
{
	free(ui->status.message);
	ui->status.message = NULL;
}

/* "4 documents", "1 document", "20+ documents…" while the count runs. */
static void
format_count(const struct ui *ui, struct strbuf *out)
{
	const struct list_state *l = &ui->list;
	bool filtered = l->has_query && !query_is_empty(&l->query);

	if (l->count >= 0)
		strbuf_addf(out, "%lld document%s", (long long)l->count, l->count > 1 ? "s" : "");
	else if (l->need_query && l->nhits == 0)
		strbuf_addstr(out, "recherche…");
	else
		strbuf_addf(out, "%zu+ documents", l->nhits);
	if (filtered)
		strbuf_addstr(out, " (filtre)");
}

void
status_draw(struct ui *ui)
{
	struct status_state *st = &ui->status;
	struct reader_state *r = &ui->reader;
	WINDOW *win = st->win;
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	int w, used, pct;

	if (!win)
		return;
	w = getmaxx(win);
	werase(win);
	wmove(win, 0, 0);
	if (st->message) {
		strbuf_addstr(&left, st->message);
	} else {
		format_count(ui, &left);
		if (r->doc_id && r->doc.meta.sender) {
			strbuf_addf(&left, " │ %s", r->doc.meta.sender);
			if (r->doc.meta.date)
				strbuf_addf(&left, " %s", r->doc.meta.date);
		}
	}
	pct = reader_percent(ui);
	if (reader_page(ui) > 0)
		strbuf_addf(&right, "p. %d ", reader_page(ui));
	if (pct >= 0)
		strbuf_addf(&right, "%3d %% ", pct);
	if (ui->filter.focused)
		strbuf_addstr(&right, "Entrée:ouvrir Échap:effacer");
	else
		strbuf_addstr(&right, "/:filtrer ?:aide q:quitter");
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
