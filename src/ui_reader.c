/* ui_reader.c - the reading pane.
 *
 * A document is a sequence of blocks: a few header lines (metadata), then
 * one block per stored piece.  Only the blocks around the viewport are read
 * and laid out, in a small cache, so a document of any size opens at once.
 * The position is (block, line within the block); it survives a resize
 * because the line is found again from its byte offset.  Scrolling shifts
 * the window (wscrl) so the terminal scrolls its region instead of
 * repainting the pane. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui_priv.h"

void
reader_init(struct ui *ui)
{
	struct reader_state *r = &ui->reader;

	memset(r, 0, sizeof *r);
	for (size_t i = 0; i < READER_CACHE; i++)
		r->cache[i].index = -1;
	r->nmatches = -1;
}

/* Empties one cache slot. */
static void
block_release(struct reader_block *b)
{
	free(b->text);
	free(b->bold);
	free(b->marks);
	layout_release(&b->lay);
	memset(b, 0, sizeof *b);
	b->index = -1;
}

/* Closes the open document (the caller saves its position first). */
static void
reader_close(struct ui *ui)
{
	struct reader_state *r = &ui->reader;

	for (size_t i = 0; i < READER_CACHE; i++)
		block_release(&r->cache[i]);
	for (size_t i = 0; i < r->nheader; i++)
		free(r->header_text[i]);
	free(r->header_text);
	free(r->header_label);
	r->header_text = NULL;
	r->header_label = NULL;
	r->nheader = r->nblocks = 0;
	if (r->doc_id)
		store_doc_release(&r->doc);
	r->doc_id = 0;
	if (r->has_query)
		query_release(&r->query);
	r->has_query = false;
	free(r->matches);
	r->matches = NULL;
	r->nmatches = -1;
	r->want_matches = false;
	r->top_block = r->top_line = 0;
	r->valid = false;
}

void
reader_release(struct ui *ui)
{
	reader_close(ui);
	free(ui->reader.error);
	ui->reader.error = NULL;
}

/* Adds "label : value" to the header when value is known. */
static void
add_header(struct reader_state *r, size_t *cap, const char *label, const char *value)
{
	size_t cap2 = *cap;

	if (!value || !value[0])
		return;
	r->header_text = xgrow(r->header_text, cap, r->nheader + 1, sizeof *r->header_text);
	r->header_label = xgrow(r->header_label, &cap2, r->nheader + 1, sizeof *r->header_label);
	if (label) {
		r->header_text[r->nheader] = xasprintf("%s : %s", label, value);
		r->header_label[r->nheader] = strlen(label);
	} else {
		r->header_text[r->nheader] = xstrdup(value);
		r->header_label[r->nheader] = strlen(value);
	}
	r->nheader++;
}

/* Builds the metadata lines shown above the text. */
static void
build_header(struct reader_state *r)
{
	const struct doc_meta *m = &r->doc.meta;
	size_t cap = 0;
	char *first;

	if (m->kind && m->date)
		first = xasprintf("%s · %s", m->kind, m->date);
	else
		first = xstrdup(m->kind ? m->kind : m->date ? m->date : "Document");
	add_header(r, &cap, NULL, first);
	free(first);
	add_header(r, &cap, "De", m->sender);
	add_header(r, &cap, "À", m->addressee);
	add_header(r, &cap, "Organe", m->organ);
	add_header(r, &cap, "Cotes", m->symbols);
	add_header(r, &cap, "Langue originale", m->language);
}

/* Columns a footnote is indented by. */
#define READER_NOTE_INDENT 4

/* Columns a block is indented by: footnotes, where the column has room. */
static int
note_indent(const struct reader_state *r, const struct reader_block *b)
{
	return b->note && r->col_w > READER_NOTE_INDENT + 8 ? READER_NOTE_INDENT : 0;
}

/* Finds a cached block without laying it out. */
static struct reader_block *
cache_find(struct reader_state *r, size_t index)
{
	for (size_t i = 0; i < READER_CACHE; i++)
		if (r->cache[i].index == (long)index)
			return &r->cache[i];
	return NULL;
}

/* True when piece `piece` is another line of a block of one-line paragraphs
 * (masthead, signature) that the previous piece began: no blank line then. */
