/* mkpdf.c - draws the PDF fixtures of the test suite with cairo, laid out
 * as UN documents are: masthead, running header with the symbol, footer
 * with the job number, its dates, the barcode line, "Merci de recycler",
 * the undocs.org link and "2/5" page numbers, bold headings, numbered
 * paragraphs, lettered items, footnotes in small type at the foot of the
 * page, words hyphenated at line ends, paragraphs running across pages.
 *
 *   mkpdf SPEC OUT.pdf      lays out the document described by SPEC
 *   mkpdf --image OUT.pdf   a page holding only an image (a scan)
 *
 * SPEC is UTF-8, one directive per line ("#" starts a comment):
 *   symbol S/2014/227      the document's symbol (masthead, running header)
 *   job 14-27800 (F)       the job number (footer)
 *   dates 280314 280314    the dates printed after the job number
 *   url https://…          the undocs.org link under the footer
 *   gap N / indent N       points between paragraphs / first-line indent
 *   masthead LEFT|RIGHT    one row of the masthead (page 1)
 *   title|heading|body|numbered|item|sign|center TEXT   a paragraph
 *   note N TEXT            footnote N, printed at the foot of the page
 *                          where the text calls it with {^N}
 *   newpage                the next paragraph starts a page
 * In paragraph text: {-} ends the line there with a hyphen added, {/}
 * ends the line there (after a hyphen of the word), {^N} is a raised note
 * call, {page} makes the line holding it the last of its page. */
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.28
#define PAGE_H 841.89
#define LEFT 72.0
#define RIGHT (PAGE_W - 72.0)
#define BODY_TOP 80.0
#define BODY_BOTTOM 770.0
#define BODY_SIZE 10.0
#define BODY_LEAD 12.0
#define NOTE_SIZE 8.0
#define NOTE_LEAD 9.5
#define FONT "DejaVu Serif"

enum style { S_BODY, S_TITLE, S_HEADING, S_NUMBERED, S_ITEM, S_SIGN, S_CENTER, S_NOTE };

/* A piece of text drawn somewhere, kept until the page count is known. */
struct op {
	int page;
	double x, y, size;
	bool bold, sup;
	char *text;
};

static struct op *ops;
static size_t nops, capops;
static cairo_t *cr;
static int page = 1;
static double y;
static double reserved; /* height of the notes already due on this page */
static char symbol[64], job[64], dates[64], url[128];
static double gap = 6, indent;
static int lineno;

struct note {
	int number;
	char *text;
	int page; /* where it is printed, 0 until called */
};
static struct note notes[64];
static size_t nnotes;

static void __attribute__((noreturn, format(printf, 1, 2)))
die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mkpdf: line %d: ", lineno);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static char *
dup(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d == NULL)
		die("out of memory");
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static void
emit(int pg, double x, double yy, double size, bool bold, bool sup, const char *text, size_t n)
{
	if (nops == capops) {
		capops = capops ? capops * 2 : 256;
		ops = realloc(ops, capops * sizeof *ops);
		if (ops == NULL)
			die("out of memory");
	}
	ops[nops++] = (struct op){ pg, x, yy, size, bold, sup, dup(text, n) };
}

