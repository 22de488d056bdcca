/* import.c - reading, checking and parsing text files, and whole imports
 * into a snapshot (see import.h). */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uninorm.h>
#include <unistr.h>

#include "i18n.h"
#include "import.h"
#include "import_loader.h"
#include "markup.h"
#include "meta.h"
#include "pdf_import.h"
#include "pdf_text.h"
#include "reflow.h"
#include "sanitize.h"
#include "utf8.h"
#include "util.h"

/* Larger files are refused: a document that size is not a letter. */
#define IMPORT_MAX_BYTES ((size_t)256 << 20)

/* Line (1-based) and byte within the line (1-based) of offset `at`. */
static void
position(const char *buf, size_t at, size_t *line, size_t *byte)
{
	size_t l = 1, start = 0;

	for (size_t i = 0; i < at; i++) {
		if (buf[i] == '\n') {
			l++;
			start = i + 1;
		}
	}
	*line = l;
	*byte = at - start + 1;
}

static char *
error_at(const char *path, const char *buf, size_t at, const char *reason)
{
	size_t line, byte;

	position(buf, at, &line, &byte);
	return xasprintf("%s:%zu:%zu: %s", path, line, byte, reason);
}

/* Prints a message on stderr with its controls shown visibly: file names
 * found in a walked directory may hold escape sequences. */
static void __attribute__((format(printf, 1, 2)))
report(const char *fmt, ...)
{
	va_list ap;
	char *msg, *safe;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	safe = sanitize_dup(msg, strlen(msg), SANITIZE_ONELINE);
	util_error("%s", safe);
	free(safe);
	free(msg);
}

/* Reads a whole file (at most IMPORT_MAX_BYTES) into a NUL-terminated buffer. */
static int
read_all(const char *path, char **out, size_t *out_len, char **err)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	int fd, ret = -1;

	/* O_NONBLOCK: opening a FIFO without a writer must not hang */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		*err = xasprintf(_("%s: cannot open: %s"), path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) < 0 || fcntl(fd, F_SETFL, 0) < 0) {
		*err = xasprintf(_("%s: cannot read: %s"), path, strerror(errno));
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		*err = xasprintf(_("%s: is a directory"), path);
		goto out;
	}
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > IMPORT_MAX_BYTES) {
		*err = xasprintf(_("%s: file too large (%llu MB; the limit is %zu MB)"), path,
				 (unsigned long long)st.st_size >> 20, IMPORT_MAX_BYTES >> 20);
		goto out;
	}
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t got;

		if (len + 1 >= cap) {
			if (cap > IMPORT_MAX_BYTES) {
				*err = xasprintf(_("%s: file too large (the limit is %zu MB)"), path,
						 IMPORT_MAX_BYTES >> 20);
				goto out;
			}
			buf = xgrow(buf, &cap, len + 65536, 1);
		}
		got = read(fd, buf + len, cap - len - 1);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			*err = xasprintf(_("%s: cannot read: %s"), path, strerror(errno));
			goto out;
		}
		if (got == 0)
			break;
		len += (size_t)got;
	}
	buf[len] = '\0';
	*out = buf;
	*out_len = len;
	buf = NULL;
	ret = 0;
out:
	free(buf);
	close(fd);
	return ret;
}

static bool
is_blank_char(const char *s, size_t n, size_t *clen)
{
	unsigned char c = (unsigned char)s[0];

	*clen = 1;
	if (c == '\n' || c == '\r' || c == '\f' || c == '\v')
		return true;
	*clen = utf8_space_len(s, n, 0);
	return *clen > 0;
}

/* Checks the text part of buf (from `start`): binary, UTF-8, blank. */
static int
check_text(const char *path, const char *buf, size_t start, size_t len, char **err)
{
	const char *nul = memchr(buf + start, '\0', len - start);
	const uint8_t *bad;
	size_t controls = 0, first_control = 0, i, clen;

	if (nul != NULL) {
		*err = error_at(path, buf, (size_t)(nul - buf),
				_("binary file (NUL byte), not a text file"));
		return -1;
	}
	for (i = start; i < len; i++) {
		unsigned char c = (unsigned char)buf[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
			if (controls++ == 0)
				first_control = i;
		}
	}
	/* a few stray controls are shown visibly by the reader; many mean binary */
	if (controls > 0 && controls * 10 > len - start) {
		*err = error_at(path, buf, first_control,
				_("binary file (mostly control characters), not a text file"));
		return -1;
	}
	bad = u8_check((const uint8_t *)buf + start, len - start);
	if (bad != NULL) {
		char reason[160];

		snprintf(reason, sizeof reason,
			 _("not valid UTF-8 (byte 0x%02X); convert it first, e.g. "
			   "iconv -f WINDOWS-1252 -t UTF-8"),
			 *bad);
		*err = error_at(path, buf, (size_t)((const char *)bad - buf), reason);
		return -1;
	}
	if (len == start) {
		*err = xasprintf("%s:1:1: %s", path, _("empty file"));
		return -1;
	}
	for (i = start; i < len && is_blank_char(buf + i, len - i, &clen); i += clen)
		;
	if (i == len) {
		*err = xasprintf("%s:1:1: %s", path, _("only white space, no text"));
		return -1;
	}
	return 0;
}

