/* ui_reader.c - the reading pane: draws a docview (docview.h) and turns
 * keys into its moves.
 *
 * The model reads the pieces from the store through a callback; this file
 * only draws lines and asks the store for the matching pieces in idle time.
 * Scrolling shifts the window (wscrl) so the terminal scrolls its region
 * instead of repainting the pane. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "docview.h"
#include "i18n.h"
#include "ui_priv.h"

struct reader_state {
	struct docview view;
	struct store *store;
	int64_t doc_id; /* 0: nothing open */
	struct store_doc doc;
	bool want_matches; /* the matching pieces are to be found in idle time */
	bool valid;	   /* the window shows the view's top */
	int col_x;	   /* left margin when the measure caps the column */
};

static struct reader_state *
state_of(const struct ui *ui)
{
	return ui->panes[PANE_READER].data;
}

/* The model's source of pieces: the open document in the store. */
static int
read_piece(void *arg, size_t index, struct paragraph *out, bool *continued, char **err)
{
	struct reader_state *r = arg;

	return store_get_piece(r->store, r->doc_id, index, out, continued, err);
}

static void *
reader_create(struct ui *ui)
{
	struct reader_state *r = xcalloc(1, sizeof *r);
	struct docview_source src = {read_piece, r};

	r->store = ui->store;
	docview_init(&r->view, src, ui->sflags);
	return r;
}

/* Closes the open document (the caller saves its position first). */
static void
reader_close(struct reader_state *r)
{
	docview_close(&r->view);
	if (r->doc_id)
		store_doc_release(&r->doc);
	r->doc_id = 0;
	r->want_matches = false;
	r->valid = false;
}

static void
reader_destroy(void *data)
{
	struct reader_state *r = data;

	reader_close(r);
	docview_release(&r->view);
	free(r);
}

/* The column: the whole pane, capped at the measure and centred. */
static void
set_column(struct ui *ui, struct pane *pane)
{
	struct reader_state *r = pane->data;
	int measure = ui->measure > 0 ? ui->measure : 100;
	int col_w = pane->w < measure ? pane->w : measure;

	if (col_w < 1)
		col_w = 1;
	r->col_x = pane->w > col_w ? (pane->w - col_w) / 2 : 0;
	docview_set_size(&r->view, pane->win ? col_w : 0, pane->win ? pane->h : 0);
}

struct ui_action
reader_open(struct ui *ui, int64_t doc_id, size_t piece, size_t line, bool to_match)
{
	struct reader_state *r = state_of(ui);
	char *err = NULL;
	int rc;

	reader_close(r);
	rc = store_get_doc(ui->store, doc_id, &r->doc, &err);
	if (rc <= 0) {
		struct ui_action a =
		    ui_say(true, "document %lld : %s", (long long)doc_id, err ? err : "introuvable");
		free(err);
		return a;
	}
	r->doc_id = doc_id;
	docview_open(&r->view, &r->doc.meta, r->doc.npieces);
	r->want_matches = docview_has_terms(&r->view);
	set_column(ui, &ui->panes[PANE_READER]);
	if (to_match && piece < r->doc.npieces)
		docview_show_piece(&r->view, piece, true);
	else
		docview_go(&r->view, piece, line);
	return ui_request(REQ_NONE);
}

const struct store_doc *
reader_doc(const struct ui *ui)
{
	const struct reader_state *r = state_of(ui);

	return r->doc_id ? &r->doc : NULL;
}

void
reader_set_query(struct ui *ui, const struct query *q)
{
	struct reader_state *r = state_of(ui);

	docview_set_query(&r->view, q);
	r->want_matches = r->doc_id && docview_has_terms(&r->view);
	r->valid = false;
}

void
reader_invalidate(struct ui *ui)
{
	state_of(ui)->valid = false;
}

int
reader_page(const struct ui *ui)
{
	return docview_page(&state_of(ui)->view);
}

int
reader_percent(const struct ui *ui)
{
	return docview_percent(&state_of(ui)->view);
}

void
reader_position(const struct ui *ui, size_t *piece, size_t *line)
{
	docview_position(&state_of(ui)->view, piece, line);
}

