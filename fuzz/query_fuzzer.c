/* query_fuzzer.c - libFuzzer target for the query parser, its MATCH
 * expression and the highlighter: any bytes, no crash, sane spans, and the
 * parsed query runs on a real FTS5 snapshot without an SQL error. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fold.h"
#include "query.h"
#include "store.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *snapshot;
static char *snapshot_dir, *snapshot_path;

static void
close_snapshot(void)
{
	store_close(snapshot);
	unlink(snapshot_path);
	rmdir(snapshot_dir);
}

static void
add_paragraph(struct document *doc, const char *text)
{
	document_add_paragraph(doc, PARA_BODY, xstrdup(text), strlen(text), NULL, 0);
}

/* Builds a small snapshot once per process (a private file, removed at
 * exit) and opens it read-only, as the program does. */
static void
open_snapshot(void)
{
	const char *tmp = getenv("TMPDIR");
	char *templ = xasprintf("%s/query_fuzzer.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	struct document doc;
	struct store *w = NULL;
	char *err = NULL;
	int64_t id;

	snapshot_dir = mkdtemp(templ);
	if (snapshot_dir == NULL)
		abort();
	snapshot_path = xasprintf("%s/fuzz.db", snapshot_dir);
	document_init(&doc);
	doc.meta.kind = xstrdup("Note verbale");
	doc.meta.date = xstrdup("2018-03-19");
	doc.meta.sender = xstrdup("Kazakhstan");
	doc.meta.addressee = xstrdup("Secrétaire général");
	doc.meta.organ = xstrdup("Conseil de sécurité");
	doc.meta.title = xstrdup("Note verbale datée du 19 mars 2018");
	doc.meta.source = xstrdup("fuzz.txt");
	doc.meta.symbols = xstrdup("S/AC.44/2018/3");
	doc.meta.resolutions = xstrdup("1540 (2004); 2325 (2016)");
	add_paragraph(&doc,
		      "Les États membres œuvrent à l’application de la résolution "
		      "1540 (2004) AND NEAR OR NOT « mesures de confiance » : l'Organisation.");
	add_paragraph(&doc, "Le Séminaire de Minsk sur l’œuvre du Comité, 2–3 juin ; "
			    "\"citation\" (parenthèses) * étoile - tiret.");
	if (store_open(snapshot_path, STORE_WRITE, &w, &err) < 0 || store_begin(w, &err) < 0 ||
	    store_add_document(w, &doc, &id, &err) < 0 || store_commit(w, &err) < 0 ||
	    store_finish(w, &err) < 0) {
		fprintf(stderr, "query_fuzzer: %s\n", err ? err : "cannot build the snapshot");
		abort();
	}
	store_close(w);
	document_release(&doc);
	if (store_open(snapshot_path, STORE_READ_ONLY, &snapshot, &err) < 0) {
		fprintf(stderr, "query_fuzzer: %s\n", err);
		abort();
	}
	atexit(close_snapshot);
}

/* Runs the query on the snapshot: counting, the first hits and the matching
 * pieces must all work (FTS5 must never see a syntax error). */
static void
run_query(const struct query *q)
{
	struct store_results *res = NULL;
	struct store_hit hit;
	size_t *pieces = NULL;
	int64_t count;
	char *err = NULL;
	int rc = 0;

	if (store_results_count(snapshot, q, &count, &err) < 0)
		goto fail;
	if (store_results_open(snapshot, q, &res, &err) < 0)
		goto fail;
	for (int i = 0; i < 3 && (rc = store_results_next(res, &hit, &err)) == 1; i++)
		store_hit_release(&hit);
	store_results_free(res);
	if (rc < 0)
		goto fail;
	if (store_matching_pieces(snapshot, q, 1, &pieces, &err) < 0)
		goto fail;
	free(pieces);
	return;
fail:
	fprintf(stderr, "query_fuzzer: %s\nMATCH: %s\n", err ? err : "?", q->fts ? q->fts : "");
	abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *input = xstrndup((const char *)data, size);
	size_t len = strlen(input), nspans, flen;
	struct text_span *spans;
	struct query q;
	char *folded;

	if (snapshot == NULL)
		open_snapshot();
	for (unsigned flags = 0; flags <= QUERY_LAST_PREFIX; flags++) {
		if (query_parse(input, flags, &q) == 0) {
			nspans = query_highlight(&q, input, len, &spans);
			for (size_t i = 0; i < nspans; i++) {
				if (spans[i].start >= spans[i].end || spans[i].end > len ||
				    (i && spans[i].start < spans[i - 1].end))
					abort();
			}
			free(spans);
			if (q.fts != NULL && strchr(q.fts, '\0') != q.fts + strlen(q.fts))
				abort();
			run_query(&q);
		} else if (q.error == NULL || strncmp(q.error, "syntax: ", 8) != 0) {
			abort();
		}
		query_release(&q);
	}
	folded = fold_string(input, len, &flen);
	if (strlen(folded) != flen)
		abort();
	free(folded);
	free(input);
	return 0;
}
