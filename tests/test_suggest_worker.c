/* test_suggest_worker.c - corrections looked for on the worker's thread:
 * the answer to the last request only, a request replaced while the
 * worker is on it, a cancel, nothing close, a snapshot that cannot be
 * opened, freeing while it works. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "document.h"
#include "store.h"
#include "suggest_worker.h"
#include "unit.h"
#include "util.h"

static char tmpdir[] = "/tmp/test_suggest_worker.XXXXXX";

static void
add_doc(struct store *st, const char *date, const char *sender, const char *text)
{
	struct document doc;
	int64_t id;
	char *err = NULL;

	document_init(&doc);
	doc.meta.date = xstrdup(date);
	doc.meta.kind = xstrdup("Lettre");
	doc.meta.sender = xstrdup(sender);
	doc.meta.title = xstrdup("Lettre");
	doc.meta.source = xasprintf("%s.txt", sender);
	document_add_paragraph(&doc, PARA_BODY, xstrdup(text), strlen(text), NULL, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	document_release(&doc);
	free(err);
}

static int
build(const char *path)
{
	struct store *st;
	char *err = NULL;

	if (store_open(path, STORE_WRITE, &st, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		return -1;
	}
	CHECK_INT(store_begin(st, &err), 0);
	add_doc(st, "2014-03-19", "Kazakhstan",
		"La sécurité régionale et le désarmement nucléaire au Kazakhstan.");
	add_doc(st, "2018-06-01", "Bélarus", "Le séminaire de Minsk sur la sécurité.");
	CHECK_INT(store_commit(st, &err), 0);
	store_close(st);
	free(err);
	return 0;
}

/* Waits for the answer (bounded: a broken worker fails, never hangs). */
static bool
wait_answer(struct suggest_worker *w, char **word, char **fix)
{
	struct timespec pause = {0, 5 * 1000 * 1000};

	for (int i = 0; i < 12000; i++) {
		if (suggest_worker_take(w, word, fix))
			return true;
		nanosleep(&pause, NULL);
	}
	return false;
}

int
main(void)
{
	struct suggest_worker *w;
	char *path, *err = NULL, *word = NULL, *fix = NULL;

	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	path = xasprintf("%s/snapshot.db", tmpdir);
	if (build(path) < 0)
		return 1;

	/* a snapshot that is not there: NULL and a message naming it */
	{
		char *missing = xasprintf("%s/missing.db", tmpdir);

		CHECK(suggest_worker_new(missing, &err) == NULL);
		CHECK(err != NULL && strstr(err, "missing.db") != NULL);
		free(err);
		err = NULL;
		free(missing);
	}

	w = suggest_worker_new(path, &err);
	CHECK(w != NULL);
	if (w == NULL) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	/* nothing asked: no answer, not busy */
	CHECK(!suggest_worker_busy(w));
	CHECK(!suggest_worker_take(w, &word, &fix));

	/* one word that finds nothing, among others */
	suggest_worker_ask(w, "de:kazakhstan securiter");
	CHECK(suggest_worker_busy(w));
	CHECK(wait_answer(w, &word, &fix));
	CHECK_STR(word, "securiter");
	CHECK_STR(fix, "sécurité");
	CHECK(!suggest_worker_busy(w));
	free(word);
	free(fix);
	/* taken once */
	CHECK(!suggest_worker_take(w, &word, &fix));
	CHECK(word == NULL && fix == NULL);

	/* replaced while the worker is on it (Hunspell takes long): only the
	 * last request's answer comes */
	suggest_worker_ask(w, "desarmemant");
	{
		struct timespec pause = {0, 30 * 1000 * 1000};

		nanosleep(&pause, NULL); /* the worker is on it, most likely */
	}
	suggest_worker_ask(w, "securiter");
	CHECK(wait_answer(w, &word, &fix));
	CHECK_STR(word, "securiter");
	CHECK_STR(fix, "sécurité");
	free(word);
	free(fix);

	/* cancelled: no answer, ever, and the worker takes the next one */
	suggest_worker_ask(w, "desarmemant");
	suggest_worker_cancel(w);
	CHECK(!suggest_worker_busy(w));
	{
		struct timespec pause = {0, 50 * 1000 * 1000};

		nanosleep(&pause, NULL);
	}
	CHECK(!suggest_worker_take(w, &word, &fix));
	suggest_worker_ask(w, "desarmemant");
	CHECK(wait_answer(w, &word, &fix));
	CHECK_STR(word, "desarmemant");
	CHECK_STR(fix, "désarmement");
	free(word);
	free(fix);

	/* nothing close, and a word that finds something: an answer of none */
	suggest_worker_ask(w, "zzxqwvk");
	CHECK(wait_answer(w, &word, &fix));
	CHECK(word == NULL && fix == NULL);
	suggest_worker_ask(w, "minsk");
	CHECK(wait_answer(w, &word, &fix));
	CHECK(word == NULL && fix == NULL);

	/* freed while it works: it ends cleanly */
	suggest_worker_ask(w, "desarmemant");
	suggest_worker_free(w);

	unlink(path);
	rmdir(tmpdir);
	free(path);
	return unit_done("test_suggest_worker");
}
