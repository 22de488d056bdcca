/* state.c - persistent screen state in a small line file (see state.h). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "state.h"
#include "util.h"

#define STATE_MAGIC "liseuse-state"
#define STATE_VERSION 1
#define STATE_LINE_MAX 8192
/* Longest path kept in a bookmark, so that its line stays under STATE_LINE_MAX. */
#define STATE_PATH_MAX 2048

void
state_init(struct state *st)
{
	memset(st, 0, sizeof *st);
}

static void
state_mark_release(struct state_mark *m)
{
	free(m->snapshot);
	free(m->source);
	free(m->symbol);
	free(m->excerpt);
}

void
state_release(struct state *st)
{
	for (size_t i = 0; i < st->nfilters; i++) {
		free(st->filters[i].snapshot);
		free(st->filters[i].text);
	}
	free(st->filters);
	free(st->last_source);
	for (size_t i = 0; i < st->npos; i++)
		free(st->pos[i].source);
	free(st->pos);
	for (size_t i = 0; i < st->nmarks; i++)
		state_mark_release(&st->marks[i]);
	free(st->marks);
	state_init(st);
}

/* Builds $XDG_STATE_HOME/liseuse/state, falling back on ~/.local/state. */
char *
state_default_path(void)
{
	const char *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");

	/* The XDG spec says a relative path must be ignored. */
	if (xdg && xdg[0] == '/')
		return xasprintf("%s/liseuse/state", xdg);
	if (home && home[0])
		return xasprintf("%s/.local/state/liseuse/state", home);
	return NULL;
}

/* A value fits on one line of the file when it has no tab or newline. */
static bool
storable(const char *s)
{
	return s && !strpbrk(s, "\t\n\r");
}

void
state_set_filter(struct state *st, const char *snapshot, const char *text)
{
	struct state_filter kept = {NULL, NULL};
	size_t i;

	if (!storable(snapshot) || !snapshot[0])
		return;
	for (i = 0; i < st->nfilters; i++)
		if (strcmp(st->filters[i].snapshot, snapshot) == 0)
			break;
	if (i < st->nfilters) {
		kept = st->filters[i];
		memmove(st->filters + i, st->filters + i + 1,
			(st->nfilters - i - 1) * sizeof *st->filters);
		st->nfilters--;
	}
	free(kept.text);
	if (!storable(text) || !text[0]) {
		free(kept.snapshot);
		return;
	}
	if (!kept.snapshot)
		kept.snapshot = xstrdup(snapshot);
	kept.text = xstrdup(text);
	if (st->nfilters >= STATE_MAX_FILTERS) {
		st->nfilters--;
		free(st->filters[st->nfilters].snapshot);
		free(st->filters[st->nfilters].text);
	}
	st->filters = xgrow(st->filters, &st->filters_cap, st->nfilters + 1, sizeof *st->filters);
	memmove(st->filters + 1, st->filters, st->nfilters * sizeof *st->filters);
	st->filters[0] = kept;
	st->nfilters++;
}

const char *
state_get_filter(const struct state *st, const char *snapshot)
{
	for (size_t i = 0; snapshot && i < st->nfilters; i++)
		if (strcmp(st->filters[i].snapshot, snapshot) == 0)
			return st->filters[i].text;
	return NULL;
}

void
state_set_last(struct state *st, int64_t doc_id, const char *source)
{
	st->last_doc = doc_id;
	free(st->last_source);
	st->last_source = storable(source) ? xstrdup(source) : NULL;
}

/* Two positions name the same document when ids match and, if both sources
 * are known, the sources match too (a rebuilt snapshot may renumber). */
static bool
same_doc(const struct state_position *p, int64_t doc_id, const char *source)
{
	if (p->doc_id != doc_id)
		return false;
	if (source && source[0] && p->source[0])
		return strcmp(p->source, source) == 0;
	return true;
}

