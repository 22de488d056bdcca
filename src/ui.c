/* ui.c - the screen's event loop and window arrangement.
 *
 * One poll(2) on the terminal and a self-pipe: signal handlers only write
 * the signal number to the pipe, and resize, suspend and quit are handled
 * here.  Queries run when no input is waiting and are abandoned by the
 * next keystroke (ui_input_pending); the exact count and the matching
 * pieces of the open document are computed in idle time. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <unistr.h>

#include "i18n.h"
#include "sanitize.h"
#include "ui.h"
#include "ui_priv.h"

static int signal_pipe[2] = {-1, -1};

static const int handled_signals[] = {SIGWINCH, SIGTSTP, SIGCONT, SIGHUP, SIGTERM, SIGINT};
#define NSIGNALS (sizeof handled_signals / sizeof handled_signals[0])

/* Only writes the signal number: everything else happens in the loop. */
static void
on_signal(int signo)
{
	int saved = errno;
	unsigned char c = (unsigned char)signo;

	if (write(signal_pipe[1], &c, 1) < 0) {
		/* pipe full: the loop will see the earlier bytes */
	}
	errno = saved;
}

static int
install_signals(struct sigaction *old)
{
	struct sigaction sa;

	if (pipe2(signal_pipe, O_NONBLOCK | O_CLOEXEC) < 0)
		return -1;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++) {
		int signo = handled_signals[i];
		/* The signals that end the program interrupt a blocked call
		 * (EINTR) instead of restarting it, so they are seen at once. */
		bool ends = signo == SIGHUP || signo == SIGTERM || signo == SIGINT;
		sa.sa_flags = ends ? 0 : SA_RESTART;
		sigaction(signo, &sa, &old[i]);
	}
	return 0;
}

static void
restore_signals(const struct sigaction *old)
{
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(handled_signals[i], &old[i], NULL);
	close(signal_pipe[0]);
	close(signal_pipe[1]);
	signal_pipe[0] = signal_pipe[1] = -1;
}

int
ui_input_pending(void *arg)
{
	struct ui *ui = arg;
	struct pollfd fds[2] = {
	    {.fd = ui->input_fd, .events = POLLIN},
	    {.fd = ui->signal_fd, .events = POLLIN},
	};

	return poll(fds, 2, 0) > 0;
}

struct ui_action
ui_say(bool error, const char *fmt, ...)
{
	struct ui_action a = ui_request(REQ_MESSAGE);
	va_list ap;

	va_start(ap, fmt);
	a.message = xvasprintf(fmt, ap);
	va_end(ap);
	a.error = error;
	return a;
}

/* Shows a message in the status line (text may be NULL: nothing). */
static void
say(struct ui *ui, bool error, char *text)
{
	if (text)
		status_set_message(ui, error, text);
	free(text);
}

/* Deletes a window if it exists. */
static void
drop_window(WINDOW **win)
{
	if (*win)
		delwin(*win);
	*win = NULL;
}

/* Creates a window only when it has a size (newwin(0, …) means "to the
 * edge of the screen", which is never what we want). */
static WINDOW *
make_window(int h, int w, int y, int x)
{
	WINDOW *win;

	if (h <= 0 || w <= 0)
		return NULL;
	win = newwin(h, w, y, x);
	if (win)
		leaveok(win, TRUE);
	return win;
}

/* Deletes every window of the screen. */
static void
free_windows(struct ui *ui)
{
	for (int i = 0; i < PANE_COUNT; i++) {
		drop_window(&ui->panes[i].win);
		ui->panes[i].h = ui->panes[i].w = 0;
	}
	drop_window(&ui->sep_win);
	drop_window(&ui->status_win);
	drop_window(&ui->filter_win);
	drop_window(&ui->facet_win);
}

/* Gives a pane its window. */
static void
place(struct pane *pane, int h, int w, int y, int x)
{
	pane->win = make_window(h, w, y, x);
	pane->h = pane->win ? h : 0;
	pane->w = pane->win ? w : 0;
}

