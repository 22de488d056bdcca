/* store_fuzzer.c - libFuzzer target for the store reading a damaged or
 * hostile snapshot: the bytes are written to a private file, which is
 * opened read-only as the program opens a snapshot, then listed, counted,
 * searched and read piece by piece.  Refusing the file is fine; a crash, a
 * sanitizer report or an error without a message is not.  The seeds are
 * small real snapshots (page size 512) and hand-made hostile ones. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "query.h"
#include "store.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Pieces and hits read per document or query: a hostile count must not
 * make one input run for minutes. */
#define FUZZ_READ_MAX 64

static char *work_dir, *db_path;

static void
remove_work(void)
{
	unlink(db_path);
	rmdir(work_dir);
}

static void
make_work(void)
{
	const char *tmp = getenv("TMPDIR");
	char *templ = xasprintf("%s/store_fuzzer.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");

	work_dir = mkdtemp(templ);
	if (work_dir == NULL)
		abort();
	db_path = xasprintf("%s/fuzz.db", work_dir);
	atexit(remove_work);
}

/* A failed call must say why. */
static void
check_error(int rc, char **err)
{
	if (rc == -1 && (*err == NULL || **err == '\0'))
		abort();
	free(*err);
	*err = NULL;
}

/* Reads the pieces of one document, as show and the reader do. */
static void
read_document(struct store *store, int64_t id)
{
	struct store_ref *refs = NULL;
	struct store_doc doc;
	char *err = NULL;
	int rc = store_get_doc(store, id, &doc, &err);
	long nrefs;

	check_error(rc, &err);
	if (rc != 1)
		return;
	/* the documents citing it, as the reader's links pane lists them */
	nrefs = store_cited_by(store, id, &refs, &err);
	check_error(nrefs < 0 ? (int)nrefs : 0, &err);
	if (nrefs > 0)
		store_refs_free(refs, (size_t)nrefs);
	for (size_t i = 0; i < doc.npieces && i < FUZZ_READ_MAX; i++) {
		struct paragraph para;
		bool continued;

		rc = store_get_piece(store, id, i, &para, &continued, &err);
		check_error(rc, &err);
		if (rc != 1)
			break;
		if (para.text == NULL || strlen(para.text) != para.len)
			abort();
		for (size_t b = 0; b < para.nbold; b++)
			if (para.bold[b].start >= para.bold[b].end || para.bold[b].end > para.len)
				abort();
		paragraph_release(&para);
	}
	store_doc_release(&doc);
}

/* Lists the documents matching text (NULL: all), reading each one. */
static void
run_query(struct store *store, const char *text)
{
	struct store_results *res = NULL;
	struct store_hit hit;
	struct query q;
	char *err = NULL;
	int64_t count;
	size_t *pieces;
	int rc;

	if (text != NULL && query_parse(text, QUERY_LAST_PREFIX, &q) != 0) {
		query_release(&q);
		return;
	}
	check_error(store_results_count(store, text ? &q : NULL, &count, &err), &err);
	rc = store_results_open(store, text ? &q : NULL, &res, &err);
	check_error(rc, &err);
	for (int i = 0; rc == 0 && i < FUZZ_READ_MAX; i++) {
		int64_t id;

		rc = store_results_next(res, &hit, &err);
		check_error(rc, &err);
		if (rc != 1)
			break;
		if (hit.passage != NULL)
			for (size_t m = 0; m < hit.nmarks; m++)
				if (hit.marks[m].start >= hit.marks[m].end ||
				    hit.marks[m].end > strlen(hit.passage))
					abort();
		id = hit.doc_id;
		store_hit_release(&hit);
		read_document(store, id);
		if (text != NULL) {
			long n = store_matching_pieces(store, &q, id, &pieces, &err);

			check_error(n < 0 ? (int)n : 0, &err);
			if (n > 0)
				free(pieces);
		}
		rc = 0;
	}
	store_results_free(res);
	if (text != NULL)
		query_release(&q);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const queries[] = {
	    "securite",	      "s*",	     "\"de la\" -non", "de:kaz type:note",
	    "annee:2010-2020", "cite:1540", "organisation 2004",
	};
	struct store *store = NULL;
	char *err = NULL;
	int64_t id, count;
	FILE *f;

	if (work_dir == NULL)
		make_work();
	f = fopen(db_path, "wb");
	if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
	if (store_open(db_path, STORE_READ_ONLY, &store, &err) != 0) {
		if (err == NULL || strstr(err, "fuzz.db") == NULL)
			abort();
		free(err);
		return 0;
	}
	check_error(store_count_documents(store, &count, &err), &err);
	run_query(store, NULL);
	for (size_t i = 0; i < sizeof queries / sizeof queries[0]; i++)
		run_query(store, queries[i]);
	check_error(store_find_doc(store, "S/2020/12", &id, &err), &err);
	check_error(store_find_doc(store, "1", &id, &err), &err);
	check_error(store_find_symbol(store, "1540", &id, &err), &err);
	check_error(store_find_symbol(store, "S/RES/1540 (2004)", &id, &err), &err);
	check_error(store_find_source(store, "a.txt", &id, &err), &err);
	read_document(store, INT64_MAX);
	read_document(store, -1);
	store_close(store);
	return 0;
}