/* False when every character is one NFC leaves alone whatever surrounds it
 * (below U+0300, where there are no combining marks, or common punctuation
 * U+2010..U+20CF): the usual French text then skips the costly normalisation. */
static bool
needs_nfc(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	while (p < end) {
		ucs4_t uc;
		int k;

		if (*p < 0x80) {
			p++;
			continue;
		}
		k = u8_mbtouc(&uc, p, (size_t)(end - p));
		if (!(uc < 0x300 || (uc >= 0x2010 && uc <= 0x20CF)))
			return true;
		p += k;
	}
	return false;
}

/* Checks and decodes buf (n bytes, NUL-terminated, owned: always consumed). */
static int
decode_owned(const char *path, char *buf, size_t n, char **text, size_t *len, char **err)
{
	size_t start = 0, w = 0;
	bool ascii = true;

	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		start = 3;
	if (check_text(path, buf, start, n, err) < 0) {
		free(buf);
		return -1;
	}
	/* drop the BOM and the CR of CRLF, in place */
	for (size_t r = start; r < n; r++) {
		if (buf[r] == '\r' && r + 1 < n && buf[r + 1] == '\n')
			continue;
		if ((unsigned char)buf[r] >= 0x80)
			ascii = false;
		buf[w++] = buf[r];
	}
	buf[w] = '\0';
	if (!ascii && needs_nfc(buf, w)) {
		size_t nfc_len = 0;
		uint8_t *nfc = u8_normalize(UNINORM_NFC, (const uint8_t *)buf, w, NULL, &nfc_len);

		if (nfc == NULL) {
			*err = xasprintf(_("%s: cannot normalise to NFC: %s"), path, strerror(errno));
			free(buf);
			return -1;
		}
		free(buf);
		buf = xrealloc(nfc, nfc_len + 1);
		buf[nfc_len] = '\0';
		w = nfc_len;
	}
	*text = buf;
	*len = w;
	return 0;
}

int
import_read_file(const char *path, char **text, size_t *len, char **err)
{
	char *buf = NULL;
	size_t n = 0;

	*text = NULL;
	*len = 0;
	if (read_all(path, &buf, &n, err) < 0)
		return -1;
	return decode_owned(path, buf, n, text, len, err);
}

int
import_decode(const char *name, const char *data, size_t n, char **text, size_t *len,
	      char **err)
{
	char *buf = xmalloc(n + 1);

	*text = NULL;
	*len = 0;
	if (n > 0)
		memcpy(buf, data, n);
	buf[n] = '\0';
	return decode_owned(name, buf, n, text, len, err);
}

int
import_parse(const char *text, size_t len, const char *source, struct document *doc, char **err)
{
	struct reflow flow = { 0 };

	reflow_text(text, len, &flow);
	for (size_t i = 0; i < flow.npara; i++) {
		struct reflow_para *rp = &flow.paras[i];
		struct text_span *bold;
		size_t plain_len, nbold;
		char *plain;

		markup_render(rp->text, rp->len, &plain, &plain_len, &bold, &nbold);
		/* free each raw paragraph at once: only one copy of a big text at a time */
		free(rp->text);
		rp->text = NULL;
		if (plain_len == 0) {
			free(plain);
			free(bold);
			continue;
		}
		document_add_paragraph(doc, rp->role, plain, plain_len, bold, nbold)->page =
		    rp->page;
	}
	reflow_release(&flow);
	if (doc->npara == 0) {
		*err = xasprintf(_("%s: no paragraph of text found"), source ? source : _("(text)"));
		return -1;
	}
	meta_extract(doc, text, len, source);
	return 0;
}

static const char *
base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);

	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Files a directory walk leaves out: hidden files and snapshots, with their
 * lock files and the working copies of imports (snapshot_swap.h). */
static bool
skipped_in_walk(const char *name)
{
	return name[0] == '.' || ends_with(name, ".db") || ends_with(name, ".db-journal") ||
	       ends_with(name, ".db.lock") || strstr(name, ".db.import-") != NULL ||
	       ends_with(name, ".db-wal") || ends_with(name, ".db-shm") ||
	       ends_with(name, ".tmp") || ends_with(name, "~");
}

struct file_list {
	char **paths;
	size_t n, cap;
};

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds path (a file, or a directory walked in sorted order) to list.
 * Returns 0, or -1 after reporting what could not be read. */