/* Places the windows for the current size, arrangement and focus. */
static void
arrange(struct ui *ui)
{
	struct pane *l = &ui->panes[PANE_LIST], *r = &ui->panes[PANE_READER];
	int rows = ui->rows, cols = ui->cols, status_h, bar_h, facet_h, pane_h;

	free_windows(ui);
	ui->list_rows = list_wanted_rows(ui);
	ui->facet_arranged = facet_line_wanted(ui);
	if (rows <= 0 || cols <= 0)
		goto resized;
	status_h = rows >= 3 ? 1 : 0;
	bar_h = rows >= 2 || filter_focused(ui) ? 1 : 0;
	/* The facet line only where the panes keep room for some text. */
	facet_h = ui->facet_arranged && rows >= FACET_MIN_ROWS ? 1 : 0;
	pane_h = rows - status_h - bar_h - facet_h;
	ui->side_active = ui->side_by_side && cols >= 100 && pane_h >= 3;
	ui->tiny = !ui->side_active && pane_h < 12;
	if (pane_h > 0 && ui->side_active) {
		int lw = cols * 2 / 5 > 60 ? 60 : cols * 2 / 5;
		place(l, pane_h, lw, 0, 0);
		ui->sep_win = make_window(pane_h, 2, 0, lw);
		/* The rule, then a blank column so the text does not touch it. */
		place(r, pane_h, cols - lw - 2, 0, lw + 2);
	} else if (pane_h > 0 && ui->tiny) {
		if (ui->focus == PANE_LIST || filter_focused(ui))
			place(l, pane_h, cols, 0, 0);
		else
			place(r, pane_h, cols, 0, 0);
	} else if (pane_h > 0) {
		int lh = pane_h * 2 / 5 + 1;
		if (lh > 16)
			lh = 16;
		/* A few documents: the list takes what they need, the reader the rest. */
		if (ui->list_rows > 0 && ui->list_rows < lh)
			lh = ui->list_rows;
		place(l, lh, cols, 0, 0);
		ui->sep_win = make_window(1, cols, lh, 0);
		place(r, pane_h - lh - 1, cols, lh + 1, 0);
		/* Lets curses scroll the terminal's region for the reader. */
		if (r->win)
			idlok(r->win, TRUE);
	}
	if (status_h)
		ui->status_win = make_window(1, cols, pane_h, 0);
	if (bar_h)
		ui->filter_win = make_window(1, cols, rows - 1 - facet_h, 0);
	if (facet_h)
		ui->facet_win = make_window(1, cols, rows - 1, 0);
	if (ui->overlay != PANE_COUNT)
		place(&ui->panes[ui->overlay], rows, cols, 0, 0);
resized:
	for (int i = 0; i < PANE_COUNT; i++)
		ui->panes[i].ops->resize(ui, &ui->panes[i]);
}

/* The rule between the panes, naming the open document. */
static void
draw_separator(struct ui *ui)
{
	WINDOW *win = ui->sep_win;
	const struct store_doc *doc = reader_doc(ui);
	const char *rule = ui->utf8 ? "─" : "-";
	attr_t rule_attr;
	int h, w;

	if (!win)
		return;
	getmaxyx(win, h, w);
	werase(win);
	/* Bright when the reader has the focus, dim when the list has it. */
	rule_attr = ui->focus == PANE_READER && !filter_focused(ui) ? ui->theme.rule_focused
								     : ui->theme.rule;
	if (ui->side_active) { /* vertical, side by side */
		wattrset(win, rule_attr);
		for (int y = 0; y < h; y++)
			mvwaddstr(win, y, 0, ui->utf8 ? "│" : "|");
		wattrset(win, A_NORMAL);
		wnoutrefresh(win);
		return;
	}
	wmove(win, 0, 0);
	wattrset(win, rule_attr);
	for (int x = 0; x < w && x < 2; x++)
		waddstr(win, rule);
	if (doc && w > 6) {
		struct strbuf title = STRBUF_INIT;
		strbuf_addf(&title, " %s", doc->meta.kind ? doc->meta.kind : _("Document"));
		if (doc->meta.sender)
			strbuf_addf(&title, " · %s", doc->meta.sender);
		if (doc->meta.date)
			strbuf_addf(&title, " · %s", doc->meta.date);
		strbuf_addstr(&title, " ");
		text_draw_str(ui, win, strbuf_str(&title), w - 4, ui->theme.header_label, true);
		strbuf_release(&title);
	}
	wattrset(win, rule_attr);
	for (int x = getcurx(win); x < w; x++)
		waddstr(win, rule);
	wattrset(win, A_NORMAL);
	wnoutrefresh(win);
}

