/* fold.c - French search folding: tokens, case, accents, ligatures. */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "fold.h"
#include "util.h"

/* Letters that have no canonical decomposition but that French readers
 * consider spelled with plain letters. */
static const struct {
	ucs4_t c;
	const char *to;
} fold_specials[] = {
    {0x00C6, "ae"}, {0x00D0, "d"},  {0x00D8, "o"},   {0x00DE, "th"},  {0x00DF, "ss"},
    {0x00E6, "ae"}, {0x00F0, "d"},  {0x00F8, "o"},   {0x00FE, "th"},  {0x0110, "d"},
    {0x0111, "d"},  {0x0131, "i"},  {0x0132, "ij"},  {0x0133, "ij"},  {0x0141, "l"},
    {0x0142, "l"},  {0x0152, "oe"}, {0x0153, "oe"},  {0x1E9E, "ss"},  {0xFB00, "ff"},
    {0xFB01, "fi"}, {0xFB02, "fl"}, {0xFB03, "ffi"}, {0xFB04, "ffl"}, {0xFB05, "st"},
    {0xFB06, "st"},
};

/* Characters that belong to a word: letters and digits. */
static bool
fold_is_word(ucs4_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	if (c == 0x02BC) /* modifier letter apostrophe: an apostrophe to readers */
		return false;
	/* superscript digits are footnote calls ("conflits¹"), not part of the word */
	if (c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || (c >= 0x2070 && c <= 0x2079))
		return false;
	return uc_is_general_category(c, UC_CATEGORY_L) || uc_is_general_category(c, UC_CATEGORY_N);
}

/* Characters that continue a word without being part of its folded form:
 * combining marks (NFD input), soft hyphen, zero-width (non-)joiners. */
static bool
fold_is_ignorable(ucs4_t c)
{
	if (c < 0x80)
		return false;
	return c == 0x00AD || c == 0x200C || c == 0x200D ||
	       uc_is_general_category(c, UC_CATEGORY_M);
}

static void
fold_add_uc(struct strbuf *sb, ucs4_t c)
{
	uint8_t buf[6];
	int n = u8_uctomb(buf, c, sizeof buf);

	if (n > 0)
		strbuf_add(sb, buf, (size_t)n);
}

/* Appends the folded form of c: decomposed, lower case, marks dropped. */
static void
fold_add_folded(struct strbuf *sb, ucs4_t c, int depth)
{
	ucs4_t parts[UC_DECOMPOSITION_MAX_LENGTH];
	int n;

	if (c < 0x80) {
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		strbuf_addch(sb, (int)c);
		return;
	}
	for (size_t i = 0; i < sizeof fold_specials / sizeof fold_specials[0]; i++) {
		if (fold_specials[i].c == c) {
			strbuf_addstr(sb, fold_specials[i].to);
			return;
		}
	}
	if (uc_is_general_category(c, UC_CATEGORY_M))
		return;
	n = depth < 4 ? uc_canonical_decomposition(c, parts) : -1;
	if (n > 0) {
		for (int i = 0; i < n; i++)
			fold_add_folded(sb, parts[i], depth + 1);
		return;
	}
	c = uc_tolower(c);
	/* Lower-casing may give a letter that decomposes again (Å → å). */
	if (depth < 4 && uc_canonical_decomposition(c, parts) > 0) {
		fold_add_folded(sb, c, depth + 1);
		return;
	}
	fold_add_uc(sb, c);
}

/* What each code point below FOLD_TABLE_SIZE (ASCII, Latin-1 and the Latin
 * Extended blocks: nearly every character of French text) is to the
 * tokenizer, worked out once by the rules above so that the tokenizer need
 * not ask libunistring for every letter. */
#define FOLD_TABLE_SIZE 0x250
#define FOLD_TABLE_BYTES 6

enum fold_class { FOLD_SEPARATOR, FOLD_WORD, FOLD_IGNORABLE };

struct fold_entry {
	unsigned char class; /* enum fold_class */
	unsigned char len;   /* bytes of folded form, words only */
	char folded[FOLD_TABLE_BYTES];
};

static struct fold_entry fold_table[FOLD_TABLE_SIZE];
/* built on first use; the importer folds on two threads */
static pthread_once_t fold_table_once = PTHREAD_ONCE_INIT;

