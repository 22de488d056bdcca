/* test_fts_prepared.c - tokens prepared ahead of FTS5 (fts_prepared.h),
 * replayed by the tokenizer only for the very text they were made from,
 * and the worker that makes them (index_worker.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fts_prepared.h"
#include "fts_tokenizer.h"
#include "index_worker.h"
#include "lemma.h"
#include "util.h"

#include "unit.h"

static const char text_a[] = "Les mesures de confiance régionales, l’œuvre des États-Unis.";
static const char text_b[] = "Les armes chimiques et le désarmement ; 2016, S/RES/2325.";

/* Every token as "flags:token:start-end;", for comparing streams. */
static int
record_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	strbuf_addf(ctx, "%d:%.*s:%d-%d;", tflags, ntok, tok, start, end);
	return SQLITE_OK;
}

/* The words a counter was given, "+word" or "-word" each. */
struct counted {
	struct strbuf log;
	long total;
	uint64_t last_row;
};

static void
count_word(void *arg, const char *folded, size_t len, uint64_t row)
{
	struct counted *c = arg;

	strbuf_addf(&c->log, "+%.*s ", (int)len, folded);
	c->total++;
	c->last_row = row;
}

static void
uncount_word(void *arg, const char *folded, size_t len, uint64_t row)
{
	struct counted *c = arg;

	strbuf_addf(&c->log, "-%.*s ", (int)len, folded);
	c->total--;
	c->last_row = row;
}

/* The tokens and words of text as the tokenizer makes them itself. */
static void
tokenize_directly(struct lemma *lemma, const char *text, struct strbuf *tokens,
		  struct strbuf *words)
{
	struct counted c = {STRBUF_INIT, 0, 0};
	struct fts_words hook = {count_word, &c, 0};
	struct strbuf scratch = STRBUF_INIT;

	CHECK_INT(
	    fts_tokenize_document(lemma, &hook, &scratch, text, strlen(text), record_token, tokens),
	    SQLITE_OK);
	CHECK_INT(hook.row, 1);
	strbuf_add(words, c.log.buf, c.log.len);
	strbuf_release(&c.log);
	strbuf_release(&scratch);
}

/* A prepared stream replays the same tokens, flags and offsets, and lists
 * the same words, as tokenizing the text. */
static void
test_round_trip(struct lemma *lemma)
{
	struct strbuf direct = STRBUF_INIT, words = STRBUF_INIT, replayed = STRBUF_INIT;
	struct strbuf scratch = STRBUF_INIT;
	struct counted c = {STRBUF_INIT, 0, 0};
	struct fts_prepared p = {0};
	struct fts_prepared_text ta, tb;

	tokenize_directly(lemma, text_a, &direct, &words);
	CHECK(strstr(direct.buf, "0:mesures:4-11;1:=mesure:4-11;") != NULL);
	CHECK(strstr(direct.buf, ":oeuvre:") != NULL);

	/* two texts one after the other in one buffer: each view is its own */
	fts_prepared_begin(&p, text_b, strlen(text_b), &tb);
	CHECK_INT(fts_tokenize_document(lemma, NULL, &scratch, text_b, strlen(text_b),
					fts_prepared_add, &p),
		  SQLITE_OK);
	fts_prepared_end(&p, &tb);
	fts_prepared_begin(&p, text_a, strlen(text_a), &ta);
	CHECK_INT(fts_tokenize_document(lemma, NULL, &scratch, text_a, strlen(text_a),
					fts_prepared_add, &p),
		  SQLITE_OK);
	fts_prepared_end(&p, &ta);
	CHECK(tb.ntokens > 0 && ta.ntokens > 0);
	CHECK_INT(ta.first, tb.ntokens);

	CHECK_INT(fts_prepared_replay(&ta, record_token, &replayed), SQLITE_OK);
	CHECK_STR(replayed.buf, direct.buf);
	fts_prepared_words(&ta, count_word, &c, 7);
	CHECK_STR(c.log.buf, words.buf);
	CHECK_INT(c.last_row, 7);

	/* the matching is on the bytes, not the length alone */
	CHECK(fts_prepared_matches(&ta, text_a, strlen(text_a)));
	CHECK(!fts_prepared_matches(&ta, text_a, strlen(text_a) - 1));
	CHECK(!fts_prepared_matches(&ta, text_b, strlen(text_b)));
	{
		char *changed = xstrdup(text_a);

		changed[5] = 'X'; /* same length, one byte off */
		CHECK(!fts_prepared_matches(&ta, changed, strlen(changed)));
		free(changed);
	}

	/* reset keeps nothing of the old tokens */
	fts_prepared_reset(&p);
	fts_prepared_begin(&p, "", 0, &ta);
	fts_prepared_end(&p, &ta);
	CHECK_INT(ta.ntokens, 0);
	CHECK(fts_prepared_matches(&ta, "", 0));

	fts_prepared_release(&p);
	strbuf_release(&direct);
	strbuf_release(&words);
	strbuf_release(&replayed);
	strbuf_release(&scratch);
	strbuf_release(&c.log);
}

