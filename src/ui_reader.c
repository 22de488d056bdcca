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

#include "bookmarks.h"
#include "citation.h"
#include "cli.h"
#include "docview.h"
#include "history.h"
#include "i18n.h"
#include "links.h"
#include "outline.h"
#include "ui_priv.h"

/* Paragraphs `]` and `[` look through for the next link before giving up. */
#define READER_LINK_SCAN 400
/* Below this size the outline is read at once, for the status line's
 * section; a larger document reads it when `t` asks for it. */
#define READER_OUTLINE_EAGER (4 << 20)
/* Cells of the section's name the status line shows. */
#define READER_SECTION_CELLS 24
/* Columns the bookmark marks take left of the text. */
#define READER_MARK_MARGIN 2

struct reader_state {
	struct docview view;
	struct store *store;
	int64_t doc_id; /* 0: nothing open */
	struct store_doc doc;
	bool want_matches; /* the matching pieces are to be found in idle time */
	bool valid;	   /* the window shows the view's top */
	int col_x;	   /* left margin when the measure caps the column */
	long sel_block;	   /* block of the selected link, -1: none */
	size_t sel_link;   /* its index among the block's links */
	struct history history;
	char *snapshot_key; /* bookmarks_snapshot_key of the store */
	char symbol[LINKS_SYMBOL_MAX]; /* the open document's first symbol, or "" */
	bool has_marks;	   /* the open document has bookmarks: a margin shows them */
	struct outline outline;
	bool outline_ready;
	char *section; /* reader_section's text, owned */
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
	r->sel_block = -1;
	history_init(&r->history);
	r->snapshot_key = bookmarks_snapshot_key(store_path(ui->store));
	outline_init(&r->outline);
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
	r->sel_block = -1;
	r->symbol[0] = '\0';
	r->has_marks = false;
	outline_release(&r->outline);
	r->outline_ready = false;
	free(r->section);
	r->section = NULL;
}

static void
reader_destroy(void *data)
{
	struct reader_state *r = data;

	reader_close(r);
	docview_release(&r->view);
	free(r->snapshot_key);
	free(r);
}

/* The column: the whole pane, capped at the measure and centred. */
static void
set_column(struct ui *ui, struct pane *pane)
{
	struct reader_state *r = pane->data;
	int measure = ui->measure > 0 ? ui->measure : 100;
	int margin = r->has_marks && pane->w > 2 * READER_MARK_MARGIN ? READER_MARK_MARGIN : 0;
	int avail = pane->w - margin;
	int col_w = avail < measure ? avail : measure;

	if (col_w < 1)
		col_w = 1;
	r->col_x = pane->w > col_w ? (pane->w - col_w) / 2 : 0;
	if (r->col_x < margin)
		r->col_x = margin;
	docview_set_size(&r->view, pane->win ? col_w : 0, pane->win ? pane->h : 0);
}

/* True when a bookmark of this snapshot is in the open document. */
static bool
doc_has_marks(const struct ui *ui, const struct reader_state *r)
{
	const char *source = r->doc.meta.source ? r->doc.meta.source : "";

	for (size_t i = 0; i < ui->state.nmarks; i++) {
		const struct state_mark *m = &ui->state.marks[i];

		if (strcmp(m->snapshot, r->snapshot_key) != 0)
			continue;
		if (source[0] && m->source[0] ? strcmp(m->source, source) == 0
					      : r->symbol[0] && strcmp(m->symbol, r->symbol) == 0)
			return true;
	}
	return false;
}

