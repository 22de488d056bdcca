/* ui.h - the interactive screen: document list, reading pane, filter bar.
 *
 * One event loop around one poll(2); see ui.c.  Only ui_* files use curses. */
#ifndef LISEUSE_UI_H
#define LISEUSE_UI_H

#include "store.h"

struct ui_options {
	const char *initial_filter; /* typed into the filter bar at start, or NULL */
	int measure;                /* widest reading column, in cells (0: default 100) */
};

/* Runs the screen on the controlling terminal (stdin/stdout) until the user
 * quits or the session ends.  Returns the process exit status: 0, or 2 after
 * printing a one-line message on stderr when no usable terminal is there. */
int ui_main(struct store *store, const struct ui_options *opts);

#endif
