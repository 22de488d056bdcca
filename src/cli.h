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
#include <stdint.h>

#include "store.h"

enum cli_format {
	CLI_FORMAT_TEXT,
	CLI_FORMAT_TSV, /* one line per document: id, date, kind, sender, source, title,
			 * page of the passage */
};

struct cli_options {
	enum cli_format format;
	int width; /* wrapping width for show and passages; 0: the terminal's or 80 */
	enum store_order order;	 /* search: --sort=date (default) or pertinence */
	bool count_by;		 /* search: --count-by=FIELD given */
	enum store_facet facet;	 /* which field --count-by counts */
	bool dry_run; /* import: say what would be added, replaced, unchanged; write nothing */
	bool no_wait; /* import: fail instead of waiting for another import */
	bool outline; /* show prints the document's outline instead of its text */
};

/* Parses the name of a --sort order ("date", "pertinence") or of a
 * --count-by field ("de", "type", "annee", "cite"); 0, or -1 when it is
 * not one. */
int cli_parse_order(const char *name, enum store_order *order);
int cli_parse_facet(const char *name, enum store_facet *facet);

int cli_list(struct store *store, const struct cli_options *opts);
/* words[0..nwords) are joined with spaces into one query (query.h). */
int cli_search(struct store *store, char *const *words, size_t nwords,
	       const struct cli_options *opts);
int cli_show(struct store *store, const char *id_or_symbol, const struct cli_options *opts);
/* Imports files and directories into the snapshot at db_path, creating it
 * when missing; a failed import leaves an existing snapshot unchanged and
 * removes one it created.  Prints how many documents were added, replaced
 * and unchanged; with opts->dry_run, or when nothing changed, the snapshot
 * is not touched.  Imports of one snapshot wait for each other
 * (opts->no_wait: fail instead). */
int cli_import(const char *db_path, char *const *paths, size_t npaths,
	       const struct cli_options *opts);

/* The "Cité par" line of a document ("2 documents — S/2012/7 (Ukraine, …),
 * …"), newly allocated in *line, NULL when no document cites it.  0 or -1
 * with *err (cli_links.c). */
int cli_cited_by(struct store *store, int64_t doc_id, char **line, char **err);
/* Prints a document's outline (outline.h), one entry a line cut to width,
 * indented by level.  0 or -1 with *err. */
int cli_outline(struct store *store, int64_t doc_id, int width, char **err);

/* Prints the bookmarks of this snapshot (state.h), newest first: the
 * document and the passage; with CLI_FORMAT_TSV one line each: id (empty
 * when the document is no longer in the snapshot), file, symbol, piece,
 * excerpt.  0 when there is one, 1 when there is none, 2 on error. */
int cli_signets(struct store *store, const struct cli_options *opts);

/* Joins words with single spaces; newly allocated. */
char *cli_join_words(char *const *words, size_t nwords);

#endif