/* True when block b starts a bookmarked paragraph. */
static bool
block_marked(const struct ui *ui, const struct reader_state *r, const struct docview_block *b)
{
	if (!r->has_marks || b->header || b->continued)
		return false;
	return state_has_mark(&ui->state, r->snapshot_key, r->doc.meta.source, r->symbol,
			      state_fingerprint(b->text, b->len));
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
		    ui_say(true, _("document %lld: %s"), (long long)doc_id, err ? err : _("not found"));
		free(err);
		return a;
	}
	r->doc_id = doc_id;
	docview_open(&r->view, &r->doc.meta, r->doc.npieces);
	{
		const char *symbols = r->doc.meta.symbols;
		char *cited = NULL;

		if (!links_next_symbol(&symbols, r->symbol))
			r->symbol[0] = '\0';
		if (cli_cited_by(ui->store, doc_id, &cited, &err) < 0) {
			free(err);
			err = NULL;
		}
		docview_add_header(&r->view, _("Cited by"), cited);
		free(cited);
	}
	r->has_marks = doc_has_marks(ui, r);
	r->want_matches = docview_has_terms(&r->view);
	if (r->doc.nbytes <= READER_OUTLINE_EAGER)
		reader_outline(ui);
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
	struct ui_spans spans[4];
	struct text_span *bold, *marks, *links = NULL, *sel = NULL, selected;
	size_t nlinks = 0, nsel = 0;
	int x;

	wmove(pane->win, y, 0);
	wclrtoeol(pane->win);
	if (!docview_line(&r->view, p, &b, &ln))
		return;
	if (ln == &b->lay.lines[0] && r->col_x >= READER_MARK_MARGIN && block_marked(ui, r, b)) {
		wmove(pane->win, y, r->col_x - READER_MARK_MARGIN);
		text_draw_str(ui, pane->win, ui->utf8 ? "▌" : "*", 1, A_BOLD, false);
	}
	x = r->col_x + b->indent + ln->indent;
	if (x >= pane->w)
		return;
	if (b->nlinks) {
		struct text_span *all = xcalloc(b->nlinks, sizeof *all);

		for (size_t i = 0; i < b->nlinks; i++)
			all[i] = (struct text_span){(uint32_t)b->links[i].start,
						    (uint32_t)b->links[i].end};
		nlinks = clip_spans(all, b->nlinks, ln->start, ln->end, &links);
		if (r->sel_block == b->index && r->sel_link < b->nlinks) {
			selected = all[r->sel_link];
			nsel = clip_spans(&selected, 1, ln->start, ln->end, &sel);
		}
		free(all);
	}
	spans[0].n = clip_spans(b->bold, b->nbold, ln->start, ln->end, &bold);
	spans[0].spans = bold;
	spans[0].attr = b->header && ln == &b->lay.lines[0] ? ui->theme.header_label : ui->theme.bold;
	spans[1].n = clip_spans(b->marks, b->nmarks, ln->start, ln->end, &marks);
	spans[1].spans = marks;
	spans[1].attr = ui->theme.mark;
	/* links are underlined, the selected one also reversed: both show in
	 * monochrome and in any locale */
	spans[2].n = nlinks;
	spans[2].spans = links;
	spans[2].attr = A_UNDERLINE;
	spans[3].n = nsel;
	spans[3].spans = sel;
	spans[3].attr = A_UNDERLINE | A_REVERSE;
	wmove(pane->win, y, x);
	text_draw(ui, pane->win, b->text + ln->start, ln->end - ln->start, pane->w - x,
		  b->header		 ? ui->theme.header_value
		  : b->role == PARA_NOTE ? ui->theme.dim
					 : ui->theme.normal,
		  spans, 4, false);
	free(bold);
	free(marks);
	free(links);
	free(sel);
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
			      _("Enter opens the selected document, / filters, ? shows the help."),
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
		return ui_say(false, _("no filter: type / to search"));
	if (!docview_matches_known(&r->view)) {
		struct ui_action a = find_matches(ui, r);
		if (a.req != REQ_NONE)
			return a;
	}
	if (!docview_find_match(&r->view, dir, &piece))
		return ui_say(false, "%s",
			      dir > 0 ? _("no other passage further down")
				      : _("no other passage further up"));
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


/* The place the reader is at, for the history. */
static struct history_place
here(struct reader_state *r)
{
	struct history_place p = {r->doc_id, 0, 0};

	docview_position(&r->view, &p.piece, &p.line);
	return p;
}

/* Leaves the open document for doc_id at piece/line, remembering where it
 * was left in the state (as opening from the list does). */
