/* test_query.c - parsing typed queries, MATCH strings, highlighting. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "unit.h"
#include "util.h"

static void
check_fts(const char *in, unsigned flags, const char *want)
{
	struct query q;

	CHECK_INT(query_parse(in, flags, &q), 0);
	CHECK_STR(q.error, NULL);
	CHECK_STR(q.fts, want);
	query_release(&q);
}

static void
check_error(const char *in, const char *want_part)
{
	struct query q;

	CHECK_INT(query_parse(in, 0, &q), -1);
	CHECK(q.error != NULL && strncmp(q.error, "syntax: ", 8) == 0);
	CHECK(q.error != NULL && strstr(q.error, want_part) != NULL);
	query_release(&q);
}

static void
test_terms(void)
{
	struct query q;

	CHECK_INT(query_parse("Œuvre États", 0, &q), 0);
	CHECK_INT(q.nterms, 2);
	CHECK_STR(q.terms[0].tokens[0], "oeuvre");
	CHECK_STR(q.terms[1].tokens[0], "etats");
	CHECK(!q.terms[0].phrase && !q.terms[0].prefix && !q.terms[0].exclude);
	CHECK_STR(q.fts, "(\"oeuvre\" AND \"etats\")");
	CHECK(!query_is_empty(&q));
	query_release(&q);

	check_fts("etats", QUERY_LAST_PREFIX, "(\"etats\" *)");
	check_fts("etats ", QUERY_LAST_PREFIX, "(\"etats\")");
	check_fts("mesu* etats", 0, "(\"mesu\" * AND \"etats\")");
	check_fts("l'organisation", 0, "(\"l\" + \"organisation\")");
	check_fts("l’Organisation", 0, "(\"l\" + \"organisation\")");
	check_fts("Etats-Unis", 0, "(\"etats\" + \"unis\")");
	check_fts("A/64/666", 0, "(\"a\" + \"64\" + \"666\")");
	check_fts("\"mesures de confiance\"", 0, "(\"mesures\" + \"de\" + \"confiance\")");
	check_fts("\"mesures de conf", QUERY_LAST_PREFIX, "(\"mesures\" + \"de\" + \"conf\" *)");
	check_fts("\"mesures de conf", 0, "(\"mesures\" + \"de\" + \"conf\")");
	check_fts("minsk -seminaire -\"la paix\"", 0,
		  "(\"minsk\") NOT (\"seminaire\" OR \"la\" + \"paix\")");
	check_fts("-seminaire minsk", QUERY_LAST_PREFIX, "(\"minsk\" *) NOT (\"seminaire\")");
	check_fts("AND OR NOT NEAR(", 0, "(\"and\" AND \"or\" AND \"not\" AND \"near\")");
	check_fts("a\"b", 0, "(\"a\" AND \"b\")");
	check_fts("10:30", 0, "(\"10\" + \"30\")");

	CHECK_INT(query_parse("\"une phrase\"", 0, &q), 0);
	CHECK_INT(q.nterms, 1);
	CHECK(q.terms[0].phrase);
	CHECK_INT(q.terms[0].ntokens, 2);
	query_release(&q);
}

static void
test_empty(void)
{
	static const char *const empties[] = {
	    "",	 "   ", "\"", "(", ")", "*",	":",	  "-",	 "--",
	    "^", "+",	"{}", "'", "’", "\"\"", " - \" ", "de:", "\xff\xfe",
	};
	struct query q;

	for (size_t i = 0; i < sizeof empties / sizeof empties[0]; i++) {
		CHECK_INT(query_parse(empties[i], QUERY_LAST_PREFIX, &q), 0);
		CHECK_STR(q.fts, NULL);
		CHECK(query_is_empty(&q));
		query_release(&q);
	}
	CHECK_INT(query_parse(NULL, 0, &q), 0);
	CHECK(query_is_empty(&q));
	query_release(&q);
}

static void
test_fields(void)
{
	struct query q;

	CHECK_INT(query_parse(
		      "de:Kazakhstan type:note annee:2010-2018 cite:1540 a:\"Secrétaire général\" "
		      "organe:Conseil minsk",
		      0, &q),
		  0);
	CHECK_INT(q.nfields, 5 + 1);
	CHECK_INT(q.fields[0].kind, QF_SENDER);
	CHECK_STR(q.fields[0].value, "kazakhstan");
	CHECK_INT(q.fields[1].kind, QF_KIND);
	CHECK_STR(q.fields[1].value, "note");
	CHECK_INT(q.fields[2].kind, QF_YEAR);
	CHECK_STR(q.fields[2].value, NULL);
	CHECK_INT(q.fields[2].year_from, 2010);
	CHECK_INT(q.fields[2].year_to, 2018);
	CHECK_INT(q.fields[3].kind, QF_CITES);
	CHECK_STR(q.fields[3].value, "1540");
	CHECK_INT(q.fields[4].kind, QF_ADDRESSEE);
	CHECK_STR(q.fields[4].value, "secretaire general");
	CHECK_INT(q.fields[5].kind, QF_ORGAN);
	CHECK_STR(q.fields[5].value, "conseil");
	CHECK_INT(q.nterms, 1);
	CHECK_STR(q.fts, "(\"minsk\")");
	query_release(&q);

	CHECK_INT(query_parse("Année:2018", 0, &q), 0);
	CHECK_INT(q.nfields, 1);
	CHECK_INT(q.fields[0].year_from, 2018);
	CHECK_INT(q.fields[0].year_to, 2018);
	CHECK_STR(q.fts, NULL);
	CHECK(!query_is_empty(&q));
	query_release(&q);

	CHECK_INT(query_parse("annee:2018-2010", 0, &q), 0);
	CHECK_INT(q.fields[0].year_from, 2010);
	CHECK_INT(q.fields[0].year_to, 2018);
	query_release(&q);

	check_error("col:x", "unknown field");
	check_error("annee:20", "year");
	check_error("annee:2018-2", "year");
	check_error("annee:-", "year");
	check_error("annee:2010--2012", "year");
	check_error("annee:abcd", "year");
	check_error("annee:20188", "year");
	check_error("-de:x minsk", "field");
}

/* Open ranges, and years still being typed. */
static void
test_years(void)
{
	static const char *const typing[] = {"annee:2", "annee:20", "annee:201", "annee:2014-2",
					     "annee:2014-20", "annee:-", "annee:-20", "minsk annee:20"};
	struct query q;

	CHECK_INT(query_parse("annee:2014-", 0, &q), 0);
	CHECK_INT(q.nfields, 1);
	CHECK_INT(q.fields[0].year_from, 2014);
	CHECK_INT(q.fields[0].year_to, 9999);
	query_release(&q);
	CHECK_INT(query_parse("annee:-2010", 0, &q), 0);
	CHECK_INT(q.fields[0].year_from, 0);
	CHECK_INT(q.fields[0].year_to, 2010);
	query_release(&q);
	for (size_t i = 0; i < sizeof typing / sizeof typing[0]; i++) {
		CHECK_INT(query_parse(typing[i], QUERY_LAST_PREFIX, &q), 0);
		CHECK_STR(q.error, NULL);
		CHECK_INT(q.nfields, 0);
		query_release(&q);
	}
	/* typed, but no longer at the end: an error again */
	CHECK_INT(query_parse("annee:20 minsk", QUERY_LAST_PREFIX, &q), -1);
	query_release(&q);
	CHECK_INT(query_parse("annee:20x", QUERY_LAST_PREFIX, &q), -1);
	query_release(&q);
}

