/* test_layout.c - wrapping invariants over the corpus at every width from
 * 20 to 132, plus the hard cases: combining marks, wide characters, tiny
 * widths, hanging indents, huge words, controls. */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "layout.h"
#include "linebreak.h"
#include "sanitize.h"
#include "unit.h"
#include "util.h"

/* Strings that must never be split across lines. */
static const char *const unbreakable[] = {
    "1540 (2004)", "M. Nursultan", "M. Nazarbayev", "S. E. M. Kanat", "Mme Dupont",
};

static int
is_gap_byte(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether the byte range holds only gap bytes; *newline says if one is '\n'. */
static int
is_gap(const char *s, size_t from, size_t to, int *newline)
{
	*newline = 0;
	for (size_t i = from; i < to; i++) {
		if (!is_gap_byte(s[i]))
			return 0;
		if (s[i] == '\n')
			*newline = 1;
	}
	return 1;
}

/* Whether s[start..end) is a single grapheme cluster (u8_grapheme_breaks
 * has the emoji and flag rules; u8_grapheme_next, in libunistring 1.0,
 * does not). */
static int
is_one_cluster(const char *s, size_t start, size_t end)
{
	char *brk;
	int one = 1;

	if (end <= start)
		return 0;
	brk = xmalloc(end - start);
	u8_grapheme_breaks((const uint8_t *)s + start, end - start, brk);
	for (size_t i = 1; i < end - start; i++)
		if (brk[i])
			one = 0;
	free(brk);
	return one;
}

/* Display width of the whitespace-delimited word around offset i. */
static int
word_width_at(const char *s, size_t len, size_t i, unsigned flags)
{
	size_t a = i, b = i;

	while (a > 0 && !is_gap_byte(s[a - 1]))
		a--;
	while (b < len && !is_gap_byte(s[b]))
		b++;
	return layout_text_width(s + a, b - a, flags);
}

/* Whether s[0..len) is valid UTF-8 free of controls, not starting with a
 * mark, which gets a blank to sit on (u8_width then applies). */
static int
is_plain(const char *s, size_t len)
{
	ucs4_t first;

	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 0;
	if (len && u8_mbtouc(&first, (const uint8_t *)s, len) > 0 &&
	    uc_graphemeclusterbreak_property(first) == GBP_EXTEND)
		return 0;
	return u8_check((const uint8_t *)s, len) == NULL && memchr(s, 0xC2, len) == NULL &&
	       memchr(s, 0xE2, len) == NULL && memchr(s, 0xEF, len) == NULL;
}

static int failures_reported;

#define FAIL_IF(cond, ...)                                                                         \
	do {                                                                                       \
		unit_checks++;                                                                     \
		if (cond) {                                                                        \
			unit_failures++;                                                           \
			if (failures_reported++ < 30) {                                            \
				fprintf(stderr, "%s:%d: ", __FILE__, __LINE__);                    \
				fprintf(stderr, __VA_ARGS__);                                      \
				fprintf(stderr, "\n");                                             \
			}                                                                          \
		}                                                                                  \
	} while (0)

/* Wraps text at `width` and checks every invariant of layout.h.  `strict`
 * also checks the French rules and the no-split rule (valid when every
 * unbreakable run of the text fits the line). */
static void
check_wrap(const char *text, size_t len, int width, unsigned flags, int strict, const char *label)
{
	struct layout lay = LAYOUT_INIT;
	char *uax = len ? xmalloc(len) : NULL;
	size_t n = layout_wrap(&lay, text, len, width, flags);
	int newline;

	if (len)
		u8_possible_linebreaks((const uint8_t *)text, len, "UTF-8", uax);
	FAIL_IF(n == 0 || n != lay.nlines, "%s: %zu lines", label, n);
	FAIL_IF(n > 0 && lay.lines[0].start != 0, "%s: first line starts at %u", label,
		lay.lines[0].start);
	for (size_t k = 0; k < n; k++) {
		const struct layout_line *l = &lay.lines[k];
		int w = layout_text_width(text + l->start, l->end - l->start, flags);

		FAIL_IF(l->start > l->end || l->end > len, "%s: line %zu is %u..%u", label, k,
			l->start, l->end);
		if (l->start > l->end || l->end > len)
			break;
		if (!memchr(text + l->start, '\t', l->end - l->start))
			FAIL_IF(w != l->width, "%s: line %zu width %u, measured %d", label, k,
				l->width, w);
		if (!(flags & SANITIZE_ASCII) && is_plain(text + l->start, l->end - l->start))
			FAIL_IF(u8_width((const uint8_t *)text + l->start, l->end - l->start,
					 "UTF-8") != l->width,
				"%s: line %zu width %u, u8_width disagrees", label, k, l->width);
		FAIL_IF(l->indent + l->width > width && !is_one_cluster(text, l->start, l->end),
			"%s: line %zu is %d cells wide at width %d: \"%.*s\"", label, k,
			l->indent + l->width, width, (int)(l->end - l->start), text + l->start);
		FAIL_IF(l->end > l->start && is_gap_byte(text[l->end - 1]) &&
			    text[l->end - 1] != '\r' && k + 1 < n,
			"%s: line %zu ends with a space", label, k);
		if (l->start < l->end && l->start < len) {
			unsigned char b = (unsigned char)text[l->start];

			FAIL_IF(b >= 0x80 && b < 0xC0, "%s: line %zu starts inside a character",
				label, k);
		}
		if (k == 0)
			continue;
		{
			const struct layout_line *p = &lay.lines[k - 1];
			int gap = is_gap(text, p->end, l->start, &newline);

			FAIL_IF(p->end > l->start || !gap,
				"%s: text lost between lines %zu and %zu", label, k - 1, k);
			if (newline || !gap)
				continue;
			if (strict) {
				const char *s = text + l->start;
				const char *e = text + p->end;

				FAIL_IF(strchr(":;!?%", *s) || !strncmp(s, "\xC2\xBB", 2) ||
					    !strncmp(s, "\xE2\x80\xBA", 3),
					"%s: line %zu starts with \"%.3s\"", label, k, s);
				FAIL_IF(p->end >= 2 && !strncmp(e - 2, "\xC2\xAB", 2),
					"%s: line %zu ends with an opening guillemet", label,
					k - 1);
				FAIL_IF(p->end == l->start && uax[l->start] != UC_BREAK_POSSIBLE &&
					    word_width_at(text, len, l->start, flags) <=
						width - p->indent,
					"%s: word split at %u though it fits in %d", label,
					l->start, width);
			}
		}
	}
	{
		size_t last = n ? lay.lines[n - 1].end : 0;

		FAIL_IF(!is_gap(text, last, len, &newline), "%s: text lost after the last line",
			label);
	}
	if (strict) {
		for (size_t u = 0; u < sizeof unbreakable / sizeof unbreakable[0]; u++) {
			size_t ulen = strlen(unbreakable[u]);

			for (const char *hit = memmem(text, len, unbreakable[u], ulen); hit;
			     hit = memmem(hit + 1, len - (size_t)(hit + 1 - text), unbreakable[u],
					  ulen)) {
				size_t at = (size_t)(hit - text);

				for (size_t k = 1; k < n; k++)
					FAIL_IF(lay.lines[k].start > at &&
						    lay.lines[k].start < at + ulen,
						"%s: \"%s\" split at width %d", label,
						unbreakable[u], width);
			}
		}
	}
	free(uax);
	layout_release(&lay);
}

/* Every line of every corpus file, at every width from 20 to 132, both modes;
 * and each whole file as one paragraph with its newlines as forced breaks. */
static void
test_corpus(void)
{
	const char *top = getenv("top_srcdir");
	char *dirname = xasprintf("%s/data", top ? top : "..");
	DIR *dir = opendir(dirname);
	struct dirent *de;
	int files = 0;

	CHECK(dir != NULL);
	if (!dir) {
		fprintf(stderr, "cannot open %s\n", dirname);
		free(dirname);
		return;
	}
	while ((de = readdir(dir)) != NULL) {
		size_t len, l = strlen(de->d_name);
		char *path, *text;

		if (l < 4 || strcmp(de->d_name + l - 4, ".txt") != 0)
			continue;
		path = xasprintf("%s/%s", dirname, de->d_name);
		text = unit_read_file(path, &len);
		CHECK(text != NULL);
		if (!text) {
			free(path);
			continue;
		}
		files++;
		for (int width = 20; width <= 132; width++) {
			for (unsigned flags = 0; flags <= SANITIZE_ASCII; flags++) {
				size_t a = 0;

				while (a < len) {
					const char *nl = memchr(text + a, '\n', len - a);
					size_t b = nl ? (size_t)(nl - text) : len;

					if (b > a)
						check_wrap(text + a, b - a, width, flags, 1,
							   de->d_name);
					a = b + 1;
				}
			}
			if (width % 10 == 0)
				check_wrap(text, len, width, 0, 1, de->d_name);
		}
		/* Tiny widths: no checks of French rules, but termination and bounds. */
		for (int width = -1; width < 20; width++)
			check_wrap(text, len, width < 1 ? 1 : width, 0, 0, de->d_name);
		free(text);
		free(path);
	}
	closedir(dir);
	free(dirname);
	CHECK(files >= 5);
}

static size_t
wrap(struct layout *lay, const char *s, int width, unsigned flags)
{
	return layout_wrap(lay, s, strlen(s), width, flags);
}

static void
test_french(void)
{
	static const char *const texts[] = {
	    "la \xC2\xAB Promotion de la mise en \xC5\x93uvre \xC2\xBB : oui ; non ! quoi ? 50 % "
	    "fin",
	    "la \xC2\xAB\xC2\xA0Promotion de la mise\xC2\xA0\xC2\xBB\xC2\xA0: oui\xE2\x80\xAF; non"
	    "\xE2\x80\xAF! quoi\xE2\x80\xAF? 50\xE2\x80\xAF% fin",
	    "la r\xC3\xA9solution 1540 (2004) du Conseil, par M. Nazarbayev et S. E. M. Kanat "
	    "Saudabayev, Mme Dupont et MM. Durand",
	};
	struct layout lay = LAYOUT_INIT;

	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++)
		for (int width = 16; width <= 80; width++)
			check_wrap(texts[t], strlen(texts[t]), width, 0, 1, "french");

	/* The exact cut of a guillemet pair. */
	CHECK_INT(wrap(&lay, "aaaa \xC2\xAB bbbb \xC2\xBB", 8, 0), 2);
	CHECK_INT(lay.lines[0].end, 4);
	CHECK_INT(lay.lines[1].start, 5);
	CHECK_INT(wrap(&lay, "aaaa bbbb :", 10, 0), 2);
	CHECK_INT(lay.lines[0].end, 4);
	CHECK_INT(lay.lines[1].width, 6);
	CHECK_INT(wrap(&lay, "article 1540 (2004)", 15, 0), 2);
	CHECK_INT(lay.lines[1].start, 8);
	CHECK_INT(wrap(&lay, "par M. Nazarbayev", 14, 0), 2);
	CHECK_INT(lay.lines[0].end, 3);
	/* Not titles: a break before the capital is fine. */
	CHECK_INT(wrap(&lay, "ABM. Nazarbayev", 13, 0), 2);
	CHECK_INT(lay.lines[0].end, 4);
	/* A hyphen is a break opportunity. */
	CHECK_INT(wrap(&lay, "la non-prolif\xC3\xA9ration", 13, 0), 2);
	CHECK_INT(lay.lines[0].end, 7);
	layout_release(&lay);
}

