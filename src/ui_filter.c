/* ui_filter.c - the filter bar: a one-line UTF-8 editor on the bottom line.
 *
 * Every edit asks the loop to refilter (REQ_FILTER_SET); the loop parses
 * the filter once for all the keys that came together, and the query runs
 * when no more input is waiting, so fast typing coalesces.  A paste is one
 * edit.  The text is capped at FILTER_MAX_BYTES. */
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
	bool capped; /* an edit met the length limit */
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
	size_t len = text ? strlen(text) : 0;

	if (len > FILTER_MAX_BYTES) {
		len = FILTER_MAX_BYTES;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--; /* not in the middle of a character */
		ui->filter->capped = true;
	}
	strbuf_reset(&ui->filter->text);
	strbuf_add(&ui->filter->text, text ? text : "", len);
	ui->filter->cursor = ui->filter->text.len;
}

bool
filter_take_capped(struct ui *ui)
{
	bool capped = ui->filter->capped;

	ui->filter->capped = false;
	return capped;
}

/* Removes text[from..to) and puts the cursor at from. */
static void
erase_range(struct filter_state *f, size_t from, size_t to)
{
	memmove(f->text.buf + from, f->text.buf + to, f->text.len - to + 1);
	f->text.len -= to - from;
	f->cursor = from;
}

/* Inserts code point c at the cursor; false when the text is full. */
static bool
insert_char(struct filter_state *f, ucs4_t c)
{
	uint8_t enc[6];
	int n = u8_uctomb(enc, c, sizeof enc);

	if (n <= 0)
		return false;
	if (f->text.len + (size_t)n > FILTER_MAX_BYTES) {
		f->capped = true;
		return false;
	}
	strbuf_grow(&f->text, (size_t)n);
	f->text.buf[f->text.len] = '\0'; /* a fresh buffer is not terminated yet */
	memmove(f->text.buf + f->cursor + n, f->text.buf + f->cursor, f->text.len - f->cursor + 1);
	memcpy(f->text.buf + f->cursor, enc, (size_t)n);
	f->text.len += (size_t)n;
	f->cursor += (size_t)n;
	return true;
}

/* Whether code point c can be typed into the bar (not a control). */
static bool
typable(long c)
{
	return c >= 0x20 && c != 0x7f && !(c >= 0x80 && c < 0xa0) && c <= 0x10ffff;
}

struct ui_action
filter_paste(struct ui *ui, const char *text, size_t len, bool truncated)
{
	struct filter_state *f = ui->filter;
	size_t pos = 0;
	bool space = false;

	/* Line ends and tabs are blanks between words; other controls,
	 * Esc among them, are dropped: nothing pasted acts as a key. */
	while (pos < len) {
		uint32_t c;

		pos += sanitize_next(text + pos, len - pos, &c);
		if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
			space = true;
			continue;
		}
		if (c == (uint32_t)-1 || !typable(c))
			continue;
		if (space && f->cursor > 0 && f->text.buf[f->cursor - 1] != ' ' && !insert_char(f, ' '))
			break;
		space = false;
		if (!insert_char(f, c))
			break;
	}
	if (truncated)
		f->capped = true;
	return ui_request(REQ_FILTER_SET);
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
	case ACT_ACCEPT_SUGGESTION:
		return suggest_accept(ui);
	case ACT_EDIT_SELECT_DOWN:
	case ACT_EDIT_SELECT_UP: {
		struct ui_action a = ui_request(REQ_SELECT);
		a.count = act == ACT_EDIT_SELECT_DOWN ? 1 : -1;
		return a;
	}
	default:
		/* Printable characters are typed; other control keys ignored. */
		if (typable(key)) {
			/* Past the limit the key is refused, and said once. */
			changed = insert_char(f, (ucs4_t)key) || f->capped;
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
