/* test_links.c - symbols and resolution references found in text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "links.h"
#include "unit.h"

/* Finds the links of s and checks them against want: "text=>target|…". */
static void
check_links(const char *s, const char *const *want, size_t nwant, int line)
{
	struct link *links;
	size_t n = links_find(s, strlen(s), &links);

	unit_checks++;
	if (n != nwant) {
		unit_failures++;
		fprintf(stderr, "line %d: %zu links in \"%s\", expected %zu\n", line, n, s, nwant);
		for (size_t i = 0; i < n; i++)
			fprintf(stderr, "  [%.*s] -> %s\n", (int)(links[i].end - links[i].start),
				s + links[i].start, links[i].target);
	}
	for (size_t i = 0; i < n && i < nwant; i++) {
		char got[200];

		snprintf(got, sizeof got, "%.*s=>%s", (int)(links[i].end - links[i].start),
			 s + links[i].start, links[i].target);
		CHECK_STR(got, want[i]);
	}
	free(links);
}

#define LINKS(s, ...)                                                                              \
	do {                                                                                       \
		static const char *const w_[] = {__VA_ARGS__};                                     \
		check_links(s, w_, sizeof w_ / sizeof w_[0], __LINE__);                            \
	} while (0)
#define NO_LINKS(s) check_links(s, NULL, 0, __LINE__)

static void
test_symbols(void)
{
	LINKS("voir le document S/2010/84, du 12 février.", "S/2010/84=>S/2010/84");
	LINKS("(voir A/70/818-S/2016/317 du 4 avril)", "A/70/818=>A/70/818",
	      "S/2016/317=>S/2016/317");
	LINKS("A/64/666–S/2010/84", "A/64/666=>A/64/666", "S/2010/84=>S/2010/84");
	LINKS("publié sous la cote S/2017/19.", "S/2017/19=>S/2017/19");
	LINKS("CD/2155 et S/PV.7890", "CD/2155=>CD/2155", "S/PV.7890=>S/PV.7890");
	LINKS("le rapport A/HRC/31/L.1/Rev.1 ;", "A/HRC/31/L.1/Rev.1=>A/HRC/31/L.1/Rev.1");
	LINKS("S/RES/1540(2004) puis S/RES/2325 (2016)", "S/RES/1540(2004)=>S/RES/1540 (2004)",
	      "S/RES/2325 (2016)=>S/RES/2325 (2016)");
	LINKS("S/RES/1540, adoptée", "S/RES/1540=>S/RES/1540");
	/* not symbols: no digit, inside a word or a URL */
	NO_LINKS("TCP/IP et N/A");
	NO_LINKS("xS/2010/84 et 3S/2010/84");
	NO_LINKS("https://undocs.org/fr/A/70/818-S/2016/317");
	NO_LINKS("voir www.un.org/S/2010/84 ici");
	NO_LINKS("ABCDEFGH/12");
	NO_LINKS("");
}

static void
test_resolutions(void)
{
	LINKS("la résolution 1540 (2004) du Conseil", "1540 (2004)=>S/RES/1540 (2004)");
	LINKS("la résolution\xc2\xa0" "1540\xc2\xa0(2004)", "1540\xc2\xa0(2004)=>S/RES/1540 (2004)");
	LINKS("de la résolution 1540 du Conseil", "1540=>S/RES/1540");
	LINKS("les résolutions 1540 (2004), 1673 (2006) et 2325 (2016).",
	      "1540 (2004)=>S/RES/1540 (2004)", "1673 (2006)=>S/RES/1673 (2006)",
	      "2325 (2016)=>S/RES/2325 (2016)");
	LINKS("les résolutions 1540, 1673 et 1810", "1540=>S/RES/1540", "1673=>S/RES/1673",
	      "1810=>S/RES/1810");
	LINKS("Contribution de la [1540 (2004)]", "1540 (2004)=>S/RES/1540 (2004)");
	LINKS("Résolution 2325 (2016)", "2325 (2016)=>S/RES/2325 (2016)");
	/* not resolutions */
	NO_LINKS("la présente résolution 90 jours après");
	NO_LINKS("le Comité 1540 se réunit");
	NO_LINKS("les 11 et 12 mars 2014");
	NO_LINKS("la résolution 15400 (2004)");
	NO_LINKS("au paragraphe 3 (1999)x");
	NO_LINKS("page 12/5 (2004)");
	NO_LINKS("résolution 1540a");
	/* a list stops at a word that is not a list joint */
	LINKS("résolution 1540 (2004) du 28 avril et 1673 autres", "1540 (2004)=>S/RES/1540 (2004)");
}

static void
test_normalize(void)
{
	char out[LINKS_SYMBOL_MAX];
	const char *cursor;

	CHECK(links_normalize(" s/2010/84 ", 11, out));
	CHECK_STR(out, "S/2010/84");
	CHECK(links_normalize("s/res/1540(2004)", 16, out));
	CHECK_STR(out, "S/RES/1540 (2004)");
	CHECK(links_normalize("1540 (2004)", 11, out));
	CHECK_STR(out, "S/RES/1540 (2004)");
	CHECK(links_normalize("1540", 4, out));
	CHECK_STR(out, "S/RES/1540");
	CHECK(!links_normalize("S/2010/84 et", 12, out));
	CHECK(!links_normalize("bonjour", 7, out));
	CHECK(!links_normalize("", 0, out));
	CHECK(!links_normalize("12345", 5, out));

	cursor = "A/64/666 s/2010/84  S/RES/2325 (2016) (x) CD/2155* ";
	CHECK(links_next_symbol(&cursor, out));
	CHECK_STR(out, "A/64/666");
	CHECK(links_next_symbol(&cursor, out));
	CHECK_STR(out, "S/2010/84");
	CHECK(links_next_symbol(&cursor, out));
	CHECK_STR(out, "S/RES/2325 (2016)");
	CHECK(links_next_symbol(&cursor, out));
	CHECK_STR(out, "(x)");
	CHECK(links_next_symbol(&cursor, out));
	CHECK_STR(out, "CD/2155*");
	CHECK(!links_next_symbol(&cursor, out));
	cursor = NULL;
	CHECK(!links_next_symbol(&cursor, out));

	links_resolution_symbol("1540", "2004", out);
	CHECK_STR(out, "S/RES/1540 (2004)");
	links_resolution_symbol("1540", NULL, out);
	CHECK_STR(out, "S/RES/1540");
	CHECK(links_without_year("S/RES/1540 (2004)", out));
	CHECK_STR(out, "S/RES/1540");
	CHECK(!links_without_year("S/2010/84", out));
}

/* Every prefix of a text: links stay inside it and never overlap. */
static void
test_bounds(void)
{
	const char *s = "résolutions 1540 (2004), S/RES/2325 (2016) et A/70/818-S/2016/317.";
	size_t len = strlen(s);

	for (size_t cut = 0; cut <= len; cut++) {
		char *copy = malloc(cut + 1);
		struct link *links;
		size_t n;

		memcpy(copy, s, cut);
		copy[cut] = '\0';
		n = links_find(copy, cut, &links);
		for (size_t i = 0; i < n; i++) {
			CHECK(links[i].start < links[i].end && links[i].end <= cut);
			if (i > 0)
				CHECK(links[i - 1].end <= links[i].start);
		}
		free(links);
		free(copy);
	}
}

int
main(void)
{
	test_symbols();
	test_resolutions();
	test_normalize();
	test_bounds();
	return unit_done("test_links");
}
