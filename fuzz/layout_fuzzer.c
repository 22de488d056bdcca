/* layout_fuzzer.c - libFuzzer target: any bytes wrap at any width (first byte
 * gives 1..256, the second flags); lines stay in bounds and within the width. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout lay = LAYOUT_INIT;
	const char *text;
	size_t len, n, prev_end = 0;
	int width;
	unsigned flags;

	if (size < 2)
		return 0;
	width = 1 + data[0] * 2 % 500;
	flags = data[1] & (SANITIZE_ASCII | SANITIZE_ONELINE);
	text = (const char *)data + 2;
	len = size - 2;
	n = layout_wrap(&lay, text, len, width, flags);
	if (n == 0 || n != lay.nlines)
		abort();
	for (size_t k = 0; k < n; k++) {
		const struct layout_line *l = &lay.lines[k];
		const uint8_t *s = (const uint8_t *)text + l->start;
		const uint8_t *next;

		if (l->start > l->end || l->end > len || l->start < prev_end)
			abort();
		/* The clusters of sanitize.h (UAX #29 with the emoji and flag
		 * rules, which libunistring 1.0's u8_grapheme_next lacks). */
		next = s + sanitize_cluster_length((const char *)s, l->end - l->start);
		/* Only a line of one grapheme cluster may be wider than asked. */
		if (l->indent + l->width > width && next && next != (const uint8_t *)text + l->end)
			abort();
		if (!memchr(s, '\t', l->end - l->start) &&
		    layout_text_width((const char *)s, l->end - l->start, flags) != l->width)
			abort();
		prev_end = l->end;
	}
	layout_release(&lay);
	return 0;
}
