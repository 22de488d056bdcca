/* util.c - allocation wrappers and strbuf. */
#include "config.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fault.h"
#include "i18n.h"
#include "util.h"

typedef void (*fatal_hook_fn)(void);
/* atomic: the importer's two threads may both run out of memory */
static _Atomic(fatal_hook_fn) fatal_hook;

void
util_set_fatal_hook(void (*hook)(void))
{
	atomic_store(&fatal_hook, hook);
}

/* Out of memory is not recoverable here: restore the terminal, say so, and
 * end with the data-error status. */
static void
out_of_memory(size_t size)
{
	/* The hook runs once, even if it runs out of memory itself. */
	fatal_hook_fn hook = atomic_exchange(&fatal_hook, NULL);

	if (hook != NULL)
		hook();
	util_error(_("out of memory (%zu bytes)"), size);
	exit(2);
}

void
util_error(const char *fmt, ...)
{
	va_list ap;

	/* TRANSLATORS: the prefix of every error message. */
	fputs(_("liseuse: "), stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void *
xmalloc(size_t size)
{
	void *p = fault_alloc_fails() ? NULL : malloc(size ? size : 1);
	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *
xcalloc(size_t count, size_t size)
{
	void *p = fault_alloc_fails() ? NULL : calloc(count ? count : 1, size ? size : 1);
	if (p == NULL)
		out_of_memory(count * size);
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = fault_alloc_fails() ? NULL : realloc(ptr, size ? size : 1);
	if (p == NULL)
		out_of_memory(size);
	return p;
}

void *
xgrow(void *ptr, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 8;
	if (need <= *cap)
		return ptr;
	while (n < need) {
		if (n > ((size_t)-1) / 2 / elem)
			out_of_memory(need * elem);
		n *= 2;
	}
	*cap = n;
	return xrealloc(ptr, n * elem);
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (n < 0)
		out_of_memory(0);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
strbuf_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = sb->cap = 0;
}

void
strbuf_release(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char *p = sb->buf ? sb->buf : xstrdup("");
	if (len != NULL)
		*len = sb->len;
	strbuf_init(sb);
	return p;
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	if (sb->len + extra + 1 < sb->len)
		out_of_memory((size_t)-1);
	sb->buf = xgrow(sb->buf, &sb->cap, sb->len + extra + 1, 1);
}

void
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	strbuf_addstr(sb, p);
	free(p);
}

const char *
strbuf_str(const struct strbuf *sb)
{
	return sb->buf ? sb->buf : "";
}
