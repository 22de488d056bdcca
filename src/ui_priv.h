/* ui_priv.h - what the ui_* files share: the screen state and the panes.
 *
 * ui.c owns the loop and arranges the windows; each pane (list, reader)
 * implements the same small ops struct; ui_filter.c edits the filter bar,
 * ui_status.c draws the status line, ui_help.c the help screen,
 * ui_term.c sets up the terminal and ui_text.c draws sanitised text. */
#ifndef LISEUSE_UI_PRIV_H
#define LISEUSE_UI_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <curses.h>

#include "document.h"
#include "keymap.h"
#include "keyseq.h"
#include "layout.h"
#include "query.h"
#include "state.h"
#include "store.h"
#include "util.h"

struct ui;

/* The attributes of each kind of text, set once by ui_term. */
struct ui_theme {
	attr_t normal, header_label, header_value, selected, mark, mark_selected;
	attr_t status, error, bold, dim, filter_prompt;
};

/* A pane: the list or the reader. */
struct pane_ops {
	const char *name;
	/* Draws the pane into its window (everything when full, else only what
	 * changed) and queues it with wnoutrefresh. */
	void (*draw)(struct ui *ui, bool full);
	/* Handles an action; returns true when it was understood. */
	bool (*key)(struct ui *ui, enum keymap_action action);
	/* The pane's window got a new size (it may be NULL when hidden). */
	void (*resize)(struct ui *ui);
};

/* A document row of the list. */
struct list_state {
	WINDOW *win;
	int h, w, y, x;
	struct query query; /* current filter */
	bool has_query;
	bool text_query;	   /* the filter has text terms: rows show passages */
	struct store_results *res; /* open cursor, or NULL */
	bool exhausted;		   /* res reached its end */
	bool need_query;	   /* the filter changed: reopen */
	bool need_fetch;	   /* more rows needed for the screen */
	struct store_hit *hits;
	size_t nhits, cap;
	size_t selected, top;
	int64_t keep_doc; /* document to keep selected across filters */
	int64_t count;	  /* -1: unknown */
	bool count_pending;
	long count_due_ms; /* monotonic time from which the count may run */
	char *error; /* last store error, shown in the status line */
};

/* One block of the reader: a header line or a piece of text, laid out. */
struct reader_block {
	long index; /* block number; -1 when the slot is free */
	char *text; /* owned */
	size_t len;
	struct text_span *bold; /* owned */
	size_t nbold;
	struct text_span *marks; /* owned: query highlights */
	size_t nmarks;
	bool blank_before; /* an empty line separates it from the previous */
	bool header;
	struct layout lay;
	int laid_width;	    /* width lay was computed for; 0: stale */
	unsigned long used; /* LRU stamp */
};

#define READER_CACHE 96

struct reader_state {
	WINDOW *win;
	int h, w, y, x;
	int64_t doc_id; /* 0: nothing open */
	struct store_doc doc;
	size_t nheader;	      /* header blocks before the pieces */
	size_t nblocks;	      /* nheader + npieces */
	char **header_text;   /* owned, nheader strings */
	size_t *header_label; /* bytes of each header line that are its label */
	struct reader_block cache[READER_CACHE];
	unsigned long stamp;
	size_t top_block, top_line; /* first visible line */
	bool valid;		    /* the window shows top_block/top_line */
	struct query query;	    /* highlight query */
	bool has_query;
	size_t *matches; /* matching piece indexes */
	long nmatches;	 /* -1: not computed yet */
	bool want_matches;
	int col_x; /* left margin when the measure caps the column */
	int col_w;
	char *error;
};

struct filter_state {
	WINDOW *win;
	struct strbuf text; /* UTF-8 */
	size_t cursor;	    /* byte offset */
	bool focused;
	bool dirty;  /* edited since the list was last refiltered */
	bool capped; /* an edit met the length limit */
};

struct status_state {
	WINDOW *win;
	char *message; /* one-shot message, owned */
	bool error;
};

enum ui_pane { PANE_LIST = 0, PANE_READER = 1 };

struct ui {
	struct store *store;
	unsigned sflags; /* SANITIZE_ASCII in a non-UTF-8 locale */
	bool utf8;
	int measure;
	int rows, cols;
	bool side_by_side; /* wanted: remembered in the state */
	bool side_active;  /* in effect (wide enough) */
	bool tiny;	   /* one pane at a time */
	enum ui_pane focus;
	bool quit;
	bool help_open;
	size_t help_top;
	WINDOW *help_win;
	struct ui_theme theme;
	const struct pane_ops *panes[2];
	struct list_state list;
	struct reader_state reader;
	WINDOW *sep_win; /* rule between the panes */
	struct filter_state filter;
	struct status_state status;
	struct state state;
	char *state_path;
	bool state_write_failed;
	int input_fd, signal_fd;
	struct keyseq keys; /* the terminal's input, decoded */
};

/* ui.c */
void ui_arrange(struct ui *ui);
void ui_set_message(struct ui *ui, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void ui_clear_message(struct ui *ui);
void ui_open_selected(struct ui *ui);
bool ui_pane_visible(const struct ui *ui, enum ui_pane pane);
/* Interrupt callback for the store: true when input or a signal is waiting. */
int ui_input_pending(void *arg);

/* ui_list.c */
extern const struct pane_ops ui_list_ops;
void list_init(struct ui *ui);
void list_release(struct ui *ui);
/* Sets the filter text; a parse error is shown and the old results stay. */
void list_set_filter(struct ui *ui, const char *text);
/* Runs pending queries/fetches; returns false when interrupted. */
bool list_work(struct ui *ui);
/* Idle work (the count); returns true when some work remains. */
bool list_idle(struct ui *ui);
/* Milliseconds until the pending count may start (0: now), or -1 when no
 * count is pending: the loop's poll timeout. */
int list_idle_timeout(const struct ui *ui);
bool list_busy(const struct ui *ui);
const struct store_hit *list_selected(const struct ui *ui);
void list_select_row(struct ui *ui, int row);
void list_move(struct ui *ui, long delta);

/* ui_reader.c */
extern const struct pane_ops ui_reader_ops;
void reader_init(struct ui *ui);
void reader_release(struct ui *ui);
/* Opens a document at piece/line (a highlight query may be NULL). */
void reader_open(struct ui *ui, int64_t doc_id, size_t piece, size_t line, const char *filter,
		 bool to_match);
void reader_invalidate(struct ui *ui);
int reader_percent(const struct ui *ui);
void reader_position(const struct ui *ui, size_t *piece, size_t *line);
bool reader_idle(struct ui *ui);
void reader_scroll(struct ui *ui, long lines);

/* ui_filter.c */
void filter_init(struct ui *ui);
void filter_release(struct ui *ui);
void filter_focus(struct ui *ui);
void filter_set_text(struct ui *ui, const char *text);
/* Inserts pasted text at the cursor as one edit: line ends and tabs become
 * blanks, other control characters (Esc among them) are dropped, and the
 * text stops at the length limit (said in the status line, as when
 * `truncated`).  The bar must be focused. */
void filter_paste(struct ui *ui, const char *text, size_t len, bool truncated);
/* Refilters the list once for all the edits since the last call. */
void filter_commit(struct ui *ui);
/* Handles a key while the bar is focused (ch: code point, or KEYMAP_FN). */
void filter_key(struct ui *ui, int key);
void filter_draw(struct ui *ui);

/* ui_status.c */
void status_draw(struct ui *ui);
void status_release(struct ui *ui);

/* ui_help.c */
void help_draw(struct ui *ui);
void help_key(struct ui *ui, int key);

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