static double
width_of(const char *s, size_t n, double size, bool bold)
{
	cairo_text_extents_t ext;
	char *t = dup(s, n);

	cairo_select_font_face(cr, FONT, CAIRO_FONT_SLANT_NORMAL,
			       bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
	cairo_set_font_size(cr, size);
	cairo_text_extents(cr, t, &ext);
	free(t);
	return ext.x_advance;
}

/* A word of a paragraph, with what ends the line after it. */
struct word {
	const char *s;
	size_t n;
	bool hyphen;	/* {-}: break with a hyphen added */
	bool brk;	/* {-} or {/}: the line ends after this piece */
	bool page_end;	/* {page} */
};

/* Width of a word whose text may hold {^N} calls (drawn smaller). */
static double
word_width(const char *s, size_t n, double size, bool bold)
{
	double w = 0;
	size_t i = 0;

	while (i < n) {
		const char *open = memchr(s + i, '{', n - i);
		size_t plain = open ? (size_t)(open - s) - i : n - i;
		const char *close;

		w += width_of(s + i, plain, size, bold);
		i += plain;
		if (open == NULL)
			break;
		close = memchr(open, '}', n - i);
		if (close == NULL)
			die("unclosed {");
		if (open[1] == '^')
			w += width_of(open + 2, (size_t)(close - open - 2), size * 0.6, false);
		i = (size_t)(close - s) + 1;
	}
	return w;
}

static void
draw_word(double x, double yy, double size, bool bold, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		const char *open = memchr(s + i, '{', n - i);
		size_t plain = open ? (size_t)(open - s) - i : n - i;
		const char *close;

		if (plain > 0)
			emit(page, x, yy, size, bold, false, s + i, plain);
		x += width_of(s + i, plain, size, bold);
		i += plain;
		if (open == NULL)
			break;
		close = memchr(open, '}', n - i);
		if (open[1] == '^') {
			emit(page, x, yy - size * 0.4, size * 0.6, false, true, open + 2,
			     (size_t)(close - open - 2));
			x += width_of(open + 2, (size_t)(close - open - 2), size * 0.6, false);
		}
		i = (size_t)(close - s) + 1;
	}
}

/* Splits text into words and pieces of words at {-} and {/}. */
static size_t
split_words(const char *text, struct word **out)
{
	static struct word words[4096];
	size_t n = 0;
	const char *p = text;

	while (*p) {
		const char *start;

		while (*p == ' ')
			p++;
		if (!*p)
			break;
		start = p;
		while (*p && *p != ' ') {
			if (strncmp(p, "{-}", 3) == 0 || strncmp(p, "{/}", 3) == 0) {
				words[n++] = (struct word){ start, (size_t)(p - start), p[1] == '-', true,
							    false };
				p += 3;
				start = p;
				continue;
			}
			if (strncmp(p, "{page}", 6) == 0) {
				if (p > start)
					words[n++] = (struct word){ start, (size_t)(p - start), false, false, false };
				if (n == 0)
					die("{page} before any word");
				words[n - 1].page_end = true;
				p += 6;
				start = p;
				continue;
			}
			p++;
		}
		if (p > start)
			words[n++] = (struct word){ start, (size_t)(p - start), false, false, false };
		if (n >= sizeof words / sizeof *words - 2)
			die("paragraph too long");
	}
	*out = words;
	return n;
}

static void
new_page(void)
{
	page++;
	y = BODY_TOP;
	reserved = 0;
}

static double
note_height(const struct note *note)
{
	double w = RIGHT - LEFT - 12, x = 0;
	int lines = 1;
	struct word *words;
	size_t n = split_words(note->text, &words);

	for (size_t i = 0; i < n; i++) {
		double ww = width_of(words[i].s, words[i].n, NOTE_SIZE, false);

		if (x > 0 && x + ww > w) {
			lines++;
			x = 0;
		}
		x += ww + width_of(" ", 1, NOTE_SIZE, false);
	}
	return lines * NOTE_LEAD + 4;
}

/* Notes called in a word, due on the current page. */
static double
calls_in(const struct word *w, bool mark)
{
	double h = 0;

	for (size_t i = 0; i + 2 < w->n; i++) {
		int number;

		if (w->s[i] != '{' || w->s[i + 1] != '^')
			continue;
		number = atoi(w->s + i + 2);
		for (size_t k = 0; k < nnotes; k++)
			if (notes[k].number == number && notes[k].page == 0) {
				h += note_height(&notes[k]);
				if (mark)
					notes[k].page = page;
			}
	}
	return h;
}