/* Copies the spans overlapping [start, end) shifted to start at 0. */
static size_t
clip_spans(const struct text_span *in, size_t n, uint32_t start, uint32_t end,
	   struct text_span **out)
{
	size_t k = 0;

	*out = NULL;
	for (size_t i = 0; i < n; i++) {
		if (in[i].end <= start || in[i].start >= end)
			continue;
		if (!*out)
			*out = xmalloc(n * sizeof **out);
		(*out)[k].start = (in[i].start > start ? in[i].start : start) - start;
		(*out)[k].end = (in[i].end < end ? in[i].end : end) - start;
		k++;
	}
	return k;
}

/* Draws the line at p on window row y. */
static void
draw_line(struct ui *ui, struct pane *pane, struct docview_pos p, int y)
{
	struct reader_state *r = pane->data;
	const struct docview_block *b;
	const struct layout_line *ln;
	struct ui_spans spans[2];
	struct text_span *bold, *marks;
	int x;

	wmove(pane->win, y, 0);
	wclrtoeol(pane->win);
	if (!docview_line(&r->view, p, &b, &ln))
		return;
	x = r->col_x + b->indent + ln->indent;
	if (x >= pane->w)
		return;
	spans[0].n = clip_spans(b->bold, b->nbold, ln->start, ln->end, &bold);
	spans[0].spans = bold;
	spans[0].attr = b->header && ln == &b->lay.lines[0] ? ui->theme.header_label : ui->theme.bold;
	spans[1].n = clip_spans(b->marks, b->nmarks, ln->start, ln->end, &marks);
	spans[1].spans = marks;
	spans[1].attr = ui->theme.mark;
	wmove(pane->win, y, x);
	text_draw(ui, pane->win, b->text + ln->start, ln->end - ln->start, pane->w - x,
		  b->header		 ? ui->theme.header_value
		  : b->role == PARA_NOTE ? ui->theme.dim
					 : ui->theme.normal,
		  spans, 2, false);
	free(bold);
	free(marks);
}

static void
reader_draw(struct ui *ui, struct pane *pane)
{
	struct reader_state *r = pane->data;
	struct docview_pos p = r->view.top;
	bool more = true;

	if (!pane->win)
		return;
	if (!r->doc_id) {
		werase(pane->win);
		wmove(pane->win, 0, 0);
		text_draw_str(ui, pane->win,
			      "Entrée ouvre le document sélectionné, / filtre, ? affiche l'aide.",
			      pane->w, ui->theme.dim, true);
		wnoutrefresh(pane->win);
		r->valid = true;
		return;
	}
	for (int y = 0; y < pane->h; y++) {
		if (more) {
			draw_line(ui, pane, p, y);
			more = docview_next(&r->view, &p);
		} else {
			wmove(pane->win, y, 0);
			wclrtoeol(pane->win);
		}
	}
	r->valid = true;
	wnoutrefresh(pane->win);
}

/* Scrolls, shifting what is on the screen: the redraw then only changes
 * the exposed lines, and curses sends a scroll to the terminal. */
static void
scroll_lines(struct pane *pane, long lines)
{
	struct reader_state *r = pane->data;
	long moved;

	if (!r->doc_id)
		return;
	moved = docview_scroll(&r->view, lines);
	if (moved == 0)
		return;
	if (r->valid && pane->win && labs(moved) < pane->h) {
		scrollok(pane->win, TRUE);
		wscrl(pane->win, (int)moved);
		scrollok(pane->win, FALSE);
	} else {
		r->valid = false;
	}
}

void
reader_scroll(struct ui *ui, long lines)
{
	scroll_lines(&ui->panes[PANE_READER], lines);
}

/* Finds the matching pieces now (n pressed before the idle slot did it). */
static struct ui_action
find_matches(struct ui *ui, struct reader_state *r)
{
	size_t *pieces = NULL;
	char *err = NULL;
	long n = store_matching_pieces(ui->store, r->view.query, r->doc_id, &pieces, &err);

	if (n < 0) {
		struct ui_action a = ui_say(true, "%s", err ? err : "recherche interrompue");
		free(err);
		return a;
	}
	docview_set_matches(&r->view, pieces, n);
	r->want_matches = false;
	return ui_request(REQ_NONE);
}

