/* docview.h - a document as the reading pane shows it, without curses.
 *
 * A document is a sequence of blocks: a few header lines (its metadata),
 * then one block per stored piece.  Each block is wrapped into lines for the
 * column width (layout.h); a position on the screen is (block, line within
 * the block), line 0 being the blank line that separates a block from the
 * previous one when it has one.  Only the blocks around the viewport are
 * read, through a callback (the store in the program, an array in the
 * tests), and kept in a small cache, so a document of any size opens at
 * once.
 *
 * The view keeps two places: the anchor, the paragraph and byte offset the
 * reader chose (by scrolling, jumping or opening), and the top line, the
 * anchor's line clamped so that the window stays full at the end of the
 * document.  A resize recomputes the top from the anchor, so going back to
 * the old size gives the old top line back.
 *
 * Highlights come from a query borrowed from the caller (the current
 * filter); matching pieces are found by the caller (the store) and handed
 * over.  No SQL, no curses. */
#ifndef LISEUSE_DOCVIEW_H
#define LISEUSE_DOCVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "layout.h"
#include "links.h"
#include "query.h"

/* Where the pieces come from.  get_piece reads piece `index` (0-based) into
 * *out, which the view then owns, and sets *continued when the piece goes
 * on with the previous piece's paragraph.  Returns 1, 0 when there is no
 * such piece, or -1 with *err set (newly allocated, freed by the view). */
struct docview_source {
	int (*get_piece)(void *arg, size_t index, struct paragraph *out, bool *continued,
			 char **err);
	void *arg;
};

/* One block, read and laid out. */
struct docview_block {
	long index; /* block number; -1 when the cache slot is free */
	char *text; /* owned */
	size_t len;
	struct text_span *bold; /* owned; a header line's label is its only span */
	size_t nbold;
	struct text_span *marks; /* owned: the query's highlights */
	size_t nmarks;
	struct link *links; /* owned: symbols and resolutions in the text (links.h) */
	size_t nlinks;
	bool continued;	    /* the piece goes on with the previous piece's paragraph */
	enum para_role role;
	int page;	   /* page the piece is on, 0 unknown */
	int indent;	   /* columns its lines are shifted right by: footnotes */
	bool header;	   /* a metadata line */
	bool blank_before; /* its line 0 is an empty line */
	struct layout lay;
	int laid_width;	       /* width lay was computed for; 0: not yet */
	unsigned marks_gen;    /* query generation the marks were found for */
	unsigned long used;    /* LRU stamp */
};

struct docview_pos {
	size_t block, line;
};

/* The reader's chosen place: a block and the byte its line starts with;
 * `blank` when it is the blank line above the block. */
struct docview_anchor {
	size_t block;
	uint32_t offset;
	bool blank;
};

#define DOCVIEW_CACHE 96
/* Columns a footnote is indented by, where the column is wide enough. */
#define DOCVIEW_NOTE_INDENT 4

struct docview {
	struct docview_source src;
	unsigned sflags; /* sanitize flags: widths differ in ASCII */
	bool open;
	size_t nheader; /* header blocks before the pieces */
	size_t npieces;
	size_t nblocks;
	char **header_text;   /* owned */
	size_t *header_label; /* bytes of each header line that are its label */
	struct docview_block cache[DOCVIEW_CACHE];
	unsigned long stamp;
	int width, height; /* column width and window rows */
	struct docview_pos top;
	struct docview_anchor anchor;
	const struct query *query; /* borrowed, or NULL */
	unsigned query_gen;
	size_t *matches; /* matching piece indexes, owned */
	long nmatches;	 /* -1: not known yet */
};

/* Sets up an empty view reading through src. */
void docview_init(struct docview *v, struct docview_source src, unsigned sflags);
/* Closes the document and frees everything the view holds. */
void docview_release(struct docview *v);

/* Opens a document of npieces pieces with the header built from meta
 * (copied), at the top.  Replaces what was open; keeps the size and the
 * query. */
void docview_open(struct docview *v, const struct doc_meta *meta, size_t npieces);
void docview_close(struct docview *v);

/* Adds a header line "label : value" after the metadata's (value NULL or
 * empty: nothing).  Only right after docview_open, before any move. */
void docview_add_header(struct docview *v, const char *label, const char *value);

/* The piece at the top of the window, or the first piece while the header
 * is there; false when the document has no piece. */
bool docview_top_piece(struct docview *v, size_t *piece);

/* The line within block `index` (its blank line counted) that shows byte
 * `offset` of its text. */
size_t docview_offset_line(struct docview *v, size_t index, size_t offset);

/* Sets the column width and the window height (both at least 1 to show
 * anything; 0 keeps the place for when the window comes back).  The top is
 * recomputed from the anchor. */
void docview_set_size(struct docview *v, int width, int height);

/* Replaces the highlight query (borrowed: it must outlive its use; NULL or
 * an empty query highlights nothing).  Forgets the matching pieces. */
void docview_set_query(struct docview *v, const struct query *q);
/* True when the query has words to look for in the text. */
bool docview_has_terms(const struct docview *v);

/* Returns block `index` (< nblocks), read and laid out for the width.  The
 * pointer is valid until the next call that may load a block. */
const struct docview_block *docview_block(struct docview *v, size_t index);
/* Lines block `index` takes, its blank line included. */
size_t docview_block_lines(struct docview *v, size_t index);

/* The text of the line at p: false for a blank line (or past the end);
 * else *block and *line point into the cache (valid as docview_block's). */
bool docview_line(struct docview *v, struct docview_pos p, const struct docview_block **block,
		  const struct layout_line **line);

/* Steps p one line down or up; false at the last or the first line. */
bool docview_next(struct docview *v, struct docview_pos *p);
bool docview_prev(struct docview *v, struct docview_pos *p);
int docview_pos_cmp(struct docview_pos a, struct docview_pos b);

/* The lowest top: the document's last line at the window's bottom. */
struct docview_pos docview_max_top(struct docview *v);
/* True when the last line of the document is on the screen. */
bool docview_at_end(struct docview *v);

/* Scrolls by `lines` (negative: up); returns the lines actually moved. */
long docview_scroll(struct docview *v, long lines);
void docview_to_top(struct docview *v);
void docview_to_bottom(struct docview *v);
/* Puts piece `piece` at the top, at its first highlight when to_mark, and
 * from the top of the document when that highlight is in the first third
 * of the window from there. */
void docview_show_piece(struct docview *v, size_t piece, bool to_mark);
/* Goes to piece and line (as docview_position gave them), clamped. */
void docview_go(struct docview *v, size_t piece, size_t line);

/* The anchor as a piece and a line at the current width (piece 0, line 0
 * while the header is at the top): what is saved between runs. */
void docview_position(struct docview *v, size_t *piece, size_t *line);
/* How far through the document the top is, 0 to 100 (100 at the end), or
 * -1 when nothing is open. */
int docview_percent(struct docview *v);

/* The page of the paragraph at the top (of the first one while the header
 * is at the top), 0 when unknown or nothing is open. */
int docview_page(struct docview *v);

/* Hands over the matching pieces (sorted, newly allocated; n >= 0). */
void docview_set_matches(struct docview *v, size_t *pieces, long n);
bool docview_matches_known(const struct docview *v);
/* Finds the first matching piece below (dir > 0) or above the top block;
 * false when there is none. */
bool docview_find_match(const struct docview *v, int dir, size_t *piece);

#endif
