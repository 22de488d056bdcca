/* bookmarks.h - bookmarks between the state file (state.h) and the
 * snapshot: making one for a paragraph, and finding where one points
 * after the snapshot was rebuilt or the document re-imported.  No curses. */
#ifndef LISEUSE_BOOKMARKS_H
#define LISEUSE_BOOKMARKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "document.h"
#include "state.h"
#include "store.h"

/* Fills m for the paragraph whose first piece is `piece`, with text the
 * text of that piece, in the document described by meta, in the snapshot
 * whose key is snapshot (bookmarks_snapshot_key).  m's strings point into
 * the arguments and into symbol_buf (LINKS_SYMBOL_MAX bytes), borrowed:
 * state_toggle_mark copies them.  The excerpt is the text itself. */
void bookmarks_make(struct state_mark *m, const char *snapshot, const struct doc_meta *meta,
		    char *symbol_buf, size_t piece, const char *text);

/* The name bookmarks give the snapshot at path: its absolute path with
 * links resolved, or path itself when that cannot be had.  Newly allocated. */
char *bookmarks_snapshot_key(const char *path);

/* Finds the paragraph of bookmark m: the document by file name, else by
 * symbol; the paragraph by fingerprint, from the saved piece outwards.
 * Returns 1 with *doc_id and *piece (*moved is false when the paragraph
 * was found, true when only its old place was: the text changed), 0 when
 * the document is not in the snapshot, -1 with *err. */
int bookmarks_locate(struct store *store, const struct state_mark *m, int64_t *doc_id,
		     size_t *piece, bool *moved, char **err);

#endif
