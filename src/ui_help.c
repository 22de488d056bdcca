/* ui_help.c - the `?` screen, a pane over the whole screen, generated
 * from the key table (keymap.c) and the query's fields (query.c), so it
 * cannot disagree with them.  It scrolls with the reader's keys and says
 * when more is below; q, Esc, ? or any other key close it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_priv.h"

static const struct {
	unsigned context;
	const char *title;
} sections[] = {
    {KEYMAP_GLOBAL, N_("Everywhere (list and document)")},
    {KEYMAP_LIST, N_("List")},
    {KEYMAP_READER, N_("Document")},
    {KEYMAP_FILTER, N_("Filter bar")},
};

/* What is not a key of the table: the mouse, the terminal's signals. */
static const struct {
	const char *keys, *help;
} others[] = {
    {N_("Wheel"), N_("scroll the list or the document under the pointer")},
    {N_("Click"), N_("select a document, give a pane the focus")},
    {"Ctrl-Z", N_("suspend (the shell's fg comes back)")},
    {"Ctrl-C", N_("quit, saving the place")},
};

/* The filter's syntax, before its fields. */
static const struct {
	const char *keys, *help;
} syntax[] = {
    {N_("words"), N_("all of them in one passage, accents and case aside")},
    {N_("word*"), N_("words that start so (the last word typed is one too)")},
    {N_("\"a phrase\""), N_("these words in this order")},
    {N_("-word"), N_("passages without it")},
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
	char *keys; /* owned; NULL for a title */
	const char *help;
};

static void
add_line(struct help_line **lines, size_t *n, size_t *cap, char *keys, const char *help)
{
	*lines = xgrow(*lines, cap, *n + 1, sizeof **lines);
	(*lines)[*n].keys = keys;
	(*lines)[*n].help = help;
	(*n)++;
}

/* "1, 2, 3, 4" becomes "1-4": a run of keys one character apart. */
static void
collapse_run(struct strbuf *keys)
{
	const char *k = strbuf_str(keys);
	size_t n = 0;
	char first, last;

	for (size_t i = 0; k[i]; i += 3, n++) {
		if (k[i + 1] != '\0' && k[i + 1] != ',')
			return;
		if (n > 0 && k[i] != k[i - 3] + 1)
			return;
		if (k[i + 1] == '\0')
			break;
	}
	if (n < 2)
		return;
	first = k[0];
	last = k[keys->len - 1];
	strbuf_reset(keys);
	strbuf_addf(keys, "%c-%c", first, last);
}

/* Builds the help lines: a title per section, then one line per action
 * listing every named key bound to it; then the mouse and signals, and the
 * filter's syntax with every field. */
