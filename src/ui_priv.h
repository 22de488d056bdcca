/* ui_priv.h - what the ui_* files share: the screen, the panes, the
 * actions a pane returns.
 *
 * ui.c owns the loop: it reads a key, looks it up in the key table for the
 * pane that has the focus, hands the action to that pane's key handler and
 * carries out the action the handler returns (open a document, go back,
 * focus a pane, show a message...).  A pane keeps its state private to its
 * file, behind pane.data; what other files need from it goes through the
 * functions declared below, file by file.
 *
 * Adding a pane (a list of bookmarks, an outline): a PANE_* id, a key
 * context in keymap.h with its rows in keymap.c, a help section in
 * ui_help.c, a ui_*.c file with its pane_ops; open it with a REQ_SHOW
 * action (over the whole screen, like the help) and leave it with REQ_BACK.
 * Adding a key: a row of keymap.c with its action, and a case in the key
 * handler of the pane it belongs to (or in ui.c's global_action when it
 * applies everywhere). */
#ifndef LISEUSE_UI_PRIV_H
#define LISEUSE_UI_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "keymap.h"
#include "keyseq.h"
#include "layout.h"
#include "outline.h"
#include "query.h"
#include "state.h"
#include "store.h"
#include "util.h"

struct ui;

/* The attributes of each kind of text, set once by ui_term. */
struct ui_theme {
	attr_t normal, header_label, header_value, selected, selected_dim, mark, mark_selected;
	attr_t status, error, bold, dim, filter_prompt, rule, rule_focused;
};

enum ui_pane_id {
	PANE_LIST = 0,
	PANE_READER,
	PANE_HELP, /* over the whole screen */
	PANE_OUTLINE, /* the open document's outline, over the whole screen */
	PANE_MARKS,   /* the bookmarks, over the whole screen */
	PANE_COUNT
};

/* What a key handler (or the filter bar) asks the loop to do. */
enum ui_request {
	REQ_NONE = 0,	  /* done: nothing more */
	REQ_PASS,	  /* not this pane's: the loop's own bindings decide */
	REQ_QUIT,	  /* end the program */
	REQ_OPEN,	  /* open the list's selection in the reader and focus it */
	REQ_NEXT_DOC,	  /* open the document after the open one in the list */
	REQ_BACK,	  /* leave the pane: the reader for the list, the help */
	REQ_FOCUS,	  /* give the focus to .pane */
	REQ_SHOW,	  /* open .pane over the whole screen */
	REQ_MESSAGE,	  /* show .message in the status line */
	REQ_FILTER_EDIT,  /* put the cursor in the filter bar */
	REQ_FILTER_SET,	  /* the filter's text changed: parse it, refilter */
	REQ_FILTER_CLEAR, /* empty the filter */
	REQ_SELECT,	  /* move the list's selection by .count */
	REQ_ARRANGE,	  /* place the windows again */
	REQ_GOTO,	  /* open .doc_id at .piece in the reader (recorded in its history) */
	REQ_PROMPT,	  /* ask for a line of text: .count is an enum ui_prompt_kind */
	REQ_FILTER_TO,	  /* replace the filter by .message, refilter, focus the list */
	REQ_PIPE,	  /* pipe the open document to the command .message */
};

/* What a prompt (REQ_PROMPT) asks for. */
enum ui_prompt_kind {
	PROMPT_SYMBOL, /* a document symbol to open */
	PROMPT_PIPE,   /* a command to pipe the document to */
};

struct ui_action {
	enum ui_request req;
	enum ui_pane_id pane; /* REQ_FOCUS, REQ_SHOW */
	long count;	      /* REQ_SELECT */
	bool error;	      /* REQ_MESSAGE: shown as an error */
	char *message;	      /* REQ_MESSAGE: owned; the loop frees it */
	int64_t doc_id;	      /* REQ_GOTO */
	size_t piece;	      /* REQ_GOTO */
};

