/* markup.h - the light markdown found in some corpus files.
 *
 * `**bold**` becomes a bold span, `[1540 \(2004\)](#)` becomes its text
 * with the backslash escapes removed, and a backslash before ASCII
 * punctuation elsewhere is dropped.  Bullets ("- ") are paragraph markers,
 * recognised by the reflow.  Unpaired markers are kept as they are. */
#ifndef LISEUSE_MARKUP_H
#define LISEUSE_MARKUP_H

#include <stddef.h>

#include "document.h"

/* Renders one paragraph of src (len bytes).  Returns the plain text in *text
 * (newly allocated, NUL-terminated, *text_len bytes) and the bold byte
 * ranges of that text in *bold (newly allocated, sorted; NULL when none)
 * with their count in *nbold. */
void markup_render(const char *src, size_t len, char **text, size_t *text_len,
		   struct text_span **bold, size_t *nbold);

#endif