static size_t
build_lines(struct help_line **out)
{
	size_t n = 0, cap = 0, count;
	const struct keymap_entry *t = keymap_table(&count);
	struct help_line *lines = NULL;
	const char *field;

	for (size_t s = 0; s < sizeof sections / sizeof sections[0]; s++) {
		add_line(&lines, &n, &cap, NULL, _(sections[s].title));
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
				strbuf_addstr(&keys, _(t[j].name));
			}
			collapse_run(&keys);
			add_line(&lines, &n, &cap, strbuf_detach(&keys, NULL),
				 t[i].help ? _(t[i].help) : "");
		}
	}
	add_line(&lines, &n, &cap, NULL, _("Mouse and signals"));
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		add_line(&lines, &n, &cap, xstrdup(_(others[i].keys)), _(others[i].help));
	add_line(&lines, &n, &cap, NULL, _("The filter (/)"));
	for (size_t i = 0; i < sizeof syntax / sizeof syntax[0]; i++)
		add_line(&lines, &n, &cap, xstrdup(_(syntax[i].keys)), _(syntax[i].help));
	/* Each field's help is "example  meaning". */
	for (size_t i = 0; (field = query_field_help(i)) != NULL; i++) {
		const char *text = _(field), *gap = strstr(text, "  ");

		if (gap) {
			const char *meaning = gap;
			while (*meaning == ' ')
				meaning++;
			add_line(&lines, &n, &cap, xstrndup(text, (size_t)(gap - text)), meaning);
		} else {
			add_line(&lines, &n, &cap, xstrdup(text), "");
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

/* Rows for help lines: the window less its title, and less the "more
 * below" line when not everything fits. */
static size_t
body_rows(int h, size_t n, size_t top)
{
	size_t rows = h > 1 ? (size_t)h - 1 : 0;

	if (top + rows < n && rows > 1)
		rows--;
	return rows;
}

/* Keeps the top where the last page is full. */
static void
clamp_top(struct help_state *hs, int h, size_t n)
{
	size_t rows = h > 1 ? (size_t)h - 1 : 1;

	if (n <= rows)
		hs->top = 0;
	else if (hs->top > n - rows)
		hs->top = n - rows;
}

static void
help_draw(struct ui *ui, struct pane *pane)
{
	struct help_state *hs = pane->data;
	struct help_line *lines;
	size_t n = build_lines(&lines), rows;
	int h = pane->h, w = pane->w, y = 0, keyw, used;
	WINDOW *win = pane->win;

	if (!win) {
		free_lines(lines, n);
		return;
	}
	werase(win);
	/* The keys' column: as wide as the widest keys, within a third. */
	keyw = 0;
	for (size_t i = 0; i < n; i++) {
		int kw = lines[i].keys ? layout_text_width(lines[i].keys, strlen(lines[i].keys),
							 ui->sflags) + 4
				       : 0;
		if (kw > keyw)
			keyw = kw;
	}
	if (keyw > w / 3)
		keyw = w / 3;
	clamp_top(hs, h, n);
	rows = body_rows(h, n, hs->top);
	wmove(win, y++, 0);
	used = text_draw_str(ui, win,
			     _("liseuse help: q, Esc or ? to go back, j/k to scroll"), w,
			     ui->theme.status, true);
	text_fill(win, used, w, ui->theme.status);
	for (size_t i = hs->top; i < n && i < hs->top + rows; i++, y++) {
		wmove(win, y, 0);
		if (!lines[i].keys) {
			text_draw_str(ui, win, lines[i].help, w, ui->theme.header_label, true);
			continue;
		}
		wmove(win, y, 2 < w ? 2 : 0);
		/* a cell left blank between the keys, cut to fit, and their help */
		text_draw_str(ui, win, lines[i].keys, keyw - 3, ui->theme.bold, true);
		if (keyw < w) {
			wmove(win, y, keyw);
			text_draw_str(ui, win, lines[i].help[0] ? _(lines[i].help) : "", w - keyw,
				      A_NORMAL, true);
		}
	}
	if (hs->top + rows < n && h > 2) {
		char *more = xasprintf(_("%s more below (%zu lines): Space, j, G"),
				       ui->utf8 ? "↓" : "v", n - hs->top - rows);
		wmove(win, h - 1, 0);
		used = text_draw_str(ui, win, more, w, ui->theme.status, true);
		text_fill(win, used, w, ui->theme.status);
		free(more);
	}
	wnoutrefresh(win);
	free_lines(lines, n);
}

static struct ui_action
help_key(struct ui *ui, struct pane *pane, enum keymap_action action)
{
	struct help_state *hs = pane->data;
	size_t page = (size_t)(pane->h > 3 ? pane->h - 3 : 1);

	(void)ui;
	switch (action) {
	case ACT_LINE_DOWN:
		hs->top++;
		break;
	case ACT_LINE_UP:
		if (hs->top)
			hs->top--;
		break;
	case ACT_HALF_DOWN:
		hs->top += page / 2 ? page / 2 : 1;
		break;
	case ACT_HALF_UP:
		hs->top = hs->top > page / 2 ? hs->top - page / 2 : 0;
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_OR_NEXT:
		hs->top += page;
		break;
	case ACT_PAGE_UP:
		hs->top = hs->top > page ? hs->top - page : 0;
		break;
	case ACT_TOP:
		hs->top = 0;
		break;
	case ACT_BOTTOM:
		hs->top = (size_t)-1 / 2; /* clamped when drawn */
		break;
	case ACT_REDRAW:
		return ui_request(REQ_PASS);
	default:
		/* Any other key (q, ?, Esc, ...) closes the help. */
		hs->top = 0;
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
