/* test_sanitize.c - the sanitiser never lets a control through, in both
 * modes, and transliterates French to ASCII. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>

#include "sanitize.h"
#include "unit.h"

/* Whether s holds no C0/DEL byte, no C1 and no bidi control (as UTF-8). */
static int
is_clean(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			return 0;
		if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE)
			return 0;
		if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
			return 0;
		if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x8E || p[2] == 0x8F))
			return 0;
		if (p[0] == 0xD8 && p[1] == 0x9C)
			return 0;
	}
	return 1;
}

static int
is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return 0;
	return 1;
}

static void
check_dup(const char *in, unsigned flags, const char *want)
{
	char *got = sanitize_dup(in, strlen(in), flags);

	CHECK_STR(got, want);
	free(got);
}

static void
test_controls(void)
{
	check_dup("a\x1b[31mb", 0, "a^[[31mb");
	check_dup("bell\a", 0, "bell^G");
	check_dup("x\by", 0, "x^Hy");
	check_dup("cr\rlf\n", 0, "cr^Mlf^J");
	check_dup("cr\rlf\n", SANITIZE_ONELINE, "cr lf ");
	check_dup("v\vf\f", 0, "v^Kf^L");
	check_dup("del\x7f", 0, "del^?");
	check_dup("nul", 0, "nul");
	check_dup("c1\xC2\x85x", 0, "c1<U+0085>x");
	check_dup("c1\xC2\x9B"
		  "31m",
		  0, "c1<U+009B>31m");
	/* RLO, LRE, PDF, isolates, marks, ALM: shown, never sent. */
	check_dup("a\xE2\x80\xAE"
		  "b\xE2\x80\xAA"
		  "c\xE2\x80\xAC"
		  "d\xE2\x81\xA6"
		  "e\xE2\x81\xA9"
		  "f\xE2\x80\x8E"
		  "g\xE2\x80\x8F"
		  "h\xD8\x9Ci",
		  0, "a<U+202E>b<U+202A>c<U+202C>d<U+2066>e<U+2069>f<U+200E>g<U+200F>h<U+061C>i");
	check_dup("soft\xC2\xADhyphen zero\xE2\x80\x8Bwidth\xEF\xBB\xBF", 0,
		  "softhyphen zerowidth");
	check_dup("\tx", 0, "        x");
	check_dup("abc\tx", 0, "abc     x");

	/* A NUL in the middle is a control like the others. */
	{
		char *got = sanitize_dup("a\0b", 3, 0);

		CHECK_STR(got, "a^@b");
		free(got);
	}

	/* Every byte value, alone and in both modes, gives clean output. */
	for (int b = 0; b < 256; b++) {
		char in[2] = {(char)b, 0};

		for (unsigned flags = 0; flags < 4; flags++) {
			char *got = sanitize_dup(in, 1, flags);

			CHECK(is_clean(got));
			if (flags & SANITIZE_ASCII)
				CHECK(is_ascii(got));
			free(got);
		}
	}
	/* Every code point up to U+FFFF, in both modes. */
	for (uint32_t c = 1; c < 0x10000; c++) {
		char repr[SANITIZE_REPR_MAX];

		for (unsigned flags = 0; flags < 4; flags++) {
			int w = sanitize_codepoint(c, flags, 3, repr);

			if (!is_clean(repr) || w < 0 || w > 10 ||
			    ((flags & SANITIZE_ASCII) &&
			     (!is_ascii(repr) || (size_t)w != strlen(repr)))) {
				CHECK(!"unclean code point");
				fprintf(stderr, "  U+%04X flags %u -> \"%s\" width %d\n", c, flags,
					repr, w);
			}
		}
	}
}

