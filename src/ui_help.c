/* ui_help.c - the `?` screen, a pane over the whole screen, generated
 * from the key table (keymap.c) so it cannot disagree with the keys. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_priv.h"

static const struct {
	unsigned context;
	const char *title;
} sections[] = {
    {KEYMAP_GLOBAL, "Partout (liste et document)"},
    {KEYMAP_LIST, "Liste"},
    {KEYMAP_READER, "Document"},
    {KEYMAP_FILTER, "Barre de filtre"},
};

struct help_state {
	size_t top; /* first line shown */
};

static void *
help_create(struct ui *ui)
{
	(void)ui;
	return xcalloc(1, sizeof(struct help_state));
}

static void
help_destroy(void *data)
{
	free(data);
}

/* One help line: the keys of an action and what it does. */
struct help_line {
	char *keys;
	const char *help;
	bool title;
};

/* Builds the help lines: a title per section, then one line per action
 * listing every named key bound to it. */
static size_t
build_lines(struct help_line **out)
{
	size_t n = 0, cap = 0, count;
	const struct keymap_entry *t = keymap_table(&count);
	struct help_line *lines = NULL;

	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		lines = xgrow(lines, &cap, n + 1, sizeof *lines);
		lines[n++] = (struct help_line){NULL, sections[s].title, true};
		for (size_t i = 0; i < count; i++) {
			struct strbuf keys = STRBUF_INIT;
			bool seen = false;

			if (t[i].contexts != sections[s].context)
				continue;
			for (size_t j = 0; j < i; j++)
				if (t[j].action == t[i].action && t[j].contexts == t[i].contexts)
					seen = true;
			if (seen)
				continue;
			for (size_t j = i; j < count; j++) {
				if (t[j].action != t[i].action || t[j].contexts != t[i].contexts ||
				    !t[j].name)
					continue;
				if (keys.len)
					strbuf_addstr(&keys, ", ");
				strbuf_addstr(&keys, t[j].name);
			}
			lines = xgrow(lines, &cap, n + 1, sizeof *lines);
			lines[n].keys = strbuf_detach(&keys, NULL);
			lines[n].help = t[i].help ? t[i].help : "";
			lines[n].title = false;
			n++;
		}
	}
	*out = lines;
	return n;
}

static void
free_lines(struct help_line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i].keys);
	free(lines);
}

static void
help_draw(struct ui *ui, struct pane *pane)
{
	struct help_state *hs = pane->data;
	struct help_line *lines;
	size_t n = build_lines(&lines);
	int h = pane->h, w = pane->w, y = 0, keyw = 18;
	WINDOW *win = pane->win;

	if (!win) {
		free_lines(lines, n);
		return;
	}
	werase(win);
	if (w < 40)
		keyw = w / 3;
	if (hs->top + (size_t)h > n + 1)
		hs->top = n + 1 > (size_t)h ? n + 1 - (size_t)h : 0;
	wmove(win, y++, 0);
	int used = text_draw_str(ui, win,
				 "Aide de liseuse : q, Échap ou ? pour revenir, j/k pour défiler",
				 w, ui->theme.status, true);
	text_fill(win, used, w, ui->theme.status);
	for (size_t i = hs->top; i < n && y < h; i++, y++) {
		wmove(win, y, 0);
		if (lines[i].title) {
			text_draw_str(ui, win, lines[i].help, w, ui->theme.header_label, true);
			continue;
		}
		wmove(win, y, 2 < w ? 2 : 0);
		text_draw_str(ui, win, lines[i].keys, keyw - 2, ui->theme.bold, true);
		if (keyw < w) {
			wmove(win, y, keyw);
			text_draw_str(ui, win, lines[i].help[0] ? _(lines[i].help) : "", w - keyw,
				      A_NORMAL, true);
		}
	}
	wnoutrefresh(win);
	free_lines(lines, n);
}

static struct ui_action
help_key(struct ui *ui, struct pane *pane, enum keymap_action action)
{
	struct help_state *hs = pane->data;
	size_t page = (size_t)(pane->h > 2 ? pane->h - 2 : 1);

	(void)ui;
	switch (action) {
	case ACT_LINE_DOWN:
		hs->top++;
		break;
	case ACT_LINE_UP:
		if (hs->top)
			hs->top--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		hs->top += page;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
	case ACT_TOP:
		hs->top = 0;
		break;
	case ACT_REDRAW:
		return ui_request(REQ_PASS);
	default:
		/* Any other key (q, ?, Esc, ...) closes the help. */
		return ui_request(REQ_BACK);
	}
	return ui_request(REQ_NONE);
}

static void
help_resize(struct ui *ui, struct pane *pane)
{
	(void)ui;
	(void)pane;
}

const struct pane_ops ui_help_ops = {
    .context = KEYMAP_READER,
    .create = help_create,
    .destroy = help_destroy,
    .draw = help_draw,
    .key = help_key,
    .resize = help_resize,
};
