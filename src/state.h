/* state.h - what the screen remembers between runs.
 *
 * Kept in $XDG_STATE_HOME/liseuse/state (default ~/.local/state/liseuse/state)
 * as lines "key<TAB>value" after a version line "liseuse-state<TAB>1":
 *   layout  stacked | side
 *   filter  the last filter text
 *   last    id<TAB>source            the last open document
 *   pos     id<TAB>piece<TAB>line<TAB>source   most recent first
 * The file is written atomically (temporary file, fsync, rename), so a
 * failed write never truncates the previous state.  No curses here. */
#ifndef LISEUSE_STATE_H
#define LISEUSE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STATE_MAX_POSITIONS 200

struct state_position {
	int64_t doc_id;
	size_t piece;
	size_t line;
	char *source; /* owned; "" when unknown */
};

struct state {
	bool side_by_side;
	char *filter;		    /* owned, or NULL */
	int64_t last_doc;	    /* 0: none */
	char *last_source;	    /* owned, or NULL */
	struct state_position *pos; /* most recent first, owned */
	size_t npos, cap;
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

/* Replaces the saved filter (text may be NULL) and the last document. */
void state_set_filter(struct state *st, const char *text);
void state_set_last(struct state *st, int64_t doc_id, const char *source);

#endif
