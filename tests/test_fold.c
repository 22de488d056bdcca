/* test_fold.c - folding and tokenizing French text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "unit.h"

static void
check_fold(const char *in, const char *want)
{
	size_t len;
	char *got = fold_string(in, strlen(in), &len);

	CHECK_STR(got, want);
	CHECK_INT(len, strlen(want));
	free(got);
}

static void
test_examples(void)
{
	check_fold("œuvre", "oeuvre");
	check_fold("Œuvre ŒUVRE", "oeuvre oeuvre");
	check_fold("États", "etats");
	check_fold("l’Organisation", "l organisation");
	check_fold("l'Organisation l‘a lʼun", "l organisation l a l un");
	check_fold("États-Unis", "etats unis");
	check_fold("Etats-Unis", "etats unis");
	check_fold("Bélarus", "belarus");
	check_fold("A/64/666", "a 64 666");
	check_fold("curriculum vitæ ÆGIS", "curriculum vitae aegis");
	check_fold("Straße STRAẞE", "strasse strasse");
	check_fold("ﬁn", "fin");
	check_fold("çà où l’île Noël", "ca ou l ile noel");
	check_fold("", "");
	check_fold("  -- ’ ' … « » ", "");
	check_fold("1540 (2004)", "1540 2004");
	check_fold("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸ", "aaaceeeeiioouuuy");
	check_fold("Ελλάδα Россия", "ελλαδα россия");
	check_fold("Россий", "россии"); /* й is и + breve: folded like other accents */
}

/* NFD input (combining marks) folds like NFC, and marks stay in the token. */
static void
test_nfd(void)
{
	const char *nfd = "E\xcc\x81tats re\xcc\x81solution";
	struct fold_iter it;
	size_t s, e, fl;
	const char *f;

	check_fold(nfd, "etats resolution");
	fold_iter_init(&it, nfd, strlen(nfd));
	CHECK_INT(fold_iter_next(&it, &s, &e, &f, &fl), 1);
	CHECK_INT(s, 0);
	CHECK_INT(e, 7);
	CHECK_STR(f, "etats");
	CHECK_INT(fold_iter_next(&it, &s, &e, &f, &fl), 1);
	CHECK_INT(s, 8);
	CHECK_INT(e, strlen(nfd));
	CHECK_STR(f, "resolution");
	CHECK_INT(fold_iter_next(&it, &s, &e, &f, &fl), 0);
	fold_iter_release(&it);
	/* a lone combining mark is not a token */
	check_fold("\xcc\x81 a", "a");
	/* a footnote call is not part of the word it follows */
	check_fold("conflits¹. Ces²³ textes⁴", "conflits ces textes");
}

/* Offsets are byte offsets in the original accented text. */
static void
test_offsets(void)
{
	const char *t = "Les États-Unis et l’Œuvre";
	static const struct {
		size_t s, e;
		const char *f;
	} want[] = {
	    {0, 3, "les"},  {4, 10, "etats"}, {11, 15, "unis"},
	    {16, 18, "et"}, {19, 20, "l"},    {23, 29, "oeuvre"},
	};
	struct fold_iter it;
	size_t s, e, fl, n = 0;
	const char *f;

	fold_iter_init(&it, t, strlen(t));
	while (fold_iter_next(&it, &s, &e, &f, &fl)) {
		if (n < sizeof want / sizeof want[0]) {
			CHECK_INT(s, want[n].s);
			CHECK_INT(e, want[n].e);
			CHECK_STR(f, want[n].f);
			CHECK_INT(fl, strlen(want[n].f));
		}
		n++;
	}
	CHECK_INT(n, sizeof want / sizeof want[0]);
	fold_iter_release(&it);
}

/* Invalid UTF-8 separates tokens and never reads past the end. */
static void
test_invalid(void)
{
	check_fold("ab\xff\xfe"
		   "cd\xc3",
		   "ab cd");
	check_fold("\xe2\x80", "");
	check_fold("caf\xc3\xa9\xc3", "cafe");
	{
		/* length-bounded: bytes after len are not read */
		size_t len;
		char *got = fold_string("abcdef", 3, &len);

		CHECK_STR(got, "abc");
		free(got);
	}
}

int
main(void)
{
	test_examples();
	test_nfd();
	test_offsets();
	test_invalid();
	return unit_done("test_fold");
}
