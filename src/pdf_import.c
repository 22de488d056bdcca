/* pdf_import.c - a PDF file into a document (see pdf_import.h). */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "meta.h"
#include "pdf_import.h"
#include "pdf_layout.h"
#include "pdf_text.h"
#include "spell.h"
#include "i18n.h"
#include "util.h"

/* The dictionary is loaded once, when a first line ends with a hyphen (it
 * takes a noticeable fraction of a second), and kept until the end. */
static pthread_once_t dictionary_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t dictionary_lock = PTHREAD_MUTEX_INITIALIZER;
static Hunhandle *dictionary;
static const struct spell_api *hs; /* Hunspell's functions (spell.h) */

static void
dictionary_load(void)
{
	hs = spell_api(NULL);
	if (hs != NULL)
		dictionary = hs->create(HUNSPELL_DIR "/fr.aff", HUNSPELL_DIR "/fr.dic");
}

/* A pdf_word_fn on the French dictionary.  Without it (not installed),
 * or without Hunspell, every word is unknown and the hyphen keeps to the
 * prefix list. */
static bool
dictionary_has(const char *word, size_t n, void *ctx)
{
	char buf[128];
	bool found;

	(void)ctx;
	pthread_once(&dictionary_once, dictionary_load);
	if (dictionary == NULL || n >= sizeof buf)
		return false;
	memcpy(buf, word, n);
	buf[n] = '\0';
	pthread_mutex_lock(&dictionary_lock);
	found = hs->spell(dictionary, buf) != 0;
	pthread_mutex_unlock(&dictionary_lock);
	return found;
}

int
pdf_import(const char *name, const char *data, size_t n, const char *source,
	   struct document *doc, char **err)
{
	struct pdf_lines lines = { 0 };
	struct pdf_furniture furniture = { 0 };
	const char *raw;

	if (pdf_text_read(name, data, n, &lines, err) < 0)
		return -1;
	pdf_layout(&lines, dictionary_has, NULL, doc, &furniture);
	pdf_lines_release(&lines);
	if (doc->npara == 0) {
		pdf_furniture_release(&furniture);
		document_release(doc);
		*err = xasprintf(_("%s: no paragraph of text found in this PDF"), name);
		return -1;
	}
	/* the furniture holds the document's symbols on lines of their own */
	raw = furniture.removed != NULL ? furniture.removed : "";
	meta_extract(doc, raw, strlen(raw), source);
	if (doc->meta.symbols == NULL && furniture.symbols != NULL) {
		doc->meta.symbols = furniture.symbols;
		furniture.symbols = NULL;
	}
	if (doc->meta.job_number == NULL && furniture.job_number != NULL) {
		doc->meta.job_number = furniture.job_number;
		furniture.job_number = NULL;
	}
	pdf_furniture_release(&furniture);
	return 0;
}
