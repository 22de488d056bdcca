/* cli.c - list, search, show and import for scripts and pipes. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "excerpt.h"
#include "i18n.h"
#include "import.h"
#include "layout.h"
#include "query.h"
#include "sanitize.h"
#include "snapshot_swap.h"
#include "util.h"

/* Passages printed per document by `search` in text format. */
#define CLI_PASSAGES_PER_DOC 3
/* Columns a footnote is indented by under the paragraph that calls it. */
#define CLI_NOTE_INDENT 4
/* Bytes of context kept before the first match in a passage; a passage
 * holds about twice as much. */
#define CLI_PASSAGE_CONTEXT 120

/* Prints one metadata field on one line, made safe. */
static void
print_field(const char *s)
{
	char *safe = sanitize_dup(s ? s : "", s ? strlen(s) : 0, SANITIZE_ONELINE);

	fputs(safe, stdout);
	free(safe);
}

static int
output_width(const struct cli_options *opts)
{
	struct winsize ws;
	const char *columns = getenv("COLUMNS");

	if (opts->width > 0)
		return opts->width;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	if (columns != NULL && atoi(columns) > 0)
		return atoi(columns);
	return 80;
}

/* Prints text wrapped to width, each line preceded by indent spaces. */
static void
print_wrapped(const char *text, size_t len, int width, int indent)
{
	struct layout layout = LAYOUT_INIT;
	struct strbuf line = STRBUF_INIT;
	size_t n = layout_wrap(&layout, text, len, width - indent, SANITIZE_ONELINE);

	for (size_t i = 0; i < n; i++) {
		const struct layout_line *l = &layout.lines[i];

		strbuf_reset(&line);
		for (int k = 0; k < indent + l->indent; k++)
			strbuf_addch(&line, ' ');
		sanitize_append(&line, text + l->start, l->end - l->start, SANITIZE_ONELINE,
				l->indent);
		puts(strbuf_str(&line));
	}
	strbuf_release(&line);
	layout_release(&layout);
}

/* The one-line summary of a document used by list and search. */
static void
print_hit_line(const struct store_hit *hit, enum cli_format format, int width)
{
	if (format == CLI_FORMAT_TSV) {
		printf("%lld\t", (long long)hit->doc_id);
		print_field(hit->date);
		putchar('\t');
		print_field(hit->kind);
		putchar('\t');
		print_field(hit->sender);
		putchar('\t');
		print_field(hit->source);
		putchar('\t');
		print_field(hit->title);
		putchar('\t');
		if (hit->page > 0)
			printf("%d", hit->page);
		putchar('\n');
		return;
	}
	printf("%4lld  ", (long long)hit->doc_id);
	print_field(hit->date[0] ? hit->date : "          ");
	fputs("  ", stdout);
	print_field(hit->kind);
	fputs(" — ", stdout);
	print_field(hit->sender);
	putchar('\n');
	print_wrapped(hit->title, strlen(hit->title), width, 6);
}

/* Prints the part of a matching piece around its first match, on lines
 * indented under the document line, with "…" where it was cut.  Returns 0,
 * or -1 with *err when the piece cannot be read (a damaged snapshot). */
static int
print_passage(struct store *store, const struct query *q, int64_t doc_id, size_t index,
	      int width, char **err)
{
	struct paragraph para;
	struct excerpt excerpt;
	struct strbuf line = STRBUF_INIT;
	bool continued;
	int rc = store_get_piece(store, doc_id, index, &para, &continued, err);

	if (rc != 1)
		return rc < 0 ? -1 : 0;
	excerpt_make(q, para.text, para.len, CLI_PASSAGE_CONTEXT, 2 * CLI_PASSAGE_CONTEXT, &excerpt);
	if (para.page > 0)
		strbuf_addf(&line, _("p. %d: "), para.page);
	strbuf_addstr(&line, excerpt.text);
	print_wrapped(line.buf, line.len, width, 6);
	strbuf_release(&line);
	excerpt_release(&excerpt);
	paragraph_release(&para);
	return 0;
}

