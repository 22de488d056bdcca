/* gen-corpus.c - deterministic generator of benchmark collections.
 *
 * Reads the sentences of the corpus files and writes documents in the
 * corpus's own markdown shape (masthead, "Lettre datée du …" title,
 * paragraphs recombined from corpus sentences, numbered paragraphs, items,
 * signature).  Everything comes from a seeded PRNG, and each document from
 * its own stream, so the same seed and count always give the same bytes
 * and a smaller collection is a prefix of a larger one.
 *
 *   gen-corpus -n N [-s SEED] -o DIR CORPUS_FILES...
 *       N documents as DIR/NNN/NNNNNN.txt (1000 per subdirectory)
 *   gen-corpus --big BYTES [--date YYYY-MM-DD] -o FILE CORPUS_FILES...
 *       one document of about BYTES of ordinary paragraphs
 *   gen-corpus --line BYTES [--date YYYY-MM-DD] -o FILE CORPUS_FILES...
 *       one document whose body is a single line of BYTES with no spaces
 *
 * Plain libc, no project headers: it must build before anything else. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

struct sentence {
	char *text;
	size_t len;
	int ends_list; /* ends with ';' : good for an item */
};

static struct sentence *sentences;
static size_t nsentences, capsentences;

struct state {
	const char *of;   /* "du Kazakhstan" */
	const char *name; /* "Kazakhstan" */
	const char *language;
};

/* About forty senders, with French articles and accents. */
static const struct state states[] = {
	{"du Kazakhstan", "Kazakhstan", "anglais"},
	{"du Bélarus", "Bélarus", "russe"},
	{"de l'Ukraine", "Ukraine", "anglais"},
	{"de la France", "France", "français"},
	{"de l'Allemagne", "Allemagne", "anglais"},
	{"de l'Autriche", "Autriche", "anglais"},
	{"de la Belgique", "Belgique", "français"},
	{"du Bénin", "Bénin", "français"},
	{"du Brésil", "Brésil", "anglais"},
	{"du Canada", "Canada", "anglais"},
	{"du Chili", "Chili", "espagnol"},
	{"de la Chine", "Chine", "chinois"},
	{"de la Côte d'Ivoire", "Côte d'Ivoire", "français"},
	{"de l'Égypte", "Égypte", "arabe"},
	{"de l'Équateur", "Équateur", "espagnol"},
	{"de l'Espagne", "Espagne", "espagnol"},
	{"des États-Unis d'Amérique", "États-Unis d'Amérique", "anglais"},
	{"de l'Éthiopie", "Éthiopie", "anglais"},
	{"de la Fédération de Russie", "Fédération de Russie", "russe"},
	{"de la Finlande", "Finlande", "anglais"},
	{"du Gabon", "Gabon", "français"},
	{"de la Grèce", "Grèce", "anglais"},
	{"de l'Inde", "Inde", "anglais"},
	{"de l'Indonésie", "Indonésie", "anglais"},
	{"de l'Iraq", "Iraq", "arabe"},
	{"de l'Italie", "Italie", "anglais"},
	{"du Japon", "Japon", "anglais"},
	{"de la Jordanie", "Jordanie", "arabe"},
	{"du Kirghizistan", "Kirghizistan", "russe"},
	{"du Liban", "Liban", "arabe"},
	{"du Mali", "Mali", "français"},
	{"du Maroc", "Maroc", "français"},
	{"du Mexique", "Mexique", "espagnol"},
	{"de la Norvège", "Norvège", "anglais"},
	{"de l'Ouzbékistan", "Ouzbékistan", "russe"},
	{"des Pays-Bas", "Pays-Bas", "anglais"},
	{"du Pérou", "Pérou", "espagnol"},
	{"de la Pologne", "Pologne", "anglais"},
	{"de la République de Corée", "République de Corée", "anglais"},
	{"du Sénégal", "Sénégal", "français"},
	{"de la Suède", "Suède", "anglais"},
	{"de la Suisse", "Suisse", "français"},
	{"du Tadjikistan", "Tadjikistan", "russe"},
	{"de la Türkiye", "Türkiye", "anglais"},
	{"du Viet Nam", "Viet Nam", "anglais"},
};
#define NSTATES (sizeof(states) / sizeof(states[0]))

