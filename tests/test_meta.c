/* test_meta.c - every metadata field of every corpus file, French dates,
 * and what is left unknown. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "meta.h"
#include "unit.h"
#include "util.h"

struct expected {
	const char *file, *kind, *date, *sender, *addressee, *organ, *language, *symbols,
		*resolutions, *title_start;
	size_t npara;
};

static const struct expected corpus[] = {
	{ "000_362ac513c5df377c.txt", "Lettre", "2014-03-19", "Kazakhstan", "Secrétaire général",
	  "Conseil de sécurité", "anglais", NULL, "1540 (2004)",
	  "Lettre datée du 19 mars 2014, adressée au Secrétaire général par le Représentant "
	  "permanent du Kazakhstan auprès de l'Organisation des Nations Unies",
	  22 },
	{ "001_b429dde62473af36.txt", "Note verbale", "2019-05-06", "Bélarus",
	  "secrétariat de la Conférence du désarmement", "Conférence du désarmement", "russe",
	  NULL, "1540 (2004); 2325 (2016)",
	  "Note verbale datée du 6 mai 2019, adressée au secrétariat de la Conférence du "
	  "désarmement par la Mission permanente de la République du Bélarus, transmettant",
	  30 },
	{ "002_047198d78f0f4c1e.txt", "Note verbale", "2018-02-01", "Ukraine",
	  "secrétariat de la Conférence du désarmement", "Conférence du désarmement", NULL, NULL,
	  "1540 (2004); 2325 (2016)",
	  "Note verbale datée du 1er février 2018, adressée au secrétariat de la Conférence du "
	  "désarmement par la Mission permanente de l’Ukraine, transmettant",
	  40 },
	{ "003_604d45de2d0fbce8.txt", "Lettre", "2018-01-02", "Kazakhstan", "Secrétaire général",
	  "Conseil de sécurité", NULL, NULL, "2310 (2016); 1540 (2004)",
	  "Lettre datée du 2 janvier 2018, adressée au Secrétaire général par le Représentant "
	  "permanent du Kazakhstan auprès de l’Organisation des Nations Unies",
	  34 },
	{ "004_c589fb4fe5af489e.txt", "Lettre", "2010-02-16", "Kazakhstan", "Secrétaire général",
	  "Assemblée générale; Conseil de sécurité", NULL, "A/64/666 S/2010/84",
	  "1887 (2009); 1540 (2004); 984 (1995)",
	  "Lettre datée du 16 février 2010, adressée au Secrétaire général par le Représentant "
	  "permanent du Kazakhstan auprès de l’Organisation des Nations Unies",
	  31 },
};

static void
parse_file(const char *name, struct document *doc)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/data/%s", top ? top : "..", name);
	char *text = NULL, *err = NULL;
	size_t len = 0;

	document_init(doc);
	if (import_read_file(path, &text, &len, &err) < 0 ||
	    import_parse(text, len, name, doc, &err) < 0) {
		fprintf(stderr, "%s\n", err);
		exit(99);
	}
	free(text);
	free(path);
}

static void
test_corpus(void)
{
	for (size_t i = 0; i < sizeof corpus / sizeof *corpus; i++) {
		const struct expected *e = &corpus[i];
		struct document doc;
		const struct doc_meta *m = &doc.meta;

		parse_file(e->file, &doc);
		fprintf(stderr, "%s\n", e->file);
		CHECK_INT(doc.npara, e->npara);
		CHECK_STR(m->kind, e->kind);
		CHECK_STR(m->date, e->date);
		CHECK_STR(m->sender, e->sender);
		CHECK_STR(m->addressee, e->addressee);
		CHECK_STR(m->organ, e->organ);
		CHECK_STR(m->language, e->language);
		CHECK_STR(m->symbols, e->symbols);
		CHECK_STR(m->resolutions, e->resolutions);
		CHECK_STR(m->source, e->file);
		CHECK(m->title != NULL && strncmp(m->title, e->title_start,
						  strlen(e->title_start)) == 0);
		/* the title is the opening title paragraph, whole */
		CHECK(doc.npara > 0 && m->title != NULL);
		for (size_t k = 0; k < doc.npara; k++)
			if (doc.paras[k].role == PARA_TITLE) {
				CHECK_STR(m->title, doc.paras[k].text);
				break;
			}
		/* markup is gone: links, escapes and bold markers */
		for (size_t k = 0; k < doc.npara; k++) {
			CHECK(strstr(doc.paras[k].text, "](#)") == NULL);
			CHECK(strstr(doc.paras[k].text, "\\(") == NULL);
			CHECK(strstr(doc.paras[k].text, "**") == NULL);
		}
		document_release(&doc);
	}
}

