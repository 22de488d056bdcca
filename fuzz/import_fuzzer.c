/* import_fuzzer.c - libFuzzer target for the importer: any bytes go through
 * the same checks as a file (import_decode), then reflow, markup and
 * metadata (import_parse).  Refused input has a message naming it; accepted
 * input gives paragraphs of valid UTF-8 without a newline or a NUL, with
 * bold spans inside the text, and metadata of valid one-line UTF-8. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "document.h"
#include "import.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A metadata field is NULL or valid UTF-8 on one line. */
static void
check_field(const char *s)
{
	if (s == NULL)
		return;
	if (u8_check((const uint8_t *)s, strlen(s)) != NULL || strchr(s, '\n') != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct document doc;
	char *text = NULL, *err = NULL;
	size_t len = 0;

	if (import_decode("fuzz.txt", (const char *)data, size, &text, &len, &err) < 0) {
		if (err == NULL || strncmp(err, "fuzz.txt:", 9) != 0)
			abort();
		free(err);
		return 0;
	}
	if (text == NULL || strlen(text) != len || u8_check((const uint8_t *)text, len) != NULL)
		abort();
	document_init(&doc);
	if (import_parse(text, len, "fuzz.txt", &doc, &err) < 0) {
		if (err == NULL || doc.npara != 0)
			abort();
		free(err);
	} else {
		for (size_t i = 0; i < doc.npara; i++) {
			const struct paragraph *p = &doc.paras[i];

			if (p->len == 0 || strlen(p->text) != p->len || memchr(p->text, '\n', p->len) ||
			    u8_check((const uint8_t *)p->text, p->len) != NULL ||
			    (unsigned)p->role >= PARA_ROLE_COUNT)
				abort();
			for (size_t b = 0; b < p->nbold; b++) {
				if (p->bold[b].start >= p->bold[b].end || p->bold[b].end > p->len ||
				    (b && p->bold[b].start < p->bold[b - 1].end))
					abort();
			}
		}
		check_field(doc.meta.kind);
		check_field(doc.meta.date);
		check_field(doc.meta.sender);
		check_field(doc.meta.addressee);
		check_field(doc.meta.organ);
		check_field(doc.meta.language);
		check_field(doc.meta.title);
		check_field(doc.meta.source);
		check_field(doc.meta.symbols);
		check_field(doc.meta.resolutions);
	}
	document_release(&doc);
	free(text);
	return 0;
}
