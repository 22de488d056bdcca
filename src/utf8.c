/* utf8.c - UTF-8 stepping and French spaces (see utf8.h). */
#include "config.h"

#include "utf8.h"

static int
is_continuation(const char *s, size_t i)
{
	return ((unsigned char)s[i] & 0xC0) == 0x80;
}

size_t
utf8_char_start(const char *s, size_t pos)
{
	size_t p = pos;

	/* A character is at most four bytes: more continuation bytes than
	 * that are invalid bytes standing alone. */
	while (p > 0 && pos - p < 3 && is_continuation(s, p))
		p--;
	return is_continuation(s, p) ? pos : p;
}

size_t
utf8_prev(const char *s, size_t pos)
{
	if (pos == 0)
		return 0;
	return utf8_char_start(s, pos - 1);
}

size_t
utf8_next(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	pos++;
	while (pos < len && is_continuation(s, pos))
		pos++;
	return pos;
}

size_t
utf8_space_len(const char *s, size_t len, size_t pos)
{
	const unsigned char *t = (const unsigned char *)s + pos;
	size_t left = pos < len ? len - pos : 0;

	if (left >= 1 && (t[0] == ' ' || t[0] == '\t'))
		return 1;
	if (left >= 2 && t[0] == 0xC2 && t[1] == 0xA0)
		return 2;
	if (left >= 3 && t[0] == 0xE2 && t[1] == 0x80 && (t[2] <= 0x8A || t[2] == 0xAF) &&
	    t[2] >= 0x80)
		return 3;
	return 0;
}

size_t
utf8_space_before(const char *s, size_t pos)
{
	for (size_t k = 1; k <= 3 && k <= pos; k++)
		if (utf8_space_len(s, pos, pos - k) == k)
			return k;
	return 0;
}