/* A test replay hook: take hands out `offer` once; refuse notes its call. */
struct offer {
	const struct fts_prepared_text *offer;
	int takes, refusals;
	const struct fts_prepared_text *refused;
};

static const struct fts_prepared_text *
offer_take(void *arg)
{
	struct offer *o = arg;
	const struct fts_prepared_text *t = o->offer;

	o->takes++;
	o->offer = NULL;
	return t;
}

static void
offer_refuse(void *arg, const struct fts_prepared_text *refused)
{
	struct offer *o = arg;

	o->refusals++;
	o->refused = refused;
}

/* What FTS5 indexed for row `row` of t: "term@position " in order. */
static char *
indexed_terms(sqlite3 *db, int row)
{
	struct strbuf out = STRBUF_INIT;
	sqlite3_stmt *stmt;

	CHECK_INT(sqlite3_prepare_v2(
		      db, "SELECT term, offset FROM v WHERE doc = ?1 ORDER BY offset, term", -1,
		      &stmt, NULL),
		  SQLITE_OK);
	sqlite3_bind_int(stmt, 1, row);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		strbuf_addf(&out, "%s@%d ", sqlite3_column_text(stmt, 0),
			    sqlite3_column_int(stmt, 1));
	sqlite3_finalize(stmt);
	return strbuf_detach(&out, NULL);
}

/* Indexes text as a new row (nothing else tokenized: no delete) and
 * returns its terms. */
static char *
index_text(sqlite3 *db, const char *text)
{
	static int row;
	sqlite3_stmt *stmt;

	row++;
	CHECK_INT(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, x) VALUES(?1, ?2)", -1, &stmt, NULL),
		  SQLITE_OK);
	sqlite3_bind_int(stmt, 1, row);
	sqlite3_bind_text(stmt, 2, text, -1, SQLITE_STATIC);
	CHECK_INT(sqlite3_step(stmt), SQLITE_DONE);
	sqlite3_finalize(stmt);
	return indexed_terms(db, row);
}

/* Through FTS5: the tokenizer replays a prepared stream only for the very
 * bytes it was made from, and otherwise tokenizes (and counts) itself. */