/* Draws everything into curses' virtual screen and sends the difference. */
static void
draw_all(struct ui *ui)
{
	if (ui->rows <= 0 || ui->cols <= 0)
		return;
	if (is_wintouched(stdscr))
		wnoutrefresh(stdscr); /* after a resize; wget_wch would refresh it later */
	if (ui->overlay != PANE_COUNT) {
		struct pane *o = &ui->panes[ui->overlay];
		o->ops->draw(ui, o);
		curs_set(0);
		doupdate();
		return;
	}
	ui->panes[PANE_LIST].ops->draw(ui, &ui->panes[PANE_LIST]);
	ui->panes[PANE_READER].ops->draw(ui, &ui->panes[PANE_READER]);
	draw_separator(ui);
	status_draw(ui, ui->status_win);
	filter_draw(ui, ui->filter_win);
	facet_draw(ui, ui->facet_win);
	if (prompt_active(ui))
		prompt_draw(ui, ui->filter_win);
	curs_set((filter_focused(ui) || prompt_active(ui)) && ui->filter_win ? 1 : 0);
	doupdate();
}

/* Saves the state, saying once when it cannot be written. */
static void
save_state(struct ui *ui)
{
	const struct store_doc *doc = reader_doc(ui);
	char *err = NULL;

	if (!ui->state_path)
		return;
	if (doc) {
		size_t piece, line;
		reader_position(ui, &piece, &line);
		state_set_position(&ui->state, doc->id, doc->meta.source, piece, line);
		state_set_last(&ui->state, doc->id, doc->meta.source);
	}
	state_set_filter(&ui->state, ui->snapshot, filter_text(ui));
	ui->state.side_by_side = ui->side_by_side;
	ui->state.by_relevance = ui->order == STORE_ORDER_RELEVANCE;
	if (state_save(&ui->state, ui->state_path, &err) < 0) {
		if (!ui->state_write_failed)
			say(ui, true, xasprintf(_("state not saved: %s"), err));
		ui->state_write_failed = true;
	}
	free(err);
}

void
ui_save_state(struct ui *ui)
{
	save_state(ui);
}

/* Changes focus; in tiny mode the focused pane takes the screen. */
static void
set_focus(struct ui *ui, enum ui_pane_id pane)
{
	if (ui->focus == pane)
		return;
	ui->focus = pane;
	if (ui->tiny)
		arrange(ui);
}

/* Opens a document of the list: at the matching passage when the rows
 * show passages, else where the reader left it last time. */
static struct ui_action
open_hit(struct ui *ui, const struct store_hit *hit, bool focus)
{
	const struct store_doc *doc = reader_doc(ui);
	size_t piece = 0, line = 0;
	bool to_match = list_text_query(ui);
	int64_t id = hit->doc_id;
	char *source = xstrdup(hit->source);
	struct ui_action a;

	if (doc) {
		size_t p, l;
		reader_position(ui, &p, &l);
		state_set_position(&ui->state, doc->id, doc->meta.source, p, l);
	}
	if (to_match)
		piece = hit->piece;
	else
		state_get_position(&ui->state, id, source, &piece, &line);
	if (focus)
		set_focus(ui, PANE_READER);
	a = reader_open(ui, id, piece, line, to_match);
	state_set_last(&ui->state, id, source);
	free(source);
	return a;
}

/* Parses the filter's text once and hands it to the list and the reader;
 * a syntax error is shown and the previous filter stays. */
static void
apply_filter(struct ui *ui)
{
	struct query q;

	ui->filter_changed = false;
	if (query_parse(filter_text(ui), QUERY_LAST_PREFIX, &q) < 0) {
		say(ui, true, xstrdup(q.error ? q.error : _("syntax: invalid query")));
		query_release(&q);
		return;
	}
	if (ui->has_query)
		query_release(&ui->query);
	ui->query = q;
	ui->has_query = true;
	list_set_query(ui, &ui->query);
	reader_set_query(ui, &ui->query);
	facet_set_query(ui, &ui->query);
	suggest_set_query(ui, &ui->query);
	if (facet_line_wanted(ui) != ui->facet_arranged)
		arrange(ui);
	status_set_message(ui, false, NULL);
	if (filter_take_capped(ui))
		say(ui, true, xasprintf(_("the filter is limited to %d bytes: the rest was left out"),
					FILTER_MAX_BYTES));
}

