/* test_import_loader.c - the loader hands out every file's result once, in
 * order, with its own document, and stops cleanly with results not taken. */
#include "config.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "import_loader.h"
#include "unit.h"
#include "util.h"

static atomic_int loads;

/* "ok:<text>" loads a one-paragraph document, anything else is refused;
 * "big:<n>" loads n MB of text, to fill the loader's byte budget. */
static int
fake_load(const char *path, struct document *doc)
{
	atomic_fetch_add(&loads, 1);
	document_init(doc);
	if (strncmp(path, "ok:", 3) == 0) {
		document_add_paragraph(doc, PARA_BODY, xstrdup(path + 3), strlen(path + 3), NULL,
				       0);
		return 0;
	}
	if (strncmp(path, "big:", 4) == 0) {
		size_t n = (size_t)atoi(path + 4) << 20;
		char *text = xmalloc(n + 1);

		memset(text, 'a', n);
		text[n] = '\0';
		document_add_paragraph(doc, PARA_BODY, text, n, NULL, 0);
		return 0;
	}
	return -1;
}

static char **
make_paths(size_t n, const char *(*name)(size_t i))
{
	char **paths = xcalloc(n, sizeof *paths);

	for (size_t i = 0; i < n; i++)
		paths[i] = xstrdup(name(i));
	return paths;
}

static void
free_paths(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
}

static const char *
numbered(size_t i)
{
	static char buf[32];

	if (i % 7 == 3)
		snprintf(buf, sizeof buf, "refused:%zu", i);
	else
		snprintf(buf, sizeof buf, "ok:%zu", i);
	return buf;
}

static const char *
big(size_t i)
{
	(void)i;
	return "big:20";
}

/* Every result, in order: documents carry their own text, refusals are 0. */
static void
test_order(size_t n)
{
	char **paths = make_paths(n, numbered);
	struct import_loader *l = import_loader_start(paths, n, fake_load);

	for (size_t i = 0; i < n; i++) {
		struct document doc;
		char want[32];
		int ok = import_loader_next(l, &doc);

		snprintf(want, sizeof want, "%zu", i);
		CHECK_INT(ok, i % 7 != 3);
		if (ok) {
			CHECK_INT(doc.npara, 1);
			CHECK_STR(doc.paras[0].text, want);
		} else {
			CHECK_INT(doc.npara, 0);
		}
		document_release(&doc);
	}
	import_loader_finish(l);
	free_paths(paths, n);
}

/* Stopping early frees what was loaded and not taken, and loads no further
 * than the queue allows: 8 slots, or 32 MB of text. */
static void
test_stop_early(void)
{
	size_t n = 50;
	char **paths = make_paths(n, numbered);
	struct import_loader *l;
	struct document doc;

	atomic_store(&loads, 0);
	l = import_loader_start(paths, n, fake_load);
	CHECK_INT(import_loader_next(l, &doc), 1);
	document_release(&doc);
	import_loader_finish(l); /* leak checkers see the rest freed */
	free_paths(paths, n);
	CHECK(atomic_load(&loads) <= 1 + 8 + 1);

	atomic_store(&loads, 0);
	paths = make_paths(n, big);
	l = import_loader_start(paths, n, fake_load);
	CHECK_INT(import_loader_next(l, &doc), 1);
	CHECK_INT(doc.paras[0].len, 20u << 20);
	document_release(&doc);
	import_loader_finish(l);
	free_paths(paths, n);
	/* one taken and held (20 MB), one queued: 40 MB >= 32, no third */
	CHECK(atomic_load(&loads) <= 2);
}

int
main(void)
{
	test_order(1); /* one file: no thread */
	test_order(2);
	test_order(1000);
	test_stop_early();
	return unit_done("test_import_loader");
}