static void
test_invalid(void)
{
	check_dup("a\xFF"
		  "b",
		  0,
		  "a\xEF\xBF\xBD"
		  "b");
	check_dup("a\xFF"
		  "b",
		  SANITIZE_ASCII, "a?b");
	check_dup("\xC3", 0, "\xEF\xBF\xBD");
	check_dup("\xC3(", 0, "\xEF\xBF\xBD(");
	check_dup("\xED\xA0\x80", 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* surrogate */
	check_dup("\xC0\xAF", 0, "\xEF\xBF\xBD\xEF\xBF\xBD");		      /* overlong / */
	check_dup("\xF4\x90\x80\x80", SANITIZE_ASCII, "????");		      /* > U+10FFFF */
	check_dup("\xC3\xA9t\xC3\xA9", 0, "\xC3\xA9t\xC3\xA9");
}

static void
test_ascii(void)
{
	check_dup("\xC3\xA9t\xC3\xA9", SANITIZE_ASCII, "ete");
	check_dup("\xC3\x89tats", SANITIZE_ASCII, "Etats");
	check_dup("\xC5\x93uvre \xC5\x92UVRE", SANITIZE_ASCII, "oeuvre OEUVRE");
	check_dup("\xC3\xA6 \xC3\x86", SANITIZE_ASCII, "ae AE");
	check_dup("\xC2\xAB\xC2\xA0mot\xE2\x80\xAF\xC2\xBB", SANITIZE_ASCII, "\" mot \"");
	check_dup("l\xE2\x80\x99"
		  "Ukraine \xE2\x80\x98x\xE2\x80\x99",
		  SANITIZE_ASCII, "l'Ukraine 'x'");
	check_dup("\xE2\x80\x9C"
		  "a\xE2\x80\x9D",
		  SANITIZE_ASCII, "\"a\"");
	check_dup("etc\xE2\x80\xA6", SANITIZE_ASCII, "etc...");
	check_dup("a\xE2\x80\x93"
		  "b\xE2\x80\x94"
		  "c",
		  SANITIZE_ASCII, "a-b-c");
	check_dup("\xC3\xA0\xC3\xA2\xC3\xA7\xC3\xA8\xC3\xAA\xC3\xAB\xC3\xAE\xC3\xAF\xC3\xB4\xC3\xB9"
		  "\xC3\xBB\xC3\xBC\xC3\xBF",
		  SANITIZE_ASCII, "aaceeeiiouuuy");
	check_dup("\xC3\x80\xC3\x87\xC3\x89\xC3\x8E\xC3\x94\xC3\x9B", SANITIZE_ASCII, "ACEIOU");
	check_dup("\xC5\x81\xC3\xB3"
		  "d\xC5\xBA",
		  SANITIZE_ASCII, "Lodz");
	check_dup("\xC3\x98resund stra\xC3\x9F"
		  "e",
		  SANITIZE_ASCII, "Oresund strasse");
	check_dup("e\xCC\x81", SANITIZE_ASCII, "e");	   /* combining acute */
	check_dup("\xEF\xAC\x81n", SANITIZE_ASCII, "fin"); /* ﬁ ligature */
	check_dup("\xE4\xB8\xAD\xF0\x9F\x98\x80", SANITIZE_ASCII, "??");
	check_dup("\xD0\x9A\xD0\xB8\xD0\xB5\xD0\xB2", SANITIZE_ASCII, "????"); /* Cyrillic */

	/* Widths are those of the ASCII form. */
	{
		struct strbuf sb = STRBUF_INIT;

		CHECK_INT(sanitize_append(&sb, "\xC5\x93", 2, SANITIZE_ASCII, 0), 2);
		CHECK_INT(sanitize_append(&sb, "\xE2\x80\xA6", 3, SANITIZE_ASCII, 0), 3);
		CHECK_INT(sanitize_append(&sb, "\xC5\x93", 2, 0, 0), 1);
		CHECK_STR(strbuf_str(&sb), "oe...\xC5\x93");
		strbuf_release(&sb);
	}
}

static void
test_widths(void)
{
	char repr[SANITIZE_REPR_MAX];

	CHECK_INT(sanitize_codepoint(0x1b, 0, 0, repr), 2);
	CHECK_STR(repr, "^[");
	CHECK_INT(sanitize_codepoint(0x301, 0, 0, repr), 0);
	CHECK_INT(sanitize_codepoint(0x4E2D, 0, 0, repr), 2);
	CHECK_INT(sanitize_codepoint(0x1F600, 0, 0, repr), 2);
	CHECK_INT(sanitize_codepoint(0xE9, 0, 0, repr), 1);
	CHECK_INT(sanitize_codepoint(0x202E, 0, 0, repr), 8);
	CHECK_STR(repr, "<U+202E>");
	CHECK_INT(sanitize_codepoint(0x2066, SANITIZE_ASCII, 0, repr), 8);
	CHECK_STR(repr, "<U+2066>");
	CHECK_INT(sanitize_codepoint('\t', 0, 5, repr), 3);
	CHECK_STR(repr, "   ");
	CHECK_INT(sanitize_codepoint((uint32_t)-1, 0, 0, repr), 1);
	CHECK_STR(repr, "\xEF\xBF\xBD");
	CHECK_INT(sanitize_codepoint(0x85, SANITIZE_ASCII, 0, repr), 8);
	CHECK_STR(repr, "<U+0085>");

	{
		struct strbuf sb = STRBUF_INIT;

		/* ESC + "[2J" from column 6: the tab after it goes to column 16. */
		CHECK_INT(sanitize_append(&sb, "\x1b[2J\tx", 6, 0, 6), 11);
		CHECK_STR(strbuf_str(&sb), "^[[2J     x");
		strbuf_release(&sb);
	}
	{
		char *empty = sanitize_dup("", 0, 0);

		CHECK_STR(empty, "");
		free(empty);
	}
}

/* Width and form of the cluster at the start of s (a C string). */
static int
cluster(const char *s, unsigned flags, const char *want_form, size_t want_len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t used = 0;
	int w = sanitize_cluster(&sb, s, strlen(s), flags, 0, &used);

	CHECK_STR(strbuf_str(&sb), want_form);
	CHECK_INT(used, want_len);
	CHECK_INT(sanitize_cluster_length(s, strlen(s)), want_len);
	strbuf_release(&sb);
	return w;
}

#define FAMILY "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"
#define FLAG_FR "\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7"

/* Extended grapheme clusters (UAX #29): joined emoji are one cluster, two
 * cells; flags pair up; marks stay on their letter. */
static void
test_clusters(void)
{
	struct strbuf sb = STRBUF_INIT;
	static const char *const samples[] = {
	    FAMILY FAMILY "x", FLAG_FR FLAG_FR "\xF0\x9F\x87\xAB" FLAG_FR, "e\xCC\x81\xCC\x82z",
	    "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD!", "x\xE2\x80\x8D\xF0\x9F\x91\xA9y",
	    "\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88.",
	    "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8\xE1\x84\x80", "a\r\nb\xD8\x82 c",
	};

	CHECK_INT(cluster(FAMILY "x", 0, FAMILY, strlen(FAMILY)), 2);
	/* In ASCII each emoji is "?" and the ZWJ goes. */
	CHECK_INT(cluster(FAMILY "x", SANITIZE_ASCII, "???", strlen(FAMILY)), 3);
	CHECK_INT(cluster(FLAG_FR FLAG_FR, 0, FLAG_FR, 8), 2);
	/* A ZWJ after a letter joins nothing: dropped, the emoji is its own. */
	CHECK_INT(cluster("x\xE2\x80\x8D\xF0\x9F\x91\xA9", 0, "x", 4), 1);
	/* A mark with no letter before it sits on a blank cell. */
	CHECK_INT(cluster("\xCC\x81x", 0, " \xCC\x81", 2), 1);
	CHECK_INT(cluster("e\xCC\x81x", 0, "e\xCC\x81", 3), 1);
	/* The screen, show and wrapping all measure the family as 2 cells. */
	CHECK_INT(sanitize_append(&sb, "a" FAMILY "b", strlen(FAMILY) + 2, 0, 0), 4);
	CHECK_STR(strbuf_str(&sb), "a" FAMILY "b");
	strbuf_release(&sb);
	/* The boundaries are those of u8_grapheme_breaks, on every sample. */
	for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
		const char *t = samples[i];
		size_t len = strlen(t), pos = 0;
		char *brk = malloc(len);

		u8_grapheme_breaks((const uint8_t *)t, len, brk);
		while (pos < len) {
			size_t n = sanitize_cluster_length(t + pos, len - pos), k;

			for (k = pos + 1; k < len && !brk[k]; k++)
				;
			if (t[pos] == '\r' && k == pos + 2)
				k = pos + 1; /* a newline stands alone here, even after CR */
			if (n != k - pos)
				fprintf(stderr, "sample %zu at %zu\n", i, pos);
			CHECK_INT(n, k - pos);
			pos += n ? n : 1;
		}
		free(brk);
	}
}

