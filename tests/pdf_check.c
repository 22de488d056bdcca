/* pdf_check.c - compares what the PDF importer makes of a fixture with
 * the fixture's expected file.
 *
 *   pdf_check FILE.pdf FILE.expected   exit 0 when all matches, 1 otherwise
 *   pdf_check --dump FILE.pdf          prints the result in the same form
 *
 * The expected file holds, one a line ("#" starts a comment):
 *   meta FIELD VALUE     a metadata field (kind, date, sender, organ,
 *                        title, symbols, resolutions, job_number); "-" for
 *                        a field that must stay empty
 *   gone TEXT            furniture that no paragraph may hold
 *   para PAGE ROLE TEXT  every paragraph, in order */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "pdf_import.h"
#include "util.h"

static int failures;

static const char *
role_name(enum para_role role)
{
	static const char *const names[PARA_ROLE_COUNT] = {
		[PARA_BODY] = "body",	      [PARA_FRONT] = "front",	  [PARA_TITLE] = "title",
		[PARA_HEADING] = "heading",   [PARA_NUMBERED] = "numbered", [PARA_ITEM] = "item",
		[PARA_SIGNATURE] = "signature", [PARA_NOTE] = "note",
	};

	return (unsigned)role < PARA_ROLE_COUNT && names[role] ? names[role] : "?";
}

static const char *
meta_field(const struct doc_meta *m, const char *name)
{
	static const struct {
		const char *name;
		size_t offset;
	} fields[] = {
		{ "kind", offsetof(struct doc_meta, kind) },
		{ "date", offsetof(struct doc_meta, date) },
		{ "sender", offsetof(struct doc_meta, sender) },
		{ "organ", offsetof(struct doc_meta, organ) },
		{ "title", offsetof(struct doc_meta, title) },
		{ "symbols", offsetof(struct doc_meta, symbols) },
		{ "resolutions", offsetof(struct doc_meta, resolutions) },
		{ "job_number", offsetof(struct doc_meta, job_number) },
		{ "language", offsetof(struct doc_meta, language) },
	};

	for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
		if (strcmp(fields[i].name, name) == 0)
			return *(char *const *)((const char *)m + fields[i].offset);
	fprintf(stderr, "pdf_check: unknown metadata field '%s'\n", name);
	exit(2);
}

static int
load(const char *path, struct document *doc)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL, *err = NULL;
	size_t n = 0, cap = 0;
	const char *base = strrchr(path, '/');

	if (f == NULL) {
		perror(path);
		return -1;
	}
	for (;;) {
		size_t got;

		data = xgrow(data, &cap, n + 65536, 1);
		got = fread(data + n, 1, cap - n, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	document_init(doc);
	if (pdf_import(path, data, n, base ? base + 1 : path, doc, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		free(err);
		free(data);
		return -1;
	}
	free(data);
	return 0;
}

static void
dump(const struct document *doc)
{
	static const char *const names[] = { "kind",	"date",	       "sender",     "organ",
					     "title",	"symbols",     "resolutions", "job_number" };

	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		const char *v = meta_field(&doc->meta, names[i]);

		printf("meta %s %s\n", names[i], v ? v : "-");
	}
	for (size_t i = 0; i < doc->npara; i++)
		printf("para %d %s %s\n", doc->paras[i].page, role_name(doc->paras[i].role),
		       doc->paras[i].text);
}

static void __attribute__((format(printf, 3, 4)))
fail(const char *expected, int line, const char *fmt, ...)
{
	va_list ap;

	failures++;
	fprintf(stderr, "%s:%d: ", expected, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int
main(int argc, char **argv)
{
	static char line[65536];
	struct document doc;
	FILE *f;
	size_t next = 0;
	int lineno = 0;

	if (argc == 3 && strcmp(argv[1], "--dump") == 0) {
		if (load(argv[2], &doc) < 0)
			return 1;
		dump(&doc);
		document_release(&doc);
		return 0;
	}
	if (argc != 3) {
		fprintf(stderr, "usage: pdf_check FILE.pdf FILE.expected | pdf_check --dump FILE.pdf\n");
		return 2;
	}
	if (load(argv[1], &doc) < 0)
		return 1;
	f = fopen(argv[2], "r");
	if (f == NULL) {
		perror(argv[2]);
		return 2;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *arg;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		arg = strchr(line, ' ');
		if (arg == NULL)
			continue;
		*arg++ = '\0';
		if (strcmp(line, "meta") == 0) {
			char *value = strchr(arg, ' ');
			const char *got;

			if (value == NULL)
				continue;
			*value++ = '\0';
			got = meta_field(&doc.meta, arg);
			if (strcmp(value, "-") == 0 ? got != NULL : got == NULL || strcmp(got, value) != 0)
				fail(argv[2], lineno, "metadata: got \"%s\", expected \"%s\"",
				     got ? got : "-", value);
		} else if (strcmp(line, "gone") == 0) {
			for (size_t i = 0; i < doc.npara; i++)
				if (strstr(doc.paras[i].text, arg) != NULL)
					fail(argv[2], lineno, "furniture \"%s\" left in \"%s\"", arg,
					     doc.paras[i].text);
		} else if (strcmp(line, "para") == 0) {
			char want[64];
			const struct paragraph *p;
			char *text = strchr(arg, ' ');

			text = text ? strchr(text + 1, ' ') : NULL;
			if (text == NULL)
				continue;
			*text++ = '\0';
			if (next >= doc.npara) {
				fail(argv[2], lineno, "missing paragraph %s%s", arg, "");
				continue;
			}
			p = &doc.paras[next++];
			snprintf(want, sizeof want, "%d %s", p->page, role_name(p->role));
			if (strcmp(want, arg) != 0)
				fail(argv[2], lineno, "page and role: got \"%s\", expected \"%s\"", want,
				     arg);
			if (strcmp(p->text, text) != 0)
				fail(argv[2], lineno, "text:\n  got      %s\n  expected %s", p->text, text);
		}
	}
	fclose(f);
	for (; next < doc.npara; next++)
		fail(argv[2], lineno, "unexpected paragraph %s%s", doc.paras[next].text, "");
	document_release(&doc);
	return failures > 0;
}