static int
collect(const char *path, struct file_list *list, bool explicit)
{
	struct stat st;
	DIR *dir;
	struct dirent *ent;
	char **names = NULL;
	size_t nnames = 0, cap = 0;
	int ret = 0;

	if (stat(path, &st) < 0) {
		report("%s: %s", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (!explicit && !S_ISREG(st.st_mode))
			return 0;
		list->paths = xgrow(list->paths, &list->cap, list->n + 1, sizeof *list->paths);
		list->paths[list->n++] = xstrdup(path);
		return 0;
	}
	dir = opendir(path);
	if (dir == NULL) {
		report("%s: %s", path, strerror(errno));
		return -1;
	}
	while ((ent = readdir(dir)) != NULL) {
		if (skipped_in_walk(ent->d_name))
			continue;
		names = xgrow(names, &cap, nnames + 1, sizeof *names);
		names[nnames++] = ends_with(path, "/") ? xasprintf("%s%s", path, ent->d_name)
						       : xasprintf("%s/%s", path, ent->d_name);
	}
	closedir(dir);
	if (nnames > 0)
		qsort(names, nnames, sizeof *names, compare_names);
	for (size_t i = 0; i < nnames; i++) {
		if (collect(names[i], list, false) < 0)
			ret = -1;
		free(names[i]);
	}
	free(names);
	return ret;
}

/* Reads and parses one file into doc; reports and returns -1 on refusal. */
static int
load(const char *path, struct document *doc)
{
	char *text = NULL, *err = NULL, *bytes = NULL;
	size_t len = 0, nbytes = 0;
	int ret = -1;

	document_init(doc);
	if (read_all(path, &bytes, &nbytes, &err) < 0)
		goto out;
	/* a PDF by its content, whatever its name */
	if (pdf_text_is_pdf(bytes, nbytes)) {
		ret = pdf_import(path, bytes, nbytes, base_name(path), doc, &err);
		free(bytes);
		goto out;
	}
	if (decode_owned(path, bytes, nbytes, &text, &len, &err) < 0)
		goto out;
	if (import_parse(text, len, base_name(path), doc, &err) < 0) {
		char *msg = xasprintf(_("%s: no paragraph of text found"), path);

		free(err);
		err = msg;
		goto out;
	}
	ret = 0;
out:
	/* on the reading thread, work the writer would do otherwise */
	if (ret == 0)
		store_prepare_document(doc);
	if (err != NULL) {
		report("%s", err);
		free(err);
		document_release(doc);
	}
	free(text);
	return ret;
}

long
import_paths(struct store *store, char *const *paths, size_t npaths, bool dry_run,
	     struct import_counts *counts)
{
	struct import_counts done = { 0 };
	struct file_list list = { 0 };
	struct import_loader *loader = NULL;
	size_t refused = 0;
	bool begun = false;
	char *err = NULL;
	long ret = -1;

	for (size_t i = 0; i < npaths; i++)
		if (collect(paths[i], &list, true) < 0)
			refused++;
	if (list.n == 0 && refused == 0) {
		/* an empty directory: say so rather than rewrite the snapshot */
		report(_("%s: no file to import"), npaths > 0 ? paths[0] : _("(none)"));
		return -1;
	}
	/* One pass, one transaction: each file is read and parsed (on the
	 * loader's thread) and written in turn; after a refusal the rest are
	 * still checked, so every bad file is named, and the transaction is
	 * rolled back. */
	loader = import_loader_start(list.paths, list.n, load);
	for (size_t i = 0; i < list.n; i++) {
		struct document doc;
		enum store_outcome outcome;
		int64_t id;

		if (!import_loader_next(loader, &doc)) {
			refused++;
			continue;
		}
		/* the transaction starts with the first document written */
		if (refused == 0 && !begun && store_begin(store, &err) < 0) {
			document_release(&doc);
			goto out;
		}
		begun = begun || refused == 0;
		if (refused == 0 && store_put_document(store, &doc, &id, &outcome, &err) < 0) {
			document_release(&doc);
			store_rollback(store);
			goto out;
		}
		if (refused == 0) {
			done.added += outcome == STORE_ADDED;
			done.replaced += outcome == STORE_REPLACED;
			done.unchanged += outcome == STORE_UNCHANGED;
		}
		document_release(&doc);
	}
	import_loader_finish(loader);
	loader = NULL;
	if (refused > 0) {
		if (begun)
			store_rollback(store);
		util_error(i18n_ngettext("%zu file refused, nothing imported",
					 "%zu files refused, nothing imported", refused),
			   refused);
		goto out;
	}
	if (counts != NULL)
		*counts = done;
	/* a dry run indexes nothing, but says whether the import would fail */
	if (dry_run && done.added + done.replaced > 0 && store_lemmas_ready(store, &err) < 0) {
		store_rollback(store);
		goto out;
	}
	if (dry_run || done.added + done.replaced == 0) {
		store_rollback(store);
		ret = (long)list.n;
		goto out;
	}
	if (store_commit(store, &err) < 0) {
		store_rollback(store);
		goto out;
	}
	/* The working copy has no journal: a merge or compaction that failed
	 * half-way (a full disk, an I/O error) may have left it half written,
	 * so it must not replace the snapshot. */
	if (store_finish(store, &err) < 0)
		goto out;
	ret = (long)list.n;
out:
	import_loader_finish(loader);
	if (err != NULL) {
		report("%s", err);
		free(err);
	}
	for (size_t i = 0; i < list.n; i++)
		free(list.paths[i]);
	free(list.paths);
	return ret;
}
