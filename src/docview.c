/* docview.c - the reading pane's model: blocks, lines, positions (see
 * docview.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "docview.h"
#include "i18n.h"
#include "util.h"

void
docview_init(struct docview *v, struct docview_source src, unsigned sflags)
{
	memset(v, 0, sizeof *v);
	v->src = src;
	v->sflags = sflags;
	for (size_t i = 0; i < DOCVIEW_CACHE; i++)
		v->cache[i].index = -1;
	v->nmatches = -1;
}

/* Empties one cache slot. */
static void
block_release(struct docview_block *b)
{
	free(b->text);
	free(b->bold);
	free(b->marks);
	free(b->links);
	layout_release(&b->lay);
	memset(b, 0, sizeof *b);
	b->index = -1;
}

void
docview_close(struct docview *v)
{
	for (size_t i = 0; i < DOCVIEW_CACHE; i++)
		block_release(&v->cache[i]);
	for (size_t i = 0; i < v->nheader; i++)
		free(v->header_text[i]);
	free(v->header_text);
	free(v->header_label);
	v->header_text = NULL;
	v->header_label = NULL;
	v->nheader = v->npieces = v->nblocks = 0;
	free(v->matches);
	v->matches = NULL;
	v->nmatches = -1;
	memset(&v->top, 0, sizeof v->top);
	memset(&v->anchor, 0, sizeof v->anchor);
	v->open = false;
}

void
docview_release(struct docview *v)
{
	docview_close(v);
}

/* Adds "label: value" (in the user's language) to the header when value is
 * known; label is already translated. */
static void
add_header(struct docview *v, size_t *cap, const char *label, const char *value)
{
	size_t cap2 = *cap;

	if (!value || !value[0])
		return;
	v->header_text = xgrow(v->header_text, cap, v->nheader + 1, sizeof *v->header_text);
	v->header_label = xgrow(v->header_label, &cap2, v->nheader + 1, sizeof *v->header_label);
	if (label) {
		v->header_text[v->nheader] = xasprintf(_("%s: %s"), label, value);
		v->header_label[v->nheader] = strlen(label);
	} else {
		v->header_text[v->nheader] = xstrdup(value);
		v->header_label[v->nheader] = strlen(value);
	}
	v->nheader++;
}

/* The metadata lines shown above the text, in this order. */
static void
build_header(struct docview *v, const struct doc_meta *m)
{
	size_t cap = 0;
	char *first;

	if (m->kind && m->date)
		first = xasprintf("%s · %s", m->kind, m->date);
	else
		first = xstrdup(m->kind ? m->kind : m->date ? m->date : _("Document"));
	add_header(v, &cap, NULL, first);
	free(first);
	add_header(v, &cap, _("From"), m->sender);
	add_header(v, &cap, _("To"), m->addressee);
	add_header(v, &cap, _("Organ"), m->organ);
	add_header(v, &cap, _("Symbols"), m->symbols);
	add_header(v, &cap, _("Original language"), m->language);
}

void
docview_add_header(struct docview *v, const char *label, const char *value)
{
	size_t cap = v->nheader;

	if (value == NULL || value[0] == '\0')
		return;
	add_header(v, &cap, label, value);
	v->nblocks = v->nheader + v->npieces;
}

void
docview_open(struct docview *v, const struct doc_meta *meta, size_t npieces)
{
	docview_close(v);
	build_header(v, meta);
	v->npieces = npieces;
	v->nblocks = v->nheader + npieces;
	v->open = true;
}

void
docview_set_query(struct docview *v, const struct query *q)
{
	v->query = q && !query_is_empty(q) ? q : NULL;
	v->query_gen++;
	free(v->matches);
	v->matches = NULL;
	v->nmatches = -1;
}

bool
docview_has_terms(const struct docview *v)
{
	return v->query && v->query->fts;
}

static struct docview_block *
cache_find(struct docview *v, size_t index)
{
	for (size_t i = 0; i < DOCVIEW_CACHE; i++)
		if (v->cache[i].index == (long)index)
			return &v->cache[i];
	return NULL;
}

