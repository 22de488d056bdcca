/* stopword.c - a short French stop list, searched by bisection. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "stopword.h"

/* Folded, in strcmp order. */
static const char *const stopword_list[] = {
	"a", "ai", "au", "aux", "avec", "c", "ce", "ces", "cet", "cette",
	"d", "dans", "de", "des", "du", "elle", "elles", "en", "est", "et",
	"etaient", "etait", "ete", "etre", "eu", "il", "ils", "j", "je", "l",
	"la", "le", "les", "leur", "leurs", "lui", "m", "ma", "mais", "me",
	"meme", "mes", "moi", "mon", "n", "ne", "ni", "nos", "notre", "nous",
	"on", "ont", "ou", "par", "pas", "pour", "qu", "que", "qui", "s",
	"sa", "se", "ses", "si", "son", "sont", "sur", "ta", "te", "tes",
	"toi", "ton", "tu", "un", "une", "vos", "votre", "vous", "y",
};

bool
stopword_is(const char *folded, size_t len)
{
	size_t lo = 0, hi = sizeof stopword_list / sizeof stopword_list[0];

	if (len == 0 || len > 8)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *w = stopword_list[mid];
		int c = strncmp(folded, w, len);

		if (c == 0 && w[len] != '\0')
			c = -1; /* folded is a proper prefix of w: it sorts first */
		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}