static void
test_clusters(void)
{
	struct layout lay = LAYOUT_INIT;
	struct strbuf sb = STRBUF_INIT;
	int used;
	size_t n;

	/* e + combining acute: one cell, never separated from its base. */
	CHECK_INT(layout_text_width("e\xCC\x81", 3, 0), 1);
	CHECK_INT(layout_text_width("e\xCC\x81", 3, SANITIZE_ASCII), 1);
	for (int i = 0; i < 30; i++)
		strbuf_addstr(&sb, "e\xCC\x81");
	for (int width = 1; width <= 12; width++) {
		n = layout_wrap(&lay, sb.buf, sb.len, width, 0);
		CHECK_INT(n, (30 + width - 1) / width);
		for (size_t k = 0; k < n; k++) {
			CHECK(sb.buf[lay.lines[k].start] == 'e');
			CHECK(lay.lines[k].width <= width);
		}
		check_wrap(sb.buf, sb.len, width, 0, 0, "combining");
	}
	CHECK_INT(layout_fit(sb.buf, sb.len, 2, 0, &used), 6);
	CHECK_INT(used, 2);
	strbuf_reset(&sb);

	/* CJK and emoji: two cells each; at width 1 one per line. */
	CHECK_INT(layout_text_width("\xE4\xB8\xAD\xE6\x96\x87", 6, 0), 4);
	CHECK_INT(layout_text_width("\xF0\x9F\x98\x80", 4, 0), 2);
	for (int i = 0; i < 10; i++)
		strbuf_addstr(&sb, i % 2 ? "\xE4\xB8\xAD" : "\xF0\x9F\x98\x80");
	n = layout_wrap(&lay, sb.buf, sb.len, 5, 0);
	CHECK_INT(n, 5);
	for (size_t k = 0; k < n; k++)
		CHECK_INT(lay.lines[k].width, 4);
	n = layout_wrap(&lay, sb.buf, sb.len, 1, 0);
	CHECK_INT(n, 10);
	for (int width = 1; width <= 25; width++)
		check_wrap(sb.buf, sb.len, width, 0, 1, "cjk");
	CHECK_INT(layout_fit(sb.buf, sb.len, 3, 0, &used), 4);
	CHECK_INT(used, 2);
	CHECK_INT(layout_fit(sb.buf, sb.len, 1, 0, &used), 0);
	CHECK_INT(used, 0);
	/* In ASCII mode CJK is "?": one cell. */
	CHECK_INT(layout_text_width(sb.buf, sb.len, SANITIZE_ASCII), 10);
	strbuf_release(&sb);

	/* Flags and ZWJ sequences stay whole. */
	{
		const char *family = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
				     "\xF0\x9F\x91\xA7 \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7";

		for (int width = 1; width <= 8; width++)
			check_wrap(family, strlen(family), width, 0, 0, "emoji");
	}
	layout_release(&lay);
}