/* A one-span list covering [0, end). */
static struct text_span *
one_span(uint32_t end)
{
	struct text_span *s = xmalloc(sizeof *s);

	s->start = 0;
	s->end = end;
	return s;
}

/* The role of piece `piece`, from the cache or the source; -1 unknown. */
static int
piece_role(struct docview *v, size_t piece)
{
	struct docview_block *b = cache_find(v, v->nheader + piece);
	struct paragraph para = {0};
	bool continued = false;
	char *err = NULL;
	int role = -1;

	if (b)
		return b->header ? -1 : (int)b->role;
	if (v->src.get_piece(v->src.arg, piece, &para, &continued, &err) == 1)
		role = (int)para.role;
	paragraph_release(&para);
	free(err);
	return role;
}

/* Reads block `index` into the least recently used slot. */
static struct docview_block *
cache_load(struct docview *v, size_t index)
{
	struct docview_block *slot = &v->cache[0];
	struct paragraph para = {0};
	bool continued = false;
	char *err = NULL;
	int rc, prev;

	for (size_t i = 0; i < DOCVIEW_CACHE; i++) {
		if (v->cache[i].index < 0) {
			slot = &v->cache[i];
			break;
		}
		if (v->cache[i].used < slot->used)
			slot = &v->cache[i];
	}
	block_release(slot);
	slot->index = (long)index;
	if (index < v->nheader) {
		slot->header = true;
		slot->text = xstrdup(v->header_text[index]);
		slot->len = strlen(slot->text);
		slot->bold = one_span((uint32_t)v->header_label[index]);
		slot->nbold = 1;
		return slot;
	}
	rc = v->src.get_piece(v->src.arg, index - v->nheader, &para, &continued, &err);
	if (rc <= 0) {
		slot->text = xasprintf(_("[unreadable passage: %s]"), err ? err : _("not in the database"));
		slot->len = strlen(slot->text);
		slot->blank_before = true;
		free(err);
		paragraph_release(&para);
		return slot;
	}
	slot->text = para.text;
	slot->len = para.len;
	slot->role = para.role;
	slot->continued = continued;
	slot->nlinks = links_find(slot->text, slot->len, &slot->links);
	slot->page = para.page;
	if (para.role == PARA_TITLE || para.role == PARA_HEADING) {
		slot->bold = one_span((uint32_t)para.len);
		slot->nbold = 1;
		free(para.bold);
	} else {
		slot->bold = para.bold;
		slot->nbold = para.nbold;
	}
	if (continued || index == v->nheader) {
		slot->blank_before = !continued;
	} else {
		prev = piece_role(v, index - v->nheader - 1);
		slot->blank_before = !(prev >= 0 && paragraph_joins_previous(prev, para.role));
	}
	return slot;
}

/* Returns block `index`, laid out and highlighted for the current state. */
static struct docview_block *
block_get(struct docview *v, size_t index)
{
	struct docview_block *b = cache_find(v, index);
	int width = v->width > 0 ? v->width : 1;

	if (!b)
		b = cache_load(v, index);
	b->used = ++v->stamp;
	if (b->laid_width != width) {
		b->indent = !b->header && b->role == PARA_NOTE && width > DOCVIEW_NOTE_INDENT + 8
				? DOCVIEW_NOTE_INDENT
				: 0;
		layout_wrap(&b->lay, b->text, b->len, width - b->indent, v->sflags);
		b->laid_width = width;
	}
	if (b->marks_gen != v->query_gen) {
		free(b->marks);
		b->marks = NULL;
		b->nmarks = 0;
		if (v->query && !b->header)
			b->nmarks = query_highlight(v->query, b->text, b->len, &b->marks);
		b->marks_gen = v->query_gen;
	}
	return b;
}

const struct docview_block *
docview_block(struct docview *v, size_t index)
{
	return block_get(v, index);
}

size_t
docview_block_lines(struct docview *v, size_t index)
{
	struct docview_block *b = block_get(v, index);

	return (b->blank_before ? 1 : 0) + (b->lay.nlines ? b->lay.nlines : 1);
}

