/* ui_list.c - the document list pane.
 *
 * Rows come lazily from a store_results cursor: only what the screen shows
 * (plus one row, to know whether there is more) is fetched, so the first
 * screenful costs the same whatever the number of matches.  The exact count
 * runs later, in idle time.  Queries run with the store's interrupt set, so
 * a keystroke abandons them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sanitize.h"
#include "ui_priv.h"

/* The list's state: the rows fetched so far from an open cursor. */
struct list_state {
	struct pane *pane;
	const struct query *query; /* the filter, borrowed; NULL: every document */
	bool text_query;	   /* the rows show passages */
	struct store_results *res; /* open cursor, or NULL */
	bool exhausted;		   /* res reached its end */
	bool need_query;	   /* the filter changed: reopen */
	struct store_hit *hits;
	size_t nhits, cap;
	size_t selected, top;
	int64_t keep_doc; /* document to keep selected across filters */
	int64_t find_doc; /* the document reopened at start: looked for further */
	int64_t count;	  /* -1: unknown */
	bool count_pending;
	long count_due_ms; /* monotonic time from which the count may run */
	char *error;	   /* last store error, for the status line */
};

static struct list_state *
state_of(const struct ui *ui)
{
	return ui->panes[PANE_LIST].data;
}

static void *
list_create(struct ui *ui)
{
	struct list_state *l = xcalloc(1, sizeof *l);

	l->pane = &ui->panes[PANE_LIST];
	l->count = -1;
	l->need_query = true; /* all documents at start */
	return l;
}

/* The exact count of matches waits for a pause in typing: counting every
 * match costs more as they grow, and while typing the first screenful and
 * "N+" are what the eye needs. */
#define LIST_COUNT_DELAY_MS 300
/* How far down the list the document reopened at start is looked for. */
#define LIST_FIND_MAX 2000

/* Frees the fetched rows. */
static void
free_hits(struct store_hit *hits, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_hit_release(&hits[i]);
	free(hits);
}

static void
list_destroy(void *data)
{
	struct list_state *l = data;

	if (l->res)
		store_results_free(l->res);
	free_hits(l->hits, l->nhits);
	free(l->error);
	free(l);
}

/* Lines each document takes: two when a passage is shown under it. */
static int
rows_per_entry(const struct ui *ui)
{
	return state_of(ui)->text_query && state_of(ui)->pane->h >= 4 ? 2 : 1;
}

/* Rows above the documents: a column header when there is room. */
static int
header_rows(const struct ui *ui)
{
	return state_of(ui)->pane->h >= 3 ? 1 : 0;
}

/* Number of documents the window shows. */
static size_t
visible_entries(const struct ui *ui)
{
	int n = (state_of(ui)->pane->h - header_rows(ui)) / rows_per_entry(ui);

	return n > 0 ? (size_t)n : 1;
}

void
list_set_query(struct ui *ui, const struct query *q)
{
	struct list_state *l = state_of(ui);

	l->query = q;
	l->need_query = true;
	l->find_doc = 0;
}

void
list_order_changed(struct ui *ui)
{
	struct list_state *l = state_of(ui);

	l->need_query = true;
	if (l->selected < l->nhits)
		l->find_doc = l->hits[l->selected].doc_id;
}

/* Rows needed so that the screen and the selection are filled, plus one. */
static size_t
rows_wanted(const struct ui *ui)
{
	const struct list_state *l = state_of(ui);
	size_t want = l->top + visible_entries(ui) + 1;

	if (l->selected + 2 > want)
		want = l->selected + 2;
	return want;
}

/* Stores a store error for the status line. */
static void
list_error(struct ui *ui, char *err)
{
	struct list_state *l = state_of(ui);

	free(l->error);
	l->error = err ? err : xstrdup(_("database error"));
}

/* Fetches from res into *hits until *n reaches want or the end.  Returns 1
 * at the end, 0 when want was reached, -2 when interrupted, -1 on error. */
static int
fetch_rows(struct ui *ui, struct store_results *res, struct store_hit **hits, size_t *n,
	   size_t *cap, size_t want)
{
	while (*n < want) {
		struct store_hit hit;
		char *err = NULL;
		int rc = store_results_next(res, &hit, &err);

		if (rc == 0)
			return 1;
		if (rc == -2)
			return -2;
		if (rc < 0) {
			list_error(ui, err);
			return -1;
		}
		*hits = xgrow(*hits, cap, *n + 1, sizeof **hits);
		(*hits)[(*n)++] = hit;
	}
	return 0;
}

