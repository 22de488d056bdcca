/* i18n.c - the message catalogue: gettext, and the ASCII transliteration of
 * messages for terminals whose locale is not UTF-8. */
#include "config.h"

#include <langinfo.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unistr.h>

#include "i18n.h"
#include "translit.h"

static int i18n_to_ascii;

/* Transliterated messages, keyed by the address of the translated string:
 * the catalogue stays mapped for the program's life and an untranslated
 * message is a string literal, so the address identifies the message.  An
 * open-addressing table, grown at half full.  It uses malloc rather than
 * xmalloc so that reporting an out-of-memory never needs memory: on failure
 * the message is returned as it is. */
struct i18n_entry {
	const char *key;
	char *ascii;
};
static struct i18n_entry *i18n_cache;
static size_t i18n_cache_cap, i18n_cache_len;
/* The importer's reading thread builds messages too. */
static pthread_mutex_t i18n_lock = PTHREAD_MUTEX_INITIALIZER;

void
i18n_init(void)
{
	const char *dir = getenv("LISEUSE_LOCALEDIR");
	const char *codeset = nl_langinfo(CODESET);

	bindtextdomain(PACKAGE, dir && dir[0] ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	i18n_to_ascii = !(codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0));
}

int
i18n_ascii(void)
{
	return i18n_to_ascii;
}

/* Returns a malloc'd ASCII transliteration of the UTF-8 string s, or NULL. */
static char *
transliterate(const char *s)
{
	size_t len = strlen(s), cap = len * 4 + 1, n = 0;
	char *out = malloc(cap);
	const uint8_t *p = (const uint8_t *)s, *end = p + len;

	if (out == NULL)
		return NULL;
	while (p < end) {
		ucs4_t c, next = 0;
		int step = u8_mbtouc(&c, p, (size_t)(end - p));
		char piece[TRANSLIT_MAX];
		size_t k;

		if (p + step < end)
			u8_mbtouc(&next, p + step, (size_t)(end - p - step));
		if ((c == 0x00A0 || c == 0x202F) && next == 0x00BB) {
			/* « mot » reads "mot" in ASCII, not " mot ". */
			k = 0;
		} else if (c == 0x00AB && (next == 0x00A0 || next == 0x202F)) {
			strcpy(piece, "\"");
			k = 1;
			step += u8_mblen(p + step, (size_t)(end - p - step));
		} else if (c < 0x80) {
			piece[0] = (char)c;
			piece[1] = '\0';
			k = 1;
		} else {
			k = translit_codepoint(c, piece);
		}
		if (n + k + 1 > cap) {
			char *bigger = realloc(out, (cap = (n + k + 1) * 2));

			if (bigger == NULL) {
				free(out);
				return NULL;
			}
			out = bigger;
		}
		memcpy(out + n, piece, k);
		n += k;
		p += step;
	}
	out[n] = '\0';
	return out;
}

/* Finds key's slot: its entry, or the empty slot where it goes. */
static struct i18n_entry *
cache_slot(struct i18n_entry *table, size_t cap, const char *key)
{
	size_t i = ((uintptr_t)key >> 3) * 2654435761u & (cap - 1);

	while (table[i].key != NULL && table[i].key != key)
		i = (i + 1) & (cap - 1);
	return &table[i];
}

/* Returns true when the table has room for one more entry, growing it. */
static int
cache_reserve(void)
{
	struct i18n_entry *bigger;
	size_t cap;

	if ((i18n_cache_len + 1) * 2 <= i18n_cache_cap)
		return 1;
	cap = i18n_cache_cap ? i18n_cache_cap * 2 : 128;
	if ((bigger = calloc(cap, sizeof *bigger)) == NULL)
		return 0;
	for (size_t i = 0; i < i18n_cache_cap; i++)
		if (i18n_cache[i].key != NULL)
			*cache_slot(bigger, cap, i18n_cache[i].key) = i18n_cache[i];
	free(i18n_cache);
	i18n_cache = bigger;
	i18n_cache_cap = cap;
	return 1;
}

/* Returns s, or its cached ASCII form under a non-UTF-8 locale. */
static const char *
localize(const char *s)
{
	const char *result = s;
	struct i18n_entry *slot;
	const unsigned char *p;

	if (!i18n_to_ascii)
		return s;
	for (p = (const unsigned char *)s; *p != '\0' && *p < 0x80; p++)
		;
	if (*p == '\0')
		return s;
	pthread_mutex_lock(&i18n_lock);
	if (cache_reserve()) {
		slot = cache_slot(i18n_cache, i18n_cache_cap, s);
		if (slot->key == NULL && (slot->ascii = transliterate(s)) != NULL) {
			slot->key = s;
			i18n_cache_len++;
		}
		if (slot->key != NULL)
			result = slot->ascii;
	}
	pthread_mutex_unlock(&i18n_lock);
	return result;
}

const char *
i18n_gettext(const char *msgid)
{
	return localize(gettext(msgid));
}

const char *
i18n_ngettext(const char *singular, const char *plural, unsigned long n)
{
	return localize(ngettext(singular, plural, n));
}