/* Prints the first passages of a document that match q. */
static int
print_passages(struct store *store, const struct query *q, int64_t doc_id, int width,
	       char **err)
{
	size_t *pieces = NULL;
	long n = store_matching_pieces(store, q, doc_id, &pieces, err);

	if (n < 0)
		return -1;
	for (long i = 0; i < n && i < CLI_PASSAGES_PER_DOC; i++) {
		if (print_passage(store, q, doc_id, pieces[i], width, err) < 0) {
			free(pieces);
			return -1;
		}
	}
	if (n > CLI_PASSAGES_PER_DOC)
		printf(i18n_ngettext("      (+ %ld more passage)\n", "      (+ %ld more passages)\n",
				     (unsigned long)(n - CLI_PASSAGES_PER_DOC)),
		       n - CLI_PASSAGES_PER_DOC);
	free(pieces);
	return 0;
}

/* Walks the results of q, printing each document; returns 0/1/2. */
static int
print_results(struct store *store, const struct query *q, const struct cli_options *opts)
{
	struct store_results *res = NULL;
	struct store_hit hit;
	char *err = NULL;
	bool with_passages = opts->format == CLI_FORMAT_TEXT && q != NULL && q->fts != NULL;
	int width = output_width(opts);
	long found = 0;
	int rc;

	if (store_results_open_ordered(store, q, opts->order, &res, &err) != 0)
		goto fail;
	/* the store's passages are for the screen; text output cuts its own */
	store_results_skip_passages(res);
	while ((rc = store_results_next(res, &hit, &err)) == 1) {
		int64_t doc_id = hit.doc_id;

		found++;
		print_hit_line(&hit, opts->format, width);
		store_hit_release(&hit);
		if (with_passages && print_passages(store, q, doc_id, width, &err) != 0)
			goto fail;
	}
	if (rc < 0)
		goto fail;
	store_results_free(res);
	return found > 0 ? 0 : 1;

fail:
	util_error("%s", err ? err : _("the search failed"));
	free(err);
	store_results_free(res);
	return 2;
}

int
cli_list(struct store *store, const struct cli_options *opts)
{
	return print_results(store, NULL, opts);
}

char *
cli_join_words(char *const *words, size_t nwords)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < nwords; i++) {
		if (i > 0)
			strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, words[i]);
	}
	return strbuf_detach(&sb, NULL);
}

int
cli_parse_order(const char *name, enum store_order *order)
{
	if (strcmp(name, "date") == 0)
		*order = STORE_ORDER_DATE;
	else if (strcmp(name, "pertinence") == 0 || strcmp(name, "relevance") == 0)
		*order = STORE_ORDER_RELEVANCE;
	else
		return -1;
	return 0;
}

int
cli_parse_facet(const char *name, enum store_facet *facet)
{
	static const struct {
		const char *name;
		enum store_facet facet;
	} names[] = {
	    {"de", STORE_FACET_SENDER},
	    {"type", STORE_FACET_KIND},
	    {"annee", STORE_FACET_YEAR},
	    {"année", STORE_FACET_YEAR},
	    {"cite", STORE_FACET_CITES},
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i].name) == 0) {
			*facet = names[i].facet;
			return 0;
		}
	}
	return -1;
}

/* Prints value<TAB>count lines, most first; 0, or 1 when there is none. */
static int
print_counts(struct store *store, const struct query *q, enum store_facet facet)
{
	struct store_count *counts = NULL;
	char *err = NULL;
	long n = store_count_by(store, q, facet, &counts, &err);

	if (n < 0) {
		util_error("%s", err ? err : _("counting failed"));
		free(err);
		return 2;
	}
	for (long i = 0; i < n; i++) {
		print_field(counts[i].value);
		printf("\t%lld\n", (long long)counts[i].count);
	}
	store_counts_free(counts, (size_t)n);
	return n > 0 ? 0 : 1;
}