/* Runs a new query: replaces the rows only once its first screenful is in,
 * so an abandoned query leaves the previous results on the screen. */
static bool
run_query(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	struct store_results *res = NULL;
	struct store_hit *hits = NULL;
	size_t n = 0, cap = 0, want;
	char *err = NULL;
	int rc;
	const struct query *q = l->query;

	rc = store_results_open_ordered(ui->store, q, ui->order, &res, &err);
	if (rc == -2)
		return false;
	if (rc < 0) {
		l->need_query = false;
		list_error(ui, err);
		return true;
	}
	want = visible_entries(ui) + 1;
	rc = fetch_rows(ui, res, &hits, &n, &cap, want);
	if (rc == -2) {
		free_hits(hits, n);
		store_results_free(res);
		return false;
	}
	if (l->nhits > 0 && l->selected < l->nhits)
		l->keep_doc = l->hits[l->selected].doc_id;
	if (l->res)
		store_results_free(l->res);
	free_hits(l->hits, l->nhits);
	l->res = res;
	l->hits = hits;
	l->nhits = n;
	l->cap = cap;
	l->exhausted = rc != 0;
	l->need_query = false;
	l->text_query = q && q->fts;
	l->selected = 0;
	l->top = 0;
	for (size_t i = 0; i < n; i++) {
		if (hits[i].doc_id == l->keep_doc) {
			l->selected = i;
			l->find_doc = 0;
			break;
		}
	}
	rows_follow(&l->top, l->selected, visible_entries(ui));
	l->count = l->exhausted ? (int64_t)n : -1;
	l->count_pending = !l->exhausted;
	l->count_due_ms = ui_monotonic_ms() + LIST_COUNT_DELAY_MS;
	return true;
}

/* Fetches more rows for scrolling; reopens and skips when a previous fetch
 * was abandoned (an interrupted statement cannot go on). */
static bool
fetch_more(struct ui *ui, size_t want)
{
	struct list_state *l = state_of(ui);
	char *err = NULL;
	int rc;

	if (l->exhausted || l->nhits >= want)
		return true;
	if (!l->res) {
		struct store_hit *skip = NULL;
		size_t n = 0, cap = 0;

		rc = store_results_open_ordered(ui->store, l->query, ui->order, &l->res, &err);
		if (rc == -2)
			return false;
		if (rc < 0) {
			l->exhausted = true;
			list_error(ui, err);
			return true;
		}
		rc = fetch_rows(ui, l->res, &skip, &n, &cap, l->nhits);
		free_hits(skip, n);
		if (rc == -2) {
			store_results_free(l->res);
			l->res = NULL;
			return false;
		}
		if (rc != 0) {
			l->exhausted = true;
			return true;
		}
	}
	rc = fetch_rows(ui, l->res, &l->hits, &l->nhits, &l->cap, want);
	if (rc == -2) {
		store_results_free(l->res);
		l->res = NULL;
		return false;
	}
	if (rc != 0)
		l->exhausted = true;
	if (l->exhausted && !l->count_pending)
		l->count = (int64_t)l->nhits;
	return true;
}

static void follow_selection(struct ui *ui);

bool
list_work(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	bool done;

	store_set_interrupt(ui->store, ui_input_pending, ui);
	if (l->need_query && !run_query(ui)) {
		store_set_interrupt(ui->store, NULL, NULL);
		return false;
	}
	done = fetch_more(ui, rows_wanted(ui));
	while (done && l->find_doc && !l->exhausted && l->nhits < LIST_FIND_MAX) {
		size_t from = l->nhits;
		done = fetch_more(ui, l->nhits + 64);
		for (size_t i = from; i < l->nhits; i++) {
			if (l->hits[i].doc_id == l->find_doc) {
				l->selected = i;
				l->find_doc = 0;
				follow_selection(ui);
			}
		}
	}
	store_set_interrupt(ui->store, NULL, NULL);
	return done;
}

bool
list_busy(const struct ui *ui)
{
	const struct list_state *l = state_of(ui);

	if (l->need_query)
		return true;
	if (l->exhausted)
		return false;
	return l->nhits < rows_wanted(ui) || (l->find_doc && l->nhits < LIST_FIND_MAX);
}