/* Jumps to the next (dir > 0) or previous matching piece. */
static struct ui_action
jump_match(struct ui *ui, struct reader_state *r, int dir)
{
	size_t piece;

	if (!docview_has_terms(&r->view))
		return ui_say(false, "pas de filtre : tapez / pour chercher");
	if (!docview_matches_known(&r->view)) {
		struct ui_action a = find_matches(ui, r);
		if (a.req != REQ_NONE)
			return a;
	}
	if (!docview_find_match(&r->view, dir, &piece))
		return ui_say(false, "%s",
			      dir > 0 ? "pas d'autre passage plus bas"
				      : "pas d'autre passage plus haut");
	docview_show_piece(&r->view, piece, true);
	r->valid = false;
	return ui_request(REQ_NONE);
}

bool
reader_wants_idle(const struct ui *ui)
{
	const struct reader_state *r = state_of(ui);

	return r->want_matches && !docview_matches_known(&r->view);
}

bool
reader_idle(struct ui *ui)
{
	struct reader_state *r = state_of(ui);
	size_t *pieces = NULL;
	char *err = NULL;
	long n;

	if (!reader_wants_idle(ui) || !docview_has_terms(&r->view))
		return false;
	store_set_interrupt(ui->store, ui_input_pending, ui);
	n = store_matching_pieces(ui->store, r->view.query, r->doc_id, &pieces, &err);
	store_set_interrupt(ui->store, NULL, NULL);
	if (n == -2)
		return true;
	if (n < 0) {
		free(err);
		n = 0;
	}
	docview_set_matches(&r->view, pieces, n);
	r->want_matches = false;
	return false;
}

/* "=": where the reading is, like less's = . */
static struct ui_action
info(struct reader_state *r)
{
	size_t piece, line;
	int pct;

	if (!r->doc_id)
		return ui_say(false, "%s", _("no document open"));
	docview_position(&r->view, &piece, &line);
	pct = docview_percent(&r->view);
	return ui_say(false, _("%s · paragraph %zu of %zu · %d %%"),
		      r->doc.meta.source ? r->doc.meta.source : "?", piece + 1,
		      r->doc.npieces, pct < 0 ? 0 : pct);
}

static struct ui_action
reader_key(struct ui *ui, struct pane *pane, enum keymap_action action)
{
	struct reader_state *r = pane->data;
	long page = pane->h > 1 ? pane->h - 1 : 1;
	long half = pane->h / 2 > 0 ? pane->h / 2 : 1;

	switch (action) {
	case ACT_LINE_DOWN:
		scroll_lines(pane, 1);
		break;
	case ACT_LINE_UP:
		scroll_lines(pane, -1);
		break;
	case ACT_HALF_DOWN:
		scroll_lines(pane, half);
		break;
	case ACT_HALF_UP:
		scroll_lines(pane, -half);
		break;
	case ACT_PAGE_DOWN:
		scroll_lines(pane, page);
		break;
	case ACT_PAGE_UP:
		scroll_lines(pane, -page);
		break;
	case ACT_TOP:
		docview_to_top(&r->view);
		r->valid = false;
		break;
	case ACT_BOTTOM:
		docview_to_bottom(&r->view);
		r->valid = false;
		break;
	case ACT_PAGE_OR_NEXT:
		if (r->doc_id && docview_at_end(&r->view))
			return ui_request(REQ_NEXT_DOC);
		scroll_lines(pane, page);
		break;
	case ACT_BACK:
		return ui_request(REQ_BACK);
	case ACT_INFO:
		return info(r);
	case ACT_NEXT_MATCH:
		return jump_match(ui, r, 1);
	case ACT_PREV_MATCH:
		return jump_match(ui, r, -1);
	default:
		return ui_request(REQ_PASS);
	}
	return ui_request(REQ_NONE);
}

/* The top line is found again from the anchor for the new width. */
static void
reader_resize(struct ui *ui, struct pane *pane)
{
	struct reader_state *r = pane->data;

	r->valid = false;
	set_column(ui, pane);
}

const struct pane_ops ui_reader_ops = {
    .context = KEYMAP_READER,
    .create = reader_create,
    .destroy = reader_destroy,
    .draw = reader_draw,
    .key = reader_key,
    .resize = reader_resize,
};