static bool
continues_block(struct ui *ui, size_t piece, enum para_role role)
{
	struct paragraph prev = {0};
	bool continued = false, same = false;
	char *err = NULL;

	if (piece == 0 || (role != PARA_FRONT && role != PARA_SIGNATURE))
		return false;
	if (store_get_piece(ui->store, ui->reader.doc_id, piece - 1, &prev, &continued, &err) == 1)
		same = prev.role == role;
	paragraph_release(&prev);
	free(err);
	return same;
}

/* Reads block `index` into a slot (the least recently used one). */
static struct reader_block *
cache_load(struct ui *ui, size_t index)
{
	struct reader_state *r = &ui->reader;
	struct reader_block *slot = &r->cache[0];
	struct paragraph para = {0};
	bool continued = false;
	char *err = NULL;

	for (size_t i = 0; i < READER_CACHE; i++) {
		if (r->cache[i].index < 0) {
			slot = &r->cache[i];
			break;
		}
		if (r->cache[i].used < slot->used)
			slot = &r->cache[i];
	}
	block_release(slot);
	slot->index = (long)index;
	if (index < r->nheader) {
		slot->header = true;
		slot->text = xstrdup(r->header_text[index]);
		slot->len = strlen(slot->text);
		slot->bold = xmalloc(sizeof *slot->bold);
		slot->bold[0].start = 0;
		slot->bold[0].end = (uint32_t)r->header_label[index];
		slot->nbold = 1;
		return slot;
	}
	int rc = store_get_piece(ui->store, r->doc_id, index - r->nheader, &para, &continued, &err);
	if (rc <= 0) {
		slot->text = xasprintf("[passage illisible : %s]", err ? err : "absent de la base");
		slot->len = strlen(slot->text);
		slot->blank_before = true;
		free(err);
		paragraph_release(&para);
		return slot;
	}
	slot->text = para.text;
	slot->len = para.len;
	slot->page = para.page;
	slot->note = para.role == PARA_NOTE;
	if (para.role == PARA_TITLE || para.role == PARA_HEADING) {
		slot->bold = xmalloc(sizeof *slot->bold);
		slot->bold[0].start = 0;
		slot->bold[0].end = (uint32_t)para.len;
		slot->nbold = 1;
		free(para.bold);
	} else {
		slot->bold = para.bold;
		slot->nbold = para.nbold;
	}
	slot->blank_before = !continued && !continues_block(ui, index - r->nheader, para.role);
	if (r->has_query)
		slot->nmarks = query_highlight(&r->query, slot->text, slot->len, &slot->marks);
	return slot;
}

/* Returns block `index`, read and laid out for the current width. */
static struct reader_block *
block_get(struct ui *ui, size_t index)
{
	struct reader_state *r = &ui->reader;
	struct reader_block *b = cache_find(r, index);
	int width = r->col_w > 0 ? r->col_w : 1;

	if (!b)
		b = cache_load(ui, index);
	width -= note_indent(r, b);
	b->used = ++r->stamp;
	if (b->laid_width != width) {
		layout_wrap(&b->lay, b->text, b->len, width, ui->sflags);
		b->laid_width = width;
	}
	return b;
}

/* Lines a block takes on the screen. */
static size_t
block_lines(struct ui *ui, size_t index)
{
	struct reader_block *b = block_get(ui, index);

	return (b->blank_before ? 1 : 0) + (b->lay.nlines ? b->lay.nlines : 1);
}

struct pos {
	size_t block, line;
};

static int
pos_cmp(struct pos a, struct pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return 0;
}

/* Moves p one line down; false at the last line. */
static bool
pos_next(struct ui *ui, struct pos *p)
{
	if (p->line + 1 < block_lines(ui, p->block)) {
		p->line++;
		return true;
	}
	if (p->block + 1 >= ui->reader.nblocks)
		return false;
	p->block++;
	p->line = 0;
	return true;
}

/* Moves p one line up; false at the first line. */
static bool
pos_prev(struct ui *ui, struct pos *p)
{
	if (p->line > 0) {
		p->line--;
		return true;
	}
	if (p->block == 0)
		return false;
	p->block--;
	p->line = block_lines(ui, p->block) - 1;
	return true;
}

/* The lowest top position: the last line at the bottom of the window. */
static struct pos
max_top(struct ui *ui)
{
	struct reader_state *r = &ui->reader;
	struct pos p = {0, 0};

	if (r->nblocks == 0)
		return p;
	p.block = r->nblocks - 1;
	p.line = block_lines(ui, p.block) - 1;
	for (int i = 1; i < r->h && pos_prev(ui, &p); i++)
		;
	return p;
}

