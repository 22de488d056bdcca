/* util.h - allocation wrappers and a growable byte buffer.
 *
 * The x* wrappers end the program with a message (exit status 2) on
 * out-of-memory, so callers never test for NULL after allocating; fault.h
 * can make the Nth allocation fail for tests. */
#ifndef LISEUSE_UTIL_H
#define LISEUSE_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/* Registers a function run before the program ends on out-of-memory (the
 * screen uses it to restore the terminal).  NULL removes it. */
void util_set_fatal_hook(void (*hook)(void));

/* Prints an error on stderr in the program's one form: "liseuse: " (in the
 * user's language), the formatted message, a newline.  An error about a
 * place in a file reads "FILE:LINE:COL: message" after the prefix. */
void util_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Grows an array to hold at least `need` elements of `elem` bytes, doubling
 * *cap as needed.  Returns the (possibly moved) array. */
void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Returns a newly allocated formatted string; never NULL. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* A NUL-terminated growable byte buffer (after git's strbuf).  A zeroed
 * struct is a valid empty buffer; `buf` is then NULL until the first add. */
struct strbuf {
	char *buf;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void strbuf_init(struct strbuf *sb);
/* Frees the storage and leaves an empty buffer. */
void strbuf_release(struct strbuf *sb);
/* Hands the storage to the caller (never NULL; "" when empty) and resets sb. */
char *strbuf_detach(struct strbuf *sb, size_t *len);
void strbuf_reset(struct strbuf *sb);
void strbuf_grow(struct strbuf *sb, size_t extra);
void strbuf_add(struct strbuf *sb, const void *data, size_t len);
void strbuf_addstr(struct strbuf *sb, const char *s);
/* Inline: the tokenizer and the reflow append a character at a time. */
static inline void
strbuf_addch(struct strbuf *sb, int c)
{
	if (sb->len + 2 > sb->cap)
		strbuf_grow(sb, 1);
	sb->buf[sb->len++] = (char)c;
	sb->buf[sb->len] = '\0';
}
void strbuf_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Returns sb->buf, or "" when nothing was ever added. */
const char *strbuf_str(const struct strbuf *sb);

#endif
