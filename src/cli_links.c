/* cli_links.c - the command line's side of links between documents and
 * of their structure: the "Cité par" line of `show`, `show --outline`, and
 * `signets`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bookmarks.h"
#include "citation.h"
#include "cli.h"
#include "i18n.h"
#include "layout.h"
#include "outline.h"
#include "sanitize.h"
#include "state.h"
#include "util.h"

int
cli_cited_by(struct store *store, int64_t doc_id, char **line, char **err)
{
	struct store_ref *refs = NULL;
	long n = store_cited_by(store, doc_id, &refs, err);
	char **labels;

	*line = NULL;
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;
	labels = xcalloc((size_t)n, sizeof *labels);
	for (long i = 0; i < n; i++)
		labels[i] = citation_ref_label(refs[i].symbol, refs[i].kind, refs[i].sender,
					       refs[i].date);
	*line = citation_cited_by((const char *const *)labels, (size_t)n);
	for (long i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	store_refs_free(refs, (size_t)n);
	return 0;
}

/* Prints text on one line of at most width cells, cut with "…". */
static void
cli_print_cut(const char *prefix, const char *text, int width)
{
	struct layout layout = LAYOUT_INIT;
	struct strbuf line = STRBUF_INIT;
	int pw = layout_text_width(prefix, strlen(prefix), 0);
	size_t n = layout_wrap(&layout, text, strlen(text), width - pw - 1, SANITIZE_ONELINE);

	strbuf_addstr(&line, prefix);
	if (n > 0)
		sanitize_append(&line, text + layout.lines[0].start,
				layout.lines[0].end - layout.lines[0].start, SANITIZE_ONELINE, pw);
	if (n > 1)
		strbuf_addstr(&line, "…");
	puts(strbuf_str(&line));
	strbuf_release(&line);
	layout_release(&layout);
}

static void
cli_outline_add(void *arg, size_t index, const struct paragraph *p)
{
	outline_add(arg, index, p->role, p->text, p->len);
}

int
cli_outline(struct store *store, int64_t doc_id, int width, char **err)
{
	struct outline o;
	int rc;

	outline_init(&o);
	rc = store_each_structure_piece(store, doc_id, OUTLINE_LABEL_MAX, cli_outline_add, &o, err);
	if (rc < 0) {
		outline_release(&o);
		return -1;
	}
	for (size_t i = 0; i < o.n; i++) {
		const struct outline_entry *e = &o.entries[i];
		char prefix[32];

		snprintf(prefix, sizeof prefix, "%*s%s", 2 * e->level, "",
			 e->kind == OUTLINE_SIGNATURE ? _("Signature: ") : "");
		cli_print_cut(prefix, e->label, width);
	}
	outline_release(&o);
	return 0;
}

/* Prints one field of a TSV line, made safe. */
static void
cli_tsv_field(const char *s, bool last)
{
	char *safe = sanitize_dup(s ? s : "", s ? strlen(s) : 0, SANITIZE_ONELINE);

	for (char *c = safe; *c; c++)
		if (*c == '\t')
			*c = ' ';
	fputs(safe, stdout);
	putchar(last ? '\n' : '\t');
	free(safe);
}

int
cli_signets(struct store *store, const struct cli_options *opts)
{
	struct state st;
	char *path = state_default_path(), *key = bookmarks_snapshot_key(store_path(store));
	char *err = NULL;
	int width = opts->width > 0 ? opts->width : 80, status = 1;

	state_init(&st);
	if (path != NULL && state_load(&st, path, &err) < 0) {
		util_error("%s", err);
		status = 2;
		goto out;
	}
	for (size_t i = 0; i < st.nmarks; i++) {
		const struct state_mark *m = &st.marks[i];
		struct store_doc doc = {0};
		int64_t id = 0;
		size_t piece = m->piece;
		bool moved = false;
		int rc;

		if (strcmp(m->snapshot, key) != 0)
			continue;
		rc = bookmarks_locate(store, m, &id, &piece, &moved, &err);
		if (rc == 1)
			rc = store_get_doc(store, id, &doc, &err);
		if (rc < 0) {
			util_error("%s", err);
			status = 2;
			goto out;
		}
		status = 0;
		if (opts->format == CLI_FORMAT_TSV) {
			char idbuf[32], piecebuf[32];

			snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
			snprintf(piecebuf, sizeof piecebuf, "%zu", piece);
			cli_tsv_field(rc == 1 ? idbuf : "", false);
			cli_tsv_field(m->source, false);
			cli_tsv_field(m->symbol, false);
			cli_tsv_field(piecebuf, false);
			cli_tsv_field(m->excerpt, true);
		} else {
			struct strbuf head = STRBUF_INIT;
			char *safe;

			if (rc == 1)
				strbuf_addf(&head, "%4lld  %s  %s — %s", (long long)id,
					    doc.meta.date ? doc.meta.date : "          ",
					    doc.meta.kind ? doc.meta.kind : "",
					    doc.meta.sender ? doc.meta.sender : "");
			else
				strbuf_addf(&head, _("   -  %s (not in this snapshot)"), m->source);
			if (m->symbol[0])
				strbuf_addf(&head, "  %s", m->symbol);
			if (moved)
				strbuf_addstr(&head, _("  (passage changed)"));
			safe = sanitize_dup(head.buf, head.len, SANITIZE_ONELINE);
			puts(safe);
			free(safe);
			cli_print_cut("      ", m->excerpt, width);
			strbuf_release(&head);
		}
		store_doc_release(&doc);
	}
out:
	state_release(&st);
	free(err);
	free(path);
	free(key);
	return status;
}
