/* ui_filter.c - the filter bar: a one-line UTF-8 editor on the bottom line.
 *
 * Edits mark the filter changed; filter_commit refilters the list once for
 * all the keys that came together (list_set_filter), and the query itself
 * runs when the loop has no more input waiting.  A paste is one edit.  The
 * text is capped at FILTER_MAX_BYTES, so no keystroke costs more than that. */
#include "config.h"

#include <string.h>
#include <unistr.h>

#include "sanitize.h"
#include "ui_priv.h"

/* Longest filter, in bytes: far more than any query, little to re-parse. */
#define FILTER_MAX_BYTES 1024

void
filter_init(struct ui *ui)
{
	strbuf_init(&ui->filter.text);
	ui->filter.cursor = 0;
	ui->filter.focused = false;
}

void
filter_release(struct ui *ui)
{
	strbuf_release(&ui->filter.text);
}

void
filter_focus(struct ui *ui)
{
	ui->filter.focused = true;
	ui->filter.cursor = ui->filter.text.len;
}

/* Refilters the list once for every edit since the last commit; says so
 * when an edit met the length limit. */
void
filter_commit(struct ui *ui)
{
	struct filter_state *f = &ui->filter;

	if (!f->dirty)
		return;
	f->dirty = false;
	list_set_filter(ui, strbuf_str(&f->text));
	if (f->capped)
		ui_set_message(ui, true, "the filter is limited to %d bytes: the rest was left out",
			       FILTER_MAX_BYTES);
	f->capped = false;
}

/* Replaces the text (cut at the length limit) and refilters. */
void
filter_set_text(struct ui *ui, const char *text)
{
	size_t len = text ? strlen(text) : 0;

	if (len > FILTER_MAX_BYTES) {
		len = FILTER_MAX_BYTES;
		while (len > 0 && ((unsigned char)text[len] & 0xc0) == 0x80)
			len--; /* not in the middle of a character */
		ui->filter.capped = true;
	}
	strbuf_reset(&ui->filter.text);
	strbuf_add(&ui->filter.text, text ? text : "", len);
	ui->filter.cursor = ui->filter.text.len;
	ui->filter.dirty = true;
	filter_commit(ui);
}

/* Byte offset of the character before pos. */
static size_t
prev_char(const char *s, size_t pos)
{
	while (pos > 0 && ((unsigned char)s[--pos] & 0xc0) == 0x80)
		;
	return pos;
}

/* Byte offset of the character after pos. */
static size_t
next_char(const char *s, size_t len, size_t pos)
{
	if (pos < len)
		pos++;
	while (pos < len && ((unsigned char)s[pos] & 0xc0) == 0x80)
		pos++;
	return pos;
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

void
filter_paste(struct ui *ui, const char *text, size_t len, bool truncated)
{
	struct filter_state *f = &ui->filter;
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
	f->dirty = true;
}

void
filter_key(struct ui *ui, int key)
{
	struct filter_state *f = &ui->filter;
	const char *s = strbuf_str(&f->text);
	enum keymap_action act = keymap_lookup(key, KEYMAP_FILTER);
	bool changed = false;
	size_t p;

	switch (act) {
	case ACT_EDIT_ACCEPT:
		filter_commit(ui); /* the selection is that of the text typed */
		f->focused = false;
		ui_open_selected(ui);
		return;
	case ACT_EDIT_CANCEL:
		f->focused = false;
		if (f->text.len) {
			strbuf_reset(&f->text);
			f->cursor = 0;
			changed = true;
		}
		break;
	case ACT_EDIT_LEAVE:
		filter_commit(ui);
		f->focused = false;
		ui->focus = PANE_LIST;
		ui_arrange(ui);
		return;
	case ACT_EDIT_BACKSPACE:
		if (f->cursor > 0) {
			erase_range(f, prev_char(s, f->cursor), f->cursor);
			changed = true;
		} else if (f->text.len == 0) {
			f->focused = false; /* like less and mutt: backspace on empty leaves */
		}
		break;
	case ACT_EDIT_DELETE:
		if (f->cursor < f->text.len) {
			erase_range(f, f->cursor, next_char(s, f->text.len, f->cursor));
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
		f->cursor = prev_char(s, f->cursor);
		break;
	case ACT_EDIT_RIGHT:
		f->cursor = next_char(s, f->text.len, f->cursor);
		break;
	case ACT_EDIT_HOME:
		f->cursor = 0;
		break;
	case ACT_EDIT_END:
		f->cursor = f->text.len;
		break;
	case ACT_EDIT_SELECT_DOWN:
		list_move(ui, 1);
		break;
	case ACT_EDIT_SELECT_UP:
		list_move(ui, -1);
		break;
	default:
		/* Printable characters are typed; other control keys ignored. */
		if (typable(key))
			changed = insert_char(f, (ucs4_t)key);
		break;
	}
	if (changed)
		f->dirty = true;
	if (!f->focused)
		filter_commit(ui);
}

/* Draws "/text" with the cursor, scrolled horizontally to keep it visible. */
void
filter_draw(struct ui *ui)
{
	struct filter_state *f = &ui->filter;
	WINDOW *win = f->win;
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
		start = next_char(s, f->cursor, start);
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