static struct ui_action
reader_move(struct ui *ui, struct reader_state *r, int64_t doc_id, size_t piece, size_t line)
{
	struct ui_action a;
	char *source;

	if (r->doc_id) {
		struct history_place p = here(r);

		state_set_position(&ui->state, r->doc_id, r->doc.meta.source, p.piece, p.line);
	}
	a = reader_open(ui, doc_id, piece, line, false);
	source = r->doc_id && r->doc.meta.source ? r->doc.meta.source : NULL;
	if (r->doc_id)
		state_set_last(&ui->state, r->doc_id, source);
	return a;
}

struct ui_action
reader_goto(struct ui *ui, int64_t doc_id, size_t piece)
{
	struct reader_state *r = state_of(ui);

	struct ui_action a;

	if (r->doc_id)
		history_jump(&r->history, here(r));
	a = reader_move(ui, r, doc_id, piece, 0);
	/* the paragraph itself at the top, not the blank line above it */
	if (r->doc_id == doc_id && piece > 0)
		docview_show_piece(&r->view, piece, false);
	return a;
}

/* Backspace and F: through the history. */
static struct ui_action
history_step(struct ui *ui, struct reader_state *r, bool back)
{
	struct history_place to;
	bool ok = back ? history_back(&r->history, here(r), &to)
		       : history_forward(&r->history, here(r), &to);

	if (!ok)
		return ui_say(false, "%s", back ? _("nothing to go back to") : _("nothing to go forward to"));
	return reader_move(ui, r, to.doc_id, to.piece, to.line);
}

static void
outline_collect(void *arg, size_t index, const struct paragraph *p)
{
	outline_add(arg, index, p->role, p->text, p->len);
}

const struct outline *
reader_outline(struct ui *ui)
{
	struct reader_state *r = state_of(ui);
	char *err = NULL;

	if (!r->doc_id)
		return NULL;
	if (!r->outline_ready) {
		outline_release(&r->outline);
		if (store_each_structure_piece(ui->store, r->doc_id, OUTLINE_LABEL_MAX,
					       outline_collect, &r->outline, &err) < 0) {
			free(err);
			outline_release(&r->outline);
		}
		r->outline_ready = true;
	}
	return &r->outline;
}

size_t
reader_top_piece(const struct ui *ui)
{
	struct reader_state *r = state_of(ui);
	size_t piece = 0;

	if (!r->doc_id || !docview_top_piece(&r->view, &piece))
		return 0;
	return piece;
}

const char *
reader_section(struct ui *ui)
{
	struct reader_state *r = state_of(ui);
	const struct outline *o;
	size_t piece = reader_top_piece(ui);
	long top, at;

	/* drawing never reads the store: the outline was read at the opening */
	if (!r->doc_id || !r->outline_ready)
		return NULL;
	o = &r->outline;
	top = outline_entry_at(o, piece, true);
	at = outline_entry_at(o, piece, false);
	free(r->section);
	r->section = NULL;
	if (top < 0)
		return NULL;
	{
		/* short enough to leave the status line its position and hints */
		struct layout lay = LAYOUT_INIT;
		const char *label = o->entries[top].label;
		size_t n = layout_wrap(&lay, label, strlen(label), READER_SECTION_CELLS, ui->sflags);
		struct strbuf sb = STRBUF_INIT;

		if (at > top && o->entries[at].number[0])
			strbuf_addf(&sb, "%s %s · ",
				    o->entries[at].kind == OUTLINE_ITEM ? _("item") : _("par."),
				    o->entries[at].number);
		if (n > 0)
			strbuf_add(&sb, label + lay.lines[0].start,
				   lay.lines[0].end - lay.lines[0].start);
		if (n > 1)
			strbuf_addstr(&sb, "…");
		layout_release(&lay);
		r->section = strbuf_detach(&sb, NULL);
	}
	return r->section;
}

const char *
reader_snapshot_key(const struct ui *ui)
{
	return state_of(ui)->snapshot_key;
}