/* After a search that found nothing: a correction of its words, on stderr,
 * as "aucun résultat pour « securiter » — essayez « sécurité »". */
static void
print_suggestion(struct store *store, const struct query *q, const char *input)
{
	struct strbuf fixed = STRBUF_INIT;
	const char *rest = input;
	bool any = false;

	for (size_t i = 0; i < q->nterms; i++) {
		const struct query_term *t = &q->terms[i];
		char *s = t->typed != NULL ? store_suggest(store, t) : NULL;
		const char *at = s != NULL ? strstr(rest, t->typed) : NULL;

		if (at != NULL) {
			strbuf_add(&fixed, rest, (size_t)(at - rest));
			strbuf_addstr(&fixed, s);
			rest = at + strlen(t->typed);
			any = true;
		}
		free(s);
	}
	strbuf_addstr(&fixed, rest);
	if (any) {
		char *a = sanitize_dup(input, strlen(input), SANITIZE_ONELINE);
		char *b = sanitize_dup(fixed.buf, fixed.len, SANITIZE_ONELINE);

		util_error(_("no result for '%s' — try '%s'"), a, b);
		free(a);
		free(b);
	}
	strbuf_release(&fixed);
}

int
cli_search(struct store *store, char *const *words, size_t nwords,
	   const struct cli_options *opts)
{
	struct query q;
	char *input = cli_join_words(words, nwords);
	int status;

	if (query_parse(input, 0, &q) != 0) {
		util_error("%s", q.error);
		status = 2;
	} else if (query_is_empty(&q)) {
		util_error(_("syntax: %s"), _("no word to search for in the query"));
		status = 2;
	} else {
		/* a word the snapshot lacks may still find its other forms */
		store_set_dictionary(store, true);
		store_query_forms(store, &q);
		if (opts->count_by)
			status = print_counts(store, &q, opts->facet);
		else
			status = print_results(store, &q, opts);
		if (status == 1)
			print_suggestion(store, &q, input);
	}
	query_release(&q);
	free(input);
	return status;
}

/* Prints the label, padded to a column, and the value when it is known. */
static void
print_meta_line(const char *label, const char *value, int width)
{
	struct strbuf sb = STRBUF_INIT;

	if (value == NULL || *value == '\0')
		return;
	/* Pad by display width: "À" is one cell but two bytes. */
	strbuf_addstr(&sb, label);
	for (int w = layout_text_width(label, strlen(label), 0); w < 13; w++)
		strbuf_addch(&sb, ' ');
	strbuf_addstr(&sb, value);
	print_wrapped(sb.buf, sb.len, width, 0);
	strbuf_release(&sb);
}