/* 000: the bold name in the signature, and the link text kept. */
static void
test_markup(void)
{
	struct document doc;
	const struct paragraph *sig;

	parse_file("000_362ac513c5df377c.txt", &doc);
	sig = &doc.paras[21];
	CHECK_STR(sig->text, "(Signé) Kairat Abdrakhmanov");
	CHECK_INT(sig->nbold, 1);
	if (sig->nbold == 1) {
		CHECK_INT(sig->bold[0].start, strlen("(Signé) Kairat "));
		CHECK_INT(sig->bold[0].end, sig->len);
	}
	CHECK(strstr(doc.paras[6].text, "« Contribution de la résolution 1540 (2004) du Conseil") !=
	      NULL);
	CHECK_INT(doc.paras[6].nbold, 0);
	document_release(&doc);
}

static void
test_dates(void)
{
	char iso[11];

	CHECK_INT(meta_parse_date("19 mars 2014, adressée", iso), strlen("19 mars 2014"));
	CHECK_STR(iso, "2014-03-19");
	CHECK(meta_parse_date("1er février 2018", iso) > 0);
	CHECK_STR(iso, "2018-02-01");
	CHECK(meta_parse_date("31 décembre 1999", iso) > 0);
	CHECK_STR(iso, "1999-12-31");
	CHECK(meta_parse_date("2\xc2\xa0" "août 2017", iso) > 0);
	CHECK_STR(iso, "2017-08-02");
	CHECK_INT(meta_parse_date("32 mars 2014", iso), 0);
	CHECK_INT(meta_parse_date("mars 2014", iso), 0);
	CHECK_INT(meta_parse_date("3 brumaire 2014", iso), 0);
	CHECK_INT(meta_parse_date("3 mars 14", iso), 0);
	CHECK_INT(meta_parse_date("3 mars 20145", iso), 0);
	CHECK_INT(meta_parse_date("", iso), 0);
}

static void
test_unknown(void)
{
	static const char text[] =
		"Un texte sans titre qui cite la résolution 1540 du Conseil et voir S/2017/19.\n\n"
		"Il mentionne aussi les résolutions 1887 (2009) et 1540 (2004), et le Comité 1977.\n";
	struct document doc;
	char *err = NULL;

	document_init(&doc);
	CHECK_INT(import_parse(text, strlen(text), NULL, &doc, &err), 0);
	CHECK(doc.meta.kind == NULL && doc.meta.date == NULL && doc.meta.sender == NULL);
	CHECK(doc.meta.title == NULL && doc.meta.addressee == NULL && doc.meta.source == NULL);
	CHECK(doc.meta.language == NULL && doc.meta.organ == NULL);
	/* a symbol cited in the text is not the document's own */
	CHECK(doc.meta.symbols == NULL);
	/* the plain number takes its year from a later mention; "Comité 1977" is none */
	CHECK_STR(doc.meta.resolutions, "1540 (2004); 1887 (2009)");
	document_release(&doc);

	/* a sender with "de la République de", an addressee "à la" */
	static const char letter[] =
		"Lettre datée du 3 avril 2020, adressée à la Présidente du Conseil de sécurité "
		"par le Représentant permanent de la République de Corée auprès de "
		"l’Organisation des Nations Unies\n\nLe texte suit.\n";
	document_init(&doc);
	CHECK_INT(import_parse(letter, strlen(letter), "x.txt", &doc, &err), 0);
	CHECK_STR(doc.meta.kind, "Lettre");
	CHECK_STR(doc.meta.date, "2020-04-03");
	CHECK_STR(doc.meta.sender, "Corée");
	CHECK_STR(doc.meta.addressee, "Présidente du Conseil de sécurité");
	CHECK_STR(doc.meta.organ, "Conseil de sécurité");
	CHECK_STR(doc.meta.resolutions, NULL);
	document_release(&doc);
}