int
list_idle_timeout(const struct ui *ui)
{
	long left;

	if (!state_of(ui)->count_pending)
		return -1;
	left = state_of(ui)->count_due_ms - ui_monotonic_ms();
	return left > 0 ? (int)left : 0;
}

bool
list_idle(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	int64_t count = 0;
	char *err = NULL;
	int rc;

	if (!l->count_pending || list_idle_timeout(ui) > 0)
		return false;
	store_set_interrupt(ui->store, ui_input_pending, ui);
	rc = store_results_count(ui->store, l->query, &count, &err);
	store_set_interrupt(ui->store, NULL, NULL);
	if (rc == -2)
		return true;
	l->count_pending = false;
	if (rc < 0) {
		list_error(ui, err);
		return false;
	}
	l->count = count;
	return false;
}

const struct store_hit *
list_selected(const struct ui *ui)
{
	const struct list_state *l = state_of(ui);

	return l->selected < l->nhits ? &l->hits[l->selected] : NULL;
}

/* Keeps the selection inside the window. */
static void
follow_selection(struct ui *ui)
{
	struct list_state *l = state_of(ui);

	rows_follow(&l->top, l->selected, visible_entries(ui));
}

void
list_move(struct ui *ui, long delta)
{
	struct list_state *l = state_of(ui);
	size_t target;

	if (delta < 0)
		target = (size_t)-delta > l->selected ? 0 : l->selected - (size_t)-delta;
	else
		target = l->selected + (size_t)delta;
	if (target + 1 >= l->nhits && !l->exhausted) {
		store_set_interrupt(ui->store, ui_input_pending, ui);
		fetch_more(ui, target + 2);
		store_set_interrupt(ui->store, NULL, NULL);
	}
	if (l->nhits == 0)
		return;
	if (target >= l->nhits)
		target = l->nhits - 1;
	l->selected = target;
	follow_selection(ui);
}

/* Selects the document drawn on a window row (mouse click). */
void
list_select_row(struct ui *ui, int row)
{
	struct list_state *l = state_of(ui);
	size_t index;

	row -= header_rows(ui);
	if (row < 0)
		return;
	index = l->top + (size_t)(row / rows_per_entry(ui));
	if (index < l->nhits) {
		l->selected = index;
		follow_selection(ui);
	}
}

/* Draws one column of a row: the text cut to `w` cells, then a space. */
static int
draw_column(struct ui *ui, WINDOW *win, int x, const char *text, int w, int room, attr_t attr)
{
	int drawn;

	if (w > room)
		w = room;
	if (w <= 0)
		return 0;
	drawn = text_draw_str(ui, win, text, w, attr, true);
	text_fill(win, x + drawn, x + w, attr);
	if (w < room) {
		text_fill(win, x + w, x + w + 1, attr);
		return w + 1;
	}
	return w;
}

/* Draws a passage in `cells` cells, skipping its beginning when the first
 * match would otherwise fall in the last third of the line or beyond. */
static void
draw_passage(struct ui *ui, const struct store_hit *hit, int cells, bool sel)
{
	const char *text = hit->passage;
	size_t len = strlen(text), skip = 0, n = 0;
	struct text_span *shifted = NULL;
	struct ui_spans marks;
	int before;

	if (hit->nmarks > 0 && hit->marks[0].start <= len) {
		before =
		    layout_text_width(text, hit->marks[0].start, ui->sflags | SANITIZE_ONELINE);
		if (before > cells * 2 / 3) {
			skip = layout_fit(text, hit->marks[0].start, before - cells / 3,
					  ui->sflags | SANITIZE_ONELINE, NULL);
			/* Start on a word: forward to the next space. */
			while (skip < hit->marks[0].start && text[skip] != ' ')
				skip++;
			while (skip < hit->marks[0].start && text[skip] == ' ')
				skip++;
		}
	}
	if (skip > 0) {
		shifted = xmalloc(hit->nmarks * sizeof *shifted);
		for (size_t i = 0; i < hit->nmarks; i++) {
			if (hit->marks[i].end <= skip)
				continue;
			shifted[n].start =
			    hit->marks[i].start > skip ? hit->marks[i].start - (uint32_t)skip : 0;
			shifted[n].end = hit->marks[i].end - (uint32_t)skip;
			n++;
		}
		cells -= text_draw_str(ui, state_of(ui)->pane->win, "…", cells, ui->theme.dim, false);
	}
	marks.spans = skip > 0 ? shifted : hit->marks;
	marks.n = skip > 0 ? n : hit->nmarks;
	marks.attr = sel ? ui->theme.mark_selected : ui->theme.mark;
	text_draw(ui, state_of(ui)->pane->win, text + skip, len - skip, cells, ui->theme.dim, &marks, 1, true);
	free(shifted);
}

