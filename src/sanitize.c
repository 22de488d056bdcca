/* sanitize.c - turns document bytes into text that is safe to send to a
 * terminal: no escape sequence, no cursor movement, no bidi reordering,
 * and grapheme clusters (UAX #29) measured the way terminals draw them. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "sanitize.h"
#include "translit.h"

#define REPLACEMENT_UTF8 "\xEF\xBF\xBD"
#define ZWJ 0x200D
#define ZWJ_UTF8 "\xE2\x80\x8D"

/* ASCII first: it is nearly all of the text. */
size_t
sanitize_next(const char *s, size_t len, uint32_t *c)
{
	ucs4_t uc;
	int n;

	if ((unsigned char)s[0] < 0x80) {
		*c = (unsigned char)s[0];
		return 1;
	}
	n = u8_mbtoucr(&uc, (const uint8_t *)s, len);
	if (n <= 0) {
		*c = (uint32_t)-1;
		return 1;
	}
	*c = uc;
	return (size_t)n;
}

/* Characters that change the visual order of the line. */
static int
is_bidi_control(uint32_t c)
{
	return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E ||
	       c == 0x200F || c == 0x061C;
}

/* Invisible characters we drop rather than let terminals disagree on (a
 * ZWJ is kept only inside an emoji sequence, by sanitize_cluster). */
static int
is_dropped(uint32_t c)
{
	return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
	       c == 0x180E || (c >= 0x2061 && c <= 0x2064);
}

/* Where the rules of UAX #29 that look further back than one character
 * stand: emoji ZWJ sequences (GB11) and regional indicator pairs (GB12,
 * GB13).  libunistring's uc_is_grapheme_break sees only two characters. */
struct cluster_state {
	enum { EMOJI_NONE, EMOJI_BASE, EMOJI_ZWJ } emoji; /* ExtPict Extend* [ZWJ] */
	unsigned regional;				  /* indicators in a row */
};

static void
cluster_start(struct cluster_state *st, uint32_t c)
{
	st->emoji = uc_is_property_extended_pictographic(c) ? EMOJI_BASE : EMOJI_NONE;
	st->regional = uc_graphemeclusterbreak_property(c) == GBP_RI;
}

/* Whether a cluster boundary falls between prev and c; updates st. */
static bool
cluster_break(struct cluster_state *st, uint32_t prev, uint32_t c)
{
	int prop = uc_graphemeclusterbreak_property(c);
	bool brk;

	if (c == '\n')
		return true; /* a newline stands alone, even after CR */
	if (prev == ZWJ && uc_is_property_extended_pictographic(c))
		brk = st->emoji != EMOJI_ZWJ;
	else if (prop == GBP_RI && uc_graphemeclusterbreak_property(prev) == GBP_RI)
		brk = st->regional % 2 == 0;
	else
		brk = uc_is_grapheme_break(prev, c);
	if (brk) {
		cluster_start(st, c);
		return true;
	}
	if (uc_is_property_extended_pictographic(c))
		st->emoji = EMOJI_BASE;
	else if (prop == GBP_ZWJ && st->emoji == EMOJI_BASE)
		st->emoji = EMOJI_ZWJ;
	else if (prop != GBP_EXTEND || st->emoji != EMOJI_BASE)
		st->emoji = EMOJI_NONE;
	st->regional = prop == GBP_RI ? st->regional + 1 : 0;
	return false;
}

/* The code point at s[0..len), invalid bytes as U+FFFD (for the rules). */
static size_t
next_for_rules(const char *s, size_t len, uint32_t *c)
{
	size_t n = sanitize_next(s, len, c);

	if (*c == (uint32_t)-1)
		*c = 0xFFFD;
	return n;
}

/* A combining mark, which draws over the cell before it. */
static bool
is_mark(uint32_t c)
{
	int prop = uc_graphemeclusterbreak_property(c);

	return prop == GBP_EXTEND || prop == GBP_SPACINGMARK;
}

size_t
sanitize_cluster_length(const char *s, size_t len)
{
	struct cluster_state st;
	uint32_t prev, c;
	size_t pos;

	if (len == 0)
		return 0;
	pos = next_for_rules(s, len, &prev);
	cluster_start(&st, prev);
	/* ASCII followed by ASCII never joins: the common fast path. */
	while (pos < len && !(prev < 0x80 && (unsigned char)s[pos] < 0x80 && s[pos] != '\n')) {
		size_t n = next_for_rules(s + pos, len - pos, &c);

		if (cluster_break(&st, prev, c))
			break;
		prev = c;
		pos += n;
	}
	return pos;
}

int
sanitize_cluster(struct strbuf *out, const char *s, size_t len, unsigned flags, int column,
		 size_t *used)
{
	char repr[SANITIZE_REPR_MAX];
	size_t n = sanitize_cluster_length(s, len), pos = 0;
	bool joined = false;
	int width = 0;

	*used = n;
	while (pos < n) {
		uint32_t c, next = 0;
		size_t k = sanitize_next(s + pos, n - pos, &c);
		int w;

		if (c == ZWJ && pos > 0 && !(flags & SANITIZE_ASCII)) {
			/* Kept where it joins two emoji, which then take the
			 * cells of the first, as terminals that join them draw. */
			if (pos + k < n)
				sanitize_next(s + pos + k, n - pos - k, &next);
			if (next != (uint32_t)-1 && uc_is_property_extended_pictographic(next)) {
				if (out)
					strbuf_add(out, ZWJ_UTF8, 3);
				joined = true;
			}
			pos += k;
			continue;
		}
		w = sanitize_codepoint(c, flags, column + width, repr);
		if (pos == 0 && w == 0 && repr[0] && is_mark(c)) {
			/* A mark with nothing to sit on gets a blank cell, so that it
			 * is drawn in its own cell, not over the one before. */
			if (out)
				strbuf_addch(out, ' ');
			width = 1;
		}
		if (joined)
			w = 0;
		joined = false;
		if (out)
			strbuf_addstr(out, repr);
		width += w;
		pos += k;
	}
	return width;
}