static void
test_replay_in_fts5(struct lemma *lemma)
{
	sqlite3 *db;
	struct counted c = {STRBUF_INIT, 0, 0};
	struct fts_words words = {count_word, &c, 0};
	struct offer o = {0};
	struct fts_replay replay = {NULL, offer_refuse, &o};
	struct fts_prepared plain = {0}, full = {0}, other = {0};
	struct fts_prepared_text t_plain, t_full, t_other;
	struct strbuf scratch = STRBUF_INIT;
	char *normal, *got;
	char *changed = xstrdup(text_a);
	long normal_words;
	sqlite3_stmt *stmt;

	CHECK_INT(sqlite3_open(":memory:", &db), SQLITE_OK);
	CHECK_INT(fts_tokenizer_register_replay(db, lemma, &words, &replay), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db,
			       "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='liseuse');"
			       "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
			       NULL, NULL, NULL),
		  SQLITE_OK);

	/* prepared without lemmas, to tell a replay from a tokenization */
	fts_prepared_begin(&plain, text_a, strlen(text_a), &t_plain);
	fts_tokenize_document(NULL, NULL, &scratch, text_a, strlen(text_a), fts_prepared_add,
			      &plain);
	fts_prepared_end(&plain, &t_plain);
	fts_prepared_begin(&full, text_a, strlen(text_a), &t_full);
	fts_tokenize_document(lemma, NULL, &scratch, text_a, strlen(text_a), fts_prepared_add,
			      &full);
	fts_prepared_end(&full, &t_full);
	/* the same length, one letter off ("mXsures") */
	changed[5] = 'X';
	fts_prepared_begin(&other, changed, strlen(changed), &t_other);
	fts_tokenize_document(lemma, NULL, &scratch, changed, strlen(changed), fts_prepared_add,
			      &other);
	fts_prepared_end(&other, &t_other);

	/* no hook: the tokenizer's own tokens, and its words counted */
	normal = index_text(db, text_a);
	CHECK(strstr(normal, "=mesure@1 ") != NULL);
	CHECK(strstr(normal, "mesures@1 ") != NULL);
	normal_words = c.total;
	CHECK(normal_words > 0);
	CHECK_INT(o.takes, 0);

	replay.take = offer_take;

	/* a match is replayed as it is (no lemmas in this one), counted by
	 * whoever prepared it, not by the tokenizer */
	c.total = 0;
	o.offer = &t_plain;
	got = index_text(db, text_a);
	CHECK_INT(o.takes, 1);
	CHECK_INT(o.refusals, 0);
	CHECK(strstr(got, "mesures@1 ") != NULL);
	CHECK(strstr(got, "=mesure@1 ") == NULL);
	CHECK_INT(c.total, 0);
	free(got);

	/* the full stream gives exactly the tokenizer's index */
	o.offer = &t_full;
	got = index_text(db, text_a);
	CHECK_STR(got, normal);
	CHECK_INT(o.refusals, 0);
	CHECK_INT(c.total, 0);
	free(got);

	/* the tokens of another text of the same length are refused: the
	 * text is tokenized and counted as without a hook */
	o.offer = &t_other;
	got = index_text(db, text_a);
	CHECK_INT(o.refusals, 1);
	CHECK(o.refused == &t_other);
	CHECK_STR(got, normal);
	CHECK_INT(c.total, normal_words);
	free(got);

	/* nothing prepared: refused with NULL, tokenized */
	c.total = 0;
	got = index_text(db, text_a);
	CHECK_INT(o.refusals, 2);
	CHECK(o.refused == NULL);
	CHECK_STR(got, normal);
	CHECK_INT(c.total, normal_words);
	free(got);

	/* a query never asks for prepared tokens */
	o.takes = 0;
	CHECK_INT(
	    sqlite3_prepare_v2(db, "SELECT rowid FROM t WHERE t MATCH 'mesures'", -1, &stmt, NULL),
	    SQLITE_OK);
	CHECK_INT(sqlite3_step(stmt), SQLITE_ROW);
	sqlite3_finalize(stmt);
	CHECK_INT(o.takes, 0);

	sqlite3_close(db);
	free(normal);
	free(changed);
	fts_prepared_release(&plain);
	fts_prepared_release(&full);
	fts_prepared_release(&other);
	strbuf_release(&scratch);
	strbuf_release(&c.log);
}

/* The worker tokenizes submitted batches in order, as the tokenizer would,
 * counts their words, and takes back the words of a piece whose tokens
 * were not used.  The counter is read only while no batch is in flight,
 * and the lemma source only before the worker starts. */