/* The widths of the columns before the title, by content. */
struct columns {
	int date, kind, sender; /* 0: not shown */
	int width;		/* of the rows: the window less the scroll mark */
};

/* The widest value of a column among the fetched rows, at least the
 * header's width and at most cap. */
static int
widest(struct ui *ui, size_t field, const char *header, int cap)
{
	const struct list_state *l = state_of(ui);
	int w = layout_text_width(header, strlen(header), ui->sflags);

	for (size_t i = 0; i < l->nhits && w < cap; i++) {
		const char *v = field == 0 ? l->hits[i].kind : l->hits[i].sender;
		int vw = layout_text_width(v, strlen(v), ui->sflags | SANITIZE_ONELINE);
		if (vw > w)
			w = vw;
	}
	return w < cap ? w : cap;
}

/* True when the list has more documents than it shows: a scroll mark. */
static bool
scrolls(const struct ui *ui)
{
	const struct list_state *l = state_of(ui);

	return !l->exhausted || l->nhits > visible_entries(ui);
}

/* The type and the sender take what their longest values need (within a
 * share of the width); the title or passage takes the rest. */
static struct columns
columns_for(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	struct columns c = {0, 0, 0, l->pane->w};

	if (scrolls(ui) && c.width > 20)
		c.width--;
	if (c.width >= 60) {
		c.date = 10;
		c.kind = widest(ui, 0, _("Type"), 14);
		c.sender = widest(ui, 1, _("From"), c.width / 4);
	} else if (c.width >= 36) {
		c.date = 10;
		c.sender = widest(ui, 1, _("From"), c.width / 4);
	} else if (c.width >= 16) {
		c.sender = widest(ui, 1, _("From"), c.width / 3);
	}
	return c;
}

/* Draws the scroll mark in the last column: where the window is in the
 * list (the count when known, else the rows fetched so far). */
static void
draw_scroll_mark(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	int y0 = header_rows(ui), rows = l->pane->h - y0, x = l->pane->w - 1;
	size_t total = l->count > 0 ? (size_t)l->count : l->nhits, vis = visible_entries(ui);
	size_t from, len;

	if (!scrolls(ui) || rows <= 0 || total == 0 || l->pane->w <= 20)
		return;
	len = vis * (size_t)rows / (total > vis ? total : vis);
	if (len < 1)
		len = 1;
	from = l->top * (size_t)rows / total;
	if (from + len > (size_t)rows)
		from = (size_t)rows - len;
	for (int y = 0; y < rows; y++) {
		bool thumb = (size_t)y >= from && (size_t)y < from + len;
		wmove(l->pane->win, y0 + y, x);
		wattrset(l->pane->win, thumb ? A_REVERSE : ui->theme.dim);
		waddstr(l->pane->win, thumb ? " " : ui->utf8 ? "│" : "|");
	}
	wattrset(l->pane->win, A_NORMAL);
}

