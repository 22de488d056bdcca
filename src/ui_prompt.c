/* ui_prompt.c - a line of text asked for on the filter bar's line: the
 * symbol of a document to open (`:`), a command to pipe the document to
 * (`|`).  Enter accepts, Esc gives up, Backspace and Ctrl-U edit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "links.h"
#include "ui_priv.h"

struct prompt_state {
	bool active;
	enum ui_prompt_kind kind;
	struct strbuf text; /* UTF-8 */
};

struct prompt_state *
prompt_new(void)
{
	struct prompt_state *p = xcalloc(1, sizeof *p);

	strbuf_init(&p->text);
	return p;
}

void
prompt_free(struct prompt_state *p)
{
	if (!p)
		return;
	strbuf_release(&p->text);
	free(p);
}

void
prompt_start(struct ui *ui, enum ui_prompt_kind kind)
{
	ui->prompt->active = true;
	ui->prompt->kind = kind;
	strbuf_reset(&ui->prompt->text);
}

bool
prompt_active(const struct ui *ui)
{
	return ui->prompt->active;
}

static const char *
prompt_label(enum ui_prompt_kind kind)
{
	return kind == PROMPT_SYMBOL ? _("Open the symbol: ") : _("Pipe to the command: ");
}

/* Appends code point c as UTF-8. */
static void
prompt_add(struct strbuf *sb, int c)
{
	char buf[4];
	size_t n;

	if (c < 0x80) {
		buf[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		buf[0] = (char)(0xC0 | c >> 6);
		buf[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		buf[0] = (char)(0xE0 | c >> 12);
		buf[1] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		buf[0] = (char)(0xF0 | c >> 18);
		buf[1] = (char)(0x80 | (c >> 12 & 0x3F));
		buf[2] = (char)(0x80 | (c >> 6 & 0x3F));
		buf[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	strbuf_add(sb, buf, n);
}

/* Enter: what was asked for. */
static struct ui_action
prompt_accept(struct ui *ui, struct prompt_state *p)
{
	char *text = strbuf_detach(&p->text, NULL), *err = NULL;
	struct ui_action a;
	int64_t id = 0;
	int rc;

	strbuf_init(&p->text);
	p->active = false;
	if (text[strspn(text, " \t")] == '\0') {
		free(text);
		return ui_request(REQ_NONE);
	}
	if (p->kind == PROMPT_PIPE) {
		a = ui_request(REQ_PIPE);
		a.message = text;
		return a;
	}
	rc = store_find_symbol(ui->store, text, &id, &err);
	if (rc < 0)
		a = ui_say(true, "%s", err);
	else if (rc == 0)
		a = ui_say(true, _("%s: no document of this snapshot has this symbol"), text);
	else
		a = ui_request_goto(id, 0);
	free(err);
	free(text);
	return a;
}

struct ui_action
prompt_key(struct ui *ui, int key)
{
	struct prompt_state *p = ui->prompt;

	if (key == '\r' || key == '\n' || key == KEYMAP_FN(KEY_ENTER))
		return prompt_accept(ui, p);
	if (key == 27 || key == KEYMAP_CTRL('c') || key == KEYMAP_CTRL('g')) {
		p->active = false;
		return ui_request(REQ_NONE);
	}
	if (key == KEYMAP_FN(KEY_BACKSPACE) || key == 127 || key == KEYMAP_CTRL('h')) {
		/* back to the start of the last character */
		while (p->text.len > 0 && ((unsigned char)p->text.buf[--p->text.len] & 0xC0) == 0x80)
			;
		p->text.buf[p->text.len] = '\0';
	} else if (key == KEYMAP_CTRL('u')) {
		strbuf_reset(&p->text);
	} else if (key >= 0x20 && key != 0x7F && !(key >= 0x80 && key < 0xA0) && key <= 0x10FFFF &&
		   p->text.len < 1024) {
		prompt_add(&p->text, key);
	}
	return ui_request(REQ_NONE);
}

void
prompt_draw(struct ui *ui, WINDOW *win)
{
	struct prompt_state *p = ui->prompt;
	int w, used;

	if (!win || !p->active)
		return;
	w = getmaxx(win);
	werase(win);
	wmove(win, 0, 0);
	used = text_draw_str(ui, win, prompt_label(p->kind), w, ui->theme.filter_prompt, false);
	if (used < w)
		used += text_draw_str(ui, win, strbuf_str(&p->text), w - used - 1, A_NORMAL, true);
	wmove(win, 0, used < w ? used : w - 1);
	wnoutrefresh(win);
	leaveok(win, FALSE);
}