/* Keeps the top inside the document. */
static void
clamp_top(struct ui *ui)
{
	struct reader_state *r = &ui->reader;
	struct pos top = {r->top_block, r->top_line}, m;

	if (r->nblocks == 0) {
		r->top_block = r->top_line = 0;
		return;
	}
	if (r->h <= 0)
		return; /* hidden: keep the position for when it shows again */
	if (top.block >= r->nblocks)
		top.block = r->nblocks - 1;
	if (top.line >= block_lines(ui, top.block))
		top.line = block_lines(ui, top.block) - 1;
	m = max_top(ui);
	if (pos_cmp(top, m) > 0)
		top = m;
	r->top_block = top.block;
	r->top_line = top.line;
}

/* Line (within the block) of the first highlight, or 0. */
static size_t
first_mark_line(struct ui *ui, size_t index)
{
	struct reader_block *b = block_get(ui, index);
	size_t off = b->blank_before ? 1 : 0;

	if (b->nmarks == 0)
		return 0;
	for (size_t i = 0; i < b->lay.nlines; i++)
		if (b->lay.lines[i].end > b->marks[0].start)
			return i + off;
	return 0;
}

/* Puts block `index` at the top, scrolled to its first highlight, but shows
 * what precedes it when the match fits in the upper part of the window. */
static void
show_block(struct ui *ui, size_t index, bool to_mark)
{
	struct reader_state *r = &ui->reader;
	struct pos target = {index, to_mark ? first_mark_line(ui, index) : 0};
	struct pos p = {0, 0};
	int lead = r->h / 3;

	size_t first_text = block_get(ui, index)->blank_before ? 1 : 0;

	if (to_mark && target.line >= (size_t)lead && target.line > first_text)
		target.line -= (size_t)(lead > 1 ? 1 : 0);
	else
		target.line = first_text; /* the paragraph itself, not the blank above */
	r->top_block = target.block;
	r->top_line = target.line;
	if (to_mark) {
		/* Does the match sit within the first third of the window from
		 * the start of the document?  Then start at the top. */
		for (int i = 0; i < lead; i++) {
			if (pos_cmp(p, target) == 0) {
				r->top_block = r->top_line = 0;
				break;
			}
			if (!pos_next(ui, &p))
				break;
		}
	}
	clamp_top(ui);
	r->valid = false;
}

/* Sets the column: the whole pane, capped at the measure and centred. */
static void
set_column(struct ui *ui)
{
	struct reader_state *r = &ui->reader;
	int measure = ui->measure > 0 ? ui->measure : 100;

	r->col_w = r->w < measure ? r->w : measure;
	if (r->col_w < 1)
		r->col_w = 1;
	r->col_x = r->w > r->col_w ? (r->w - r->col_w) / 2 : 0;
}

void
reader_open(struct ui *ui, int64_t doc_id, size_t piece, size_t line, const char *filter,
	    bool to_match)
{
	struct reader_state *r = &ui->reader;
	char *err = NULL;
	int rc;

	reader_close(ui);
	rc = store_get_doc(ui->store, doc_id, &r->doc, &err);
	if (rc <= 0) {
		ui_set_message(ui, true, "document %lld : %s", (long long)doc_id,
			       err ? err : "introuvable");
		free(err);
		return;
	}
	r->doc_id = doc_id;
	build_header(r);
	r->nblocks = r->nheader + r->doc.npieces;
	if (filter && filter[0]) {
		if (query_parse(filter, QUERY_LAST_PREFIX, &r->query) == 0 &&
		    !query_is_empty(&r->query)) {
			r->has_query = true;
			r->want_matches = true;
		} else {
			query_release(&r->query);
		}
	}
	set_column(ui);
	if (piece < r->doc.npieces && (piece > 0 || line > 0 || to_match)) {
		if (to_match) {
			show_block(ui, r->nheader + piece, true);
		} else {
			r->top_block = r->nheader + piece;
			r->top_line = line;
		}
	}
	clamp_top(ui);
	r->valid = false;
}

void
reader_invalidate(struct ui *ui)
{
	ui->reader.valid = false;
}

