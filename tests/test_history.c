/* test_history.c - back and forward through the places read. */
#include "config.h"

#include "history.h"
#include "unit.h"

static struct history_place
at(int64_t doc, size_t piece)
{
	struct history_place p = {doc, piece, 0};
	return p;
}

int
main(void)
{
	static struct history h;
	struct history_place to;

	history_init(&h);
	CHECK(!history_back(&h, at(1, 0), &to));
	CHECK(!history_forward(&h, at(1, 0), &to));
	/* 1 → 2 → 3, back twice, forward once */
	history_jump(&h, at(1, 5));
	history_jump(&h, at(2, 7));
	CHECK(history_back(&h, at(3, 0), &to));
	CHECK_INT(to.doc_id, 2);
	CHECK_INT(to.piece, 7);
	CHECK(history_back(&h, at(2, 8), &to));
	CHECK_INT(to.doc_id, 1);
	CHECK_INT(to.piece, 5);
	CHECK(!history_back(&h, at(1, 5), &to));
	CHECK(history_forward(&h, at(1, 6), &to));
	CHECK_INT(to.doc_id, 2);
	CHECK_INT(to.piece, 8); /* where it was left, not where it was entered */
	/* a new jump forgets the way forward */
	history_jump(&h, at(2, 8));
	CHECK(!history_forward(&h, at(4, 0), &to));
	CHECK(history_back(&h, at(4, 0), &to));
	CHECK_INT(to.doc_id, 2);
	CHECK(history_back(&h, at(2, 8), &to));
	CHECK_INT(to.doc_id, 1);
	CHECK_INT(to.piece, 6);
	/* bounded: the oldest places go */
	history_init(&h);
	for (int i = 0; i < HISTORY_MAX + 10; i++)
		history_jump(&h, at(i, 0));
	CHECK_INT(h.nback, HISTORY_MAX);
	for (int i = 0; i < HISTORY_MAX; i++)
		CHECK(history_back(&h, at(0, 0), &to));
	CHECK_INT(to.doc_id, 10);
	CHECK(!history_back(&h, at(0, 0), &to));
	return unit_done("test_history");
}