static void perform(struct ui *ui, struct ui_action a);

/* What a key does when the focused pane passes it on. */
static struct ui_action
global_action(struct ui *ui, enum keymap_action act)
{
	switch (act) {
	case ACT_QUIT:
		return ui_request(REQ_QUIT);
	case ACT_HELP:
		return ui_request_pane(REQ_SHOW, PANE_HELP);
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		reader_invalidate(ui);
		break;
	case ACT_FILTER:
		return ui_request(REQ_FILTER_EDIT);
	case ACT_TOGGLE_LAYOUT:
		ui->side_by_side = !ui->side_by_side;
		arrange(ui);
		if (ui->side_by_side && !ui->side_active && ui->cols < 100)
			return ui_say(false,
				      _("side by side needs 100 columns; the terminal has %d "
					"(v again: list above)"),
				      ui->cols);
		if (ui->side_by_side && !ui->side_active)
			return ui_say(false,
				      _("side by side needs 3 rows for the panes; the terminal "
					"has %d (v again: list above)"),
				      ui->rows);
		break;
	case ACT_TOGGLE_ORDER:
		ui->order = ui->order == STORE_ORDER_DATE ? STORE_ORDER_RELEVANCE : STORE_ORDER_DATE;
		list_order_changed(ui);
		if (!list_text_query(ui))
			return ui_say(false, "%s",
				      ui->order == STORE_ORDER_DATE
					  ? _("order: newest first")
					  : _("order: by relevance, once the filter has words "
					      "(without, newest first)"));
		break;
	case ACT_FACET:
		return facet_select(ui, ui->key - '0');
	case ACT_ACCEPT_SUGGESTION:
		return suggest_accept(ui);
	case ACT_SWITCH_PANE:
		return ui_request_pane(REQ_FOCUS, ui->focus == PANE_LIST ? PANE_READER : PANE_LIST);
	case ACT_FOCUS_LIST:
		return ui_request_pane(REQ_FOCUS, PANE_LIST);
	case ACT_FOCUS_READER:
		return ui_request_pane(REQ_FOCUS, PANE_READER);
	case ACT_GOTO_SYMBOL: {
		struct ui_action a = ui_request(REQ_PROMPT);

		a.count = PROMPT_SYMBOL;
		return a;
	}
	case ACT_MARKS:
		return ui_request_pane(REQ_SHOW, PANE_MARKS);
	case ACT_ESCAPE:
		if (filter_text(ui)[0])
			return ui_request(REQ_FILTER_CLEAR);
		return ui_request_pane(REQ_FOCUS, PANE_LIST);
	default:
		break;
	}
	return ui_request(REQ_NONE);
}

