/* test_store_links.c - documents that cite each other: lookups by symbol,
 * the documents citing one, and the cote: and cite: filters. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "document.h"
#include "query.h"
#include "store.h"
#include "unit.h"
#include "util.h"

static char tmpdir[] = "/tmp/test_store_links.XXXXXX";

static int64_t
add(struct store *st, const char *date, const char *sender, const char *symbols,
    const char *resolutions, const char *front, const char *body)
{
	struct document doc;
	char *err = NULL;
	int64_t id = 0;

	document_init(&doc);
	doc.meta.date = xstrdup(date);
	doc.meta.kind = xstrdup("Lettre");
	doc.meta.sender = xstrdup(sender);
	doc.meta.symbols = symbols ? xstrdup(symbols) : NULL;
	doc.meta.resolutions = resolutions ? xstrdup(resolutions) : NULL;
	doc.meta.source = xasprintf("%s.txt", sender);
	if (front != NULL)
		document_add_paragraph(&doc, PARA_FRONT, xstrdup(front), strlen(front), NULL, 0);
	document_add_paragraph(&doc, PARA_BODY, xstrdup(body), strlen(body), NULL, 0);
	CHECK_INT(store_add_document(st, &doc, &id, &err), 0);
	if (err)
		fprintf(stderr, "%s\n", err);
	free(err);
	document_release(&doc);
	return id;
}

/* The ids matching a filter, newest first, as "3 1". */
static char *
ids_of(struct store *st, const char *filter)
{
	struct strbuf sb = STRBUF_INIT;
	struct store_results *res = NULL;
	struct store_hit hit;
	struct query q;
	char *err = NULL;

	if (query_parse(filter, 0, &q) != 0) {
		strbuf_addf(&sb, "error: %s", q.error);
		query_release(&q);
		return strbuf_detach(&sb, NULL);
	}
	CHECK_INT(store_results_open(st, &q, &res, &err), 0);
	while (res && store_results_next(res, &hit, &err) == 1) {
		if (sb.len)
			strbuf_addch(&sb, ' ');
		strbuf_addf(&sb, "%lld", (long long)hit.doc_id);
		store_hit_release(&hit);
	}
	store_results_free(res);
	query_release(&q);
	free(err);
	return strbuf_detach(&sb, NULL);
}

#define CHECK_IDS(st, filter, want)                                                                \
	do {                                                                                       \
		char *got_ids = ids_of(st, filter);                                                \
		CHECK_STR(got_ids, want);                                                          \
		free(got_ids);                                                                     \
	} while (0)

int
main(void)
{
	struct store *st = NULL;
	struct store_ref *refs;
	char *err = NULL, *path;
	int64_t a, b, c, r, id;
	long n;

	if (mkdtemp(tmpdir) == NULL)
		return 99;
	path = xasprintf("%s/s.db", tmpdir);
	CHECK_INT(store_open(path, STORE_WRITE, &st, &err), 0);
	CHECK_INT(store_begin(st, &err), 0);
	a = add(st, "2010-02-16", "Kazakhstan", "A/64/666 S/2010/84", NULL,
		"A/64/666–S/2010/84", "Le texte de la lettre, sans renvoi.");
	b = add(st, "2011-05-02", "Bélarus", "S/2011/300", "1540 (2004)",
		NULL, "Suite à la lettre publiée sous la cote S/2010/84, et à la résolution 1540 (2004).");
	c = add(st, "2012-01-10", "Ukraine", "S/2012/7", NULL, NULL,
		"Comme indiqué dans les documents S/2010/84 et S/2011/300, puis S/2099/1.");
	r = add(st, "2004-04-28", "Conseil", "S/RES/1540 (2004)", NULL, NULL,
		"Le Conseil de sécurité, agissant en vertu de la résolution 1540 (2004) elle-même.");
	CHECK_INT(store_commit(st, &err), 0);

	/* lookups by symbol */
	CHECK_INT(store_find_symbol(st, "s/2010/84", &id, &err), 1);
	CHECK_INT(id, a);
	CHECK_INT(store_find_symbol(st, "A/64/666", &id, &err), 1);
	CHECK_INT(id, a);
	CHECK_INT(store_find_symbol(st, "S/RES/1540", &id, &err), 1);
	CHECK_INT(id, r);
	CHECK_INT(store_find_symbol(st, "1540 (2004)", &id, &err), 1);
	CHECK_INT(id, r);
	CHECK_INT(store_find_symbol(st, "S/2099/1", &id, &err), 0);
	CHECK_INT(store_find_symbol(st, "", &id, &err), 0);
	CHECK_INT(store_find_symbol(st, "pas une cote", &id, &err), 0);
	CHECK_INT(store_find_doc(st, "S/2012/7", &id, &err), 1);
	CHECK_INT(id, c);

	/* cited by: newest first, never itself (its own masthead names it) */
	n = store_cited_by(st, a, &refs, &err);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(refs[0].id, c);
		CHECK_STR(refs[0].symbol, "S/2012/7");
		CHECK_STR(refs[0].sender, "Ukraine");
		CHECK_INT(refs[1].id, b);
	}
	store_refs_free(refs, n > 0 ? (size_t)n : 0);
	n = store_cited_by(st, b, &refs, &err);
	CHECK_INT(n, 1);
	store_refs_free(refs, n > 0 ? (size_t)n : 0);
	n = store_cited_by(st, c, &refs, &err);
	CHECK_INT(n, 0);
	CHECK(refs == NULL);
	n = store_cited_by(st, r, &refs, &err);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(refs[0].id, b);
	store_refs_free(refs, n > 0 ? (size_t)n : 0);
	CHECK_INT(store_cited_by(st, 999, &refs, &err), 0);

	/* the filters */
	{
		char want[64];

		snprintf(want, sizeof want, "%lld %lld", (long long)c, (long long)b);
		CHECK_IDS(st, "cite:S/2010/84", want);
		CHECK_IDS(st, "cite:s/2010/84 ukraine", "3");
		snprintf(want, sizeof want, "%lld", (long long)a);
		CHECK_IDS(st, "cote:S/2010/84", want);
		CHECK_IDS(st, "cote:a/64/666", want);
		snprintf(want, sizeof want, "%lld", (long long)r);
		CHECK_IDS(st, "cote:S/RES/1540", want);
		CHECK_IDS(st, "cote:\"S/RES/1540 (2004)\"", want);
		snprintf(want, sizeof want, "%lld", (long long)b);
		CHECK_IDS(st, "cite:S/RES/1540", want);
		CHECK_IDS(st, "cite:1540", want);
		CHECK_IDS(st, "cite:S/2099/1", "3");
		CHECK_IDS(st, "cote:S/2099/1", "");
		{
			char *got = ids_of(st, "cote:bonjour");

			CHECK(strncmp(got, "error: ", 7) == 0 && strstr(got, "(cote:A/64/666)"));
			free(got);
		}
		CHECK_IDS(st, "cote:", "3 2 1 4");
	}
	store_close(st);
	unlink(path);
	rmdir(tmpdir);
	free(path);
	free(err);
	return unit_done("test_store_links");
}