/* sanitize_append, cluster by cluster: the definition the runs it copies
 * whole must agree with. */
static int
append_by_clusters(struct strbuf *out, const char *s, size_t len, unsigned flags, int column)
{
	size_t pos = 0, used;
	int start = column;

	while (pos < len) {
		column += sanitize_cluster(out, s + pos, len - pos, flags, column, &used);
		pos += used;
	}
	return column - start;
}

/* Whether sanitize_append draws text as the cluster path does, from column
 * col; prints the case when not. */
static int
same_as_clusters(const struct strbuf *text, unsigned flags, int col)
{
	struct strbuf got = STRBUF_INIT, want = STRBUF_INIT;
	int wg = sanitize_append(&got, text->buf, text->len, flags, col);
	int ww = append_by_clusters(&want, text->buf, text->len, flags, col);
	int same = wg == ww && strcmp(strbuf_str(&got), strbuf_str(&want)) == 0;

	if (!same)
		fprintf(
		    stderr,
		    "\"%s\" in mode %u from column %d: \"%s\" (%d cells), expected \"%s\" (%d)\n",
		    text->buf, flags, col, strbuf_str(&got), wg, strbuf_str(&want), ww);
	strbuf_release(&got);
	strbuf_release(&want);
	return same;
}

/* Every character that sanitize_append copies without looking at its
 * cluster (Latin letters, « », dashes, quotes), between every kind of
 * neighbour (a mark, a ZWJ, an emoji, a tab, controls, invalid bytes), in
 * each mode and from two columns, comes out as the cluster path draws it. */
