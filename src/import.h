/* import.h - turning text files into documents in a snapshot.
 *
 * import_read_file checks and decodes one file: UTF-8 with or without BOM,
 * LF or CRLF, normalised to NFC; empty, binary or non-UTF-8 files are refused
 * with "file:line:byte: reason".  import_parse turns the text into a
 * document (reflow.h, markup, metadata).  import_paths does a whole import
 * in one transaction: files and directories (recursively, in sorted order
 * for reproducible snapshots); any refused file means nothing is written. */
#ifndef LISEUSE_IMPORT_H
#define LISEUSE_IMPORT_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"
#include "store.h"

/* Reads and validates a file.  Returns 0 with *text (NFC, LF line ends, no
 * BOM; newly allocated) or -1 with *err = "path:line:byte: reason". */
int import_read_file(const char *path, char **text, size_t *len, char **err);

/* The same checks and decoding on bytes already in memory (data, n bytes,
 * need not be NUL-terminated; name stands for the path in messages), for
 * tests and the fuzzer.  Same returns as import_read_file. */
int import_decode(const char *name, const char *data, size_t n, char **text, size_t *len,
		  char **err);

/* Builds a document from validated text; `source` is the file's base name.
 * Returns 0, or -1 with *err set when the text has no paragraph at all. */
int import_parse(const char *text, size_t len, const char *source,
		 struct document *doc, char **err);

/* What an import did, document by document (store_put_document). */
struct import_counts {
	size_t added, replaced, unchanged;
};

/* Imports every file under paths into store, in one transaction.  A file
 * whose name or symbol is already in the snapshot replaces that document,
 * or leaves it as it is when nothing changed; *counts (may be NULL) says
 * how many were added, replaced and unchanged.  With dry_run, or when
 * every document was unchanged, the transaction is rolled back: nothing
 * is written (on a STORE_SCRATCH store the caller then throws the file
 * away).  Reports
 * each refused file on stderr; returns the number of documents imported,
 * or -1 (nothing written) when any file was refused or the store failed:
 * every file is still checked, so that all the bad ones are named.  A directory
 * walk takes regular files only, in byte order of their names, and leaves
 * out hidden files and snapshots (*.db, *.db-journal, *.db-wal, *.db-shm).
 * Files over 256 MB are refused.  When the compaction after the commit
 * (store_finish) fails, the documents are in: a warning, not -1. */
long import_paths(struct store *store, char *const *paths, size_t npaths, bool dry_run,
		  struct import_counts *counts);

#endif