/* A query of exclusions only has no MATCH expression of its own, but an
 * expression of what it excludes. */
static void
test_exclusions(void)
{
	struct query q;

	CHECK_INT(query_parse("-minsk", 0, &q), 0);
	CHECK_STR(q.fts, NULL);
	CHECK_STR(q.excluded_fts, "(\"minsk\")");
	CHECK(!query_is_empty(&q));
	query_release(&q);
	CHECK_INT(query_parse("de:x -minsk -\"la paix\"", 0, &q), 0);
	CHECK_STR(q.fts, NULL);
	CHECK_STR(q.excluded_fts, "(\"minsk\" OR \"la\" + \"paix\")");
	query_release(&q);
	CHECK_INT(query_parse("paix -minsk", 0, &q), 0);
	CHECK_STR(q.excluded_fts, NULL);
	query_release(&q);
}

static int
expand_word(const struct query_term *t, struct strbuf *out, void *arg)
{
	(void)arg;
	strbuf_addf(out, "(\"%s\" OR \"=%s\")", t->tokens[0], t->tokens[0]);
	return 1;
}

/* Only unquoted one-token words that are not prefixes are inflected. */
static void
test_expander(void)
{
	struct query_expander ex = {.word = expand_word};
	struct query q;
	char *fts;

	CHECK_INT(query_parse("mesure \"confiance\" mise* l'etat -armes regio", QUERY_LAST_PREFIX,
			      &q),
		  0);
	fts = query_fts_expanded(&q, &ex, false);
	CHECK_STR(fts, "((\"mesure\" OR \"=mesure\") AND \"confiance\" AND \"mise\" * AND "
		       "\"l\" + \"etat\" AND \"regio\" *) NOT ((\"armes\" OR \"=armes\"))");
	free(fts);
	CHECK_STR(q.terms[0].typed, "mesure");
	CHECK_STR(q.terms[1].typed, NULL);
	query_release(&q);
	CHECK_INT(query_parse("-Armées", 0, &q), 0);
	fts = query_fts_expanded(&q, &ex, true);
	CHECK_STR(fts, "((\"armees\" OR \"=armees\"))");
	CHECK_STR(q.terms[0].typed, "Armées");
	free(fts);
	CHECK_STR(query_fts_expanded(&q, &ex, false), NULL);
	query_release(&q);
}