bool
docview_line(struct docview *v, struct docview_pos p, const struct docview_block **block,
	     const struct layout_line **line)
{
	struct docview_block *b;
	size_t off;

	if (p.block >= v->nblocks)
		return false;
	b = block_get(v, p.block);
	off = b->blank_before ? 1 : 0;
	if (p.line < off || p.line - off >= b->lay.nlines)
		return false;
	*block = b;
	*line = &b->lay.lines[p.line - off];
	return true;
}

int
docview_pos_cmp(struct docview_pos a, struct docview_pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return 0;
}

bool
docview_next(struct docview *v, struct docview_pos *p)
{
	if (p->line + 1 < docview_block_lines(v, p->block)) {
		p->line++;
		return true;
	}
	if (p->block + 1 >= v->nblocks)
		return false;
	p->block++;
	p->line = 0;
	return true;
}

bool
docview_prev(struct docview *v, struct docview_pos *p)
{
	if (p->line > 0) {
		p->line--;
		return true;
	}
	if (p->block == 0)
		return false;
	p->block--;
	p->line = docview_block_lines(v, p->block) - 1;
	return true;
}

struct docview_pos
docview_max_top(struct docview *v)
{
	struct docview_pos p = {0, 0};

	if (v->nblocks == 0)
		return p;
	p.block = v->nblocks - 1;
	p.line = docview_block_lines(v, p.block) - 1;
	for (int i = 1; i < v->height && docview_prev(v, &p); i++)
		;
	return p;
}

bool
docview_at_end(struct docview *v)
{
	return v->nblocks == 0 || docview_pos_cmp(v->top, docview_max_top(v)) >= 0;
}

/* The line of the anchor at the current width, not clamped. */
static struct docview_pos
anchor_line(struct docview *v)
{
	struct docview_pos p = {v->anchor.block, 0};
	struct docview_block *b;
	size_t off;

	if (v->nblocks == 0)
		return p;
	if (p.block >= v->nblocks)
		p.block = v->nblocks - 1;
	b = block_get(v, p.block);
	off = b->blank_before ? 1 : 0;
	if (v->anchor.blank && off)
		return p;
	p.line = off;
	for (size_t i = 0; i < b->lay.nlines; i++)
		if (b->lay.lines[i].start <= v->anchor.offset)
			p.line = i + off;
	return p;
}

/* Makes the line at p the anchor. */
static void
set_anchor(struct docview *v, struct docview_pos p)
{
	struct docview_block *b = block_get(v, p.block);
	size_t off = b->blank_before ? 1 : 0;

	v->anchor.block = p.block;
	v->anchor.blank = p.line < off;
	v->anchor.offset = 0;
	if (p.line >= off && p.line - off < b->lay.nlines)
		v->anchor.offset = b->lay.lines[p.line - off].start;
}

/* The top from the anchor, clamped so that the window stays full. */
static void
place_top(struct docview *v)
{
	struct docview_pos top, m;

	if (v->nblocks == 0) {
		memset(&v->top, 0, sizeof v->top);
		return;
	}
	if (v->height <= 0 || v->width <= 0)
		return; /* hidden: the anchor waits for the window */
	top = anchor_line(v);
	m = docview_max_top(v);
	v->top = docview_pos_cmp(top, m) > 0 ? m : top;
}

/* Moves to p: it becomes the anchor and, clamped, the top. */
static void
move_to(struct docview *v, struct docview_pos p)
{
	if (v->nblocks == 0)
		return;
	set_anchor(v, p);
	place_top(v);
}

void
docview_set_size(struct docview *v, int width, int height)
{
	v->width = width;
	v->height = height;
	if (v->open)
		place_top(v);
}

long
docview_scroll(struct docview *v, long lines)
{
	struct docview_pos p = v->top, m;
	long moved = 0;

	if (!v->open || lines == 0 || v->nblocks == 0)
		return 0;
	m = docview_max_top(v);
	while (lines > 0 && docview_pos_cmp(p, m) < 0 && docview_next(v, &p)) {
		lines--;
		moved++;
	}
	while (lines < 0 && docview_prev(v, &p)) {
		lines++;
		moved--;
	}
	if (moved)
		move_to(v, p);
	return moved;
}

void
docview_to_top(struct docview *v)
{
	struct docview_pos p = {0, 0};

	move_to(v, p);
}