/* Lays out one paragraph line by line. */
static void
paragraph(enum style style, const char *text)
{
	bool bold = style == S_TITLE || style == S_HEADING;
	double size = style == S_TITLE ? 11.0 : BODY_SIZE;
	double lead = style == S_TITLE ? 13.5 : BODY_LEAD;
	double left = LEFT, first = LEFT, space;
	const char *marker = NULL;
	size_t marker_len = 0;
	struct word *words;
	size_t n, i = 0;

	if (style == S_NUMBERED || style == S_ITEM) {
		const char *sp = strchr(text, ' ');

		if (sp == NULL)
			die("a numbered paragraph or item needs its marker");
		marker = text;
		marker_len = (size_t)(sp - text);
		text = sp + 1;
		if (style == S_NUMBERED) {
			first = LEFT + 28; /* "1." at the margin, text after a tab */
		} else {
			left = LEFT + 56; /* "a)" at 28, the item hanging at 56 */
			first = left;
		}
	} else if (style == S_BODY && indent > 0) {
		first = LEFT + indent;
	} else if (style == S_SIGN) {
		left = first = LEFT + 240;
	} else if (style == S_TITLE || style == S_HEADING) {
		left = first = LEFT + (style == S_TITLE ? 28 : 0);
	}
	n = split_words(text, &words);
	space = width_of(" ", 1, size, bold);
	if (y > BODY_TOP + 0.1)
		y += gap;
	while (i < n) {
		double x = i == 0 ? first : left, lw = 0, due = 0;
		size_t start = i, end;
		bool page_end = false;

		/* the words that fit on this line */
		for (end = i; end < n; end++) {
			double ww = word_width(words[end].s, words[end].n, size, bold) +
				    (words[end].hyphen ? width_of("-", 1, size, bold) : 0);

			if (end > start && x + lw + ww > RIGHT - (style == S_CENTER ? 40 : 0))
				break;
			lw += ww + space;
			due += calls_in(&words[end], false);
			page_end = page_end || words[end].page_end;
			if (words[end].brk) {
				end++;
				break;
			}
		}
		if (y + lead + reserved + due > BODY_BOTTOM)
			new_page();
		y += lead;
		if (style == S_CENTER)
			x = (PAGE_W - (lw - space)) / 2;
		if (i == 0 && marker != NULL)
			emit(page, style == S_NUMBERED ? LEFT : LEFT + 28, y, size, bold, false,
			     marker, marker_len);
		for (size_t k = start; k < end; k++) {
			calls_in(&words[k], true);
			draw_word(x, y, size, bold, words[k].s, words[k].n);
			x += word_width(words[k].s, words[k].n, size, bold);
			if (words[k].hyphen) {
				emit(page, x, y, size, bold, false, "-", 1);
				x += width_of("-", 1, size, bold);
			}
			if (!words[k].brk)
				x += space;
		}
		reserved += due;
		i = end;
		if (page_end && i < n)
			new_page();
	}
}

/* Draws the notes called on each page at its foot. */
static void
draw_notes(void)
{
	for (int pg = 1; pg <= page; pg++) {
		double h = 0, yy;

		for (size_t k = 0; k < nnotes; k++)
			if (notes[k].page == pg)
				h += note_height(&notes[k]);
		if (h == 0)
			continue;
		yy = BODY_BOTTOM - h + 2;
		for (size_t k = 0; k < nnotes; k++) {
			struct word *words;
			size_t n;
			double x = 0, w = RIGHT - LEFT - 12, space = width_of(" ", 1, NOTE_SIZE, false);
			char num[16];

			if (notes[k].page != pg)
				continue;
			n = split_words(notes[k].text, &words);
			yy += NOTE_LEAD;
			snprintf(num, sizeof num, "%d", notes[k].number);
			emit(pg, LEFT, yy - 3, NOTE_SIZE * 0.7, false, true, num, strlen(num));
			for (size_t i = 0; i < n; i++) {
				double ww = width_of(words[i].s, words[i].n, NOTE_SIZE, false);

				if (x > 0 && x + ww > w) {
					yy += NOTE_LEAD;
					x = 0;
				}
				emit(pg, LEFT + 12 + x, yy, NOTE_SIZE, false, false, words[i].s,
				     words[i].n);
				x += ww + space;
			}
			yy += 4;
		}
	}
}

