/* markup.c - light markdown: bold spans, links, escapes (see markup.h). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "markup.h"
#include "util.h"

static bool
is_escapable(char c)
{
	return c != '\0' && strchr("\\`*_{}[]()#+-.!<>|~\"'", c) != NULL;
}

/* Copies src[0..n) to out, dropping backslashes before ASCII punctuation. */
static void
add_unescaped(struct strbuf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && is_escapable(s[i + 1]))
			i++;
		strbuf_addch(out, s[i]);
	}
}

/* Finds "](...)" closing a link whose text starts at s[i]; returns the index
 * of the ']' and the index just past ')' in *end, or n when it is no link. */
static size_t
link_end(const char *s, size_t n, size_t i, size_t *end)
{
	for (size_t j = i; j < n; j++) {
		if (s[j] == '\\' && j + 1 < n) {
			j++;
			continue;
		}
		if (s[j] == '[')
			return n;
		if (s[j] != ']')
			continue;
		if (j + 1 >= n || s[j + 1] != '(')
			return n;
		for (size_t k = j + 2; k < n; k++) {
			if (s[k] == ')') {
				*end = k + 1;
				return j;
			}
			if (s[k] == ' ')
				return n;
		}
		return n;
	}
	return n;
}

/* Finds the "**" closing a bold run opened before s[i], or n.  When the
 * scan finds no closer, no later start can: *no_close_from is lowered to i. */
static size_t
bold_end(const char *s, size_t n, size_t i, size_t *no_close_from)
{
	if (i >= n || s[i] == ' ' || s[i] == '*')
		return n;
	for (size_t j = i + 1; j + 1 < n; j++)
		if (s[j] == '*' && s[j + 1] == '*' && s[j - 1] != ' ')
			return j;
	if (i < *no_close_from)
		*no_close_from = i;
	return n;
}

void
markup_render(const char *src, size_t len, char **text, size_t *text_len,
	      struct text_span **bold, size_t *nbold)
{
	struct strbuf out = STRBUF_INIT;
	struct text_span *spans = NULL;
	size_t nspans = 0, cap = 0;
	size_t bold_close = 0;
	/* bold_end from any start at or after this finds no closer either: kept
	 * so that many unclosed "**" cost linear, not quadratic, time */
	size_t no_close_from = len;
	bool in_bold = false;

	/* most paragraphs hold no markup at all */
	if (memchr(src, '*', len) == NULL && memchr(src, '[', len) == NULL &&
	    memchr(src, '\\', len) == NULL) {
		*text = xstrndup(src, len);
		*text_len = len;
		*bold = NULL;
		*nbold = 0;
		return;
	}
	strbuf_grow(&out, len);
	for (size_t i = 0; i < len; i++) {
		char c = src[i];
		size_t end, close;

		if (in_bold && i == bold_close) {
			spans[nspans - 1].end = (uint32_t)out.len;
			in_bold = false;
			i++; /* the second '*' */
			continue;
		}
		if (!in_bold && c == '*' && i + 1 < len && src[i + 1] == '*' &&
		    i + 2 < no_close_from && (close = bold_end(src, len, i + 2, &no_close_from)) < len) {
			spans = xgrow(spans, &cap, nspans + 1, sizeof *spans);
			spans[nspans].start = (uint32_t)out.len;
			spans[nspans].end = (uint32_t)out.len;
			nspans++;
			in_bold = true;
			bold_close = close;
			i++;
			continue;
		}
		if (c == '[' && (close = link_end(src, len, i + 1, &end)) < len &&
		    (!in_bold || end <= bold_close)) {
			add_unescaped(&out, src + i + 1, close - i - 1);
			i = end - 1;
			continue;
		}
		if (c == '\\' && i + 1 < len && is_escapable(src[i + 1])) {
			strbuf_addch(&out, src[++i]);
			continue;
		}
		strbuf_addch(&out, c);
	}
	/* drop empty spans ("****") */
	size_t kept = 0;
	for (size_t i = 0; i < nspans; i++)
		if (spans[i].end > spans[i].start)
			spans[kept++] = spans[i];
	if (kept == 0) {
		free(spans);
		spans = NULL;
	}
	*text = strbuf_detach(&out, text_len);
	*bold = spans;
	*nbold = kept;
}