void
docview_to_bottom(struct docview *v)
{
	if (v->nblocks)
		move_to(v, docview_max_top(v));
}

/* Line (within the block) of the block's first highlight, or 0. */
static size_t
first_mark_line(struct docview *v, size_t index)
{
	struct docview_block *b = block_get(v, index);
	size_t off = b->blank_before ? 1 : 0;

	if (b->nmarks == 0)
		return 0;
	for (size_t i = 0; i < b->lay.nlines; i++)
		if (b->lay.lines[i].end > b->marks[0].start)
			return i + off;
	return 0;
}

void
docview_show_piece(struct docview *v, size_t piece, bool to_mark)
{
	size_t index = v->nheader + piece;
	struct docview_pos target, p = {0, 0};
	int lead = v->height / 3;
	size_t first_text;

	if (piece >= v->npieces)
		return;
	target.block = index;
	target.line = to_mark ? first_mark_line(v, index) : 0;
	first_text = block_get(v, index)->blank_before ? 1 : 0;
	if (to_mark && target.line >= (size_t)lead && target.line > first_text)
		target.line -= (size_t)(lead > 1 ? 1 : 0);
	else
		target.line = first_text; /* the paragraph itself, not the blank above */
	if (to_mark) {
		/* The match within the first third of the window from the start
		 * of the document: start at the top. */
		for (int i = 0; i < lead; i++) {
			if (docview_pos_cmp(p, target) == 0) {
				target.block = target.line = 0;
				break;
			}
			if (!docview_next(v, &p))
				break;
		}
	}
	move_to(v, target);
}

void
docview_go(struct docview *v, size_t piece, size_t line)
{
	struct docview_pos p = {0, 0};
	size_t n;

	if (piece < v->npieces && (piece > 0 || line > 0)) {
		p.block = v->nheader + piece;
		n = docview_block_lines(v, p.block);
		p.line = line < n ? line : n - 1;
	}
	move_to(v, p);
}

bool
docview_top_piece(struct docview *v, size_t *piece)
{
	if (!v->open || v->npieces == 0)
		return false;
	*piece = v->top.block > v->nheader ? v->top.block - v->nheader : 0;
	return true;
}

size_t
docview_offset_line(struct docview *v, size_t index, size_t offset)
{
	struct docview_block *b = block_get(v, index);
	size_t off = b->blank_before ? 1 : 0;

	for (size_t i = 0; i < b->lay.nlines; i++)
		if (b->lay.lines[i].end > offset)
			return i + off;
	return b->lay.nlines ? b->lay.nlines - 1 + off : 0;
}

void
docview_position(struct docview *v, size_t *piece, size_t *line)
{
	struct docview_pos p;

	*piece = *line = 0;
	if (!v->open || v->anchor.block < v->nheader || v->nblocks == 0)
		return;
	p = anchor_line(v);
	*piece = p.block - v->nheader;
	*line = p.line;
}

int
docview_percent(struct docview *v)
{
	size_t piece;

	if (!v->open || v->npieces == 0)
		return -1;
	if (v->height > 0 && docview_at_end(v))
		return 100;
	piece = v->top.block > v->nheader ? v->top.block - v->nheader : 0;
	return (int)(piece * 100 / v->npieces);
}

int
docview_page(struct docview *v)
{
	if (!v->open || v->npieces == 0)
		return 0;
	return block_get(v, v->top.block < v->nheader ? v->nheader : v->top.block)->page;
}

void
docview_set_matches(struct docview *v, size_t *pieces, long n)
{
	free(v->matches);
	v->matches = pieces;
	v->nmatches = n < 0 ? 0 : n;
}

bool
docview_matches_known(const struct docview *v)
{
	return v->nmatches >= 0;
}

bool
docview_find_match(const struct docview *v, int dir, size_t *piece)
{
	for (long k = 0; k < v->nmatches; k++) {
		long i = dir > 0 ? k : v->nmatches - 1 - k;
		size_t block = v->nheader + v->matches[i];
		if ((dir > 0 && block > v->top.block) || (dir < 0 && block < v->top.block)) {
			*piece = v->matches[i];
			return true;
		}
	}
	return false;
}