/* Draws document `index` at window row y. */
static void
draw_entry(struct ui *ui, const struct columns *c, size_t index, int y)
{
	struct list_state *l = state_of(ui);
	const struct store_hit *hit = &l->hits[index];
	const struct store_doc *open = reader_doc(ui);
	bool sel = index == l->selected;
	bool focused = ui->focus == PANE_LIST || filter_focused(ui);
	attr_t attr = rows_attr(ui, sel, focused);
	int w = c->width, x = 0;
	bool passage_inline = l->text_query && rows_per_entry(ui) == 1 && hit->passage;
	struct ui_spans marks = {hit->marks, hit->nmarks,
				 sel ? ui->theme.mark_selected : ui->theme.mark};
	WINDOW *win = l->pane->win;

	if (open && open->id == hit->doc_id)
		attr |= A_BOLD;
	wmove(win, y, 0);
	if (c->date)
		x += draw_column(ui, win, x, hit->date, c->date, w - x, attr);
	if (c->kind)
		x += draw_column(ui, win, x, hit->kind, c->kind, w - x, attr);
	if (c->sender)
		x += draw_column(ui, win, x, hit->sender, c->sender, w - x, attr);
	/* The open document: a mark before its title. */
	if (open && open->id == hit->doc_id && x + 2 < w)
		x += text_draw_str(ui, win, ui->utf8 ? "▸ " : "> ", w - x, attr, false);
	if (x < w) {
		if (passage_inline)
			x += text_draw(ui, win, hit->passage, strlen(hit->passage), w - x, attr,
				       &marks, 1, true);
		else
			x += text_draw_str(ui, win, hit->title, w - x, attr, true);
	}
	text_fill(win, x, w, attr);
	if (rows_per_entry(ui) == 2 && y + 1 < l->pane->h) {
		wmove(win, y + 1, 0);
		text_fill(win, 0, w, ui->theme.normal);
		if (hit->passage && w > 4) {
			wmove(win, y + 1, 4);
			draw_passage(ui, hit, w - 4, sel);
		}
	}
}

/* Draws the column titles, aligned with draw_entry's columns. */
static void
draw_header(struct ui *ui, const struct columns *c)
{
	struct list_state *l = state_of(ui);
	bool focused = ui->focus == PANE_LIST || filter_focused(ui);
	attr_t attr = (focused ? ui->theme.header_label : ui->theme.dim) | A_UNDERLINE;
	int w = l->pane->w, x = 0;
	WINDOW *win = l->pane->win;

	wmove(win, 0, 0);
	if (c->date)
		x += draw_column(ui, win, x, _("Date"), c->date, w - x, attr);
	if (c->kind)
		x += draw_column(ui, win, x, _("Type"), c->kind, w - x, attr);
	if (c->sender)
		x += draw_column(ui, win, x, _("From"), c->sender, w - x, attr);
	if (x < w)
		x += text_draw_str(ui, win, l->text_query ? _("Title / passage") : _("Title"), w - x,
				   attr, true);
	text_fill(win, x, w, attr);
}

static void
list_draw(struct ui *ui, struct pane *pane)
{
	struct list_state *l = pane->data;
	int rpe = rows_per_entry(ui), y = header_rows(ui);
	struct columns c;

	if (!pane->win)
		return;
	c = columns_for(ui);
	werase(pane->win);
	if (y)
		draw_header(ui, &c);
	if (l->nhits == 0 && !l->need_query) {
		wmove(pane->win, y, 0);
		text_draw_str(ui, pane->win,
			      l->query && !query_is_empty(l->query)
				  ? _("No document matches the filter.")
				  : _("No document."),
			      pane->w, ui->theme.dim, true);
	}
	for (size_t i = l->top; i < l->nhits && y < pane->h; i++, y += rpe)
		draw_entry(ui, &c, i, y);
	draw_scroll_mark(ui);
	wnoutrefresh(pane->win);
}

/* Like mutt: a page down shows the next page with the selection on its
 * first row (on the last document at the end); a page up the previous
 * page, the selection on its first row. */
static void
page_move(struct ui *ui, int dir)
{
	struct list_state *l = state_of(ui);
	size_t vis = visible_entries(ui), top = l->top + vis;

	if (dir < 0) {
		l->top = l->top > vis ? l->top - vis : 0;
		l->selected = l->top;
		return;
	}
	if (!l->exhausted) {
		store_set_interrupt(ui->store, ui_input_pending, ui);
		fetch_more(ui, top + vis + 1);
		store_set_interrupt(ui->store, NULL, NULL);
	}
	if (top >= l->nhits) { /* the last page: its last document */
		if (l->nhits)
			l->selected = l->nhits - 1;
		follow_selection(ui);
		return;
	}
	l->top = top;
	l->selected = top;
}

/* "=": which document is selected, of how many. */
static struct ui_action
info(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	struct strbuf sb = STRBUF_INIT;
	struct ui_action a;

	if (l->nhits == 0)
		return ui_say(false, "%s", _("no document in the list"));
	list_describe(ui, &sb);
	a = ui_say(false, _("document %s · %s"), strbuf_str(&sb), l->hits[l->selected].title);
	strbuf_release(&sb);
	return a;
}