static void
test_worker(struct lemma *lemma)
{
	static const char *const texts[] = {text_a, text_b, "", "Séminaires régionaux.", text_a};
	struct strbuf direct[5] = {STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT, STRBUF_INIT};
	struct counted c = {STRBUF_INIT, 0, 0};
	struct fts_words words = {count_word, &c, 0};
	struct index_worker *w;
	struct fts_replay hook = {0};
	struct index_batch *first, *second, *b;
	long direct_words[5];

	for (size_t i = 0; i < 5; i++) {
		struct strbuf list = STRBUF_INIT;
		long n = 0;

		if (texts[i][0] != '\0')
			tokenize_directly(lemma, texts[i], &direct[i], &list);
		for (size_t k = 0; k < list.len; k++)
			n += list.buf[k] == '+';
		direct_words[i] = n;
		strbuf_release(&list);
	}
	w = index_worker_start(lemma, &words, uncount_word);
	CHECK(w != NULL);
	if (w == NULL)
		return;
	index_worker_hook(w, &hook);
	CHECK(hook.take != NULL && hook.refuse != NULL);
	CHECK(index_worker_wait(w) == NULL); /* nothing submitted */

	first = index_worker_batch(w);
	CHECK(first != NULL);
	CHECK(!index_batch_add(first, 10, texts[0], strlen(texts[0])));
	CHECK(!index_batch_add(first, 11, texts[1], strlen(texts[1])));
	CHECK(!index_batch_add(first, 12, NULL, 0));
	index_worker_submit(w, first);
	b = index_worker_wait(w);
	CHECK(b == first);
	CHECK_INT(c.total, direct_words[0] + direct_words[1]);
	c.total = 0;

	/* the second batch is tokenized while the first is replayed */
	second = index_worker_batch(w);
	CHECK(second != NULL && second != first);
	CHECK(!index_batch_add(second, 13, texts[3], strlen(texts[3])));
	CHECK(!index_batch_add(second, 14, texts[4], strlen(texts[4])));
	index_worker_submit(w, second);
	CHECK(index_worker_batch(w) == NULL);

	CHECK_INT(index_batch_count(b), 3);
	CHECK_INT(index_batch_rowid(b, 1), 11);
	{
		size_t len;
		const char *text = index_batch_text(b, 2, &len);

		CHECK(text == NULL);
		CHECK_INT(len, 0);
		text = index_batch_text(b, 1, &len);
		CHECK(text != texts[1] && len == strlen(texts[1]) &&
		      memcmp(text, texts[1], len) == 0);
	}
	CHECK(hook.take(hook.arg) == NULL); /* nothing expected */
	for (size_t i = 0; i < 2; i++) {
		struct strbuf replayed = STRBUF_INIT;
		const struct fts_prepared_text *t;

		index_worker_expect(w, b, i);
		t = hook.take(hook.arg);
		CHECK(t != NULL);
		if (t != NULL) {
			CHECK(fts_prepared_matches(t, texts[i], strlen(texts[i])));
			CHECK_INT(fts_prepared_replay(t, record_token, &replayed), SQLITE_OK);
			CHECK_STR(replayed.buf, direct[i].buf);
		}
		CHECK(hook.take(hook.arg) == NULL); /* offered once */
		index_worker_expect_done(w);
		strbuf_release(&replayed);
	}
	index_worker_recycle(w, b);

	b = index_worker_wait(w);
	CHECK(b == second);
	CHECK_INT(c.total, direct_words[3] + direct_words[4]);
	/* piece 0 never taken: its words go back out */
	index_worker_expect(w, b, 0);
	index_worker_expect_done(w);
	CHECK_INT(c.total, direct_words[4]);
	/* piece 1 refused (as when FTS5's text differs): its words go too */
	index_worker_expect(w, b, 1);
	hook.refuse(hook.arg, hook.take(hook.arg));
	index_worker_expect_done(w);
	CHECK_INT(c.total, 0);
	index_worker_recycle(w, b);
	CHECK(index_worker_wait(w) == NULL);

	/* finishing with a batch still queued */
	b = index_worker_batch(w);
	CHECK(b != NULL);
	index_batch_add(b, 15, text_a, strlen(text_a));
	index_worker_submit(w, b);
	index_worker_finish(w);
	for (size_t i = 0; i < 5; i++)
		strbuf_release(&direct[i]);
	strbuf_release(&c.log);
}

/* A batch is full from INDEX_BATCH_BYTES of text on. */
static void
test_batch_full(void)
{
	struct index_worker *w = index_worker_start(NULL, NULL, uncount_word);
	struct index_batch *b;
	char *big = xcalloc(INDEX_BATCH_BYTES, 1);

	CHECK(w != NULL);
	if (w != NULL) {
		memset(big, 'a', INDEX_BATCH_BYTES - 1);
		b = index_worker_batch(w);
		CHECK(!index_batch_add(b, 1, big, INDEX_BATCH_BYTES - 1));
		CHECK(index_batch_add(b, 2, "b", 1));
		index_worker_submit(w, b);
		CHECK(index_worker_wait(w) == b);
		index_worker_finish(w);
	}
	free(big);
}

int
main(void)
{
	struct lemma *lemma = NULL;
	char *err = NULL;

	if (lemma_new(&lemma, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		return 1;
	}
	test_round_trip(lemma);
	test_replay_in_fts5(lemma);
	test_worker(lemma);
	test_batch_full();
	lemma_free(lemma);
	return unit_done("test_fts_prepared");
}
