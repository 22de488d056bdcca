/* unit.h - a minimal unit-test harness: CHECK* macros count failures and
 * print where they happened; unit_done() gives the exit status automake
 * expects (0 pass, 1 fail). */
#ifndef LISEUSE_UNIT_H
#define LISEUSE_UNIT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int unit_failures;
static int unit_checks;

#define CHECK(cond) \
	do { \
		unit_checks++; \
		if (!(cond)) { \
			unit_failures++; \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		} \
	} while (0)

#define CHECK_INT(got, want) \
	do { \
		long long got_ = (long long)(got), want_ = (long long)(want); \
		unit_checks++; \
		if (got_ != want_) { \
			unit_failures++; \
			fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n", __FILE__, __LINE__, \
				#got, got_, want_); \
		} \
	} while (0)

#define CHECK_STR(got, want) \
	do { \
		const char *got_ = (got), *want_ = (want); \
		unit_checks++; \
		if (got_ == NULL || want_ == NULL ? got_ != want_ : strcmp(got_, want_) != 0) { \
			unit_failures++; \
			fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
				#got, got_ ? got_ : "(null)", want_ ? want_ : "(null)"); \
		} \
	} while (0)

/* The bytes of a file, NUL-terminated (free them), with their number in
 * *len unless len is NULL; NULL when the file cannot be read. */
static inline char *
unit_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL, *grown = NULL;
	size_t n = 0, cap = 0, got;

	if (f == NULL)
		return NULL;
	do {
		if (cap - n < 4096) {
			cap = cap ? 2 * cap : 65536;
			if ((grown = realloc(data, cap + 1)) == NULL)
				break;
			data = grown;
		}
		n += got = fread(data + n, 1, cap - n, f);
	} while (got > 0);
	if (ferror(f) || grown == NULL) {
		free(data);
		data = NULL;
	} else {
		data[n] = '\0';
		if (len != NULL)
			*len = n;
	}
	fclose(f);
	return data;
}

static inline int
unit_done(const char *name)
{
	printf("%s: %d checks, %d failed\n", name, unit_checks, unit_failures);
	return unit_failures ? 1 : 0;
}

#endif