/* Carries out what a pane asked for. */
static void
perform(struct ui *ui, struct ui_action a)
{
	const struct store_hit *hit;

	switch (a.req) {
	case REQ_NONE:
	case REQ_PASS:
		break;
	case REQ_QUIT:
		ui->quit = true;
		break;
	case REQ_OPEN:
		if (ui->filter_changed)
			apply_filter(ui);
		hit = list_selected(ui);
		if (!hit) {
			status_set_message(ui, false, _("no document selected"));
			break;
		}
		perform(ui, open_hit(ui, hit, true));
		save_state(ui);
		break;
	case REQ_NEXT_DOC:
		if (!reader_doc(ui) || !list_select_after(ui, reader_doc(ui)->id)) {
			status_set_message(ui, false, _("end of the last document of the list"));
			break;
		}
		perform(ui, ui_request(REQ_OPEN));
		break;
	case REQ_BACK:
		if (ui->overlay != PANE_COUNT) {
			ui->overlay = PANE_COUNT;
			arrange(ui);
		} else {
			set_focus(ui, PANE_LIST);
		}
		break;
	case REQ_FOCUS:
		set_focus(ui, a.pane);
		break;
	case REQ_SHOW:
		ui->overlay = a.pane;
		arrange(ui);
		break;
	case REQ_MESSAGE:
		say(ui, a.error, a.message);
		a.message = NULL;
		break;
	case REQ_FILTER_EDIT:
		filter_focus(ui);
		ui->focus = PANE_LIST;
		if (ui->tiny || ui->rows < 2)
			arrange(ui);
		break;
	case REQ_FILTER_SET:
		/* Parsed once, after every key that came with this one. */
		ui->filter_changed = true;
		break;
	case REQ_FILTER_CLEAR:
		filter_set_text(ui, "");
		apply_filter(ui);
		break;
	case REQ_SELECT:
		list_move(ui, a.count);
		break;
	case REQ_ARRANGE:
		arrange(ui);
		break;
	case REQ_GOTO:
		if (ui->overlay != PANE_COUNT) {
			ui->overlay = PANE_COUNT;
			arrange(ui);
		}
		set_focus(ui, PANE_READER);
		perform(ui, reader_goto(ui, a.doc_id, a.piece));
		save_state(ui);
		break;
	case REQ_PROMPT:
		prompt_start(ui, (enum ui_prompt_kind)a.count);
		break;
	case REQ_FILTER_TO:
		filter_set_text(ui, a.message ? a.message : "");
		apply_filter(ui);
		set_focus(ui, PANE_LIST);
		break;
	case REQ_PIPE:
		perform(ui, copy_pipe(ui, a.message ? a.message : ""));
		break;
	}
	free(a.message);
	say(ui, true, list_take_error(ui));
}

/* Reads the tty size and rebuilds the screen for it. */
static void
resize(struct ui *ui)
{
	int rows = 0, cols = 0;

	if (term_size(STDOUT_FILENO, &rows, &cols) && rows > 0 && cols > 0) {
		resizeterm(rows, cols);
		ui->rows = LINES;
		ui->cols = COLS;
	} else if (term_size(STDOUT_FILENO, &rows, &cols)) {
		ui->rows = rows; /* 0x0: draw nothing until it grows */
		ui->cols = cols;
	}
	arrange(ui);
}

/* Scrolls the pane under a mouse wheel or selects with a click. */
static void
handle_mouse(struct ui *ui, const struct keyseq_event *ev)
{
	struct pane *l = &ui->panes[PANE_LIST], *r = &ui->panes[PANE_READER];
	enum ui_pane_id pane;
	int by, bx;

	if (ui->overlay != PANE_COUNT)
		return;
	if (l->win && wenclose(l->win, ev->y, ev->x))
		pane = PANE_LIST;
	else if (r->win && wenclose(r->win, ev->y, ev->x))
		pane = PANE_READER;
	else
		return;
	if (ev->button == 4 || ev->button == 5) {
		long step = ev->button == 4 ? -3 : 3;
		if (pane == PANE_READER)
			reader_scroll(ui, step);
		else
			list_move(ui, step > 0 ? 1 : -1);
		return;
	}
	if (ev->button == 1) {
		if (pane == PANE_LIST) {
			getbegyx(l->win, by, bx);
			(void)bx;
			list_select_row(ui, ev->y - by);
		}
		filter_leave(ui);
		set_focus(ui, pane);
	}
}

/* The message for a key that does nothing where it was typed. */
static struct ui_action
unbound(int key)
{
	char name[32];

	if (key < 0) {
		const char *k = keyname(-key);
		snprintf(name, sizeof name, "%s", k ? k : "?");
	} else if (key < 0x20 || key == 0x7f) {
		snprintf(name, sizeof name, "Ctrl-%c", key == 0x7f ? '?' : key + 0x40);
	} else {
		uint8_t buf[8];
		int n = u8_uctomb(buf, (ucs4_t)key, sizeof buf);
		snprintf(name, sizeof name, "%.*s", n > 0 ? n : 1, n > 0 ? (char *)buf : "?");
	}
	return ui_say(false, _("the key %s does nothing here: ? lists the keys"), name);
}

/* A paste goes into the filter bar as one edit, whatever has the focus. */
static void
handle_paste(struct ui *ui, const struct keyseq_event *ev)
{
	if (ui->overlay != PANE_COUNT)
		return;
	if (!filter_focused(ui))
		perform(ui, ui_request(REQ_FILTER_EDIT));
	perform(ui, filter_paste(ui, ev->text, ev->len, ev->truncated));
}

