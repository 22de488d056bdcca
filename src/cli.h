/* cli.h - the non-interactive commands: list, search, show, import.
 *
 * They print plain UTF-8 on stdout (every document-derived string through
 * sanitize.h) and return the process exit status, like grep: 0 when
 * something was found or done, 1 when nothing was found, 2 on a usage or
 * data error (with a one-line message on stderr). */
#ifndef LISEUSE_CLI_H
#define LISEUSE_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

enum cli_format {
	CLI_FORMAT_TEXT,
	CLI_FORMAT_TSV, /* one line per document: id, date, kind, sender, source, title,
			 * page of the passage */
};

struct cli_options {
	enum cli_format format;
	int width; /* wrapping width for show and passages; 0: the terminal's or 80 */
	bool dry_run; /* import: say what would be added, replaced, unchanged; write nothing */
};

int cli_list(struct store *store, const struct cli_options *opts);
/* words[0..nwords) are joined with spaces into one query (query.h). */
int cli_search(struct store *store, char *const *words, size_t nwords,
	       const struct cli_options *opts);
int cli_show(struct store *store, const char *id_or_symbol, const struct cli_options *opts);
/* Imports files and directories into the snapshot at db_path, creating it
 * when missing; a failed import leaves an existing snapshot unchanged and
 * removes one it created.  Prints how many documents were added, replaced
 * and unchanged; with opts->dry_run, or when nothing changed, the snapshot
 * is not touched. */
int cli_import(const char *db_path, char *const *paths, size_t npaths,
	       const struct cli_options *opts);

/* Joins words with single spaces; newly allocated. */
char *cli_join_words(char *const *words, size_t nwords);

#endif