/* Builds actions. */
static inline struct ui_action
ui_request(enum ui_request req)
{
	struct ui_action a = {req, PANE_LIST, 0, false, NULL, 0, 0};
	return a;
}
static inline struct ui_action
ui_request_pane(enum ui_request req, enum ui_pane_id pane)
{
	struct ui_action a = {req, pane, 0, false, NULL, 0, 0};
	return a;
}
static inline struct ui_action
ui_request_goto(int64_t doc_id, size_t piece)
{
	struct ui_action a = {REQ_GOTO, PANE_READER, 0, false, NULL, doc_id, piece};
	return a;
}
/* A REQ_MESSAGE with a formatted text. */
struct ui_action ui_say(bool error, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A pane's window and state. */
struct pane {
	const struct pane_ops *ops;
	void *data;  /* the pane's own state, private to its file */
	WINDOW *win; /* NULL when the pane is not shown */
	int h, w;
};

/* What every pane implements. */
struct pane_ops {
	enum keymap_context context; /* the key bindings it answers to */
	void *(*create)(struct ui *ui);
	void (*destroy)(void *data);
	/* Draws what changed into pane->win and queues it (wnoutrefresh). */
	void (*draw)(struct ui *ui, struct pane *pane);
	/* Handles an action of its context or a global one; REQ_PASS when
	 * it does not deal with it. */
	struct ui_action (*key)(struct ui *ui, struct pane *pane, enum keymap_action action);
	/* The window got a new size (or went away: win NULL). */
	void (*resize)(struct ui *ui, struct pane *pane);
};

struct filter_state;
struct status_state;
struct prompt_state;
struct facet_state;
struct suggest_state;

struct ui {
	struct store *store;
	unsigned sflags; /* SANITIZE_ASCII in a non-UTF-8 locale */
	bool utf8;
	int measure;
	int rows, cols;
	bool side_by_side; /* wanted: remembered in the state */
	enum store_order order; /* of the list: remembered in the state */
	bool side_active;  /* in effect (wide enough) */
	bool tiny;	   /* one pane at a time */
	enum ui_pane_id focus;	 /* PANE_LIST or PANE_READER */
	enum ui_pane_id overlay; /* the pane over the whole screen, or PANE_COUNT */
	bool quit;
	struct ui_theme theme;
	struct pane panes[PANE_COUNT];
	WINDOW *sep_win;    /* rule between the panes */
	WINDOW *status_win; /* the status line */
	WINDOW *filter_win; /* the filter bar */
	WINDOW *facet_win;  /* the facet line, under the filter bar */
	bool facet_arranged; /* facet_line_wanted when the windows were placed */
	int key;	    /* the key being handled */
	struct filter_state *filter;
	struct status_state *status;
	struct prompt_state *prompt;
	struct facet_state *facets;
	struct suggest_state *suggest;
	/* The filter, parsed once per change; the list and the reader borrow
	 * it (list_set_query, reader_set_query). */
	struct query query;
	bool has_query;
	int list_rows; /* rows the list asked for at the last arrangement (0: any) */
	char *snapshot; /* the snapshot's path, resolved: the saved filter's key */
	struct state state;
	char *state_path;
	bool state_write_failed;
	int input_fd, signal_fd;
	struct keyseq keys;  /* the terminal's input, decoded */
	bool opened_initial; /* the first document was opened */
	bool filter_changed; /* edited: parsed once the keys that came are handled */
};

/* ui.c */
/* Milliseconds on the monotonic clock, for the delays of the loop and of
 * the panes' work. */
long ui_monotonic_ms(void);
/* The screen without a terminal, for fuzz/keys_fuzzer.c: the caller has
 * made a SCREEN current (newterm on /dev/null).  ui_headless_new sizes it
 * rows x cols and builds the panes on store (borrowed; no state file);
 * ui_headless_feed decodes bytes that came at now_ms (monotonic), handles
 * every key, runs the queries and draws, as one turn of the loop, and
 * returns false once a key quit. */
struct ui *ui_headless_new(struct store *store, int rows, int cols, bool utf8);
bool ui_headless_feed(struct ui *ui, const char *bytes, size_t len, long now_ms);
void ui_headless_free(struct ui *ui);
/* Interrupt callback for the store: true when input or a signal is waiting. */
int ui_input_pending(void *arg);
/* Saves the state file now (a bookmark was set). */
void ui_save_state(struct ui *ui);

/* ui_list.c */
extern const struct pane_ops ui_list_ops;
/* The filter changed (q borrowed, NULL: every document): rerun the query. */
void list_set_query(struct ui *ui, const struct query *q);
/* ui->order changed: rerun the query, keeping the selected document
 * selected (looked for further down the new order). */
void list_order_changed(struct ui *ui);
/* Runs pending queries and fetches; returns false when interrupted. */
bool list_work(struct ui *ui);
/* Idle work (the count); returns true when some work remains. */
bool list_idle(struct ui *ui);
/* Milliseconds until the pending count may start (0: now), or -1 when no
 * count is pending: the loop's poll timeout. */
int list_idle_timeout(const struct ui *ui);
bool list_busy(const struct ui *ui);
/* The selected row, or NULL. */
const struct store_hit *list_selected(const struct ui *ui);
/* True when the rows show passages (the filter had words when they came). */
bool list_text_query(const struct ui *ui);
void list_select_row(struct ui *ui, int row);
void list_move(struct ui *ui, long delta);
/* Appends "12 documents (filtre)" and the like to out. */
void list_describe(const struct ui *ui, struct strbuf *out);
/* Rows the list needs when it has few documents (all fetched), or 0 when
 * it can use all it is given. */
int list_wanted_rows(const struct ui *ui);
/* Selects the document after doc_id in the list; false when doc_id is not
 * there or is the last. */
bool list_select_after(struct ui *ui, int64_t doc_id);
/* Selects doc_id when the results come, looking further down for it the
 * first time (the document reopened at start). */
void list_keep_doc(struct ui *ui, int64_t doc_id);
/* The last store error of the list, or NULL; the caller frees it. */
char *list_take_error(struct ui *ui);

/* True when the list's query is done and found nothing. */
bool list_found_none(const struct ui *ui);

/* ui_facets.c: the facet line */
/* Rows the screen needs for the facet line to show. */
#define FACET_MIN_ROWS 10
struct facet_state *facet_new(void);
void facet_free(struct facet_state *f);
/* The filter changed (q borrowed, NULL: none): the counts start over. */
void facet_set_query(struct ui *ui, const struct query *q);
/* True when the filter is not empty: the screen gives the line a row. */
bool facet_line_wanted(const struct ui *ui);
/* Milliseconds until counting may start, 0 now, -1 nothing to count. */
int facet_idle_timeout(const struct ui *ui);
/* Counts one field when due and the list is done; returns true when
 * interrupted or when more remains. */
bool facet_idle(struct ui *ui);
void facet_draw(struct ui *ui, WINDOW *win);
/* True when the line drawn last shows numbered values. */
bool facet_numbered(const struct ui *ui);
/* Adds value `number` (1-based, as drawn) to the filter: a REQ_FILTER_TO,
 * or a message when the line has no such value. */
struct ui_action facet_select(struct ui *ui, int number);

/* ui_suggest.c: a correction for a word that finds nothing */
struct suggest_state *suggest_new(void);
void suggest_free(struct suggest_state *s);
void suggest_set_query(struct ui *ui, const struct query *q);
int suggest_idle_timeout(const struct ui *ui);
/* Looks for a correction when due and the list came back empty. */
void suggest_idle(struct ui *ui);
/* Appends "no result for « w » — try « fix »" and returns true when there
 * is a suggestion for the list shown. */
bool suggest_describe(const struct ui *ui, struct strbuf *out);
/* The filter with the word replaced (REQ_FILTER_TO), or a message when
 * there is nothing to take. */
struct ui_action suggest_accept(struct ui *ui);

/* ui_reader.c */
extern const struct pane_ops ui_reader_ops;
/* Opens a document at piece/line, or at its first highlight in piece when
 * to_match.  Returns a message action when it cannot be read. */
struct ui_action reader_open(struct ui *ui, int64_t doc_id, size_t piece, size_t line,
			     bool to_match);
/* The open document, or NULL. */
const struct store_doc *reader_doc(const struct ui *ui);
/* The highlights follow q (borrowed; NULL: none). */
void reader_set_query(struct ui *ui, const struct query *q);
void reader_invalidate(struct ui *ui);
int reader_percent(const struct ui *ui);
/* Page of the paragraph at the top of the reading pane, 0 when unknown. */
int reader_page(const struct ui *ui);
/* The reader's chosen place, as saved between runs. */
void reader_position(const struct ui *ui, size_t *piece, size_t *line);
/* True when idle work (finding the matching pieces) is waiting. */
bool reader_wants_idle(const struct ui *ui);
/* Does that work; returns true when interrupted. */
bool reader_idle(struct ui *ui);
void reader_scroll(struct ui *ui, long lines);
/* Opens doc_id at piece, recording the place left in the reader's history
 * (ui_reader.c's back and forward keys). */
struct ui_action reader_goto(struct ui *ui, int64_t doc_id, size_t piece);
/* The open document's outline (built on first use), or NULL. */
const struct outline *reader_outline(struct ui *ui);
/* The section the top of the reader is in ("Annexe", "II. …"), or NULL. */
const char *reader_section(struct ui *ui);
/* The name bookmarks give this snapshot (bookmarks_snapshot_key). */
const char *reader_snapshot_key(const struct ui *ui);
/* The piece at the top of the reader, 0 when nothing is open. */
size_t reader_top_piece(const struct ui *ui);

/* ui_rows.c: what the panes of selectable rows share */
/* Moves *top, the first row shown, the least so that row sel is among the
 * `visible` rows shown (visible >= 1). */
void rows_follow(size_t *top, size_t sel, size_t visible);
/* The attribute of a row: the selection's (dimmed when its pane has not
 * the focus) or the normal text's. */
attr_t rows_attr(const struct ui *ui, bool selected, bool focused);

/* ui_menu.c: what the lists over the whole screen share */
struct menu {
	size_t n, sel, top;
};
/* Moves the selection for a moving key (rows: the pane's height); false
 * when the action is not one. */
bool menu_move(struct menu *m, enum keymap_action action, int rows);
/* What a list over the whole screen does with a key that is neither a
 * moving one nor its own: a redraw passes on to the loop; quit, back, Esc,
 * history back and `own` (the key that opened the list) close it. */
struct ui_action menu_other_key(enum keymap_action action, enum keymap_action own);
/* Draws the title, the rows (row() draws row i at the cursor, in attr) and
 * the keys line. */
void menu_draw(struct ui *ui, struct pane *pane, struct menu *m, const char *title,
	       const char *keys,
	       void (*row)(struct ui *ui, WINDOW *win, size_t i, int width, attr_t attr, void *arg),
	       void *arg);

/* ui_outline.c, ui_marks.c: lists over the whole screen */
extern const struct pane_ops ui_outline_ops;
extern const struct pane_ops ui_marks_ops;

/* ui_prompt.c: a line of text asked for in the filter bar's place */
struct prompt_state *prompt_new(void);
void prompt_free(struct prompt_state *p);
void prompt_start(struct ui *ui, enum ui_prompt_kind kind);
bool prompt_active(const struct ui *ui);
/* Handles a key while the prompt is active. */
struct ui_action prompt_key(struct ui *ui, int key);
void prompt_draw(struct ui *ui, WINDOW *win);

/* ui_copy.c: the terminal's clipboard and pipes */
/* Copies text to the clipboard with OSC 52 where the terminal takes it;
 * returns the status line's message ("copied: what, N characters" or why
 * not). */
struct ui_action copy_to_clipboard(struct ui *ui, const char *what, const char *text);
/* Pipes the open document as plain text to the shell command cmd, the
 * screen put away meanwhile; waits for Enter before coming back. */
struct ui_action copy_pipe(struct ui *ui, const char *cmd);

/* ui_help.c */
extern const struct pane_ops ui_help_ops;

/* ui_filter.c */
struct filter_state *filter_new(void);
void filter_free(struct filter_state *f);
bool filter_focused(const struct ui *ui);
void filter_focus(struct ui *ui);
/* Takes the cursor out of the bar, keeping the text. */
void filter_leave(struct ui *ui);
/* The filter's text (never NULL). */
const char *filter_text(const struct ui *ui);
/* Longest filter, in bytes: far more than any query, little to re-parse,
 * so that no keystroke costs more than that. */
#define FILTER_MAX_BYTES 1024
/* Replaces the text, cut at FILTER_MAX_BYTES (the caller refilters). */
void filter_set_text(struct ui *ui, const char *text);
/* Inserts pasted text at the cursor as one edit (REQ_FILTER_SET): line
 * ends and tabs become blanks, other control characters (Esc among them)
 * are dropped, and the text stops at FILTER_MAX_BYTES.  The bar must be
 * focused. */
struct ui_action filter_paste(struct ui *ui, const char *text, size_t len, bool truncated);
/* True once after an edit met the length limit (or a paste was cut). */
bool filter_take_capped(struct ui *ui);
/* Handles a key while the bar is focused (a code point, or KEYMAP_FN). */
struct ui_action filter_key(struct ui *ui, int key);
void filter_draw(struct ui *ui, WINDOW *win);

/* ui_status.c */
struct status_state *status_new(void);
void status_free(struct status_state *st);
/* Sets the one-shot message (copied); NULL clears it. */
void status_set_message(struct ui *ui, bool error, const char *text);
bool status_has_message(const struct ui *ui);
void status_draw(struct ui *ui, WINDOW *win);

/* ui_term.c */
/* Checks the terminal and starts curses; returns NULL with a message in
 * *err when there is no usable terminal. */
SCREEN *term_start(struct ui *ui, char **err);
void term_stop(SCREEN *screen);
/* Turns the terminal's bracketed paste on or off (off while suspended). */
void term_paste_mode(bool on);
/* Reads the terminal size from the tty; false when unknown. */
bool term_size(int fd, int *rows, int *cols);

/* ui_text.c */
struct ui_spans {
	const struct text_span *spans;
	size_t n;
	attr_t attr;
};
/* Draws text[0..len) at the cursor, sanitised, in at most `cells` cells,
 * with attr and each span list's attribute added over its ranges.  Adds an
 * ellipsis when the text is cut and `ellipsis` is set.  Returns the cells
 * drawn. */
int text_draw(struct ui *ui, WINDOW *win, const char *text, size_t len, int cells, attr_t attr,
	      const struct ui_spans *spans, size_t nspans, bool ellipsis);
/* Same for a NUL-terminated string without spans. */
int text_draw_str(struct ui *ui, WINDOW *win, const char *s, int cells, attr_t attr, bool ellipsis);
/* Fills columns from..end-1 of the cursor's row with blanks in attr. */
void text_fill(WINDOW *win, int from, int end, attr_t attr);

#endif
