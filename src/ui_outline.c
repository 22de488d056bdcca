/* ui_outline.c - `t`: the open document's outline (outline.h) over the
 * whole screen, the entry the reader is in selected; Enter goes there. */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "ui_priv.h"

struct outline_pane {
	struct menu menu;
	bool shown;
};

static void *
outline_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct outline_pane));
}

static void
outline_destroy(void *data)
{
	free(data);
}

static void
outline_row(struct ui *ui, WINDOW *win, size_t i, int width, attr_t attr, void *arg)
{
	const struct outline_entry *e = &((const struct outline *)arg)->entries[i];
	int x = 1 + 2 * e->level, used = 0;

	if (x >= width)
		return;
	text_fill(win, 0, x, attr);
	wmove(win, getcury(win), x);
	if (e->kind == OUTLINE_SIGNATURE)
		used = text_draw_str(ui, win, _("Signature: "), width - x, attr | A_BOLD, false);
	text_draw_str(ui, win, e->label, width - x - used,
		      attr | (e->level == 0 && e->kind != OUTLINE_SIGNATURE ? A_BOLD : 0), true);
}

static void
outline_draw(struct ui *ui, struct pane *pane)
{
	struct outline_pane *op = pane->data;
	const struct outline *o = reader_outline(ui);
	static const struct outline none;
	char *title;

	if (!pane->win)
		return;
	if (o == NULL)
		o = &none;
	op->menu.n = o->n;
	title = o->n ? xasprintf(_("Outline: %zu entries"), o->n)
		     : xstrdup(_("Outline: no heading, numbered paragraph or signature"));
	menu_draw(ui, pane, &op->menu, title, _("Enter: go there   Esc, q, t: back   j/k: move"),
		  outline_row, (void *)o);
	free(title);
}

static struct ui_action
outline_key(struct ui *ui, struct pane *pane, enum keymap_action action)
{
	struct outline_pane *op = pane->data;
	const struct outline *o = reader_outline(ui);
	const struct store_doc *doc = reader_doc(ui);

	if (menu_move(&op->menu, action, pane->h))
		return ui_request(REQ_NONE);
	switch (action) {
	case ACT_FOLLOW:
	case ACT_OPEN:
		if (o == NULL || doc == NULL || op->menu.sel >= o->n)
			return ui_request(REQ_BACK);
		return ui_request_goto(doc->id, o->entries[op->menu.sel].piece);
	default:
		return menu_other_key(action, ACT_OUTLINE);
	}
}

/* Shown: the selection on the entry the reader is in. */
static void
outline_resize(struct ui *ui, struct pane *pane)
{
	struct outline_pane *op = pane->data;

	if (pane->win && !op->shown) {
		const struct outline *o = reader_outline(ui);
		long at = o ? outline_entry_at(o, reader_top_piece(ui), false) : -1;

		op->menu.n = o ? o->n : 0;
		op->menu.sel = at > 0 ? (size_t)at : 0;
		op->menu.top = 0;
	}
	op->shown = pane->win != NULL;
}

const struct pane_ops ui_outline_ops = {
    .context = KEYMAP_READER,
    .create = outline_create,
    .destroy = outline_destroy,
    .draw = outline_draw,
    .key = outline_key,
    .resize = outline_resize,
};