void
state_set_position(struct state *st, int64_t doc_id, const char *source, size_t piece, size_t line)
{
	struct state_position entry;
	size_t i;

	for (i = 0; i < st->npos; i++)
		if (same_doc(&st->pos[i], doc_id, source))
			break;
	if (i < st->npos) {
		entry = st->pos[i];
		memmove(st->pos + 1, st->pos, i * sizeof *st->pos);
	} else {
		if (st->npos == STATE_MAX_POSITIONS) {
			free(st->pos[st->npos - 1].source);
			st->npos--;
		}
		st->pos = xgrow(st->pos, &st->cap, st->npos + 1, sizeof *st->pos);
		memmove(st->pos + 1, st->pos, st->npos * sizeof *st->pos);
		st->npos++;
		entry.doc_id = doc_id;
		entry.source = xstrdup(storable(source) ? source : "");
	}
	entry.piece = piece;
	entry.line = line;
	st->pos[0] = entry;
}

bool
state_get_position(const struct state *st, int64_t doc_id, const char *source, size_t *piece,
		   size_t *line)
{
	for (size_t i = 0; i < st->npos; i++) {
		if (same_doc(&st->pos[i], doc_id, source)) {
			*piece = st->pos[i].piece;
			*line = st->pos[i].line;
			return true;
		}
	}
	return false;
}

uint64_t
state_fingerprint(const char *text, size_t len)
{
	uint64_t h = UINT64_C(14695981039346656037);
	bool blank = false, started = false;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			blank = started;
			continue;
		}
		if (blank) {
			h = (h ^ ' ') * UINT64_C(1099511628211);
			blank = false;
		}
		started = true;
		h = (h ^ c) * UINT64_C(1099511628211);
	}
	return h ? h : 1;
}

/* A string for a field of the file: tabs and newlines as spaces. */
static char *
state_field(const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;
	char *out;

	if (n > max) {
		n = max;
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	out = xstrndup(s ? s : "", n);
	for (char *c = out; *c; c++)
		if (*c == '\t' || *c == '\n' || *c == '\r')
			*c = ' ';
	return out;
}

/* Two bookmarks are on one paragraph: same snapshot, same document (by
 * file name, else by symbol) and same fingerprint. */
static bool
state_same_mark(const struct state_mark *m, const char *snapshot, const char *source,
		const char *symbol, uint64_t fingerprint)
{
	if (m->fingerprint != fingerprint || strcmp(m->snapshot, snapshot ? snapshot : "") != 0)
		return false;
	if (source && source[0] && m->source[0])
		return strcmp(m->source, source) == 0;
	return symbol && symbol[0] && strcmp(m->symbol, symbol) == 0;
}

bool
state_has_mark(const struct state *st, const char *snapshot, const char *source,
	       const char *symbol, uint64_t fingerprint)
{
	for (size_t i = 0; i < st->nmarks; i++)
		if (state_same_mark(&st->marks[i], snapshot, source, symbol, fingerprint))
			return true;
	return false;
}

/* Inserts a copy of m at index at. */
static void
state_insert_mark(struct state *st, size_t at, const struct state_mark *m)
{
	struct state_mark copy = {
	    .snapshot = state_field(m->snapshot, STATE_PATH_MAX),
	    .source = state_field(m->source, STATE_PATH_MAX),
	    .symbol = state_field(m->symbol, 200),
	    .fingerprint = m->fingerprint,
	    .piece = m->piece,
	    .excerpt = state_field(m->excerpt, STATE_EXCERPT_MAX),
	};

	st->marks = xgrow(st->marks, &st->marks_cap, st->nmarks + 1, sizeof *st->marks);
	memmove(st->marks + at + 1, st->marks + at, (st->nmarks - at) * sizeof *st->marks);
	st->marks[at] = copy;
	st->nmarks++;
}

bool
state_toggle_mark(struct state *st, const struct state_mark *m)
{
	for (size_t i = 0; i < st->nmarks; i++) {
		if (state_same_mark(&st->marks[i], m->snapshot, m->source, m->symbol,
				    m->fingerprint)) {
			state_mark_release(&st->marks[i]);
			memmove(st->marks + i, st->marks + i + 1,
				(st->nmarks - i - 1) * sizeof *st->marks);
			st->nmarks--;
			return false;
		}
	}
	if (st->nmarks == STATE_MAX_MARKS)
		state_mark_release(&st->marks[--st->nmarks]);
	state_insert_mark(st, 0, m);
	return true;
}

/* Parses an unsigned decimal field; false on anything else. */
static bool
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long v;

	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || *end || v > SIZE_MAX)
		return false;
	*out = (size_t)v;
	return true;
}