static void
test_plain_runs(void)
{
	static const char *const before[] = {"", "x", "\xC3\xA9", "\xE2\x80\x99",
					     "\xF0\x9F\x98\x80"};
	static const char *const after[] = {"",
					    "a",
					    "\xCC\x81",
					    "\xE2\x80\x8D",
					    "\xE2\x80\x8D\xF0\x9F\x91\xA9",
					    "\xC3\xA9y",
					    "\t|",
					    "\xF0\x9F\x98\x80",
					    "\xEF\xB8\x8F",
					    "\xC3",
					    "\xC2\xAD",
					    "\x1b[m",
					    "\xE2\x80\xAE",
					    "\xC2\x85",
					    "\xE2\x80\xA8\xE2\x80\xA6"};
	static const unsigned modes[] = {0, SANITIZE_ONELINE, SANITIZE_ASCII};
	struct strbuf text = STRBUF_INIT;
	int bad = 0;

	for (uint32_t c = 0xA0; c <= 0x2027; c = c == 0x24F ? 0x2010 : c + 1) {
		char enc[3];
		size_t n = c < 0x800 ? 2 : 3;

		if (n == 2) {
			enc[0] = (char)(0xC0 | (c >> 6));
			enc[1] = (char)(0x80 | (c & 0x3F));
		} else {
			enc[0] = (char)(0xE0 | (c >> 12));
			enc[1] = (char)(0x80 | ((c >> 6) & 0x3F));
			enc[2] = (char)(0x80 | (c & 0x3F));
		}
		for (size_t i = 0;
		     i < sizeof before / sizeof before[0] * (sizeof after / sizeof after[0]) *
			     (sizeof modes / sizeof modes[0]);
		     i++) {
			size_t b = i % (sizeof before / sizeof before[0]);
			size_t rest = i / (sizeof before / sizeof before[0]);
			size_t a = rest % (sizeof after / sizeof after[0]);
			unsigned mode = modes[rest / (sizeof after / sizeof after[0])];

			strbuf_reset(&text);
			strbuf_addstr(&text, before[b]);
			strbuf_add(&text, enc, n);
			strbuf_add(&text, enc, n);
			strbuf_addstr(&text, after[a]);
			if (!same_as_clusters(&text, mode, 0) || !same_as_clusters(&text, mode, 3))
				bad++;
		}
	}
	CHECK_INT(bad, 0);
	strbuf_release(&text);
}

int
main(void)
{
	test_controls();
	test_invalid();
	test_ascii();
	test_widths();
	test_clusters();
	test_plain_runs();
	return unit_done("test_sanitize");
}