/* Hands a key to a pane, then to the global bindings if it passes. */
static void
dispatch(struct ui *ui, struct pane *pane, int key)
{
	enum keymap_action act = keymap_lookup(key, pane->ops->context);
	struct ui_action a;

	ui->key = key;
	if (act == ACT_NONE) {
		/* Over the whole screen (the help), any other key closes. */
		perform(ui, pane == &ui->panes[ui->overlay] ? ui_request(REQ_BACK) : unbound(key));
		return;
	}
	a = pane->ops->key(ui, pane, act);
	if (a.req == REQ_PASS)
		a = global_action(ui, act);
	perform(ui, a);
}

/* Handles a key from the terminal, whatever has the focus. */
static void
handle_key(struct ui *ui, int key)
{
	if (ui->overlay != PANE_COUNT) {
		dispatch(ui, &ui->panes[ui->overlay], key);
		return;
	}
	if (prompt_active(ui)) {
		perform(ui, prompt_key(ui, key));
		return;
	}
	if (status_has_message(ui) && !filter_focused(ui))
		status_set_message(ui, false, NULL);
	if (filter_focused(ui)) {
		bool was_tiny_list = ui->tiny;
		perform(ui, filter_key(ui, key));
		if (!filter_focused(ui) && (was_tiny_list || ui->rows < 2))
			arrange(ui);
		return;
	}
	dispatch(ui, &ui->panes[ui->focus], key);
}

long
ui_monotonic_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Handles every event decoded by now_ms; the filter is parsed once for
 * all of them. */
static void
handle_events(struct ui *ui, long now_ms)
{
	struct keyseq_event ev;

	while (!ui->quit && keyseq_next(&ui->keys, &ev, now_ms)) {
		if (ev.type == KEYSEQ_KEY)
			handle_key(ui, ev.key);
		else if (ev.type == KEYSEQ_PASTE)
			handle_paste(ui, &ev);
		else if (ev.type == KEYSEQ_MOUSE)
			handle_mouse(ui, &ev);
	}
	if (ui->filter_changed)
		apply_filter(ui);
}

/* Reads what the terminal sent (when `readable`) and handles every event
 * decoded; the filter is parsed once for all of them.  Returns false when
 * the terminal is gone. */
static bool
read_input(struct ui *ui, bool readable)
{
	char buf[4096];
	long now = ui_monotonic_ms();

	if (readable) {
		ssize_t n = read(ui->input_fd, buf, sizeof buf);

		if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN))
			return false;
		if (n > 0)
			keyseq_feed(&ui->keys, buf, (size_t)n, now);
	}
	handle_events(ui, now);
	return true;
}

/* What the signals asked for, read from the self-pipe. */
struct pending_signals {
	bool resize, suspend, cont, quit;
};