/* Parses a document id: a decimal that fits int64_t (a larger one would
 * come back negative, and be written in a form the next load refuses). */
static bool
parse_id(const char *s, size_t *out)
{
	return parse_size(s, out) && *out <= (size_t)INT64_MAX;
}

/* Splits line in place at tabs into at most max fields; returns the count. */
static size_t
split_tabs(char *line, char **fields, size_t max)
{
	size_t n = 0;

	while (n < max) {
		fields[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = '\0';
	}
	return n;
}

/* Applies one "key<TAB>value" line; false when it makes no sense. */
static bool
load_line(struct state *st, char *line)
{
	char *f[8];
	size_t n = split_tabs(line, f, 8), piece, lineno, id;

	if (strcmp(f[0], "layout") == 0 && n == 2) {
		if (strcmp(f[1], "side") && strcmp(f[1], "stacked"))
			return false;
		st->side_by_side = strcmp(f[1], "side") == 0;
	} else if (strcmp(f[0], "order") == 0 && n == 2) {
		if (strcmp(f[1], "date") && strcmp(f[1], "relevance"))
			return false;
		st->by_relevance = strcmp(f[1], "relevance") == 0;
	} else if (strcmp(f[0], "filter") == 0 && n == 2) {
		/* An older file's filter, of no known snapshot: forgotten. */
	} else if (strcmp(f[0], "filter") == 0 && n == 3) {
		/* The file lists most recent first: append in order. */
		if (st->nfilters >= STATE_MAX_FILTERS || state_get_filter(st, f[1]) || !f[1][0])
			return true;
		st->filters =
		    xgrow(st->filters, &st->filters_cap, st->nfilters + 1, sizeof *st->filters);
		st->filters[st->nfilters].snapshot = xstrdup(f[1]);
		st->filters[st->nfilters].text = xstrdup(f[2]);
		st->nfilters++;
	} else if (strcmp(f[0], "last") == 0 && n == 3) {
		if (!parse_id(f[1], &id))
			return false;
		state_set_last(st, (int64_t)id, f[2]);
	} else if (strcmp(f[0], "pos") == 0 && n == 5) {
		if (!parse_id(f[1], &id) || !parse_size(f[2], &piece) ||
		    !parse_size(f[3], &lineno))
			return false;
		if (st->npos >= STATE_MAX_POSITIONS)
			return true;
		/* The file lists most recent first: append in order. */
		st->pos = xgrow(st->pos, &st->cap, st->npos + 1, sizeof *st->pos);
		st->pos[st->npos].doc_id = (int64_t)id;
		st->pos[st->npos].piece = piece;
		st->pos[st->npos].line = lineno;
		st->pos[st->npos].source = xstrdup(f[4]);
		st->npos++;
	} else if (strcmp(f[0], "mark") == 0 && n == 7) {
		struct state_mark m = {f[1], f[2], f[3], 0, 0, f[6]};
		char *end;

		errno = 0;
		m.fingerprint = strtoull(f[4], &end, 16);
		if (errno || *end || f[4][0] == '\0' || m.fingerprint == 0 ||
		    !parse_size(f[5], &m.piece) || f[1][0] == '\0')
			return false;
		/* the file lists newest first: append in order */
		if (st->nmarks < STATE_MAX_MARKS)
			state_insert_mark(st, st->nmarks, &m);
	} else {
		/* Unknown keys, or known keys with other fields (a newer
		 * version), are skipped, not fatal; a line without a tab is. */
		return n >= 2 && f[0][0] != '\0';
	}
	return true;
}

/* Opens path for reading without blocking on a FIFO or a device, and
 * only when it is a regular file.  Returns the stream, or NULL with *err
 * set (and errno ENOENT, *err NULL, when there is no file). */
static FILE *
open_regular(const char *path, char **err)
{
	struct stat st;
	FILE *fp;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);

	if (fd < 0) {
		if (errno != ENOENT)
			*err = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = xasprintf(_("%s: not a regular file"), path);
		goto fail;
	}
	/* Back to blocking reads: a regular file never waits for a writer. */
	if (fcntl(fd, F_SETFL, 0) < 0 || !(fp = fdopen(fd, "r"))) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto fail;
	}
	return fp;
fail:
	close(fd);
	errno = EINVAL;
	return NULL;
}

