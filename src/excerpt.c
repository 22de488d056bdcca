/* excerpt.c - a passage around a query's rarest word (see excerpt.h). */
#include "config.h"

#include <stdlib.h>

#include "excerpt.h"
#include "utf8.h"
#include "util.h"

void
excerpt_make(const struct query *q, const char *text, size_t len, size_t before, size_t max,
	     struct excerpt *out)
{
	static const char ellipsis[] = "…";
	const size_t elen = sizeof ellipsis - 1;
	struct text_span *spans = NULL;
	size_t nspans = q ? query_highlight(q, text, len, &spans) : 0;
	size_t anchor = 0, from = 0, to, head;
	struct strbuf sb = STRBUF_INIT;

	/* centred on the query's rarest word, not on the first "de" */
	if (nspans == 0 || !query_anchor(q, text, len, &anchor))
		anchor = nspans ? spans[0].start : 0;

	if (anchor > before) {
		from = utf8_char_start(text, anchor - before);
		/* Start on a word: after the first space before the match. */
		for (size_t i = from; i < anchor; i++) {
			if (text[i] == ' ') {
				from = i + 1;
				break;
			}
		}
	}
	to = from + max;
	if (to >= len) {
		to = len;
	} else {
		size_t i;

		for (i = to; i > from + max / 2 && text[i] != ' '; i--)
			;
		if (text[i] == ' ' && i > from + max / 2)
			to = i;
		to = utf8_char_start(text, to);
	}
	if (from > 0)
		strbuf_add(&sb, ellipsis, elen);
	head = sb.len;
	strbuf_add(&sb, text + from, to - from);
	if (to < len)
		strbuf_add(&sb, ellipsis, elen);
	out->marks = NULL;
	out->nmarks = 0;
	for (size_t i = 0; i < nspans; i++) {
		size_t s = spans[i].start > from ? spans[i].start : from;
		size_t e = spans[i].end < to ? spans[i].end : to;

		if (s >= e)
			continue;
		if (out->marks == NULL)
			out->marks = xcalloc(nspans, sizeof *out->marks);
		out->marks[out->nmarks++] =
		    (struct text_span){(uint32_t)(s - from + head), (uint32_t)(e - from + head)};
	}
	free(spans);
	out->text = strbuf_detach(&sb, NULL);
}

void
excerpt_release(struct excerpt *e)
{
	free(e->text);
	free(e->marks);
	e->text = NULL;
	e->marks = NULL;
	e->nmarks = 0;
}