static void
read_signals(struct pending_signals *ps)
{
	unsigned char buf[64];
	ssize_t n;

	while ((n = read(signal_pipe[0], buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			switch (buf[i]) {
			case SIGWINCH:
				ps->resize = true;
				break;
			case SIGTSTP:
				ps->suspend = true;
				break;
			case SIGCONT:
				ps->cont = true;
				break;
			default:
				ps->quit = true;
				break;
			}
		}
	}
}

/* Stops the process like ^Z in any program, with the terminal restored. */
static void
suspend(struct ui *ui)
{
	save_state(ui);
	endwin();
	term_paste_mode(false);
	raise(SIGSTOP);
	/* Continued: the size may have changed meanwhile. */
	term_paste_mode(true);
	clearok(curscr, TRUE);
	resize(ui);
}

/* Opens the document the user was reading last time, or the first one. */
static void
open_initial(struct ui *ui)
{
	struct store_doc doc;
	char *err = NULL;
	size_t piece = 0, line = 0;
	int64_t id = ui->state.last_doc;

	if (id > 0 && store_get_doc(ui->store, id, &doc, &err) == 1) {
		bool same = !ui->state.last_source || !doc.meta.source ||
			    strcmp(ui->state.last_source, doc.meta.source) == 0;
		if (same) {
			state_get_position(&ui->state, id, doc.meta.source, &piece, &line);
			perform(ui, reader_open(ui, id, piece, line, false));
		}
		store_doc_release(&doc);
	}
	free(err);
	if (!reader_doc(ui) && list_selected(ui))
		perform(ui, open_hit(ui, list_selected(ui), false));
}

/* Loads the saved state, reporting a bad file in the status line. */
static void
load_state(struct ui *ui)
{
	char *err = NULL;

	state_init(&ui->state);
	ui->state_path = state_default_path();
	if (ui->state_path && state_load(&ui->state, ui->state_path, &err) < 0) {
		say(ui, true, xasprintf(_("state ignored: %s"), err));
		state_release(&ui->state);
		state_init(&ui->state);
	}
	free(err);
	ui->side_by_side = ui->state.side_by_side;
	ui->order = ui->state.by_relevance ? STORE_ORDER_RELEVANCE : STORE_ORDER_DATE;
}

/* The soonest of the idle works' timeouts (-1: none waits). */
static int
idle_timeout(const struct ui *ui)
{
	int t = list_idle_timeout(ui), more[2] = {facet_idle_timeout(ui), suggest_idle_timeout(ui)};

	for (int i = 0; i < 2; i++)
		if (more[i] >= 0 && (t < 0 || more[i] < t))
			t = more[i];
	return t;
}

/* One slice of idle work: the count, the reader's matches, the facets,
 * a suggestion, each only when the one before has nothing left to do. */
static void
idle(struct ui *ui)
{
	if (!list_idle(ui) && !reader_idle(ui) && !facet_idle(ui))
		suggest_idle(ui);
}

/* The loop: work, draw, wait for input, a signal or an idle slot. */
static void
run(struct ui *ui)
{
	while (!ui->quit) {
		struct pending_signals ps = {0};
		struct pollfd fds[2] = {
		    {.fd = ui->input_fd, .events = POLLIN},
		    {.fd = ui->signal_fd, .events = POLLIN},
		};
		bool idle_work;
		int rc, timeout, key_wait;

		if (list_busy(ui)) {
			list_work(ui);
			say(ui, true, list_take_error(ui));
			if (list_wanted_rows(ui) != ui->list_rows)
				arrange(ui);
		}
		if (!ui->opened_initial && !list_busy(ui)) {
			ui->opened_initial = true;
			open_initial(ui);
		}
		if (!ui_input_pending(ui))
			draw_all(ui);
		idle_work = reader_wants_idle(ui);
		timeout = idle_work || list_busy(ui) ? 0 : idle_timeout(ui);
		/* Half an escape sequence waits for its end, but not forever. */
		key_wait = keyseq_wait_ms(&ui->keys, ui_monotonic_ms());
		if (key_wait >= 0 && (timeout < 0 || key_wait < timeout))
			timeout = key_wait;
		rc = poll(fds, 2, timeout);
		if (rc < 0 && errno != EINTR)
			break;
		if (rc == 0 && keyseq_wait_ms(&ui->keys, ui_monotonic_ms()) == 0) {
			read_input(ui, false);
			continue;
		}
		if (rc == 0) {
			idle(ui);
			say(ui, true, list_take_error(ui));
			continue;
		}
		if (fds[1].revents & POLLIN)
			read_signals(&ps);
		if (ps.quit)
			break;
		if (ps.suspend)
			suspend(ui);
		else if (ps.resize || ps.cont)
			resize(ui);
		if (fds[0].revents & POLLIN) {
			if (!read_input(ui, true))
				break; /* end of file or error: the terminal is gone */
		} else if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)) {
			break; /* the terminal is gone */
		}
	}
}

/* The panes, the filter bar and the status line. */
static void
create_panes(struct ui *ui)
{
	ui->panes[PANE_LIST].ops = &ui_list_ops;
	ui->panes[PANE_READER].ops = &ui_reader_ops;
	ui->panes[PANE_HELP].ops = &ui_help_ops;
	ui->panes[PANE_OUTLINE].ops = &ui_outline_ops;
	ui->panes[PANE_MARKS].ops = &ui_marks_ops;
	ui->overlay = PANE_COUNT;
	ui->filter = filter_new();
	ui->status = status_new();
	ui->prompt = prompt_new();
	ui->facets = facet_new();
	ui->suggest = suggest_new();
	for (int i = 0; i < PANE_COUNT; i++)
		ui->panes[i].data = ui->panes[i].ops->create(ui);
}

