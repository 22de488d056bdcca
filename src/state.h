/* state.h - what the screen remembers between runs.
 *
 * Kept in $XDG_STATE_HOME/liseuse/state (default ~/.local/state/liseuse/state)
 * as lines "key<TAB>value" after a version line "liseuse-state<TAB>1":
 *   layout  stacked | side
 *   order   date | relevance         the list's order (date: newest first)
 *   filter  snapshot<TAB>text        the last filter typed on that snapshot
 *           (the path it was opened with); one line per snapshot, most
 *           recent first
 *   last    id<TAB>source            the last open document
 *   pos     id<TAB>piece<TAB>line<TAB>source   most recent first
 *   mark    snapshot<TAB>source<TAB>symbol<TAB>fingerprint<TAB>piece<TAB>excerpt
 *           a bookmark, newest first: the snapshot's path, the document's
 *           file name and first symbol, and the paragraph's fingerprint
 *           (hexadecimal), which survive a re-import where row ids do not
 * The file is written atomically (temporary file, fsync, rename), so a
 * failed write never truncates the previous state.  No curses here. */
#ifndef LISEUSE_STATE_H
#define LISEUSE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATE_MAX_POSITIONS 200
#define STATE_MAX_FILTERS 32

/* The last filter of one snapshot. */
struct state_filter {
	char *snapshot; /* owned: the snapshot's path */
	char *text;	/* owned */
};
#define STATE_MAX_MARKS 1000
/* Bytes of a paragraph kept as a bookmark's excerpt. */
#define STATE_EXCERPT_MAX 120

struct state_position {
	int64_t doc_id;
	size_t piece;
	size_t line;
	char *source; /* owned; "" when unknown */
};

/* A bookmark on a paragraph.  Strings are owned, "" when unknown. */
struct state_mark {
	char *snapshot;	      /* the snapshot's path, as the program resolved it */
	char *source;	      /* the document's source file name */
	char *symbol;	      /* the document's first symbol */
	uint64_t fingerprint; /* state_fingerprint of the paragraph's first piece */
	size_t piece;	      /* the piece it was at: where to look first */
	char *excerpt;	      /* the paragraph's start, on one line */
};

struct state {
	bool side_by_side;
	bool by_relevance; /* the list ranked by relevance, not newest first */
	struct state_filter *filters; /* most recent first, owned */
	size_t nfilters, filters_cap;
	int64_t last_doc;	    /* 0: none */
	char *last_source;	    /* owned, or NULL */
	struct state_position *pos; /* most recent first, owned */
	size_t npos, cap;
	struct state_mark *marks; /* newest first, owned */
	size_t nmarks, marks_cap;
};

void state_init(struct state *st);
void state_release(struct state *st);

/* Returns the state file path (newly allocated) from XDG_STATE_HOME or HOME,
 * or NULL when neither is set. */
char *state_default_path(void);

/* Loads path into st (which should be freshly initialised).  A missing file
 * is not an error (returns 0, st unchanged).  Returns -1 with *err set
 * (newly allocated, naming the file and line) when the file is unreadable or
 * corrupt, or not a regular file (a FIFO or a device is refused without
 * waiting for it); st then holds whatever was read before the bad line. */
int state_load(struct state *st, const char *path, char **err);

/* Writes st to path atomically, creating the directory if needed.  Returns
 * 0, or -1 with *err set; the previous file is then left intact.  A path
 * that exists and is not a regular file is not replaced (-1). */
int state_save(const struct state *st, const char *path, char **err);

/* Records the position in a document, moving it first; keeps at most
 * STATE_MAX_POSITIONS entries.  source may be NULL. */
void state_set_position(struct state *st, int64_t doc_id, const char *source, size_t piece,
			size_t line);

/* Finds the position saved for doc_id (and source, when both are known).
 * Returns true and fills *piece and *line when found. */
bool state_get_position(const struct state *st, int64_t doc_id, const char *source, size_t *piece,
			size_t *line);

/* A paragraph's fingerprint: a 64-bit FNV-1a hash of its text with runs of
 * blanks as one space and blanks at either end ignored, so a re-import
 * that only rewraps or re-spaces it keeps the bookmark.  Never 0. */
uint64_t state_fingerprint(const char *text, size_t len);

/* Toggles the bookmark m (copied; excerpt cut to STATE_EXCERPT_MAX bytes
 * on one line): removes the one on the same paragraph of the same document
 * of the same snapshot, else adds it first, keeping at most
 * STATE_MAX_MARKS.  Returns true when it was added. */
bool state_toggle_mark(struct state *st, const struct state_mark *m);

/* True when the paragraph with that fingerprint in that document of that
 * snapshot has a bookmark. */
bool state_has_mark(const struct state *st, const char *snapshot, const char *source,
		    const char *symbol, uint64_t fingerprint);

/* Replaces the filter saved for a snapshot (text may be NULL or empty: none)
 * and moves it first; keeps at most STATE_MAX_FILTERS snapshots. */
void state_set_filter(struct state *st, const char *snapshot, const char *text);
/* The filter saved for a snapshot, or NULL. */
const char *state_get_filter(const struct state *st, const char *snapshot);
/* Replaces the last document. */
void state_set_last(struct state *st, int64_t doc_id, const char *source);

#endif
