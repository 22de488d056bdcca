/* suggest_worker.h - corrections of filter words looked for on a thread
 * of its own, so that the screen never waits for them.
 *
 * A suggestion (store_suggest) scans the snapshot's vocabulary and asks
 * Hunspell, whose first use reads the French dictionary and whose suggest
 * takes 100 to 400 ms for one word, none of it interruptible.  The worker
 * does that on its own connection to the snapshot, opened by
 * suggest_worker_new, with the dictionary on (a snapshot that an import
 * replaced before then is read in its new version: the words suggested
 * come from its vocabulary).  The caller asks with the filter's text
 * and polls for the answer; a new request or a cancel abandons the one
 * being worked on (its SQL at once, through the interrupt callback;
 * Hunspell's suggest when it returns), and an abandoned answer is never
 * given.  No curses. */
#ifndef LISEUSE_SUGGEST_WORKER_H
#define LISEUSE_SUGGEST_WORKER_H

#include <stdbool.h>

struct suggest_worker;

/* Opens snapshot for the worker; the thread starts at the first request.
 * Returns NULL with *err (newly allocated) when the snapshot cannot be
 * opened. */
struct suggest_worker *suggest_worker_new(const char *snapshot, char **err);
/* Abandons the request and waits for the thread to end (at most the rest
 * of one Hunspell suggest). */
void suggest_worker_free(struct suggest_worker *w);
/* Asks for a correction of the first word of the filter text (parsed with
 * every word whole) that finds nothing, in place of any earlier request. */
void suggest_worker_ask(struct suggest_worker *w, const char *text);
/* Abandons the current request, if any. */
void suggest_worker_cancel(struct suggest_worker *w);
/* True while a request is being worked on (its answer not taken yet). */
bool suggest_worker_busy(struct suggest_worker *w);
/* Takes the answer to the last request without waiting: returns false
 * while there is none yet (or nothing was asked); true with *word (as
 * typed) and *fix newly allocated, or both NULL when nothing is close.
 * Either way the request is then over. */
bool suggest_worker_take(struct suggest_worker *w, char **word, char **fix);

#endif