static void
destroy_panes(struct ui *ui)
{
	free_windows(ui);
	for (int i = 0; i < PANE_COUNT; i++)
		ui->panes[i].ops->destroy(ui->panes[i].data);
	if (ui->has_query)
		query_release(&ui->query);
	filter_free(ui->filter);
	status_free(ui->status);
	prompt_free(ui->prompt);
	facet_free(ui->facets);
	suggest_free(ui->suggest);
}

int
ui_main(struct store *store, const struct ui_options *opts)
{
	struct sigaction old[NSIGNALS];
	struct ui *ui = xcalloc(1, sizeof *ui);
	char *err = NULL;
	SCREEN *screen;
	const char *initial;

	ui->store = store;
	ui->measure = opts && opts->measure > 0 ? opts->measure : 100;
	ui->input_fd = STDIN_FILENO;
	/* Handlers first: ncurses installs its own SIGTSTP handler when it finds
	 * the default one, and then ignores ^Z while it updates the screen. */
	if (install_signals(old) < 0) {
		util_error(_("signal pipe: %s"), strerror(errno));
		free(ui);
		return 2;
	}
	screen = term_start(ui, &err);
	if (!screen) {
		restore_signals(old);
		util_error("%s", err);
		free(err);
		free(ui);
		return 2;
	}
	ui->signal_fd = signal_pipe[0];
	create_panes(ui);
	ui->snapshot = realpath(store_path(store), NULL);
	if (!ui->snapshot)
		ui->snapshot = xstrdup(store_path(store));
	load_state(ui);
	refresh(); /* clears the screen once; stdscr stays untouched afterwards */
	resize(ui);
	initial = opts && opts->initial_filter ? opts->initial_filter
					       : state_get_filter(&ui->state, ui->snapshot);
	if (initial && initial[0]) {
		filter_set_text(ui, initial);
		apply_filter(ui);
	}
	list_keep_doc(ui, ui->state.last_doc);
	run(ui);
	save_state(ui);
	destroy_panes(ui);
	term_stop(screen);
	restore_signals(old);
	/* The screen is gone: a state that could not be saved is said on stderr. */
	if (ui->state_write_failed && state_save(&ui->state, ui->state_path, &err) < 0) {
		util_error(_("the reading state was not saved: %s"), err);
		free(err);
		err = NULL;
	}
	keyseq_release(&ui->keys);
	state_release(&ui->state);
	free(ui->state_path);
	free(ui->snapshot);
	free(ui);
	return 0;
}

struct ui *
ui_headless_new(struct store *store, int rows, int cols, bool utf8)
{
	struct ui *ui = xcalloc(1, sizeof *ui);

	ui->store = store;
	ui->measure = 100;
	ui->input_fd = ui->signal_fd = -1; /* poll(2) skips them */
	ui->utf8 = utf8;
	ui->sflags = utf8 ? 0 : SANITIZE_ASCII;
	keyseq_init(&ui->keys, 0);
	state_init(&ui->state);
	create_panes(ui);
	ui->snapshot = xstrdup(store_path(store));
	resizeterm(rows, cols);
	ui->rows = LINES;
	ui->cols = COLS;
	arrange(ui);
	return ui;
}

bool
ui_headless_feed(struct ui *ui, const char *bytes, size_t len, long now_ms)
{
	keyseq_feed(&ui->keys, bytes, len, now_ms);
	handle_events(ui, now_ms);
	/* One turn of the loop, with no input waiting. */
	for (int i = 0; i < 4 && !ui->quit && list_busy(ui); i++) {
		list_work(ui);
		say(ui, true, list_take_error(ui));
		if (list_wanted_rows(ui) != ui->list_rows)
			arrange(ui);
	}
	say(ui, true, list_take_error(ui));
	if (!ui->opened_initial && !list_busy(ui)) {
		ui->opened_initial = true;
		open_initial(ui);
	}
	draw_all(ui);
	idle(ui);
	return !ui->quit;
}

void
ui_headless_free(struct ui *ui)
{
	destroy_panes(ui);
	keyseq_release(&ui->keys);
	state_release(&ui->state);
	free(ui->snapshot);
	free(ui);
}
