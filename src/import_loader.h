/* import_loader.h - reads and parses an import's files on a second thread,
 * a few documents ahead of the thread that writes them to the snapshot.
 *
 * Reading, checking and parsing a file takes about as long as writing its
 * document; on two cores the import then costs the longer of the two
 * instead of their sum.  Results come out in the order of the paths, so
 * sort keys, messages and the snapshot's bytes are the same as when one
 * thread does everything (which is what happens when no thread can be
 * started). */
#ifndef LISEUSE_IMPORT_LOADER_H
#define LISEUSE_IMPORT_LOADER_H

#include <stddef.h>

#include "document.h"

/* Loads one file into doc: 0, or -1 after reporting why it was refused
 * (doc is then empty).  Called on the loader's thread. */
typedef int (*import_load_fn)(const char *path, struct document *doc);

struct import_loader;

/* Starts loading paths[0..n) in order.  paths must outlive the loader. */
struct import_loader *import_loader_start(char *const *paths, size_t n, import_load_fn load);

/* The next path's result, waiting for it: 1 with *doc (now the caller's),
 * or 0 when the file was refused.  Call at most n times. */
int import_loader_next(struct import_loader *loader, struct document *doc);

/* Stops loading, waits for the thread, frees the documents not taken. */
void import_loader_finish(struct import_loader *loader);

#endif
