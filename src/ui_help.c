/* ui_help.c - the `?` screen, generated from the key table (keymap.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

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

void
help_draw(struct ui *ui)
{
	struct help_line *lines;
	size_t n = build_lines(&lines);
	int h, w, y = 0, keyw = 18;

	if (!ui->help_win && ui->rows > 0 && ui->cols > 0)
		ui->help_win = newwin(ui->rows, ui->cols, 0, 0);
	if (!ui->help_win) {
		free_lines(lines, n);
		return;
	}
	getmaxyx(ui->help_win, h, w);
	werase(ui->help_win);
	if (w < 40)
		keyw = w / 3;
	if (ui->help_top + (size_t)h > n + 1)
		ui->help_top = n + 1 > (size_t)h ? n + 1 - (size_t)h : 0;
	wmove(ui->help_win, y++, 0);
	int used = text_draw_str(ui, ui->help_win,
				 "Aide de liseuse : q, Échap ou ? pour revenir, j/k pour défiler",
				 w, ui->theme.status, true);
	text_fill(ui->help_win, used, w, ui->theme.status);
	for (size_t i = ui->help_top; i < n && y < h; i++, y++) {
		wmove(ui->help_win, y, 0);
		if (lines[i].title) {
			text_draw_str(ui, ui->help_win, lines[i].help, w, ui->theme.header_label,
				      true);
			continue;
		}
		wmove(ui->help_win, y, 2 < w ? 2 : 0);
		text_draw_str(ui, ui->help_win, lines[i].keys, keyw - 2, ui->theme.bold, true);
		if (keyw < w) {
			wmove(ui->help_win, y, keyw);
			text_draw_str(ui, ui->help_win, lines[i].help, w - keyw, A_NORMAL, true);
		}
	}
	wnoutrefresh(ui->help_win);
	free_lines(lines, n);
}

void
help_key(struct ui *ui, int key)
{
	enum keymap_action act = keymap_lookup(key, KEYMAP_READER);

	switch (act) {
	case ACT_LINE_DOWN:
		ui->help_top++;
		break;
	case ACT_LINE_UP:
		if (ui->help_top)
			ui->help_top--;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		ui->help_top += (size_t)(ui->rows > 2 ? ui->rows - 2 : 1);
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
	case ACT_TOP:
		ui->help_top = 0;
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		/* Any other key (q, ?, Esc, …) closes the help. */
		ui->help_open = false;
		if (ui->help_win)
			delwin(ui->help_win);
		ui->help_win = NULL;
		break;
	}
}