static void
test_tiny_and_edges(void)
{
	const char *mixed = "Le \xC2\xAB mot \xC2\xBB : \x1b[31m\xE4\xB8\xAD\xE6\x96\x87 "
			    "e\xCC\x81t\xC3\xA9 \xC2\x85 1540 (2004) ; M. X\t!\r\nfin\xFF.";
	struct layout lay = LAYOUT_INIT;

	for (int width = -3; width <= 40; width++) {
		check_wrap(mixed, strlen(mixed), width < 1 ? 1 : width, 0, 0, "mixed");
		check_wrap(mixed, strlen(mixed), width < 1 ? 1 : width, SANITIZE_ASCII, 0, "mixed");
		CHECK(layout_wrap(&lay, mixed, strlen(mixed), width, 0) > 0);
	}
	/* U+0602 is a Prepend: its cluster takes the space after it. */
	for (int width = 1; width <= 6; width++)
		check_wrap("x \xD8\x82 \xD8\x82 y\xD8\x82 ", 13, width, 0, 0, "prepend");
	/* A space carrying a combining mark still trails. */
	for (int width = 1; width <= 6; width++)
		check_wrap("n \xCD\x93:x \xCD\x93\xC2\xBB", 12, width, 0, 0, "space+mark");
	/* Empty text: one empty line. */
	CHECK_INT(layout_wrap(&lay, "", 0, 80, 0), 1);
	CHECK_INT(lay.lines[0].start, 0);
	CHECK_INT(lay.lines[0].end, 0);
	CHECK_INT(lay.lines[0].width, 0);
	CHECK_INT(layout_wrap(&lay, "x", 1, 0, 0), 1);
	CHECK_INT(layout_text_width("", 0, 0), 0);
	CHECK_INT(layout_fit("", 0, 5, 0, NULL), 0);

	/* Forced breaks, trailing and leading spaces. */
	CHECK_INT(wrap(&lay, "ab\ncd", 80, 0), 2);
	CHECK_INT(lay.lines[0].end, 2);
	CHECK_INT(lay.lines[1].start, 3);
	CHECK_INT(wrap(&lay, "ab\r\n\ncd", 80, 0), 3);
	CHECK_INT(lay.lines[0].end, 2);
	CHECK_INT(lay.lines[1].start, lay.lines[1].end);
	CHECK_INT(wrap(&lay, "mot   suite", 5, 0), 2);
	CHECK_INT(lay.lines[0].end, 3);
	CHECK_INT(lay.lines[0].width, 3);
	CHECK_INT(lay.lines[1].start, 6);
	CHECK_INT(wrap(&lay, "mot suite ", 9, 0), 1);
	CHECK_INT(lay.lines[0].end, 9);

	/* Controls take the width of their visible form. */
	CHECK_INT(layout_text_width("a\x1b"
				    "b",
				    3, 0),
		  4);
	CHECK_INT(layout_text_width("\a\r", 2, 0), 4);
	/* A bidi override is shown as "<U+202E>". */
	CHECK_INT(layout_text_width("a\xE2\x80\xAE"
				    "b",
				    5, 0),
		  10);
	CHECK_INT(layout_text_width("\xC2\x85", 2, 0), 8);
	CHECK_INT(layout_text_width("\xFF", 1, 0), 1);
	CHECK_INT(layout_text_width("\xC5\x93", 2, SANITIZE_ASCII), 2);
	CHECK_INT(layout_text_width("\xC5\x93", 2, 0), 1);
	CHECK_INT(layout_text_width("a\xC2\xAD"
				    "b",
				    4, 0),
		  2);
	CHECK_INT(layout_text_width("\xE2\x80\xA6", 3, SANITIZE_ASCII), 3);
	/* layout_fit never splits "^[". */
	CHECK_INT(layout_fit("a\x1b", 2, 2, 0, NULL), 1);
	/* ASCII widths change the wrap: "oe" is two cells. */
	CHECK_INT(wrap(&lay, "\xC5\x93\xC5\x93\xC5\x93\xC5\x93", 4, SANITIZE_ASCII), 2);
	CHECK_INT(wrap(&lay, "\xC5\x93\xC5\x93\xC5\x93\xC5\x93", 4, 0), 1);
	layout_release(&lay);
}

