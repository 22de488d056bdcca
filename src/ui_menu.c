/* ui_menu.c - what the lists over the whole screen share (the outline,
 * the bookmarks): a title line, rows with a selection that scrolls, a
 * line of keys at the bottom. */
#include "config.h"

#include "ui_priv.h"

bool
menu_move(struct menu *m, enum keymap_action action, int rows)
{
	size_t page = rows > 3 ? (size_t)rows - 3 : 1;

	if (m->n == 0)
		return action == ACT_LINE_DOWN || action == ACT_LINE_UP;
	switch (action) {
	case ACT_LINE_DOWN:
		if (m->sel + 1 < m->n)
			m->sel++;
		return true;
	case ACT_LINE_UP:
		if (m->sel > 0)
			m->sel--;
		return true;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_OR_NEXT:
	case ACT_HALF_DOWN:
		m->sel = m->sel + page < m->n ? m->sel + page : m->n - 1;
		return true;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		m->sel = m->sel > page ? m->sel - page : 0;
		return true;
	case ACT_TOP:
		m->sel = 0;
		return true;
	case ACT_BOTTOM:
		m->sel = m->n - 1;
		return true;
	default:
		return false;
	}
}

struct ui_action
menu_other_key(enum keymap_action action, enum keymap_action own)
{
	if (action == ACT_REDRAW)
		return ui_request(REQ_PASS);
	if (action == ACT_QUIT || action == ACT_BACK || action == ACT_ESCAPE || action == own ||
	    action == ACT_HISTORY_BACK)
		return ui_request(REQ_BACK);
	return ui_request(REQ_NONE);
}

void
menu_draw(struct ui *ui, struct pane *pane, struct menu *m, const char *title, const char *keys,
	  void (*row)(struct ui *ui, WINDOW *win, size_t i, int width, attr_t attr, void *arg),
	  void *arg)
{
	WINDOW *win = pane->win;
	int h = pane->h, w = pane->w, rows = h - 2, used;

	if (!win)
		return;
	werase(win);
	if (rows < 1)
		rows = h > 1 ? h - 1 : 1;
	if (m->sel >= m->n)
		m->sel = m->n ? m->n - 1 : 0;
	rows_follow(&m->top, m->sel, (size_t)rows);
	wmove(win, 0, 0);
	used = text_draw_str(ui, win, title, w, ui->theme.status, true);
	text_fill(win, used, w, ui->theme.status);
	for (int y = 1; y <= rows && y < h && m->top + (size_t)(y - 1) < m->n; y++) {
		size_t i = m->top + (size_t)(y - 1);
		attr_t attr = rows_attr(ui, i == m->sel, true);

		/* the whole row first: a row drawn to the last column leaves the
		 * cursor on the next one */
		wmove(win, y, 0);
		text_fill(win, 0, w, attr);
		wmove(win, y, 0);
		row(ui, win, i, w, attr, arg);
	}
	if (h > 2) {
		wmove(win, h - 1, 0);
		used = text_draw_str(ui, win, keys, w, ui->theme.dim, true);
	}
	wnoutrefresh(win);
}
