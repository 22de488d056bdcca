/* linebreak.c - break opportunities: UAX #14 from libunistring, then the
 * French typographic rules that UAX #14 does not know. */
#include "config.h"

#include <string.h>

#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>

#include "linebreak.h"
#include "sanitize.h"
#include "utf8.h"
#include "util.h"

/* How far back the French rules look for the previous word: spaces between
 * a guillemet and its word, or a title, are never longer in real text, and
 * the bound keeps the pass linear on pathological input. */
#define LOOKBACK_MAX 64
/* Abbreviated titles that stay with the name that follows them. */
static const char *const titles[] = {
    "M.",  "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Me",	 "Dr",
    "Dr.", "Pr",  "Pr.", "S.",	 "E.",	 "S.E.",  "LL.", "EE.",
};

/* Characters that must not open a line. */
static int
is_no_line_start(uint32_t c)
{
	return c == 0x00BB || c == 0x203A || c == ':' || c == ';' || c == '!' || c == '?' ||
	       c == '%';
}

/* Finds the last non-space character before offset i (at most LOOKBACK_MAX
 * bytes back); returns 0 when there is none.  Works on bytes: it runs at
 * every break opportunity, and the spaces it skips have fixed encodings. */
static int
prev_nonspace(const char *text, size_t i, size_t *at, uint32_t *c)
{
	const unsigned char *t = (const unsigned char *)text;
	size_t p = i, n;
	ucs4_t uc;
	const uint8_t *q;

	while (p > 0 && i - p <= LOOKBACK_MAX && (n = utf8_space_before(text, p)) > 0)
		p -= n;
	if (p == 0 || i - p > LOOKBACK_MAX)
		return 0;
	if (t[p - 1] < 0x80) {
		*at = p - 1;
		*c = t[p - 1];
		return 1;
	}
	q = u8_prev(&uc, t + p, t);
	if (!q)
		return 0;
	*at = (size_t)(q - t);
	*c = uc;
	return 1;
}

/* Bytes that may make up an abbreviated title ("M.", "Mme"). */
static int
is_title_byte(unsigned char b)
{
	return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b == '.';
}

/* Whether the word that ends with the byte at `last` is an abbreviated title. */
static int
ends_with_title(const char *text, size_t last)
{
	size_t begin = last + 1, n;

	while (begin > 0 && last + 1 - begin <= 4 && is_title_byte((unsigned char)text[begin - 1]))
		begin--;
	/* Still inside a word (or a digit glued to it): not a title. */
	if (begin > 0) {
		unsigned char b = (unsigned char)text[begin - 1];

		if (is_title_byte(b) || (b >= '0' && b <= '9'))
			return 0;
	}
	n = last + 1 - begin;
	for (size_t t = 0; t < sizeof titles / sizeof titles[0]; t++)
		if (strlen(titles[t]) == n && memcmp(titles[t], text + begin, n) == 0)
			return 1;
	return 0;
}

/* Whether text[i..len) opens a parenthesised number such as "(2004)". */
static int
is_parenthesised_number(const char *text, size_t len, size_t i)
{
	size_t j = i + 1;

	while (j < len && j - i <= 4 && text[j] >= '0' && text[j] <= '9')
		j++;
	return j > i + 1 && j < len && text[j] == ')';
}

/* Applies the French rules to the break that UAX #14 allows at offset i. */
static int
french_allows(const char *text, size_t len, size_t i)
{
	uint32_t c, before;
	size_t at;

	sanitize_next(text + i, len - i, &c);
	if (is_no_line_start(c))
		return 0;
	if (!prev_nonspace(text, i, &at, &before))
		return 1;
	if (before == 0x00AB || before == 0x2039)
		return 0;
	if (c == '(' && before >= '0' && before <= '9' && is_parenthesised_number(text, len, i))
		return 0;
	if (before < 0x80 && uc_is_upper(c) && ends_with_title(text, at))
		return 0;
	return 1;
}

/* UAX #14 into brk in place, converted to linebreak_kind, then French rules. */
void
linebreak_opportunities(const char *text, size_t len, char *brk)
{
	size_t i;

	if (len == 0)
		return;
	u8_possible_linebreaks((const uint8_t *)text, len, "UTF-8", brk);
	/* Backwards, so that marking the start after a newline never hides
	 * that this start is itself a newline still to be handled. */
	for (i = len; i-- > 0;) {
		char v = brk[i];

		if (v == UC_BREAK_MANDATORY) {
			uint32_t c;
			size_t n = sanitize_next(text + i, len - i, &c);

			if (i + n < len)
				brk[i + n] = c == '\n' ? LINEBREAK_FORCED : LINEBREAK_ALLOWED;
			brk[i] = LINEBREAK_NONE;
		} else if (v == UC_BREAK_POSSIBLE) {
			brk[i] = LINEBREAK_ALLOWED;
		} else {
			brk[i] = LINEBREAK_NONE;
		}
	}
	/* The mandatory pass may have written ALLOWED over a later offset, so
	 * the French rules run last, forwards. */
	brk[0] = LINEBREAK_NONE;
	for (i = 1; i < len; i++)
		if (brk[i] == LINEBREAK_ALLOWED && !french_allows(text, len, i))
			brk[i] = LINEBREAK_NONE;
}
