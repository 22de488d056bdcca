/* ui_marks.c - `'`: the bookmarks of this snapshot (state.h), one row per
 * bookmark, newest first: the document and the passage.  Enter opens the
 * document there (bookmarks.h finds the paragraph again after a
 * re-import). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "bookmarks.h"
#include "i18n.h"
#include "ui_priv.h"

struct marks_pane {
	struct menu menu;
	bool shown;
	size_t *index; /* rows: indexes into ui->state.marks */
	char **label;  /* rows: the document, read when the list was shown */
	size_t n;
};

static void *
marks_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct marks_pane));
}

static void
marks_forget(struct marks_pane *mp)
{
	for (size_t i = 0; i < mp->n; i++)
		free(mp->label[i]);
	free(mp->label);
	free(mp->index);
	mp->label = NULL;
	mp->index = NULL;
	mp->n = 0;
}

static void
marks_destroy(void *data)
{
	marks_forget(data);
	free(data);
}

/* Reads the rows: this snapshot's bookmarks and their documents. */
static void
marks_load(struct ui *ui, struct marks_pane *mp)
{
	const char *key = reader_snapshot_key(ui);

	marks_forget(mp);
	mp->index = xcalloc(ui->state.nmarks + 1, sizeof *mp->index);
	mp->label = xcalloc(ui->state.nmarks + 1, sizeof *mp->label);
	for (size_t i = 0; i < ui->state.nmarks; i++) {
		const struct state_mark *m = &ui->state.marks[i];
		struct store_doc doc;
		int64_t id = 0;
		size_t piece = 0;
		bool moved = false;
		char *err = NULL;

		if (strcmp(m->snapshot, key) != 0)
			continue;
		mp->index[mp->n] = i;
		if (bookmarks_locate(ui->store, m, &id, &piece, &moved, &err) == 1 &&
		    store_get_doc(ui->store, id, &doc, &err) == 1) {
			mp->label[mp->n] =
			    xasprintf("%s %s — %s", doc.meta.date ? doc.meta.date : "",
				      doc.meta.kind ? doc.meta.kind : "",
				      doc.meta.sender ? doc.meta.sender : m->source);
			store_doc_release(&doc);
		} else {
			mp->label[mp->n] = xasprintf(_("%s (not in this snapshot)"), m->source);
		}
		free(err);
		mp->n++;
	}
	mp->menu.n = mp->n;
}

static void
marks_row(struct ui *ui, WINDOW *win, size_t i, int width, attr_t attr, void *arg)
{
	struct marks_pane *mp = arg;
	const struct state_mark *m = &ui->state.marks[mp->index[i]];
	int used, third = width / 3 > 12 ? width / 3 : 12;

	text_fill(win, 0, 1, attr);
	wmove(win, getcury(win), 1);
	used = 1 + text_draw_str(ui, win, mp->label[i], third, attr | A_BOLD, true);
	if (m->symbol[0] && used + 2 < width) {
		text_fill(win, used, used + 2, attr);
		wmove(win, getcury(win), used + 2);
		used += 2 + text_draw_str(ui, win, m->symbol, width - used - 2, attr, true);
	}
	if (used + 3 < width) {
		text_fill(win, used, used + 3, attr);
		wmove(win, getcury(win), used + 3);
		text_draw_str(ui, win, m->excerpt, width - used - 3, attr, true);
	}
}

static void
marks_draw(struct ui *ui, struct pane *pane)
{
	struct marks_pane *mp = pane->data;
	char *title;

	if (!pane->win)
		return;
	title = mp->n ? xasprintf(_("Bookmarks: %zu"), mp->n)
		      : xstrdup(_("Bookmarks: none yet (m in a document sets one)"));
	menu_draw(ui, pane, &mp->menu, title, _("Enter: open there   Esc, q: back   j/k: move"),
		  marks_row, mp);
	free(title);
}

static struct ui_action
marks_key(struct ui *ui, struct pane *pane, enum keymap_action action)
{
	struct marks_pane *mp = pane->data;

	if (menu_move(&mp->menu, action, pane->h))
		return ui_request(REQ_NONE);
	switch (action) {
	case ACT_FOLLOW:
	case ACT_OPEN: {
		const struct state_mark *m;
		int64_t id = 0;
		size_t piece = 0;
		bool moved = false;
		char *err = NULL;
		int rc;

		if (mp->menu.sel >= mp->n)
			return ui_request(REQ_BACK);
		m = &ui->state.marks[mp->index[mp->menu.sel]];
		rc = bookmarks_locate(ui->store, m, &id, &piece, &moved, &err);
		if (rc == 1)
			return ui_request_goto(id, piece);
		if (rc < 0) {
			struct ui_action a = ui_say(true, "%s", err);
			free(err);
			return a;
		}
		return ui_say(true, _("%s (not in this snapshot)"), m->source);
	}
	default:
		return menu_other_key(action, ACT_MARKS);
	}
}

/* Shown: the rows are read again, since bookmarks may have changed. */
static void
marks_resize(struct ui *ui, struct pane *pane)
{
	struct marks_pane *mp = pane->data;

	if (pane->win && !mp->shown) {
		marks_load(ui, mp);
		mp->menu.sel = mp->menu.top = 0;
	}
	mp->shown = pane->win != NULL;
}

const struct pane_ops ui_marks_ops = {
    .context = KEYMAP_READER,
    .create = marks_create,
    .destroy = marks_destroy,
    .draw = marks_draw,
    .key = marks_key,
    .resize = marks_resize,
};