/* Where link k of block index starts on the screen. */
static struct docview_pos
link_pos(struct reader_state *r, size_t index, size_t k)
{
	const struct docview_block *b = docview_block(&r->view, index);
	struct docview_pos p = {index, docview_offset_line(&r->view, index, b->links[k].start)};

	return p;
}

/* The last line on the screen. */
static struct docview_pos
bottom_pos(struct reader_state *r, int h)
{
	struct docview_pos p = r->view.top;

	for (int i = 1; i < h && docview_next(&r->view, &p);)
		i++;
	return p;
}

static bool
on_screen(struct reader_state *r, struct docview_pos p, int h)
{
	return docview_pos_cmp(p, r->view.top) >= 0 && docview_pos_cmp(p, bottom_pos(r, h)) <= 0;
}

/* `]` and `[`: the next link after the selection when it is on the screen,
 * else the first one on the screen (the last one for `[`). */
static struct ui_action
select_link(struct ui *ui, struct pane *pane, struct reader_state *r, int dir)
{
	struct docview_pos from;
	bool have_sel = r->sel_block >= 0 && (size_t)r->sel_block < r->view.nblocks &&
			on_screen(r, link_pos(r, (size_t)r->sel_block, r->sel_link), pane->h);
	long block;
	(void)ui;

	if (!r->doc_id)
		return ui_request(REQ_NONE);
	from = have_sel ? link_pos(r, (size_t)r->sel_block, r->sel_link)
			: dir > 0 ? r->view.top : bottom_pos(r, pane->h);
	block = (long)from.block;
	for (int n = 0; n < READER_LINK_SCAN && block >= 0 && (size_t)block < r->view.nblocks;
	     n++, block += dir) {
		const struct docview_block *b = docview_block(&r->view, (size_t)block);
		size_t count = b->nlinks;

		for (size_t i = 0; i < count; i++) {
			size_t k = dir > 0 ? i : count - 1 - i;
			struct docview_pos p = link_pos(r, (size_t)block, k);

			if (have_sel) {
				if ((size_t)block == (size_t)r->sel_block &&
				    (dir > 0 ? k <= r->sel_link : k >= r->sel_link))
					continue;
			} else if (dir > 0 ? docview_pos_cmp(p, from) < 0
					   : docview_pos_cmp(p, from) > 0) {
				continue;
			}
			r->sel_block = block;
			r->sel_link = k;
			if (!on_screen(r, p, pane->h))
				docview_go(&r->view, (size_t)block - r->view.nheader, p.line);
			r->valid = false;
			b = docview_block(&r->view, (size_t)block);
			return ui_say(false, "%s", b->links[k].target);
		}
	}
	return ui_say(false, "%s", dir > 0 ? _("no other link below") : _("no other link above"));
}

/* Enter: the document that has the selected link's symbol. */
static struct ui_action
follow_link(struct ui *ui, struct reader_state *r)
{
	const struct docview_block *b;
	char target[LINKS_SYMBOL_MAX], *err = NULL;
	int64_t id = 0;
	int rc;

	if (r->sel_block < 0 || (size_t)r->sel_block >= r->view.nblocks)
		return ui_say(false, "%s", _("no link selected: ] selects the next one"));
	b = docview_block(&r->view, (size_t)r->sel_block);
	if (r->sel_link >= b->nlinks)
		return ui_say(false, "%s", _("no link selected: ] selects the next one"));
	memcpy(target, b->links[r->sel_link].target, sizeof target);
	rc = store_find_symbol(ui->store, target, &id, &err);
	if (rc < 0) {
		struct ui_action a = ui_say(true, "%s", err);
		free(err);
		return a;
	}
	if (rc == 0)
		return ui_say(true, _("%s: no document of this snapshot has this symbol"), target);
	return reader_goto(ui, id, 0);
}

/* The first piece of the paragraph at the top: a piece continuing a long
 * paragraph is part of the paragraph begun before it. */
static bool
top_paragraph(struct reader_state *r, size_t *piece)
{
	if (!docview_top_piece(&r->view, piece))
		return false;
	while (*piece > 0 && docview_block(&r->view, r->view.nheader + *piece)->continued)
		(*piece)--;
	return true;
}