/* Each kind of UN document, as pdftotext lays it out (tests/fixtures/). */
struct expected_kind {
	const char *file, *kind, *date, *sender, *organ, *symbols, *resolutions, *title,
		*job_number;
};

static const struct expected_kind kinds[] = {
	{ "letter_pdftotext.txt", "Lettre", "2018-01-02", "Kazakhstan", "Conseil de sécurité",
	  "S/2018/10", "2310 (2016); 1540 (2004)",
	  "Lettre datée du 2 janvier 2018, adressée au Secrétaire général par le Représentant "
	  "permanent du Kazakhstan auprès de l’Organisation des Nations Unies",
	  "18-00123 (F)" },
	{ "kinds/resolution.txt", "Résolution", "2016-12-15", NULL, "Conseil de sécurité",
	  "S/RES/2325(2016)", "1540 (2004); 1673 (2006); 1810 (2008); 1977 (2011); 2055 (2012)",
	  "Résolution 2325 (2016), adoptée par le Conseil de sécurité à sa 7837e séance, le "
	  "15 décembre 2016",
	  "16-22384 (F)" },
	{ "kinds/report.txt", "Rapport", "2016-11-29", "Secrétaire général", "Conseil de sécurité",
	  "S/2016/1013", "2295 (2016); 2227 (2015)",
	  "Rapport du Secrétaire général sur la situation au Mali", "16-20345 (F)" },
	{ "kinds/decision.txt", "Décision", "2017-07-19", NULL, "Assemblée générale",
	  "A/DEC/71/543", NULL,
	  "Décision 71/543 : Revitalisation des travaux de l’Assemblée générale",
	  "17-12345 (F)" },
	{ "kinds/record.txt", "Procès-verbal", "2016-12-15", NULL, "Conseil de sécurité",
	  "S/PV.7837", "2325 (2016)",
	  "7837e séance : Non-prolifération des armes de destruction massive", "16-44120 (F)" },
	{ "kinds/press.txt", "Communiqué de presse", "2016-12-15", NULL, "Conseil de sécurité",
	  "CS/12633", "1540 (2004); 2325 (2016)",
	  "Non-prolifération : le Conseil de sécurité demande le renforcement de la mise en "
	  "œuvre de la résolution 1540",
	  NULL },
	{ "kinds/press_2004.txt", "Communiqué de presse", "2004-04-28", NULL,
	  "Conseil de sécurité", "SC/8076", "1540 (2004)",
	  "Le Conseil de sécurité décide que tous les États doivent s’abstenir d’apporter un "
	  "appui à des acteurs non étatiques qui tenteraient de se procurer des armes de "
	  "destruction massive",
	  NULL },
	/* other: no kind, no date; the first heading is its title */
	{ "kinds/other.txt", NULL, NULL, NULL, NULL, NULL, NULL,
	  "Ordre du jour provisoire de la réunion", NULL },
	/* nothing to go on: every field empty (the list shows the file name) */
	{ "kinds/notes.txt", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

static void
test_kinds(void)
{
	const char *top = getenv("top_srcdir");

	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		const struct expected_kind *e = &kinds[i];
		char *path = xasprintf("%s/tests/fixtures/%s", top ? top : "..", e->file);
		char *text = NULL, *err = NULL;
		size_t len = 0;
		struct document doc;
		const struct doc_meta *m = &doc.meta;

		document_init(&doc);
		if (import_read_file(path, &text, &len, &err) < 0 ||
		    import_parse(text, len, "f.txt", &doc, &err) < 0) {
			fprintf(stderr, "%s\n", err);
			exit(99);
		}
		fprintf(stderr, "%s\n", e->file);
		CHECK_STR(m->kind, e->kind);
		CHECK_STR(m->date, e->date);
		CHECK_STR(m->sender, e->sender);
		CHECK_STR(m->organ, e->organ);
		CHECK_STR(m->symbols, e->symbols);
		CHECK_STR(m->resolutions, e->resolutions);
		CHECK_STR(m->title, e->title);
		CHECK_STR(m->job_number, e->job_number);
		/* no furniture in the text */
		for (size_t k = 0; k < doc.npara; k++) {
			CHECK(strstr(doc.paras[k].text, "recycler") == NULL);
			CHECK(e->job_number == NULL ||
			      strstr(doc.paras[k].text, e->job_number) == NULL);
			CHECK(strchr(doc.paras[k].text, '\f') == NULL);
		}
		document_release(&doc);
		free(text);
		free(path);
	}
}

/* Numbers after "résolution" that are no resolution. */
static void
test_not_resolutions(void)
{
	static const char text[] =
		"Le Conseil prie le Comité de lui faire rapport sur l’application de la présente "
		"résolution 90 jours après son adoption, et de la résolution 2325 (2016) chaque "
		"année ; voir aussi S/RES/1977 (2011), la résolution 1540 et le Comité 1540.\n";
	struct document doc;
	char *err = NULL;

	document_init(&doc);
	CHECK_INT(import_parse(text, strlen(text), NULL, &doc, &err), 0);
	/* 1540 has no year anywhere: left out rather than guessed */
	CHECK_STR(doc.meta.resolutions, "2325 (2016); 1977 (2011)");
	document_release(&doc);
}

/* A report whose subject stands above "Rapport du Secrétaire général". */
static void
test_report_subject(void)
{
	static const char text[] =
		"Nations Unies\n\nS/2018/12\n\nConseil de sécurité\n\nDistr. générale\n"
		"8 janvier 2018\n\nApplication de la résolution 2231 (2015) du Conseil de "
		"sécurité\n\nCinquième rapport du Secrétaire général\n\nI. Introduction\n\n"
		"1. Le présent rapport est le cinquième que je présente sur l’application de la\n"
		"résolution 2231 (2015), dans laquelle le Conseil de sécurité a approuvé le Plan\n"
		"d’action global commun et m’a prié de lui faire rapport tous les six mois sur\n"
		"l’application de ses dispositions, depuis la date de mise en œuvre du Plan.\n\n"
		"2. Le présent rapport porte sur la période comprise entre le 1er juillet et le\n"
		"31 décembre 2017, au cours de laquelle les parties ont poursuivi leurs travaux\n"
		"au sein de la Commission conjointe, présidée par la Haute Représentante.\n";
	struct document doc;
	char *err = NULL;

	document_init(&doc);
	CHECK_INT(import_parse(text, strlen(text), NULL, &doc, &err), 0);
	CHECK_STR(doc.meta.kind, "Rapport");
	CHECK_STR(doc.meta.title, "Application de la résolution 2231 (2015) du Conseil de "
				  "sécurité : cinquième rapport du Secrétaire général");
	CHECK_STR(doc.meta.sender, "Secrétaire général");
	CHECK_STR(doc.meta.date, "2018-01-08");
	CHECK_STR(doc.meta.symbols, "S/2018/12");
	CHECK_STR(doc.meta.organ, "Conseil de sécurité");
	document_release(&doc);
}

int
main(void)
{
	test_kinds();
	test_not_resolutions();
	test_report_subject();
	test_corpus();
	test_markup();
	test_dates();
	test_unknown();
	return unit_done("test_meta");
}