static void
right_aligned(int pg, double yy, double size, bool bold, const char *s)
{
	emit(pg, RIGHT - width_of(s, strlen(s), size, bold), yy, size, bold, false, s, strlen(s));
}

/* The running header and footer of every page. */
static void
furniture(void)
{
	char buf[256], barcode[64];
	size_t k = 0;

	for (const char *p = job; *p && *p != ' '; p++)
		if (*p >= '0' && *p <= '9' && k + 3 < sizeof barcode)
			barcode[1 + k++] = *p;
	barcode[0] = '*';
	barcode[1 + k] = '*';
	barcode[2 + k] = '\0';
	for (int pg = 1; pg <= page; pg++) {
		if (pg == 1) {
			if (job[0]) {
				snprintf(buf, sizeof buf, "%s    %s", job, dates);
				emit(pg, LEFT, 790, 8, false, false, buf, strlen(buf));
				emit(pg, LEFT, 806, 12, false, false, barcode, strlen(barcode));
			}
			right_aligned(pg, 806, 8, false, "Merci de recycler");
			if (url[0])
				emit(pg, LEFT, 822, 7, false, false, url, strlen(url));
			continue;
		}
		snprintf(buf, sizeof buf, "%d/%d", pg, page);
		if (pg % 2 == 0) {
			emit(pg, LEFT, 50, 8, true, false, symbol, strlen(symbol));
			emit(pg, LEFT, 805, 8, false, false, buf, strlen(buf));
			if (job[0]) {
				size_t jn = strcspn(job, " ");

				emit(pg, RIGHT - width_of(job, jn, 8, false), 805, 8, false, false, job, jn);
			}
		} else {
			right_aligned(pg, 50, 8, true, symbol);
			right_aligned(pg, 805, 8, false, buf);
			if (job[0])
				emit(pg, LEFT, 805, 8, false, false, job, strcspn(job, " "));
		}
	}
}

static void
render(const char *out)
{
	cairo_surface_t *surface = cairo_pdf_surface_create(out, PAGE_W, PAGE_H);
	cairo_t *c = cairo_create(surface);

	for (int pg = 1; pg <= page; pg++) {
		for (size_t i = 0; i < nops; i++) {
			if (ops[i].page != pg)
				continue;
			cairo_select_font_face(c, FONT, CAIRO_FONT_SLANT_NORMAL,
					       ops[i].bold ? CAIRO_FONT_WEIGHT_BOLD
							   : CAIRO_FONT_WEIGHT_NORMAL);
			cairo_set_font_size(c, ops[i].size);
			cairo_move_to(c, ops[i].x, ops[i].y);
			cairo_show_text(c, ops[i].text);
		}
		cairo_show_page(c);
	}
	cairo_destroy(c);
	cairo_surface_finish(surface);
	if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
		fprintf(stderr, "mkpdf: %s: %s\n", out,
			cairo_status_to_string(cairo_surface_status(surface)));
		exit(1);
	}
	cairo_surface_destroy(surface);
}

/* A page that is only a picture of text: what a scanner gives. */
static int
image_only(const char *out)
{
	cairo_surface_t *surface = cairo_pdf_surface_create(out, PAGE_W, PAGE_H);
	cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 400, 120);
	cairo_t *ic = cairo_create(img), *c = cairo_create(surface);

	cairo_set_source_rgb(ic, 1, 1, 1);
	cairo_paint(ic);
	cairo_set_source_rgb(ic, 0, 0, 0);
	for (int i = 0; i < 6; i++)
		cairo_rectangle(ic, 10, 10 + i * 18, 300 + (i % 3) * 25, 9);
	cairo_fill(ic);
	cairo_surface_flush(img);
	cairo_set_source_surface(c, img, LEFT, 100);
	cairo_paint(c);
	cairo_show_page(c);
	cairo_destroy(ic);
	cairo_destroy(c);
	cairo_surface_destroy(img);
	cairo_surface_finish(surface);
	cairo_surface_destroy(surface);
	return 0;
}