static void
fold_table_build(void)
{
	struct strbuf sb = STRBUF_INIT;

	for (ucs4_t c = 0; c < FOLD_TABLE_SIZE; c++) {
		struct fold_entry *e = &fold_table[c];

		if (fold_is_word(c)) {
			strbuf_reset(&sb);
			fold_add_folded(&sb, c, 0);
			/* a longer folded form needs a wider table: fail at once */
			if (sb.len > FOLD_TABLE_BYTES)
				abort();
			e->class = FOLD_WORD;
			e->len = (unsigned char)sb.len;
			memcpy(e->folded, sb.buf, sb.len);
		} else {
			e->class = fold_is_ignorable(c) ? FOLD_IGNORABLE : FOLD_SEPARATOR;
		}
	}
	strbuf_release(&sb);
}

/* strbuf_add without the terminating NUL, written once per token. */
static inline void
fold_append(struct strbuf *sb, const struct fold_entry *e)
{
	if (sb->len + FOLD_TABLE_BYTES + 1 > sb->cap)
		strbuf_grow(sb, FOLD_TABLE_BYTES);
	memcpy(sb->buf + sb->len, e->folded, FOLD_TABLE_BYTES);
	sb->len += e->len;
}

void
fold_iter_init(struct fold_iter *it, const char *text, size_t len)
{
	it->text = text;
	it->len = len;
	it->pos = 0;
	strbuf_init(&it->folded);
	pthread_once(&fold_table_once, fold_table_build);
}

int
fold_iter_next(struct fold_iter *it, size_t *start, size_t *end, const char **folded, size_t *flen)
{
	const uint8_t *s = (const uint8_t *)it->text;
	size_t pos = it->pos, tok_start = 0;
	bool in_token = false;

	strbuf_reset(&it->folded);
	while (pos < it->len) {
		enum fold_class cls;
		ucs4_t c;
		int n;

		if (s[pos] < 0x80) {
			c = s[pos];
			n = 1;
		} else if (s[pos] >= 0xC2 && s[pos] < 0xE0 && pos + 1 < it->len &&
			   (s[pos + 1] & 0xC0) == 0x80) {
			/* two bytes: every accented letter of French */
			c = (ucs4_t)(s[pos] & 0x1F) << 6 | (s[pos + 1] & 0x3F);
			n = 2;
		} else {
			/* Invalid bytes decode as U+FFFD, a separator. */
			n = u8_mbtouc(&c, s + pos, it->len - pos);
			if (n <= 0)
				n = 1;
		}
		if (c < FOLD_TABLE_SIZE) {
			const struct fold_entry *e = &fold_table[c];

			cls = e->class;
			if (cls == FOLD_WORD)
				fold_append(&it->folded, e);
		} else {
			cls = fold_is_word(c)	     ? FOLD_WORD
			      : fold_is_ignorable(c) ? FOLD_IGNORABLE
						     : FOLD_SEPARATOR;
			if (cls == FOLD_WORD)
				fold_add_folded(&it->folded, c, 0);
		}
		if (cls == FOLD_WORD) {
			if (!in_token) {
				in_token = true;
				tok_start = pos;
			}
		} else if (in_token && cls == FOLD_SEPARATOR) {
			break;
		}
		pos += (size_t)n;
	}
	it->pos = pos;
	if (it->folded.buf != NULL)
		it->folded.buf[it->folded.len] = '\0';
	if (!in_token)
		return 0;
	/* Trailing combining marks belong to the token. */
	*start = tok_start;
	*end = pos;
	*folded = strbuf_str(&it->folded);
	*flen = it->folded.len;
	return 1;
}

void
fold_iter_release(struct fold_iter *it)
{
	strbuf_release(&it->folded);
}

char *
fold_string(const char *s, size_t len, size_t *outlen)
{
	struct fold_iter it;
	struct strbuf out = STRBUF_INIT;
	size_t start, end, flen;
	const char *folded;

	fold_iter_init(&it, s, len);
	while (fold_iter_next(&it, &start, &end, &folded, &flen)) {
		if (out.len)
			strbuf_addch(&out, ' ');
		strbuf_add(&out, folded, flen);
	}
	fold_iter_release(&it);
	return strbuf_detach(&out, outlen);
}