/* The order of the tests is the order of sanitize.h's table. */
int
sanitize_codepoint(uint32_t c, unsigned flags, int column, char repr[SANITIZE_REPR_MAX])
{
	int width;

	if (c == (uint32_t)-1) {
		strcpy(repr, flags & SANITIZE_ASCII ? "?" : REPLACEMENT_UTF8);
		return 1;
	}
	if (c >= 0x20 && c < 0x7f) {
		repr[0] = (char)c;
		repr[1] = '\0';
		return 1;
	}
	if (c == '\t') {
		width = 8 - (column >= 0 ? column % 8 : 0);
		memset(repr, ' ', (size_t)width);
		repr[width] = '\0';
		return width;
	}
	if ((c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029) &&
	    ((flags & SANITIZE_ONELINE) || c > 0x7f)) {
		strcpy(repr, " ");
		return 1;
	}
	if (c < 0x20 || c == 0x7f) {
		repr[0] = '^';
		repr[1] = c == 0x7f ? '?' : (char)(c + 0x40);
		repr[2] = '\0';
		return 2;
	}
	if (c >= 0x80 && c <= 0x9f) {
		snprintf(repr, SANITIZE_REPR_MAX, "<U+%04X>", (unsigned)c);
		return (int)strlen(repr);
	}
	if (is_bidi_control(c)) {
		/* Shown, never obeyed: a terminal that reorders would otherwise
		 * turn the line around. */
		snprintf(repr, SANITIZE_REPR_MAX, "<U+%04X>", (unsigned)c);
		return (int)strlen(repr);
	}
	if (is_dropped(c) || c > 0x10FFFF) {
		repr[0] = '\0';
		return 0;
	}
	if (flags & SANITIZE_ASCII) {
		char ascii[TRANSLIT_MAX];
		size_t n = translit_codepoint(c, ascii);

		memcpy(repr, ascii, n + 1);
		return (int)n;
	}
	width = uc_width(c, "UTF-8");
	if (width < 0) {
		/* Unlisted non-printing characters: show them, do not send them. */
		snprintf(repr, SANITIZE_REPR_MAX, "<U+%04X>", (unsigned)c);
		return (int)strlen(repr);
	}
	if (c >= 0xD800 && c <= 0xDFFF) {
		strcpy(repr, REPLACEMENT_UTF8);
		return 1;
	}
	width = u8_uctomb((uint8_t *)repr, c, SANITIZE_REPR_MAX - 1);
	repr[width > 0 ? width : 0] = '\0';
	return uc_width(c, "UTF-8");
}

/* The length of the character at s[0..len) when it is shown as it is, one
 * cell wide, and is a grapheme cluster of its own unless a mark, ZWJ or
 * the like follows it: printable ASCII and, but in ASCII mode, U+00A0 to
 * U+024F without the soft hyphen (accented Latin letters, « », NBSP) and
 * U+2010 to U+2027 (dashes, quotes, the ellipsis).  0 for any other.
 * test_sanitize checks every one of them against the cluster path. */
static size_t
plain_char(const unsigned char *s, size_t len, unsigned flags)
{
	if (s[0] >= 0x20 && s[0] < 0x7f)
		return 1;
	if ((flags & SANITIZE_ASCII) || s[0] < 0xC2)
		return 0;
	if (s[0] <= 0xC9) {
		if (len < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		if (s[0] == 0xC2 && (s[1] < 0xA0 || s[1] == 0xAD))
			return 0; /* C1 controls, soft hyphen */
		if (s[0] == 0xC9 && s[1] >= 0x90)
			return 0; /* past U+024F */
		return 2;
	}
	if (s[0] == 0xE2 && len >= 3 && s[1] == 0x80 && s[2] >= 0x90 && s[2] <= 0xA7)
		return 3;
	return 0;
}

/* Copies runs of plain characters whole, the rest a grapheme cluster at a
 * time. */
int
sanitize_append(struct strbuf *out, const char *s, size_t len, unsigned flags, int column)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t pos = 0;
	int start = column;

	while (pos < len) {
		size_t used, run = pos, last = pos, k;
		int cells = 0;

		/* A run of plain characters is copied as it is; its last
		 * character may carry marks and goes with the cluster. */
		while (run < len && (k = plain_char(u + run, len - run, flags)) > 0) {
			last = run;
			run += k;
			cells++;
		}
		if (run < len && run > pos && u[run] >= 0x80) {
			run = last;
			cells--;
		}
		if (run > pos) {
			strbuf_add(out, s + pos, run - pos);
			column += cells;
			pos = run;
			continue;
		}
		column += sanitize_cluster(out, s + pos, len - pos, flags, column, &used);
		pos += used;
	}
	return column - start;
}

/* sanitize_append into a fresh buffer, from column 0. */
char *
sanitize_dup(const char *s, size_t len, unsigned flags)
{
	struct strbuf out = STRBUF_INIT;

	sanitize_append(&out, s, len, flags, 0);
	return strbuf_detach(&out, NULL);
}