static void
test_limits(void)
{
	struct query q;
	char *big = malloc(10241);

	/* 10 KB of garbage: either a query or a clean syntax error */
	srand(1540);
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < 10240; i++)
			big[i] = (char)(rand() % 255 + 1);
		big[10240] = 0;
		if (query_parse(big, QUERY_LAST_PREFIX, &q) < 0)
			CHECK(q.error != NULL && strncmp(q.error, "syntax: ", 8) == 0);
		else
			CHECK(q.error == NULL);
		query_release(&q);
	}
	memset(big, 'a', 10240);
	for (size_t i = 1; i < 10240; i += 2)
		big[i] = ' ';
	CHECK_INT(query_parse(big, 0, &q), -1);
	CHECK(q.error && strstr(q.error, "too long"));
	query_release(&q);
	free(big);
}

static void
check_marks(const char *query, unsigned flags, const char *text, const char *want)
{
	struct query q;
	struct text_span *spans;
	struct strbuf got = STRBUF_INIT;
	size_t n;

	CHECK_INT(query_parse(query, flags, &q), 0);
	n = query_highlight(&q, text, strlen(text), &spans);
	for (size_t i = 0; i < n; i++)
		strbuf_addf(&got, "%s[%.*s]", i ? " " : "", (int)(spans[i].end - spans[i].start),
			    text + spans[i].start);
	CHECK_STR(strbuf_str(&got), want);
	if (n == 0)
		CHECK(spans == NULL);
	strbuf_release(&got);
	free(spans);
	query_release(&q);
}

static void
test_highlight(void)
{
	check_marks("etats", 0, "Les États-Unis et les Etats", "[États] [Etats]");
	check_marks("etats-unis", 0, "Les États-Unis et les Etats", "[États-Unis]");
	check_marks("oeuvre", 0, "la mise en œuvre", "[œuvre]");
	check_marks("l'organisation", 0, "de l’Organisation des", "[l’Organisation]");
	check_marks("mes", QUERY_LAST_PREFIX, "des mesures, mes amis", "[mesures] [mes]");
	check_marks("mes", 0, "des mesures, mes amis", "[mes]");
	check_marks("\"mise en\" oeuvre", 0, "la mise en œuvre", "[mise en] [œuvre]");
	check_marks("minsk -paix", 0, "Minsk, paix", "[Minsk]");
	check_marks("belarus", 0, "", "");
	check_marks("", 0, "texte", "");
	check_marks("a/64/666", 0, "voir A/64/666 et A/64/667", "[A/64/666]");
	/* stop words: only in a phrase, or when they are the whole query */
	check_marks("mesures de confiance", 0, "des mesures de confiance de la paix",
		    "[mesures] [confiance]");
	check_marks("\"mesures de confiance\"", 0, "des mesures de confiance de la paix",
		    "[mesures de confiance]");
	check_marks("de la", 0, "des mesures de confiance de la paix", "[de] [de] [la]");
	check_marks("de \"la paix\"", 0, "de la paix", "[la paix]");
}

/* A term's forms (filled by the store) match as the term does. */
static void
test_forms(void)
{
	struct query q;
	struct text_span *spans;
	const char *text = "une mesure, des mesures, mesurer";
	size_t n, at = 0;

	CHECK_INT(query_parse("mesure", 0, &q), 0);
	q.terms[0].forms = xcalloc(1, sizeof(char *));
	q.terms[0].forms[0] = xstrdup("mesures");
	q.terms[0].nforms = 1;
	n = query_highlight(&q, text, strlen(text), &spans);
	CHECK_INT(n, 2);
	CHECK_INT(spans[1].start, 16);
	CHECK_INT(spans[1].end, 23);
	free(spans);
	query_release(&q);

	/* the passage is centred on the rarest word, not the first */
	CHECK_INT(query_parse("paix minsk", 0, &q), 0);
	CHECK(query_anchor(&q, "la paix, la paix et Minsk, la paix", 34, &at));
	CHECK_INT(at, 20);
	CHECK(!query_anchor(&q, "rien", 4, &at));
	query_release(&q);
}

int
main(void)
{
	test_terms();
	test_empty();
	test_fields();
	test_years();
	test_exclusions();
	test_expander();
	test_limits();
	test_highlight();
	test_forms();
	return unit_done("test_query");
}
