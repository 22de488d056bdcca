/* ascii.h - ASCII character classes and byte-wise comparisons of text.
 *
 * The text engine's patterns (markers, headers, symbols) are ASCII or
 * exact UTF-8 bytes, so a comparison is a memcmp and a class is a range,
 * whatever the locale (unlike <ctype.h>).  The text s[0..n) need not be
 * NUL-terminated; the patterns are.  No allocation, no curses, no SQL. */
#ifndef LISEUSE_ASCII_H
#define LISEUSE_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static inline bool
ascii_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
ascii_is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static inline bool
ascii_is_lower(char c)
{
	return c >= 'a' && c <= 'z';
}

static inline bool
ascii_is_alpha(char c)
{
	return ascii_is_upper(c) || ascii_is_lower(c);
}

static inline bool
ascii_is_alnum(char c)
{
	return ascii_is_alpha(c) || ascii_is_digit(c);
}

/* Whether s[0..n) is one or more digits (false when n is 0). */
static inline bool
ascii_all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!ascii_is_digit(s[i]))
			return false;
	return n > 0;
}

/* Whether s[0..n) begins with the bytes of prefix. */
static inline bool
ascii_starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && memcmp(s, prefix, k) == 0;
}

/* Whether the NUL-terminated s begins with the bytes of prefix. */
static inline bool
ascii_str_starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Whether s[0..n) is exactly the bytes of word. */
static inline bool
ascii_equals(const char *s, size_t n, const char *word)
{
	return n == strlen(word) && memcmp(s, word, n) == 0;
}

#endif