int
main(int argc, char **argv)
{
	static char line[16384];
	cairo_surface_t *scratch;
	cairo_font_options_t *options;
	FILE *f;
	double masthead_y = 50;
	bool masthead_done = false;

	if (argc == 3 && strcmp(argv[1], "--image") == 0)
		return image_only(argv[2]);
	if (argc != 3) {
		fprintf(stderr, "usage: mkpdf SPEC OUT.pdf | mkpdf --image OUT.pdf\n");
		return 2;
	}
	f = fopen(argv[1], "r");
	if (f == NULL) {
		perror(argv[1]);
		return 1;
	}
	/* measured without hinting, as the PDF will show the glyphs */
	scratch = cairo_image_surface_create(CAIRO_FORMAT_A8, 10, 10);
	cr = cairo_create(scratch);
	options = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
	cairo_set_font_options(cr, options);
	cairo_font_options_destroy(options);
	y = BODY_TOP;
	/* notes first: a call must know its note's height */
	while (fgets(line, sizeof line, f) != NULL) {
		char *text;

		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "note ", 5) != 0)
			continue;
		if (nnotes == sizeof notes / sizeof *notes)
			die("too many notes");
		notes[nnotes].number = atoi(line + 5);
		text = strchr(line + 5, ' ');
		notes[nnotes++].text = dup(text ? text + 1 : "", text ? strlen(text + 1) : 0);
	}
	rewind(f);
	while (fgets(line, sizeof line, f) != NULL) {
		static const struct {
			const char *name;
			enum style style;
		} styles[] = {
			{ "title ", S_TITLE },	   { "heading ", S_HEADING }, { "body ", S_BODY },
			{ "numbered ", S_NUMBERED }, { "item ", S_ITEM },	      { "sign ", S_SIGN },
			{ "center ", S_CENTER },
		};
		char *arg;
		bool done = false;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0' || strncmp(line, "note ", 5) == 0)
			continue;
		arg = strchr(line, ' ');
		arg = arg ? arg + 1 : line + strlen(line);
		if (strncmp(line, "symbol ", 7) == 0) {
			snprintf(symbol, sizeof symbol, "%s", arg);
			continue;
		}
		if (strncmp(line, "job ", 4) == 0) {
			snprintf(job, sizeof job, "%s", arg);
			continue;
		}
		if (strncmp(line, "dates ", 6) == 0) {
			snprintf(dates, sizeof dates, "%s", arg);
			continue;
		}
		if (strncmp(line, "url ", 4) == 0) {
			snprintf(url, sizeof url, "%s", arg);
			continue;
		}
		if (strncmp(line, "gap ", 4) == 0) {
			gap = atof(arg);
			continue;
		}
		if (strncmp(line, "indent ", 7) == 0) {
			indent = atof(arg);
			continue;
		}
		if (strncmp(line, "masthead ", 9) == 0) {
			char *bar = strchr(arg, '|');
			bool top = masthead_y == 50;
			double size = top ? 10 : 10;

			if (masthead_done)
				die("masthead after the text");
			if (bar != NULL)
				*bar = '\0';
			if (*arg)
				emit(1, LEFT, masthead_y, top ? 10 : 14, false, false, arg, strlen(arg));
			if (bar != NULL && bar[1])
				right_aligned(1, masthead_y, top ? 16 : size, top, bar + 1);
			masthead_y += top ? 30 : 13;
			y = masthead_y + 20;
			continue;
		}
		if (strcmp(line, "newpage") == 0) {
			new_page();
			continue;
		}
		for (size_t i = 0; i < sizeof styles / sizeof *styles && !done; i++) {
			if (strncmp(line, styles[i].name, strlen(styles[i].name)) == 0) {
				masthead_done = true;
				paragraph(styles[i].style, line + strlen(styles[i].name));
				done = true;
			}
		}
		if (!done)
			die("unknown directive: %s", line);
	}
	fclose(f);
	for (size_t k = 0; k < nnotes; k++)
		if (notes[k].page == 0)
			die("note %d is never called", notes[k].number);
	draw_notes();
	furniture();
	render(argv[2]);
	cairo_destroy(cr);
	cairo_surface_destroy(scratch);
	return 0;
}