int
reader_page(const struct ui *ui)
{
	const struct reader_state *r = &ui->reader;
	const struct reader_block *b;

	if (!r->doc_id || r->doc.npieces == 0)
		return 0;
	/* under the metadata header, the first paragraph's page; the blocks
	 * on the screen were laid out to be drawn: they are in the cache */
	b = cache_find((struct reader_state *)r,
		       r->top_block < r->nheader ? r->nheader : r->top_block);
	return b ? b->page : 0;
}

int
reader_percent(const struct ui *ui)
{
	const struct reader_state *r = &ui->reader;
	size_t piece;

	if (!r->doc_id || r->doc.npieces == 0)
		return -1;
	if (r->valid && r->h > 0) {
		struct pos top = {r->top_block, r->top_line};
		struct pos m = max_top((struct ui *)ui);
		if (pos_cmp(top, m) >= 0)
			return 100;
	}
	piece = r->top_block > r->nheader ? r->top_block - r->nheader : 0;
	return (int)(piece * 100 / r->doc.npieces);
}

void
reader_position(const struct ui *ui, size_t *piece, size_t *line)
{
	const struct reader_state *r = &ui->reader;

	if (r->top_block < r->nheader) {
		*piece = 0;
		*line = 0;
	} else {
		*piece = r->top_block - r->nheader;
		*line = r->top_line;
	}
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
draw_line(struct ui *ui, struct pos p, int y)
{
	struct reader_state *r = &ui->reader;
	struct reader_block *b = block_get(ui, p.block);
	size_t off = b->blank_before ? 1 : 0;
	const struct layout_line *ln;
	struct ui_spans spans[2];
	struct text_span *bold, *marks;
	int x;

	wmove(r->win, y, 0);
	wclrtoeol(r->win);
	if (p.line < off || p.line - off >= b->lay.nlines)
		return;
	ln = &b->lay.lines[p.line - off];
	x = r->col_x + ln->indent + note_indent(r, b);
	if (x >= r->w)
		return;
	spans[0].n = clip_spans(b->bold, b->nbold, ln->start, ln->end, &bold);
	spans[0].spans = bold;
	spans[0].attr = b->header && p.line - off == 0 ? ui->theme.header_label : ui->theme.bold;
	spans[1].n = clip_spans(b->marks, b->nmarks, ln->start, ln->end, &marks);
	spans[1].spans = marks;
	spans[1].attr = ui->theme.mark;
	wmove(r->win, y, x);
	text_draw(ui, r->win, b->text + ln->start, ln->end - ln->start, r->w - x,
		  b->header ? ui->theme.header_value : b->note ? ui->theme.dim : ui->theme.normal,
		  spans, 2, false);
	free(bold);
	free(marks);
}

static void
reader_draw(struct ui *ui, bool full)
{
	struct reader_state *r = &ui->reader;
	struct pos p = {r->top_block, r->top_line};
	bool more = true;

	(void)full;
	if (!r->win)
		return;
	if (!r->doc_id) {
		werase(r->win);
		wmove(r->win, 0, 0);
		text_draw_str(ui, r->win,
			      "Entrée ouvre le document sélectionné, / filtre, ? affiche l'aide.",
			      r->w, ui->theme.dim, true);
		wnoutrefresh(r->win);
		r->valid = true;
		return;
	}
	for (int y = 0; y < r->h; y++) {
		if (more) {
			draw_line(ui, p, y);
			more = pos_next(ui, &p);
		} else {
			wmove(r->win, y, 0);
			wclrtoeol(r->win);
		}
	}
	r->valid = true;
	wnoutrefresh(r->win);
}

void
reader_scroll(struct ui *ui, long lines)
{
	struct reader_state *r = &ui->reader;
	struct pos p = {r->top_block, r->top_line}, m;
	long moved = 0;

	if (!r->doc_id || lines == 0)
		return;
	m = max_top(ui);
	while (lines > 0 && pos_cmp(p, m) < 0 && pos_next(ui, &p)) {
		lines--;
		moved++;
	}
	while (lines < 0 && pos_prev(ui, &p)) {
		lines++;
		moved--;
	}
	if (moved == 0)
		return;
	r->top_block = p.block;
	r->top_line = p.line;
	/* Shift what is on the screen; the redraw then only changes the
	 * exposed lines, and curses sends a scroll to the terminal. */
	if (r->valid && r->win && labs(moved) < r->h) {
		scrollok(r->win, TRUE);
		wscrl(r->win, (int)moved);
		scrollok(r->win, FALSE);
	} else {
		r->valid = false;
	}
}

/* Jumps to the next (dir > 0) or previous matching piece. */
static void
jump_match(struct ui *ui, int dir)
{
	struct reader_state *r = &ui->reader;
	char *err = NULL;

	if (!r->has_query) {
		ui_set_message(ui, false, "pas de filtre : tapez / pour chercher");
		return;
	}
	if (r->nmatches < 0) {
		r->nmatches =
		    store_matching_pieces(ui->store, &r->query, r->doc_id, &r->matches, &err);
		if (r->nmatches < 0) {
			ui_set_message(ui, true, "%s", err ? err : "recherche interrompue");
			free(err);
			r->nmatches = -1;
			return;
		}
	}
	for (long k = 0; k < r->nmatches; k++) {
		long i = dir > 0 ? k : r->nmatches - 1 - k;
		size_t block = r->nheader + r->matches[i];
		if ((dir > 0 && block > r->top_block) || (dir < 0 && block < r->top_block)) {
			show_block(ui, block, true);
			return;
		}
	}
	ui_set_message(ui, false, "%s",
		       dir > 0 ? "pas d'autre passage plus bas" : "pas d'autre passage plus haut");
}

bool
reader_idle(struct ui *ui)
{
	struct reader_state *r = &ui->reader;
	char *err = NULL;
	long n;

	if (!r->want_matches || !r->has_query || r->nmatches >= 0)
		return false;
	store_set_interrupt(ui->store, ui_input_pending, ui);
	n = store_matching_pieces(ui->store, &r->query, r->doc_id, &r->matches, &err);
	store_set_interrupt(ui->store, NULL, NULL);
	if (n == -2)
		return true;
	if (n < 0) {
		free(err);
		n = 0;
	}
	r->nmatches = n;
	r->want_matches = false;
	return false;
}

static bool
reader_key(struct ui *ui, enum keymap_action action)
{
	struct reader_state *r = &ui->reader;
	long page = r->h > 1 ? r->h - 1 : 1;

	switch (action) {
	case ACT_LINE_DOWN:
		reader_scroll(ui, 1);
		break;
	case ACT_LINE_UP:
		reader_scroll(ui, -1);
		break;
	case ACT_HALF_DOWN:
		reader_scroll(ui, r->h / 2 > 0 ? r->h / 2 : 1);
		break;
	case ACT_HALF_UP:
		reader_scroll(ui, -(r->h / 2 > 0 ? r->h / 2 : 1));
		break;
	case ACT_PAGE_DOWN:
		reader_scroll(ui, page);
		break;
	case ACT_PAGE_UP:
		reader_scroll(ui, -page);
		break;
	case ACT_TOP:
		r->top_block = r->top_line = 0;
		r->valid = false;
		break;
	case ACT_BOTTOM:
		if (r->nblocks) {
			struct pos m = max_top(ui);
			r->top_block = m.block;
			r->top_line = m.line;
			r->valid = false;
		}
		break;
	case ACT_NEXT_MATCH:
		jump_match(ui, 1);
		break;
	case ACT_PREV_MATCH:
		jump_match(ui, -1);
		break;
	default:
		return false;
	}
	return true;
}

/* Keeps the top paragraph at the top: the top line is found again by the
 * byte offset it showed before the width changed. */
static void
reader_resize(struct ui *ui)
{
	struct reader_state *r = &ui->reader;
	struct reader_block *b;
	uint32_t anchor = 0;
	bool have_anchor = false;

	r->valid = false;
	if (!r->doc_id) {
		set_column(ui);
		return;
	}
	b = cache_find(r, r->top_block);
	if (b && b->laid_width > 0) {
		size_t off = b->blank_before ? 1 : 0;
		if (r->top_line >= off && r->top_line - off < b->lay.nlines) {
			anchor = b->lay.lines[r->top_line - off].start;
			have_anchor = true;
		}
	}
	set_column(ui);
	if (have_anchor) {
		b = block_get(ui, r->top_block);
		size_t off = b->blank_before ? 1 : 0;
		r->top_line = off;
		for (size_t i = 0; i < b->lay.nlines; i++)
			if (b->lay.lines[i].start <= anchor)
				r->top_line = i + off;
	}
	if (r->h > 0 && r->w > 0)
		clamp_top(ui);
}

const struct pane_ops ui_reader_ops = {
    .name = "lecture",
    .draw = reader_draw,
    .key = reader_key,
    .resize = reader_resize,
};
