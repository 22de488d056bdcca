/* snapshot_swap.h - replacing a snapshot safely while it is in use.
 *
 * An import never writes the snapshot itself: it works on a copy beside it
 * (SNAPSHOT.import-PID) and renames that over the snapshot when everything
 * succeeded, so readers (search, the screen) keep the file they opened and
 * see the new one when they next open it, and a failure at any point leaves
 * the snapshot byte for byte as it was.
 *
 * Imports of one snapshot are serialised by an advisory lock (flock) on
 * SNAPSHOT.lock, held from before the copy until after the rename: without
 * it two imports would each copy the old snapshot and the last rename would
 * silently drop the other's documents.  Under the lock, working copies left
 * by imports that were killed (their process is gone) are removed.
 *
 * Messages about waiting and about removed copies go to stderr, prefixed
 * "liseuse: ".  Errors are returned as -1 with *err set to a newly
 * allocated one-line message that names the snapshot. */
#ifndef LISEUSE_SNAPSHOT_SWAP_H
#define LISEUSE_SNAPSHOT_SWAP_H

#include <stdbool.h>

struct snapshot_swap;

/* Starts replacing the snapshot at db_path (which need not exist yet):
 * refuses a snapshot the user may not write or a directory where the copy
 * cannot be made; takes the lock, waiting for another import to finish
 * (saying so) unless no_wait, in which case another import is an error;
 * removes stale working copies; and makes the working copy (a copy of the
 * snapshot, or an empty file).  While the swap is open, SIGINT, SIGTERM,
 * SIGHUP and the out-of-memory exit remove the working copy.  Returns 0
 * with *out (end it with snapshot_swap_end), or -1 with *err. */
int snapshot_swap_begin(const char *db_path, bool no_wait, struct snapshot_swap **out,
			char **err);

/* The working copy's path, for the store to open; owned by the swap. */
const char *snapshot_swap_work_path(const struct snapshot_swap *swap);

/* Gives the working copy the snapshot's mode (and its owner and group when
 * the user may set them), flushes it to disk and renames it over the
 * snapshot, then flushes the directory.  Returns 0 when the snapshot was
 * replaced (a failure to flush the directory afterwards is only a warning on
 * stderr: the rename is done), or -1 with *err and the snapshot unchanged. */
int snapshot_swap_commit(struct snapshot_swap *swap, char **err);

/* Removes the working copy unless it was committed, releases the lock and
 * frees the swap.  NULL is a no-op. */
void snapshot_swap_end(struct snapshot_swap *swap);

#endif