static const char *const months[] = {"janvier", "février", "mars",      "avril",
				     "mai",     "juin",    "juillet",   "août",
				     "septembre", "octobre", "novembre", "décembre"};

static const char *const organs[] = {"Conseil de sécurité", "Assemblée générale",
				     "Conférence du désarmement"};

static const char *const first_names[] = {"Kairat", "Anne",  "Sergueï", "Marie",
					  "Olena",  "Jorge", "Aïcha",   "Björn"};
static const char *const last_names[] = {"Umarov", "Dupré", "Lavrov", "Ngoma",
					 "Kovalenko", "Peña", "Diallo", "Sørensen"};

/* splitmix64: tiny, good enough, and identical everywhere. */
static uint64_t
rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform integer in [lo, hi]. */
static long
rng_range(uint64_t *s, long lo, long hi)
{
	return lo + (long)(rng_next(s) % (uint64_t)(hi - lo + 1));
}

static void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("gen-corpus: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void *
xrealloc_or_die(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory");
	return p;
}

static char *
read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		die("%s: %s", path, strerror(errno));
	do {
		if (cap - n < 65536) {
			cap = cap ? cap * 2 : 131072;
			buf = xrealloc_or_die(buf, cap + 1);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	if (ferror(f))
		die("%s: read error", path);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Flattens a corpus file into one line of plain text: markdown links
 * "[1540 \(2004\)](#)" lose their brackets, "**" and "\" go, and PDF line
 * breaks and indentation become single spaces. */
static char *
flatten(const char *in, size_t len, size_t *outlen)
{
	char *out = xrealloc_or_die(NULL, len + 1);
	size_t i, n = 0;

	for (i = 0; i < len; i++) {
		char c = in[i];

		if (c == '\\' || c == '[' || c == '*')
			continue;
		if (c == ']' && i + 3 < len && !memcmp(in + i, "](#)", 4)) {
			i += 3;
			continue;
		}
		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		if (c == ' ' && n > 0 && out[n - 1] == ' ')
			continue;
		out[n++] = c;
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}

static int
starts_upper(const char *s)
{
	unsigned char c = (unsigned char)s[0];

	if (isupper(c))
		return 1;
	/* À, Â, É, È, Ê, Î, Ô, Ç in UTF-8: 0xC3 0x80..0x9F */
	return c == 0xc3 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9f;
}

/* A sentence worth reusing: long enough, no URL, no job number. */
static int
acceptable(const char *s, size_t len)
{
	char tmp[1024];

	if (len < 40 || len > 700 || !starts_upper(s))
		return 0;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	if (strstr(tmp, "http") || strstr(tmp, "undocs") || strstr(tmp, "GE.") ||
	    strstr(tmp, "Lettre datée") || strstr(tmp, "Note verbale datée") ||
	    strstr(tmp, "Annexe") || strstr(tmp, "(Signé)") || strstr(tmp, "  "))
		return 0;
	return 1;
}

static void
add_sentence(const char *s, size_t len)
{
	char *copy;

	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (!acceptable(s, len))
		return;
	copy = xrealloc_or_die(NULL, len + 1);
	memcpy(copy, s, len);
	/* the PDF-derived files put a space before the final ';' or '.' */
	if (len >= 2 && copy[len - 2] == ' ') {
		copy[len - 2] = copy[len - 1];
		len--;
	}
	copy[len] = '\0';
	s = copy;
	if (nsentences == capsentences) {
		capsentences = capsentences ? capsentences * 2 : 256;
		sentences = xrealloc_or_die(sentences, capsentences * sizeof(*sentences));
	}
	sentences[nsentences].text = copy;
	sentences[nsentences].len = len;
	sentences[nsentences].ends_list = s[len - 1] == ';';
	nsentences++;
}

/* Splits flattened text after '.', ';' or '?' followed by a space and a
 * capital (or "- " bullet), skipping numbering such as "1." or "a)". */
static void
collect_sentences(const char *text, size_t len)
{
	size_t i, start = 0;

	for (i = 0; i + 2 < len; i++) {
		char c = text[i];

		if ((c == '.' || c == ';' || c == '?') && text[i + 1] == ' ') {
			size_t next = i + 2;
			int bullet = 0;

			/* "1. ", "a) ", "- " markers start the next sentence */
			while (next < len && (text[next] == '-' || text[next] == ' ')) {
				next++;
				bullet = 1;
			}
			if (next < len && (isdigit((unsigned char)text[next]) ||
					   (islower((unsigned char)text[next]) && next + 1 < len &&
					    text[next + 1] == ')'))) {
				size_t j = next;

				while (j < len && (isalnum((unsigned char)text[j])))
					j++;
				if (j < len && (text[j] == '.' || text[j] == ')') && j + 1 < len &&
				    text[j + 1] == ' ') {
					next = j + 2;
					bullet = 1;
				}
			}
			if (i > 0 && isdigit((unsigned char)text[i - 1]) && c == '.' && !bullet)
				continue; /* "1540 (2004). 5" is rare; "n° 3." is not a sentence */
			if (next < len && (starts_upper(text + next) || bullet)) {
				add_sentence(text + start, i + 1 - start);
				start = next;
				i = next - 1;
			}
		}
	}
}

struct out {
	FILE *f;
	unsigned long long bytes;
};

static void
put(struct out *o, const char *s)
{
	size_t n = strlen(s);

	if (fwrite(s, 1, n, o->f) != n)
		die("write error: %s", strerror(errno));
	o->bytes += n;
}

static void
putf(struct out *o, const char *fmt, ...)
{
	char buf[2048];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof(buf))
		die("formatted line too long");
	put(o, buf);
}

static const struct sentence *
pick(uint64_t *rng, int want_list)
{
	for (int tries = 0; tries < 8; tries++) {
		const struct sentence *s = &sentences[rng_next(rng) % nsentences];

		if (!want_list || s->ends_list)
			return s;
	}
	return &sentences[rng_next(rng) % nsentences];
}

/* Writes a sentence, sometimes turning "résolution 1540 (2004)" into the
 * markdown link the first corpus file uses, with its escaped parentheses. */
static void
put_sentence(struct out *o, const struct sentence *s, uint64_t *rng, int strip_end)
{
	const char *p = s->text;
	size_t len = s->len - (strip_end ? 1 : 0);
	int linkify = rng_range(rng, 0, 3) == 0;
	const char *hit;

	while (linkify && (hit = strstr(p, "1540 (2004)")) && hit < s->text + len) {
		fwrite(p, 1, (size_t)(hit - p), o->f);
		o->bytes += (size_t)(hit - p);
		put(o, "[1540 \\(2004\\)](#)");
		p = hit + strlen("1540 (2004)");
	}
	fwrite(p, 1, (size_t)(s->text + len - p), o->f);
	o->bytes += (size_t)(s->text + len - p);
}

static void
put_paragraph(struct out *o, uint64_t *rng, int nsent)
{
	for (int k = 0; k < nsent; k++) {
		const struct sentence *s = pick(rng, 0);

		if (k)
			put(o, " ");
		/* a sentence ending in ';' mid-paragraph reads badly: end it with '.' */
		if (s->ends_list) {
			put_sentence(o, s, rng, 1);
			put(o, ".");
		} else {
			put_sentence(o, s, rng, 0);
		}
	}
	put(o, "\n\n");
}

struct date {
	int y, m, d;
};

static void
format_date(char *buf, size_t size, struct date dt)
{
	if (dt.d == 1)
		snprintf(buf, size, "1er %s %d", months[dt.m - 1], dt.y);
	else
		snprintf(buf, size, "%d %s %d", dt.d, months[dt.m - 1], dt.y);
}

/* Masthead, title and opening: the shape of the corpus's first file. */
static void
put_head(struct out *o, uint64_t *rng, struct date dt, const struct state *st, int note)
{
	char when[64], issued[64];
	struct date later = dt;

	later.d += (int)rng_range(rng, 1, 9);
	if (later.d > 28) {
		later.d -= 28;
		if (++later.m > 12) {
			later.m = 1;
			later.y++;
		}
	}
	format_date(when, sizeof(when), dt);
	format_date(issued, sizeof(issued), later);
	putf(o, "\n\n\n\n%s\n\nDistr. générale\n%s\nFrançais\nOriginal : %s\n\n",
	     organs[rng_next(rng) % 3], issued, st->language);
	if (note)
		putf(o,
		     "Note verbale datée du %s, adressée au Secrétaire général par la Mission "
		     "permanente %s auprès de l'Organisation des Nations Unies\n\n",
		     when, st->of);
	else
		putf(o,
		     "Lettre datée du %s, adressée au Secrétaire général par le Représentant "
		     "permanent %s auprès de l'Organisation des Nations Unies\n\n",
		     when, st->of);
}

static void
put_signature(struct out *o, uint64_t *rng)
{
	putf(o, "L'Ambassadeur,\nReprésentant permanent\n(Signé) %s **%s**\n",
	     first_names[rng_next(rng) % 8], last_names[rng_next(rng) % 8]);
}

/* One body block: plain, numbered paragraph, or a short list of items. */
static void
put_block(struct out *o, uint64_t *rng, int *number)
{
	long kind = rng_range(rng, 0, 9);

	if (kind < 6) {
		put_paragraph(o, rng, (int)rng_range(rng, 1, 3));
	} else if (kind < 8) {
		putf(o, "%d. ", ++*number);
		put_paragraph(o, rng, (int)rng_range(rng, 1, 2));
	} else {
		int items = (int)rng_range(rng, 2, 5);
		int lettered = kind == 9;

		for (int k = 0; k < items; k++) {
			const struct sentence *s = pick(rng, 1);

			if (lettered)
				putf(o, "%c) ", 'a' + k);
			else
				put(o, "- ");
			put_sentence(o, s, rng, s->ends_list || s->text[s->len - 1] == '.');
			put(o, k + 1 < items ? ";\n" : ".\n");
		}
		put(o, "\n");
	}
}

static struct date
random_date(uint64_t *rng)
{
	struct date dt;

	dt.y = (int)rng_range(rng, 2000, 2024);
	dt.m = (int)rng_range(rng, 1, 12);
	dt.d = (int)rng_range(rng, 1, 28);
	return dt;
}

/* Document `index` of a collection: its own PRNG stream from (seed, index).
 * Lengths 1..60 blocks, skewed towards short letters as in real life. */
static void
write_document(struct out *o, uint64_t seed, unsigned long index)
{
	uint64_t rng = seed * 0x100000001b3ULL ^ (index + 1) * 0x9e3779b97f4a7c15ULL;
	const struct state *st;
	double u;
	int nblocks, number = 0, note;
	struct date dt;

	rng_next(&rng);
	dt = random_date(&rng);
	st = &states[rng_next(&rng) % NSTATES];
	note = rng_range(&rng, 0, 2) == 0;
	u = (double)(rng_next(&rng) >> 11) / 9007199254740992.0;
	nblocks = 1 + (int)(59.0 * u * u * u * u);
	put_head(o, &rng, dt, st, note);
	for (int b = 0; b < nblocks; b++)
		put_block(o, &rng, &number);
	if (!note)
		put_signature(o, &rng);
	else
		put(o, "La Mission permanente saisit cette occasion pour renouveler au Secrétaire "
		       "général les assurances de sa très haute considération.\n");
}

static struct date
parse_date(const char *s)
{
	struct date dt;

	if (sscanf(s, "%d-%d-%d", &dt.y, &dt.m, &dt.d) != 3 || dt.m < 1 || dt.m > 12 ||
	    dt.d < 1 || dt.d > 28)
		die("bad date '%s' (want YYYY-MM-DD, day 1..28)", s);
	return dt;
}

static unsigned long long
parse_size(const char *s)
{
	char *end;
	unsigned long long n = strtoull(s, &end, 10);

	if (*end == 'k' || *end == 'K')
		n <<= 10;
	else if (*end == 'M')
		n <<= 20;
	else if (*end == 'G')
		n <<= 30;
	else if (*end)
		die("bad size '%s'", s);
	return n;
}

static FILE *
open_out(const char *path)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die("%s: %s", path, strerror(errno));
	return f;
}

static void
close_out(FILE *f, const char *path)
{
	if (fclose(f))
		die("%s: %s", path, strerror(errno));
}

static void
write_big(const char *path, unsigned long long size, struct date dt, uint64_t seed)
{
	struct out o = {open_out(path), 0};
	uint64_t rng = seed ^ 0xb16b16ULL;
	int number = 0;

	put_head(&o, &rng, dt, &states[0], 0);
	while (o.bytes < size)
		put_block(&o, &rng, &number);
	put_signature(&o, &rng);
	close_out(o.f, path);
}

/* One paragraph of `size` bytes with every space removed: the worst case
 * for a line breaker and for any code that holds a paragraph whole. */
static void
write_line(const char *path, unsigned long long size, struct date dt, uint64_t seed)
{
	struct out o = {open_out(path), 0};
	uint64_t rng = seed ^ 0x11e11eULL;
	unsigned long long target;

	put_head(&o, &rng, dt, &states[1], 0);
	target = o.bytes + size;
	while (o.bytes < target) {
		const struct sentence *s = pick(&rng, 0);

		for (size_t i = 0; i < s->len; i++)
			if (s->text[i] != ' ') {
				putc(s->text[i], o.f);
				o.bytes++;
			}
	}
	put(&o, "\n\n");
	put_signature(&o, &rng);
	close_out(o.f, path);
}

static void
make_dir(const char *path)
{
	if (mkdir(path, 0777) && errno != EEXIST)
		die("%s: %s", path, strerror(errno));
}

static void
write_collection(const char *dir, unsigned long n, uint64_t seed)
{
	char path[4096];

	make_dir(dir);
	for (unsigned long i = 0; i < n; i++) {
		struct out o;

		if (i % 1000 == 0) {
			snprintf(path, sizeof(path), "%s/%03lu", dir, i / 1000);
			make_dir(path);
		}
		snprintf(path, sizeof(path), "%s/%03lu/%06lu.txt", dir, i / 1000, i);
		o.f = open_out(path);
		o.bytes = 0;
		write_document(&o, seed, i);
		close_out(o.f, path);
	}
}

static void
usage(void)
{
	fputs("usage: gen-corpus -n N [-s SEED] -o DIR CORPUS_FILES...\n"
	      "       gen-corpus --big BYTES|--line BYTES [--date D] [-s SEED] -o FILE "
	      "CORPUS_FILES...\n",
	      stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	unsigned long n = 0;
	unsigned long long big = 0, line = 0;
	uint64_t seed = 1540;
	const char *out = NULL;
	struct date dt = {2025, 6, 1};
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (i + 1 >= argc)
			usage();
		if (!strcmp(argv[i], "-n"))
			n = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-s"))
			seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-o"))
			out = argv[++i];
		else if (!strcmp(argv[i], "--big"))
			big = parse_size(argv[++i]);
		else if (!strcmp(argv[i], "--line"))
			line = parse_size(argv[++i]);
		else if (!strcmp(argv[i], "--date"))
			dt = parse_date(argv[++i]);
		else
			usage();
	}
	if (!out || i == argc || (!n && !big && !line))
		usage();
	for (; i < argc; i++) {
		size_t len, flen;
		char *raw = read_whole(argv[i], &len);
		char *flat = flatten(raw, len, &flen);

		collect_sentences(flat, flen);
		free(raw);
		free(flat);
	}
	if (nsentences < 10)
		die("only %zu usable sentences in the corpus", nsentences);
	if (big)
		write_big(out, big, dt, seed);
	else if (line)
		write_line(out, line, dt, seed);
	else
		write_collection(out, n, seed);
	return 0;
}
