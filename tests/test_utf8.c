/* test_utf8.c - character steps, French spaces and passage excerpts. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "excerpt.h"
#include "unit.h"
#include "utf8.h"

static void
test_steps(void)
{
	const char *s = "aé€𝄞b"; /* 1, 2, 3, 4, 1 bytes */
	size_t len = strlen(s);

	CHECK_INT(utf8_next(s, len, 0), 1);
	CHECK_INT(utf8_next(s, len, 1), 3);
	CHECK_INT(utf8_next(s, len, 3), 6);
	CHECK_INT(utf8_next(s, len, 6), 10);
	CHECK_INT(utf8_next(s, len, 10), 11);
	CHECK_INT(utf8_next(s, len, 11), 11);
	CHECK_INT(utf8_prev(s, 11), 10);
	CHECK_INT(utf8_prev(s, 10), 6);
	CHECK_INT(utf8_prev(s, 6), 3);
	CHECK_INT(utf8_prev(s, 3), 1);
	CHECK_INT(utf8_prev(s, 1), 0);
	CHECK_INT(utf8_prev(s, 0), 0);
	CHECK_INT(utf8_char_start(s, 8), 6);
	CHECK_INT(utf8_char_start(s, 2), 1);
	CHECK_INT(utf8_char_start(s, 0), 0);
	/* Stray continuation bytes are characters of their own. */
	{
		const char *bad = "a\x80\x80\x80\x80\x80z";
		CHECK_INT(utf8_char_start(bad, 6), 6);
		CHECK_INT(utf8_prev(bad, 7), 6);
		CHECK(utf8_next(bad, 7, 1) > 1);
	}
}

static void
test_spaces(void)
{
	static const struct {
		const char *s;
		size_t want;
	} cases[] = {
	    {" x", 1},		{"\tx", 1},	       {"\xc2\xa0x", 2},     {"\xe2\x80\xafx", 3},
	    {"\xe2\x80\x89x", 3}, {"\xe2\x80\x87x", 3}, {"\xe2\x80\x80x", 3}, {"\xe2\x80\x8ax", 3},
	    {"\xe2\x80\x8bx", 0}, {"\xe2\x80\x90x", 0}, {"\nx", 0},	     {"x", 0},
	    {"\xc2", 0},	{"\xe2\x80", 0},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const char *s = cases[i].s;
		size_t len = strlen(s);
		CHECK_INT(utf8_space_len(s, len, 0), cases[i].want);
		if (cases[i].want && len > cases[i].want)
			CHECK_INT(utf8_space_before(s, cases[i].want), cases[i].want);
	}
	CHECK_INT(utf8_space_before("x", 1), 0);
	CHECK_INT(utf8_space_before("", 0), 0);
	/* "mot ;" with the narrow no-break space French puts before ';'. */
	CHECK_INT(utf8_space_before("mot\xe2\x80\xaf;", 6), 3);
}

static void
test_excerpt(void)
{
	struct query q;
	struct excerpt e;
	char long_text[2000];
	size_t n = 0;

	CHECK_INT(query_parse("désarmement", 0, &q), 0);
	/* Short text: all of it, the match marked. */
	excerpt_make(&q, "le désarmement nucléaire", strlen("le désarmement nucléaire"), 60,
		     200, &e);
	CHECK_STR(e.text, "le désarmement nucléaire");
	CHECK_INT(e.nmarks, 1);
	CHECK_INT(e.marks[0].start, 3);
	excerpt_release(&e);
	/* A long text: cut before the match at a space, with ellipses. */
	while (n < 1000) {
		memcpy(long_text + n, "mot ", 4);
		n += 4;
	}
	memcpy(long_text + n, "désarmement ", strlen("désarmement "));
	n += strlen("désarmement ");
	while (n < 1900) {
		memcpy(long_text + n, "fin ", 4);
		n += 4;
	}
	long_text[n] = '\0';
	excerpt_make(&q, long_text, n, 60, 200, &e);
	CHECK(strncmp(e.text, "…mot ", strlen("…mot ")) == 0);
	CHECK(strlen(e.text) <= 200 + 2 * strlen("…"));
	CHECK(strcmp(e.text + strlen(e.text) - strlen("…"), "…") == 0);
	CHECK_INT(e.nmarks, 1);
	CHECK(strncmp(e.text + e.marks[0].start, "désarmement", strlen("désarmement")) == 0);
	excerpt_release(&e);
	/* No match (NULL query): the start of the text. */
	excerpt_make(NULL, long_text, n, 60, 20, &e);
	CHECK(strncmp(e.text, "mot mot", 7) == 0);
	CHECK_INT(e.nmarks, 0);
	CHECK(e.marks == NULL);
	excerpt_release(&e);
	/* Never cut inside a character: a text of "é" without spaces. */
	for (n = 0; n + 2 <= 1000; n += 2)
		memcpy(long_text + n, "é", 2);
	long_text[n] = '\0';
	excerpt_make(&q, long_text, n, 60, 101, &e);
	CHECK_INT((strlen(e.text) - strlen("…")) % 2, 0);
	excerpt_release(&e);
	query_release(&q);
}

int
main(void)
{
	test_steps();
	test_spaces();
	test_excerpt();
	return unit_done("test_utf8");
}
