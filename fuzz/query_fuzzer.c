/* query_fuzzer.c - libFuzzer target for the query parser, its MATCH
 * expression and the highlighter: any bytes, no crash, sane spans. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "query.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *input = xstrndup((const char *)data, size);
	size_t len = strlen(input), nspans, flen;
	struct text_span *spans;
	struct query q;
	char *folded;

	for (unsigned flags = 0; flags <= QUERY_LAST_PREFIX; flags++) {
		if (query_parse(input, flags, &q) == 0) {
			nspans = query_highlight(&q, input, len, &spans);
			for (size_t i = 0; i < nspans; i++) {
				if (spans[i].start >= spans[i].end || spans[i].end > len ||
				    (i && spans[i].start < spans[i - 1].end))
					abort();
			}
			free(spans);
			if (q.fts != NULL && strchr(q.fts, '\0') != q.fts + strlen(q.fts))
				abort();
		} else if (q.error == NULL || strncmp(q.error, "syntaxe : ", 10) != 0) {
			abort();
		}
		query_release(&q);
	}
	folded = fold_string(input, len, &flen);
	if (strlen(folded) != flen)
		abort();
	free(folded);
	free(input);
	return 0;
}
