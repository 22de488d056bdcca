/* sanitize_fuzzer.c - libFuzzer target: whatever the bytes, the sanitised
 * output holds no control byte, no C1 and no bidi control; ASCII mode gives
 * ASCII; the returned width is that of layout_text_width. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "layout.h"
#include "sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	for (unsigned flags = 0; flags < 4; flags++) {
		struct strbuf sb = STRBUF_INIT;
		const unsigned char *p;
		int width = sanitize_append(&sb, (const char *)data, size, flags, 0);

		p = (const unsigned char *)strbuf_str(&sb);
		if (strlen((const char *)p) != sb.len)
			abort();
		for (; *p; p++) {
			if (*p < 0x20 || *p == 0x7f)
				abort();
			if ((flags & SANITIZE_ASCII) && *p >= 0x80)
				abort();
			if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
				abort();
			if (p[0] == 0xE2 && p[1] == 0x80 &&
			    ((p[2] >= 0xAA && p[2] <= 0xAE) || p[2] == 0x8E || p[2] == 0x8F))
				abort();
			if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
				abort();
		}
		if (!memchr(data, '\t', size) &&
		    width != layout_text_width((const char *)data, size, flags))
			abort();
		strbuf_release(&sb);
	}
	return 0;
}