static struct ui_action
list_key(struct ui *ui, struct pane *pane, enum keymap_action action)
{
	struct list_state *l = pane->data;
	long page = (long)visible_entries(ui);

	switch (action) {
	case ACT_LINE_DOWN:
		list_move(ui, 1);
		break;
	case ACT_LINE_UP:
		list_move(ui, -1);
		break;
	case ACT_HALF_DOWN:
		list_move(ui, page / 2 > 0 ? page / 2 : 1);
		break;
	case ACT_HALF_UP:
		list_move(ui, -(page / 2 > 0 ? page / 2 : 1));
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
		page_move(ui, action == ACT_PAGE_DOWN ? 1 : -1);
		break;
	case ACT_INFO:
		return info(ui);
	case ACT_TOP:
		l->selected = 0;
		l->top = 0;
		break;
	case ACT_BOTTOM:
		/* Fetch to the end, abandoning on a keystroke. */
		while (!l->exhausted) {
			size_t before = l->nhits;
			store_set_interrupt(ui->store, ui_input_pending, ui);
			bool ok = fetch_more(ui, l->nhits + 256);
			store_set_interrupt(ui->store, NULL, NULL);
			if (!ok || l->nhits == before)
				break;
		}
		if (l->nhits)
			l->selected = l->nhits - 1;
		follow_selection(ui);
		break;
	case ACT_OPEN:
		return ui_request(REQ_OPEN);
	default:
		return ui_request(REQ_PASS);
	}
	return ui_request(REQ_NONE);
}

static void
list_resize(struct ui *ui, struct pane *pane)
{
	(void)pane;
	follow_selection(ui);
}

bool
list_found_none(const struct ui *ui)
{
	const struct list_state *l = state_of(ui);

	return !l->need_query && l->exhausted && l->nhits == 0;
}

bool
list_text_query(const struct ui *ui)
{
	return state_of(ui)->text_query;
}

char *
list_take_error(struct ui *ui)
{
	struct list_state *l = state_of(ui);
	char *err = l->error;

	l->error = NULL;
	return err;
}

/* "16/2000 documents", "1/1 document", "3/20+ documents" while the count
 * runs: the selection's place and the number of matches. */
void
list_describe(const struct ui *ui, struct strbuf *out)
{
	const struct list_state *l = state_of(ui);
	bool filtered = l->query && !query_is_empty(l->query);

	if (l->nhits > 0)
		strbuf_addf(out, "%zu/", l->selected + 1);
	if (l->count >= 0)
		strbuf_addf(out, i18n_ngettext("%lld document", "%lld documents", (unsigned long)l->count),
			    (long long)l->count);
	else if (l->need_query && l->nhits == 0)
		strbuf_addstr(out, _("searching…"));
	else
		strbuf_addf(out, _("%zu+ documents"), l->nhits);
	if (filtered)
		strbuf_addf(out, " %s", _("(filter)"));
}

int
list_wanted_rows(const struct ui *ui)
{
	const struct list_state *l = state_of(ui);
	int rows;

	if (l->need_query || !l->exhausted || l->nhits > 12)
		return 0;
	/* The header, then each document (two rows when a passage shows). */
	rows = 1 + (int)l->nhits * (l->text_query ? 2 : 1);
	if (l->nhits == 0)
		rows = 2; /* the header and "no document" */
	return rows < 3 ? 3 : rows; /* the header shows from three rows */
}

bool
list_select_after(struct ui *ui, int64_t doc_id)
{
	struct list_state *l = state_of(ui);

	for (size_t i = 0; i < l->nhits; i++) {
		if (l->hits[i].doc_id != doc_id)
			continue;
		l->selected = i;
		list_move(ui, 1);
		return l->selected == i + 1;
	}
	return false;
}

void
list_keep_doc(struct ui *ui, int64_t doc_id)
{
	struct list_state *l = state_of(ui);

	l->keep_doc = doc_id;
	l->find_doc = doc_id;
}

const struct pane_ops ui_list_ops = {
    .context = KEYMAP_LIST,
    .create = list_create,
    .destroy = list_destroy,
    .draw = list_draw,
    .key = list_key,
    .resize = list_resize,
};