static void
test_hanging(void)
{
	static const struct {
		const char *text;
		int width;
	} markers[] = {
	    {"a) texte", 3},
	    {"1. texte", 3},
	    {"12. texte", 4},
	    {"- texte", 2},
	    {"\xE2\x80\xA2 texte", 2},
	    {"i) texte", 3},
	    {"IV. texte", 4},
	    {"iv) texte", 4},
	    {"(b) texte", 4},
	    {"1.  texte", 4},
	    {"A) texte", 3},
	    {"c. texte", 3},
	    {"M. Nazarbayev", 0},
	    {"1540 (2004)", 0},
	    {"Dr. X", 0},
	    {"a)", 0},
	    {"a) ", 0},
	    {"texte", 0},
	    {"", 0},
	    {"-texte", 0},
	    {"1234. texte", 0},
	    {"A. Martin", 0},
	    {"(A) x", 4},
	    {"-", 0},
	};
	const char *item = "a) Les efforts internationaux en faveur de la non-prolif\xC3\xA9ration "
			   "sont expos\xC3\xA9s dans la r\xC3\xA9solution 1540 (2004).";
	const char *numbered = "12. Les efforts internationaux en faveur de la non-prolif\xC3\xA9"
			       "ration sont expos\xC3\xA9s.";
	struct layout lay = LAYOUT_INIT;
	size_t n;

	for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
		int got = layout_marker_width(markers[i].text, strlen(markers[i].text));

		if (got != markers[i].width)
			fprintf(stderr, "marker \"%s\"\n", markers[i].text);
		CHECK_INT(got, markers[i].width);
	}
	n = wrap(&lay, item, 30, 0);
	CHECK(n >= 3);
	CHECK_INT(lay.lines[0].indent, 0);
	for (size_t k = 1; k < n; k++) {
		CHECK_INT(lay.lines[k].indent, 3);
		CHECK(lay.lines[k].indent + lay.lines[k].width <= 30);
	}
	n = wrap(&lay, numbered, 20, 0);
	CHECK(n >= 3);
	for (size_t k = 1; k < n; k++)
		CHECK_INT(lay.lines[k].indent, 4);
	/* Less than half the width left: no hanging indent. */
	n = wrap(&lay, numbered, 7, 0);
	CHECK(n >= 3);
	for (size_t k = 0; k < n; k++)
		CHECK_INT(lay.lines[k].indent, 0);
	for (int width = 1; width <= 60; width++) {
		check_wrap(item, strlen(item), width, 0, width >= 20, "item");
		check_wrap(numbered, strlen(numbered), width, 0, width >= 20, "numbered");
	}
	layout_release(&lay);
}

static void
test_huge(void)
{
	size_t big = 100000, n;
	char *word = xmalloc(big + 1);
	struct layout lay = LAYOUT_INIT;

	memset(word, 'a', big);
	word[big] = '\0';
	n = layout_wrap(&lay, word, big, 80, 0);
	CHECK_INT(n, big / 80);
	CHECK_INT(lay.lines[n - 1].end, big);
	check_wrap(word, big, 73, 0, 0, "huge word");

	free(word);

	/* A 4 MB line without spaces lays out (linear, one allocation). */
	{
		size_t huge = 4u << 20;
		char *h = xmalloc(huge);

		for (size_t i = 0; i + 2 <= huge; i += 2)
			memcpy(h + i, "\xC3\xA9", 2);
		n = layout_wrap(&lay, h, huge, 100, 0);
		CHECK_INT(n, huge / 2 / 100 + 1);
		free(h);
	}
	layout_release(&lay);
}

int
main(void)
{
	test_french();
	test_clusters();
	test_tiny_and_edges();
	test_hanging();
	test_huge();
	test_corpus();
	return unit_done("test_layout");
}