int
state_load(struct state *st, const char *path, char **err)
{
	FILE *fp = open_regular(path, err);
	char *line = NULL;
	size_t cap = 0, lineno = 0;
	ssize_t got;
	int ret = -1;

	if (!fp)
		return errno == ENOENT ? 0 : -1;
	while ((got = getline(&line, &cap, fp)) >= 0) {
		lineno++;
		if (got > 0 && line[got - 1] == '\n')
			line[--got] = '\0';
		if ((size_t)got != strlen(line) || got > STATE_LINE_MAX) {
			*err = xasprintf("%s:%zu:1: %s", path, lineno, _("unreadable line"));
			goto out;
		}
		if (lineno == 1) {
			if (strcmp(line, STATE_MAGIC "\t1") != 0) {
				*err = xasprintf("%s:1:1: %s", path, _("unknown version"));
				goto out;
			}
			continue;
		}
		if (!load_line(st, line)) {
			*err = xasprintf("%s:%zu:1: %s", path, lineno, _("invalid line"));
			goto out;
		}
	}
	if (ferror(fp)) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	if (lineno == 0) {
		*err = xasprintf("%s: %s", path, _("empty file"));
		goto out;
	}
	ret = 0;
out:
	free(line);
	fclose(fp);
	return ret;
}

/* mkdir -p for the directories above path. */
static int
make_parents(const char *path)
{
	char *dir = xstrdup(path);
	int ret = 0;

	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
			ret = -1;
			break;
		}
		*p = '/';
	}
	free(dir);
	return ret;
}

/* Formats the whole state file in memory. */
static void
format_state(const struct state *st, struct strbuf *out)
{
	strbuf_addf(out, "%s\t%d\n", STATE_MAGIC, STATE_VERSION);
	strbuf_addf(out, "layout\t%s\n", st->side_by_side ? "side" : "stacked");
	strbuf_addf(out, "order\t%s\n", st->by_relevance ? "relevance" : "date");
	for (size_t i = 0; i < st->nfilters; i++)
		strbuf_addf(out, "filter\t%s\t%s\n", st->filters[i].snapshot, st->filters[i].text);
	if (st->last_doc > 0)
		strbuf_addf(out, "last\t%" PRId64 "\t%s\n", st->last_doc,
			    storable(st->last_source) ? st->last_source : "");
	for (size_t i = 0; i < st->npos; i++)
		strbuf_addf(out, "pos\t%" PRId64 "\t%zu\t%zu\t%s\n", st->pos[i].doc_id,
			    st->pos[i].piece, st->pos[i].line,
			    storable(st->pos[i].source) ? st->pos[i].source : "");
	for (size_t i = 0; i < st->nmarks; i++) {
		const struct state_mark *m = &st->marks[i];

		strbuf_addf(out, "mark\t%s\t%s\t%s\t%016" PRIx64 "\t%zu\t%s\n", m->snapshot,
			    m->source, m->symbol, m->fingerprint, m->piece, m->excerpt);
	}
}

int
state_save(const struct state *st, const char *path, char **err)
{
	struct strbuf text = STRBUF_INIT;
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = -1, ret = -1;
	size_t done = 0;
	struct stat existing;

	if (make_parents(path) < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	/* A FIFO or a device put there on purpose is not replaced. */
	if (stat(path, &existing) == 0 && !S_ISREG(existing.st_mode)) {
		*err = xasprintf(_("%s: not a regular file, not replaced"), path);
		goto out;
	}
	format_state(st, &text);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		*err = xasprintf("%s: %s", tmp, strerror(errno));
		goto out;
	}
	while (done < text.len) {
		ssize_t n = write(fd, text.buf + done, text.len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			*err = xasprintf("%s: %s", tmp, n < 0 ? strerror(errno) : _("short write"));
			goto out;
		}
		done += (size_t)n;
	}
	if (fsync(fd) < 0 || close(fd) < 0) {
		fd = -1;
		*err = xasprintf("%s: %s", tmp, strerror(errno));
		goto out;
	}
	fd = -1;
	if (rename(tmp, path) < 0) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		goto out;
	}
	ret = 0;
out:
	if (fd >= 0)
		close(fd);
	if (ret < 0)
		unlink(tmp);
	free(tmp);
	strbuf_release(&text);
	return ret;
}
