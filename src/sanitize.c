/* sanitize.c - turns document bytes into text that is safe to send to a
 * terminal: no escape sequence, no cursor movement, no bidi reordering. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include <unistr.h>
#include <uniwidth.h>

#include "sanitize.h"
#include "translit.h"

#define REPLACEMENT_UTF8 "\xEF\xBF\xBD"

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

/* Invisible characters we drop rather than let terminals disagree on. */
static int
is_dropped(uint32_t c)
{
	return c == 0x00AD || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF ||
	       c == 0x180E || (c >= 0x2061 && c <= 0x2064);
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
	if (is_bidi_control(c) || is_dropped(c) || c > 0x10FFFF) {
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

/* Copies printable ASCII runs whole, decodes the rest one character at a time. */
int
sanitize_append(struct strbuf *out, const char *s, size_t len, unsigned flags, int column)
{
	char repr[SANITIZE_REPR_MAX];
	size_t pos = 0, run;
	int start = column;

	while (pos < len) {
		uint32_t c;
		size_t n;
		int w;

		/* Printable ASCII is copied as it is, a run at a time. */
		for (run = pos;
		     run < len && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7f;
		     run++)
			;
		if (run > pos) {
			strbuf_add(out, s + pos, run - pos);
			column += (int)(run - pos);
			pos = run;
			continue;
		}
		n = sanitize_next(s + pos, len - pos, &c);
		w = sanitize_codepoint(c, flags, column, repr);
		strbuf_addstr(out, repr);
		column += w;
		pos += n;
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
