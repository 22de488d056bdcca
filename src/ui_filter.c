/* ui_filter.c - the filter bar: a one-line UTF-8 editor on the bottom line.
 *
 * Every edit asks the loop to refilter (REQ_FILTER_SET); the query itself
 * runs when the loop has no more input waiting, so fast typing coalesces. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "sanitize.h"
#include "ui_priv.h"
#include "utf8.h"

struct filter_state {
	struct strbuf text; /* UTF-8 */
	size_t cursor;	    /* byte offset */
	bool focused;
};

struct filter_state *
filter_new(void)
{
	struct filter_state *f = xcalloc(1, sizeof *f);

	strbuf_init(&f->text);
	return f;
}

void
filter_free(struct filter_state *f)
{
	if (!f)
		return;
	strbuf_release(&f->text);
	free(f);
}

bool
filter_focused(const struct ui *ui)
{
	return ui->filter->focused;
}

void
filter_focus(struct ui *ui)
{
	ui->filter->focused = true;
	ui->filter->cursor = ui->filter->text.len;
}

void
filter_leave(struct ui *ui)
{
	ui->filter->focused = false;
}

const char *
filter_text(const struct ui *ui)
{
	return strbuf_str(&ui->filter->text);
}

void
filter_set_text(struct ui *ui, const char *text)
{
	strbuf_reset(&ui->filter->text);
	strbuf_addstr(&ui->filter->text, text ? text : "");
	ui->filter->cursor = ui->filter->text.len;
}

/* Removes text[from..to) and puts the cursor at from. */
static void
erase_range(struct filter_state *f, size_t from, size_t to)
{
	memmove(f->text.buf + from, f->text.buf + to, f->text.len - to + 1);
	f->text.len -= to - from;
	f->cursor = from;
}

/* Inserts code point c at the cursor. */
static void
insert_char(struct filter_state *f, ucs4_t c)
{
	uint8_t enc[6];
	int n = u8_uctomb(enc, c, sizeof enc);

	if (n <= 0)
		return;
	strbuf_grow(&f->text, (size_t)n);
	f->text.buf[f->text.len] = '\0'; /* a fresh buffer is not terminated yet */
	memmove(f->text.buf + f->cursor + n, f->text.buf + f->cursor, f->text.len - f->cursor + 1);
	memcpy(f->text.buf + f->cursor, enc, (size_t)n);
	f->text.len += (size_t)n;
	f->cursor += (size_t)n;
}

struct ui_action
filter_key(struct ui *ui, int key)
{
	struct filter_state *f = ui->filter;
	const char *s = strbuf_str(&f->text);
	enum keymap_action act = keymap_lookup(key, KEYMAP_FILTER);
	bool changed = false;
	size_t p;

	switch (act) {
	case ACT_EDIT_ACCEPT:
		f->focused = false;
		return ui_request(REQ_OPEN);
	case ACT_EDIT_CANCEL:
		f->focused = false;
		if (f->text.len) {
			strbuf_reset(&f->text);
			f->cursor = 0;
			changed = true;
		}
		break;
	case ACT_EDIT_LEAVE:
		f->focused = false;
		return ui_request_pane(REQ_FOCUS, PANE_LIST);
	case ACT_EDIT_BACKSPACE:
		if (f->cursor > 0) {
			erase_range(f, utf8_prev(s, f->cursor), f->cursor);
			changed = true;
		} else if (f->text.len == 0) {
			f->focused = false; /* like less and mutt: backspace on empty leaves */
		}
		break;
	case ACT_EDIT_DELETE:
		if (f->cursor < f->text.len) {
			erase_range(f, f->cursor, utf8_next(s, f->text.len, f->cursor));
			changed = true;
		}
		break;
	case ACT_EDIT_KILL_WORD:
		p = f->cursor;
		while (p > 0 && s[p - 1] == ' ')
			p--;
		while (p > 0 && s[p - 1] != ' ')
			p--;
		if (p < f->cursor) {
			erase_range(f, p, f->cursor);
			changed = true;
		}
		break;
	case ACT_EDIT_KILL_LINE:
		if (f->cursor > 0) {
			erase_range(f, 0, f->cursor);
			changed = true;
		}
		break;
	case ACT_EDIT_LEFT:
		f->cursor = utf8_prev(s, f->cursor);
		break;
	case ACT_EDIT_RIGHT:
		f->cursor = utf8_next(s, f->text.len, f->cursor);
		break;
	case ACT_EDIT_HOME:
		f->cursor = 0;
		break;
	case ACT_EDIT_END:
		f->cursor = f->text.len;
		break;
	case ACT_EDIT_SELECT_DOWN:
	case ACT_EDIT_SELECT_UP: {
		struct ui_action a = ui_request(REQ_SELECT);
		a.count = act == ACT_EDIT_SELECT_DOWN ? 1 : -1;
		return a;
	}
	default:
		/* Printable characters are typed; other control keys ignored. */
		if (key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) && key <= 0x10ffff) {
			insert_char(f, (ucs4_t)key);
			changed = true;
		}
		break;
	}
	return ui_request(changed ? REQ_FILTER_SET : REQ_NONE);
}

/* Draws "/text" with the cursor, scrolled horizontally to keep it visible. */
void
filter_draw(struct ui *ui, WINDOW *win)
{
	struct filter_state *f = ui->filter;
	const char *s = strbuf_str(&f->text);
	int w, before, avail;
	size_t start = 0;

	if (!win)
		return;
	w = getmaxx(win);
	werase(win);
	if (!f->focused && f->text.len == 0) {
		wnoutrefresh(win);
		return;
	}
	wmove(win, 0, 0);
	wattrset(win, ui->theme.filter_prompt);
	waddstr(win, w > 1 ? "/" : "");
	wattrset(win, A_NORMAL);
	avail = w - 2;
	if (avail < 1) {
		wnoutrefresh(win);
		return;
	}
	/* Skip leading characters until the cursor fits in the bar. */
	before = layout_text_width(s, f->cursor, ui->sflags | SANITIZE_ONELINE);
	while (before > avail - 1 && start < f->cursor) {
		start = utf8_next(s, f->cursor, start);
		before =
		    layout_text_width(s + start, f->cursor - start, ui->sflags | SANITIZE_ONELINE);
	}
	text_draw(ui, win, s + start, f->text.len - start, avail, A_NORMAL, NULL, 0, false);
	if (f->focused) {
		wmove(win, 0, 1 + before);
		leaveok(win, FALSE);
	} else {
		leaveok(win, TRUE);
	}
	wnoutrefresh(win);
}