int
cli_show(struct store *store, const char *id_or_symbol, const struct cli_options *opts)
{
	struct store_doc doc;
	char *err = NULL;
	int64_t id;
	int width = output_width(opts);
	enum para_role previous_role = PARA_BODY, role = PARA_BODY;
	struct strbuf text = STRBUF_INIT; /* the paragraph being joined */
	int found = store_find_doc(store, id_or_symbol, &id, &err);

	if (found == 1)
		found = store_get_doc(store, id, &doc, &err);
	if (found == 0) {
		char *safe = sanitize_dup(id_or_symbol, strlen(id_or_symbol), SANITIZE_ONELINE);

		util_error(_("no document with id or symbol '%s'"), safe);
		free(safe);
		return 1;
	}
	if (found < 0)
		goto fail;
	if (opts->outline) {
		store_doc_release(&doc);
		if (cli_outline(store, id, width, &err) < 0)
			goto fail;
		return 0;
	}

	print_meta_line(_("Type"), doc.meta.kind, width);
	print_meta_line(_("Date"), doc.meta.date, width);
	print_meta_line(_("From"), doc.meta.sender, width);
	print_meta_line(_("To"), doc.meta.addressee, width);
	print_meta_line(_("Organ"), doc.meta.organ, width);
	print_meta_line(_("Symbol"), doc.meta.symbols, width);
	print_meta_line(_("Original"), doc.meta.language, width);
	print_meta_line(_("Resolutions"), doc.meta.resolutions, width);
	{
		char *cited = NULL;

		if (cli_cited_by(store, id, &cited, &err) < 0) {
			store_doc_release(&doc);
			goto fail;
		}
		print_meta_line(_("Cited by"), cited, width);
		free(cited);
	}
	print_meta_line(_("File"), doc.meta.source, width);
	/* A paragraph longer than a piece is stored as several: they are joined
	 * again so that it wraps as one. */
	for (size_t i = 0; i < doc.npieces; i++) {
		struct paragraph para;
		bool continued = false;

		if (store_get_piece(store, id, i, &para, &continued, &err) != 1) {
			strbuf_release(&text);
			store_doc_release(&doc);
			goto fail;
		}
		if (!continued) {
			if (i > 0)
				print_wrapped(strbuf_str(&text), text.len, width,
					      role == PARA_NOTE ? CLI_NOTE_INDENT : 0);
			strbuf_reset(&text);
			role = para.role;
			/* Lines of one block (masthead, signature) stay together. */
			if (!(i > 0 && paragraph_joins_previous(previous_role, para.role)))
				putchar('\n');
			previous_role = para.role;
		}
		strbuf_add(&text, para.text, para.len);
		paragraph_release(&para);
	}
	if (doc.npieces > 0)
		print_wrapped(strbuf_str(&text), text.len, width,
			      role == PARA_NOTE ? CLI_NOTE_INDENT : 0);
	strbuf_release(&text);
	store_doc_release(&doc);
	return 0;

fail:
	util_error("%s", err ? err : _("cannot read the document"));
	free(err);
	return 2;
}

/* The import works on a copy next to the snapshot and renames it over the
 * original only when everything succeeded (snapshot_swap.h), so a failure
 * at any point (a refused file, a full disk, no memory, even in the final
 * compaction) leaves the snapshot exactly as it was.  Messages name the
 * snapshot, not the working copy. */
int
cli_import(const char *db_path, char *const *paths, size_t npaths, const struct cli_options *opts)
{
	struct snapshot_swap *swap = NULL;
	struct import_counts counts = { 0 };
	struct store *store = NULL;
	char *err = NULL;
	long n = -1;

	if (snapshot_swap_begin(db_path, opts->no_wait, &swap, &err) != 0)
		goto fail;
	if (store_open_as(snapshot_swap_work_path(swap), db_path, STORE_SCRATCH, &store, &err) != 0)
		goto fail;
	n = import_paths(store, paths, npaths, opts->dry_run, &counts);
	store_close(store);
	if (n < 0)
		goto fail;
	if (opts->dry_run || counts.added + counts.replaced == 0) {
		/* nothing to write: the snapshot stays as it is */
		snapshot_swap_end(swap);
		printf(opts->dry_run ? _("%zu added, %zu replaced, %zu unchanged (dry run): "
					 "%s not written\n")
				     : _("%zu added, %zu replaced, %zu unchanged: %s left as it was\n"),
		       counts.added, counts.replaced, counts.unchanged, db_path);
		return 0;
	}
	if (snapshot_swap_commit(swap, &err) != 0)
		goto fail;
	snapshot_swap_end(swap);
	printf(_("%zu added, %zu replaced, %zu unchanged: "), counts.added, counts.replaced,
	       counts.unchanged);
	printf(i18n_ngettext("%ld document imported into %s\n", "%ld documents imported into %s\n",
			     (unsigned long)n),
	       n, db_path);
	return 0;

fail:
	snapshot_swap_end(swap);
	if (err != NULL)
		util_error("%s", err);
	util_error(_("nothing imported into %s"), db_path);
	free(err);
	return 2;
}