/* m: a bookmark on the paragraph at the top, or off again. */
static struct ui_action
toggle_mark(struct ui *ui, struct pane *pane, struct reader_state *r)
{
	struct state_mark m;
	char symbol[LINKS_SYMBOL_MAX];
	size_t piece;
	bool added, had = r->has_marks;

	if (!r->doc_id || !top_paragraph(r, &piece))
		return ui_say(false, "%s", _("no paragraph to bookmark"));
	bookmarks_make(&m, r->snapshot_key, &r->doc.meta, symbol, piece,
		       docview_block(&r->view, r->view.nheader + piece)->text);
	added = state_toggle_mark(&ui->state, &m);
	r->has_marks = doc_has_marks(ui, r);
	if (r->has_marks != had)
		set_column(ui, pane);
	r->valid = false;
	ui_save_state(ui);
	return ui_say(false, "%s", added ? _("bookmark set (' lists them)") : _("bookmark removed"));
}

/* y and Y: a citation of the passage at the top, or the reference. */
static struct ui_action
copy_citation(struct ui *ui, struct reader_state *r, bool reference)
{
	struct ui_action a;
	char *text, number[16] = "";
	size_t piece;

	if (!r->doc_id)
		return ui_say(false, "%s", _("no document open"));
	if (reference) {
		text = citation_reference(&r->doc.meta);
		a = copy_to_clipboard(ui, _("reference"), text);
	} else {
		const struct docview_block *b;

		if (!top_paragraph(r, &piece))
			return ui_say(false, "%s", _("no passage to copy"));
		b = docview_block(&r->view, r->view.nheader + piece);
		/* the masthead at the top: the first real paragraph after it */
		for (int n = 0; b->role == PARA_FRONT && n < 100 && piece + 1 < r->view.npieces; n++)
			b = docview_block(&r->view, r->view.nheader + ++piece);
		{
			size_t skip = 0;

			/* "2. Les participants…": the number goes in front, as par. 2 */
			if ((b->role == PARA_NUMBERED || b->role == PARA_ITEM) &&
			    (skip = outline_number(b->text, b->len, number)) > 0)
				for (skip++; skip < b->len && b->text[skip] == ' ';)
					skip++;
			text = citation_passage(&r->doc.meta, number, b->text + skip, b->len - skip);
		}
		a = copy_to_clipboard(ui, _("citation"), text);
	}
	free(text);
	return a;
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
	case ACT_LINK_NEXT:
		return select_link(ui, pane, r, 1);
	case ACT_LINK_PREV:
		return select_link(ui, pane, r, -1);
	case ACT_FOLLOW:
		return follow_link(ui, r);
	case ACT_HISTORY_BACK:
		return history_step(ui, r, true);
	case ACT_HISTORY_FORWARD:
		return history_step(ui, r, false);
	case ACT_CITED_BY: {
		struct ui_action a;

		if (!r->doc_id || !r->symbol[0])
			return ui_say(false, "%s", _("this document has no symbol to be cited by"));
		a = ui_request(REQ_FILTER_TO);
		a.message = strchr(r->symbol, ' ') ? xasprintf("cite:\"%s\"", r->symbol)
						   : xasprintf("cite:%s", r->symbol);
		return a;
	}
	case ACT_MARK:
		return toggle_mark(ui, pane, r);
	case ACT_OUTLINE:
		if (!r->doc_id)
			return ui_say(false, "%s", _("no document open"));
		return ui_request_pane(REQ_SHOW, PANE_OUTLINE);
	case ACT_COPY:
		return copy_citation(ui, r, false);
	case ACT_COPY_REFERENCE:
		return copy_citation(ui, r, true);
	case ACT_PIPE: {
		struct ui_action a;

		if (!r->doc_id)
			return ui_say(false, "%s", _("no document open"));
		a = ui_request(REQ_PROMPT);
		a.count = PROMPT_PIPE;
		return a;
	}
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
