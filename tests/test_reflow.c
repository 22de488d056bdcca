/* test_reflow.c - paragraphs and roles of the corpus files and of small
 * synthetic texts: joins across line breaks and page breaks, markers,
 * furniture, signature blocks, repairs. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "reflow.h"
#include "unit.h"
#include "util.h"

/* Reads a file of the source tree: "data/000_….txt", "tests/fixtures/…". */
static char *
read_source(const char *name, size_t *len)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/%s", top ? top : "..", name);
	char *text = unit_read_file(path, len);

	if (text == NULL) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(99);
	}
	free(path);
	return text;
}

static void
flow_file(const char *name, struct reflow *r)
{
	size_t len;
	char *path = xasprintf("data/%s", name);
	char *text = read_source(path, &len);

	free(path);

	memset(r, 0, sizeof *r);
	reflow_text(text, len, r);
	free(text);
}

static void
flow_str(const char *text, struct reflow *r)
{
	memset(r, 0, sizeof *r);
	reflow_text(text, strlen(text), r);
}

/* One letter per paragraph: F front, T title, H heading, N numbered,
 * I item, S signature, B body. */
static char *
roles(const struct reflow *r)
{
	static const char letters[PARA_ROLE_COUNT] = {
		[PARA_BODY] = 'B', [PARA_FRONT] = 'F', [PARA_TITLE] = 'T', [PARA_HEADING] = 'H',
		[PARA_NUMBERED] = 'N', [PARA_ITEM] = 'I', [PARA_SIGNATURE] = 'S',
	};
	char *s = xmalloc(r->npara + 1);

	for (size_t i = 0; i < r->npara; i++)
		s[i] = letters[r->paras[i].role];
	s[r->npara] = '\0';
	return s;
}

static const char *
text_of(const struct reflow *r, size_t i)
{
	return i < r->npara ? r->paras[i].text : "(missing)";
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* Nothing of the page furniture, no double or edge spaces, in any paragraph. */
static void
check_clean(const struct reflow *r)
{
	static const char *const furniture[] = {
		"A/64/666", "S/2010/84", "310-24575", "undocs.org", "https://", " ’", "  ",
	};

	for (size_t i = 0; i < r->npara; i++) {
		const char *t = r->paras[i].text;

		for (size_t k = 0; k < sizeof furniture / sizeof *furniture; k++)
			if (strstr(t, furniture[k]) != NULL) {
				fprintf(stderr, "paragraph %zu holds \"%s\": %s\n", i, furniture[k], t);
				CHECK(strstr(t, furniture[k]) == NULL);
			}
		CHECK(r->paras[i].len == strlen(t));
		CHECK(t[0] != ' ' && t[r->paras[i].len - 1] != ' ');
	}
}

static void
test_000(void)
{
	struct reflow r;
	char *seq;

	flow_file("000_362ac513c5df377c.txt", &r);
	CHECK_INT(r.npara, 22);
	seq = roles(&r);
	CHECK_STR(seq, "FFFFFTBBBIIIIIIIIIBSSS");
	free(seq);
	CHECK_STR(text_of(&r, 0), "Conseil de sécurité");
	CHECK_STR(text_of(&r, 1), "Distr. générale");
	CHECK_STR(text_of(&r, 2), "28 mars 2014");
	CHECK_STR(text_of(&r, 3), "Français");
	CHECK_STR(text_of(&r, 4), "Original : anglais");
	CHECK(starts(text_of(&r, 5), "Lettre datée du 19 mars 2014, adressée au Secrétaire"));
	CHECK(starts(text_of(&r, 9), "- À côté des traités"));
	/* a bullet cut by a page break (four empty lines) is one paragraph */
	CHECK(strstr(text_of(&r, 13), "aux niveaux national, régional et international pour "
				      "appliquer les dispositions essentielles") != NULL);
	CHECK(starts(text_of(&r, 14), "- Les organisations internationales"));
	CHECK(starts(text_of(&r, 17), "- Les progrès accomplis"));
	CHECK_STR(text_of(&r, 19), "L'Ambassadeur,");
	CHECK_STR(text_of(&r, 20), "Représentant permanent");
	CHECK_STR(text_of(&r, 21), "(Signé) Kairat **Abdrakhmanov**");
	check_clean(&r);
	reflow_release(&r);
}

static void
test_001(void)
{
	static const char *const items[] = {
		"a) Actualisation des rapports", "b) Adhésion aux instruments",
		"c) Mise au point", "d) Harmonisation des listes", "e) Préservation globale",
		"f) Problématique du contrôle", "g) Organisation de réunions",
		"h) Mobilisation, si nécessaire", "i) Reconduction de la pratique",
	};
	struct reflow r;
	char *seq;

	flow_file("001_b429dde62473af36.txt", &r);
	CHECK_INT(r.npara, 30);
	seq = roles(&r);
	CHECK_STR(seq, "FFFFTBBBBHTTNNNNNNNNNIIIIIIIII");
	free(seq);
	CHECK_STR(text_of(&r, 0), "Conférence du désarmement");
	CHECK_STR(text_of(&r, 1), "7 mai 2019");
	CHECK_STR(text_of(&r, 3), "Original : russe");
	CHECK_STR(text_of(&r, 8), "* Nouveau tirage pour raisons techniques (22 mai 2019).");
	CHECK_STR(text_of(&r, 9), "Annexe");
	CHECK(starts(text_of(&r, 10), "Résumé, établi par le Président, du Séminaire"));
	CHECK_STR(text_of(&r, 11), "Minsk, 3 et 4 avril 2019");
	for (size_t i = 0; i < 9; i++) {
		char *want = xasprintf("%zu. ", i + 1);

		CHECK(starts(text_of(&r, 12 + i), want));
		free(want);
		/* the "- " bullet before "a)" is dropped: the letter is the marker */
		if (!starts(text_of(&r, 21 + i), items[i]))
			fprintf(stderr, "item %zu: %s\n", i, text_of(&r, 21 + i));
		CHECK(starts(text_of(&r, 21 + i), items[i]));
	}
	/* the lone "-" at the end is no paragraph */
	CHECK(strstr(text_of(&r, 29), "s’ils le souhaitent.") != NULL ||
	      strstr(text_of(&r, 29), "s'ils le souhaitent.") != NULL);
	check_clean(&r);
	reflow_release(&r);
}

static void
test_002(void)
{
	struct reflow r;
	char *seq;

	flow_file("002_047198d78f0f4c1e.txt", &r);
	CHECK_INT(r.npara, 40);
	seq = roles(&r);
	CHECK_STR(seq, "TBBBTTNNNNNBIIIIIIIIIIIIIIIIIIIHIIIIIIII");
	free(seq);
	CHECK_STR(text_of(&r, 0),
		  "Note verbale datée du 1er février 2018, adressée au secrétariat de la "
		  "Conférence du désarmement par la Mission permanente de l’Ukraine, transmettant "
		  "le résumé, établi par le Président, de l’Atelier international sur la "
		  "« Promotion de la mise en œuvre effective de la résolution 1540 (2004) du "
		  "Conseil de sécurité de l’Organisation des Nations Unies dans le contexte de "
		  "l’évolution des risques et des enjeux en matière de prolifération », qui "
		  "s’est tenu les 2 et 3 novembre 2017 à Kiev");
	CHECK(starts(text_of(&r, 1), "La Mission permanente de l’Ukraine auprès de l’Office"));
	CHECK(strstr(text_of(&r, 1), "tenu les 2 et 3 novembre 2017 à Kiev.") != NULL);
	CHECK(starts(text_of(&r, 4), "Résumé, établi par le Président, de l’Atelier"));
	CHECK(strstr(text_of(&r, 4), "en matière de prolifération »") != NULL);
	CHECK_STR(text_of(&r, 5), "2 et 3 novembre 2017, Kiev");
	/* "non-" at a line end keeps its hyphen and joins the next word */
	CHECK(strstr(text_of(&r, 6), "à la question de la non-prolifération en ce qu’elle") != NULL);
	CHECK(starts(text_of(&r, 10), "5. L’atelier a donc eu pour thèmes i)"));
	CHECK(strstr(text_of(&r, 10), "l’application de la résolution 1540 (2004) ; les") != NULL);
	CHECK(starts(text_of(&r, 11), "L’Ukraine souhaite faire part"));
	CHECK(starts(text_of(&r, 12), "a) Dans la résolution 1540 (2004)"));
	/* an indented continuation line (" et la sécurité") is no new paragraph */
	CHECK(strstr(text_of(&r, 12), "menace pour la paix et la sécurité internationales") != NULL);
	CHECK(starts(text_of(&r, 26), "o) Le Traité d’interdiction"));
	CHECK(starts(text_of(&r, 30), "s) La sensibilisation"));
	CHECK_STR(text_of(&r, 31), "Recommandations");
	CHECK(starts(text_of(&r, 32), "a) Accroître le contrôle"));
	CHECK(starts(text_of(&r, 39), "h) Créer des synergies"));
	check_clean(&r);
	reflow_release(&r);
}

static void
test_003(void)
{
	struct reflow r;
	char *seq;
	size_t number = 0;

	flow_file("003_604d45de2d0fbce8.txt", &r);
	CHECK_INT(r.npara, 34);
	seq = roles(&r);
	CHECK_STR(seq, "TBBSSSTTHNNNNHNIIIIINIIIIINHNNNNHN");
	free(seq);
	CHECK_STR(text_of(&r, 0),
		  "Lettre datée du 2 janvier 2018, adressée au Secrétaire général par le "
		  "Représentant permanent du Kazakhstan auprès de l’Organisation des Nations Unies");
	CHECK(starts(text_of(&r, 1), "J’ai l’honneur de vous faire savoir"));
	CHECK(starts(text_of(&r, 2), "À cet égard, le Kazakhstan"));
	CHECK_STR(text_of(&r, 3), "L’Ambassadeur,");
	CHECK_STR(text_of(&r, 4), "Représentant permanent");
	CHECK_STR(text_of(&r, 5), "(Signé) Kairat Umarov");
	CHECK_STR(text_of(&r, 6),
		  "Annexe de la lettre datée du 2 janvier 2018 adressée au Secrétaire général "
		  "par le Représentant permanent du Kazakhstan auprès de l’Organisation des "
		  "Nations Unies");
	CHECK_STR(text_of(&r, 7),
		  "Note de cadrage de la réunion d’information du Conseil de sécurité sur le "
		  "thème « Non-prolifération des armes de destruction massive : mesures de "
		  "confiance », qui se tiendra le 18 janvier 2018");
	CHECK_STR(text_of(&r, 8), "I. Informations générales et objectifs");
	CHECK_STR(text_of(&r, 13), "II. Questions de non-prolifération envisagées par le prisme "
				   "du renforcement des mesures de confiance");
	CHECK_STR(text_of(&r, 27), "III. Intervenants et participants");
	CHECK_STR(text_of(&r, 32), "IV. Document final");
	/* numbered paragraphs 1. to 12., in order */
	for (size_t i = 0; i < r.npara; i++) {
		char *want;

		if (r.paras[i].role != PARA_NUMBERED)
			continue;
		want = xasprintf("%zu. ", ++number);
		CHECK(starts(r.paras[i].text, want));
		free(want);
	}
	CHECK_INT(number, 12);
	CHECK(starts(text_of(&r, 9), "1. Le Kazakhstan se réjouit"));
	CHECK(starts(text_of(&r, 33), "12. Le Président établira"));
	/* "l ’Organisation": the extracted space before the apostrophe is gone */
	CHECK(strstr(text_of(&r, 10), "au Siège de l’Organisation à New York.") != NULL);
	CHECK(strstr(text_of(&r, 9), "« Le Kazakhstan à l’appui des partenariats") != NULL);
	CHECK(strstr(text_of(&r, 12), "la diplomatie et les mesures de confiance") != NULL);
	/* a sentence cut by a page break and undocs.org footers */
	CHECK_STR(text_of(&r, 14),
		  "5. Le thème proposé s’inspirera des initiatives de non-prolifération mises en "
		  "place par le Conseil ces deux dernières années. On citera notamment à cet "
		  "égard les réunions ci-après du Conseil de sécurité sur la non-prolifération "
		  "des armes de destruction massive :");
	CHECK(strstr(text_of(&r, 26), "la Convention sur les armes chimiques) en vue de "
				      "renforcer les mesures de confiance dans le contexte de la "
				      "non-prolifération.") != NULL);
	/* items a) to e) twice */
	CHECK(starts(text_of(&r, 15), "a) Réunion du 23 août 2016"));
	CHECK(starts(text_of(&r, 19), "e) Réunion du 21 septembre 2017"));
	CHECK(starts(text_of(&r, 21), "a) Des recommandations"));
	CHECK(starts(text_of(&r, 25), "e) Des mesures de confiance qui"));
	CHECK(strstr(text_of(&r, 28), "M. Nrsultan Nazarbayev") != NULL);
	check_clean(&r);
	reflow_release(&r);
}

static void
test_004(void)
{
	struct reflow r;
	char *seq;

	flow_file("004_c589fb4fe5af489e.txt", &r);
	CHECK_INT(r.npara, 31);
	seq = roles(&r);
	CHECK_STR(seq, "TBSSTBBBBSSSHTBBBBBBBBBBBBBBBBB");
	free(seq);
	CHECK(strstr(text_of(&r, 1), "que S. E. M. Kanat Saudabayev, Secrétaire d’État") != NULL);
	CHECK_STR(text_of(&r, 2), "L’Ambassadeur");
	CHECK_STR(text_of(&r, 3), "(Signé) Byrganym Aitimova");
	CHECK(starts(text_of(&r, 4), "Annexe à la lettre datée du 16 février 2010"));
	CHECK(strstr(text_of(&r, 5), "en décembre 2009 (voir pièce jointe).") != NULL);
	CHECK_STR(text_of(&r, 9), "Le Président en exercice de l’Organisation pour la sécurité "
				  "et la coopération en Europe,");
	CHECK_STR(text_of(&r, 10), "Ministre des affaires étrangères de la République du Kazakhstan");
	CHECK_STR(text_of(&r, 11), "(Signé) Kanat Saudabayev");
	CHECK_STR(text_of(&r, 12), "Pièce jointe");
	CHECK_STR(text_of(&r, 13), "Déclaration ministérielle sur la non-prolifération");
	CHECK(starts(text_of(&r, 14), "Nous, membres du Conseil des ministres"));
	CHECK(strstr(text_of(&r, 19), "qui arrive à expiration en décembre 2009, sera") != NULL);
	CHECK(starts(text_of(&r, 30), "Nous réaffirmons que nous sommes prêts"));
	check_clean(&r);
	reflow_release(&r);
}

static void
test_furniture(void)
{
	CHECK_INT(reflow_furniture("A/64/666", 8), FURNITURE_SYMBOL);
	CHECK_INT(reflow_furniture(" A/64/666 S/2010/84 ", 20), FURNITURE_SYMBOL);
	CHECK_INT(reflow_furniture("310-24575 ", 10), FURNITURE_JOB);
	CHECK_INT(reflow_furniture("GE.18-01234 (F)", 15), FURNITURE_JOB);
	CHECK_INT(reflow_furniture("*1801234*", 9), FURNITURE_JOB);
	CHECK_INT(reflow_furniture("https://undocs.org/fr/S/2017/19", 31), FURNITURE_URL);
	CHECK_INT(reflow_furniture("12", 2), FURNITURE_PAGE);
	CHECK_INT(reflow_furniture("2/5", 3), FURNITURE_PAGE);
	CHECK_INT(reflow_furniture("-", 1), FURNITURE_EMPTY);
	/* not furniture */
	CHECK_INT(reflow_furniture("1540", 4), FURNITURE_NONE);
	CHECK_INT(reflow_furniture("voir S/2017/19", 14), FURNITURE_NONE);
	CHECK_INT(reflow_furniture("1. Le", 5), FURNITURE_NONE);
	CHECK_INT(reflow_furniture("2010, un succès", 16), FURNITURE_NONE);
	CHECK_INT(reflow_furniture("", 0), FURNITURE_NONE);
}

static void
test_synthetic(void)
{
	struct reflow r;
	char *seq;

	/* empty, blank and furniture-only texts give no paragraph */
	flow_str("", &r);
	CHECK_INT(r.npara, 0);
	reflow_release(&r);
	flow_str("\n \n\n   \n", &r);
	CHECK_INT(r.npara, 0);
	reflow_release(&r);
	flow_str("A/64/666\n310-24575\n3\n", &r);
	CHECK_INT(r.npara, 0);
	reflow_release(&r);

	/* furniture in mid-sentence; a lone page number; hyphenated compound */
	flow_str("Le Conseil a examiné la non-\n\n12\n\nGE.18-01234 (F)\n"
		 "prolifération des armes,  et  la\ttension.\n", &r);
	CHECK_INT(r.npara, 1);
	CHECK_STR(text_of(&r, 0), "Le Conseil a examiné la non-prolifération des armes, et la tension.");
	reflow_release(&r);

	/* a number out of sequence after an unfinished line is no marker */
	flow_str("1. Le texte a été adopté le\n\n12. Il a été ensuite\n", &r);
	CHECK_INT(r.npara, 1);
	reflow_release(&r);
	flow_str("1. Premier.\n\n2. Deuxième.\n\n3. Troisième.\n", &r);
	seq = roles(&r);
	CHECK_STR(seq, "NNN");
	free(seq);
	reflow_release(&r);

	/* sentence end + capital breaks; sentence end + lowercase does not;
	 * "M." at a line end is no sentence end */
	flow_str("Une phrase qui se termine bien ici.\nUne autre phrase commence. etc. suite\n"
		 "et le Président de la séance, M.\nNazarbayev, a parlé longuement.\n", &r);
	CHECK_INT(r.npara, 2);
	CHECK_STR(text_of(&r, 0), "Une phrase qui se termine bien ici.");
	CHECK_STR(text_of(&r, 1), "Une autre phrase commence. etc. suite et le Président de la "
				  "séance, M. Nazarbayev, a parlé longuement.");
	reflow_release(&r);

	/* a line much shorter than the measure, without punctuation, ends its
	 * paragraph when a capital follows; not when a lowercase word does */
	flow_str("Le premier paragraphe est assez long pour donner la mesure du texte.\n\n"
		 "Recommandations\n\nLe second paragraphe commence ici et il continue\n\n"
		 "Genève et ensuite\n\nsur la ligne suivante.\n", &r);
	seq = roles(&r);
	CHECK_STR(seq, "BHB");
	free(seq);
	CHECK_STR(text_of(&r, 2), "Le second paragraphe commence ici et il continue Genève et "
				  "ensuite sur la ligne suivante.");
	reflow_release(&r);

	/* elisions repaired; NBSP kept; "la ’" not touched */
	flow_str("l ’Organisation qu ’il d ’un la ’x a\xc2\xa0: b\n", &r);
	CHECK_STR(text_of(&r, 0), "l’Organisation qu’il d’un la ’x a\xc2\xa0: b");
	reflow_release(&r);

	/* masthead lines repeated as running headers are dropped */
	flow_str("Conseil de sécurité\nDistr. générale\nLettre datée du 2 mars 2020, adressée "
		 "au Secrétaire général\n\nLe texte commence\nConseil de sécurité\net continue.\n",
		 &r);
	seq = roles(&r);
	CHECK_STR(seq, "FFTB");
	free(seq);
	CHECK_STR(text_of(&r, 3), "Le texte commence et continue.");
	reflow_release(&r);

	/* no title: no masthead, plain body; a short line alone is a heading */
	flow_str("Une simple ligne sans titre.\n\nRecommandations\n\nFin du texte.\n", &r);
	seq = roles(&r);
	CHECK_STR(seq, "BHB");
	free(seq);
	reflow_release(&r);

	/* a salutation is no heading */
	flow_str("Monsieur le Président,\n\nJ’ai l’honneur de vous écrire au sujet de la réunion "
		 "du Conseil de sécurité.\n", &r);
	seq = roles(&r);
	CHECK_STR(seq, "BB");
	free(seq);
	reflow_release(&r);
}

/* Page furniture inside paragraphs: the two halves are one paragraph, and
 * each paragraph knows the page it starts on. */
static void
test_page_furniture(void)
{
	struct reflow r;
	char *seq;

	/* pdftotext's layout: a paragraph cut by a footer (job number with its
	 * dates, barcode, "Merci de recycler"), a form feed and a header */
	flow_str("Le Conseil de sécurité a examiné la question de la non-prolifération des armes de\n"
		 "destruction massive et a décidé de poursuivre son examen de la question lors de\n"
		 "\n18-00123 (F)    030118    040118\n\n*1800123*\n\nMerci de recycler\n\f"
		 "S/2018/10\n\n"
		 "sa prochaine séance, qui aura lieu à New York au mois de février de cette année.\n"
		 "\nUn autre paragraphe commence ici après une ligne vide, sur la même page que\n"
		 "la fin du paragraphe précédent, et il tient sur deux lignes.\n"
		 "\n2/5\n\n18-00123\n\f\nS/2018/10\n\n"
		 "Le dernier paragraphe commence en haut de la troisième page, sur deux lignes, et\n"
		 "il finit une phrase au bout d’une ligne pleine, la dernière ligne de la page.\n"
		 "\n18-00123\n\n3/5\n\fS/2018/10\n\n"
		 "Une nouvelle phrase du même paragraphe continue sur la page suivante, ici.\n"
		 "Elle tient encore deux lignes avant la fin du paragraphe et de la lettre, qui\n"
		 "se termine ici.\n\f", &r);
	CHECK_INT(r.npara, 3);
	CHECK_STR(text_of(&r, 0),
		  "Le Conseil de sécurité a examiné la question de la non-prolifération des armes de "
		  "destruction massive et a décidé de poursuivre son examen de la question lors de "
		  "sa prochaine séance, qui aura lieu à New York au mois de février de cette année.");
	CHECK(starts(text_of(&r, 1), "Un autre paragraphe commence ici"));
	/* a sentence ending a full line at a page break: the paragraph goes on */
	CHECK_STR(text_of(&r, 2),
		  "Le dernier paragraphe commence en haut de la troisième page, sur deux lignes, et "
		  "il finit une phrase au bout d’une ligne pleine, la dernière ligne de la page. "
		  "Une nouvelle phrase du même paragraphe continue sur la page suivante, ici. "
		  "Elle tient encore deux lignes avant la fin du paragraphe et de la lettre, qui "
		  "se termine ici.");
	CHECK_INT(r.npara > 2 ? r.paras[0].page : -1, 1);
	CHECK_INT(r.npara > 2 ? r.paras[1].page : -1, 2);
	CHECK_INT(r.npara > 2 ? r.paras[2].page : -1, 3);
	check_clean(&r);
	for (size_t i = 0; i < r.npara; i++) {
		CHECK(strchr(r.paras[i].text, '\f') == NULL);
		CHECK(strstr(r.paras[i].text, "recycler") == NULL);
		CHECK(strstr(r.paras[i].text, "18-00123") == NULL);
		CHECK(strstr(r.paras[i].text, "1800123") == NULL);
	}
	reflow_release(&r);

	/* without form feeds, a footer's page number ends its page; a job
	 * number ends the first */
	flow_str("Premier paragraphe de la première page, qui se termine ici.\n\n"
		 "Le deuxième paragraphe commence sur la première page et\n\n"
		 "\n18-00123 (F)\n\n*1800123*\n\nS/2018/10\n\n"
		 "continue sur la deuxième page.\n\nTroisième paragraphe.\n\n2/5 18-00123\n\n"
		 "Quatrième paragraphe, sur la troisième page.\n", &r);
	CHECK_INT(r.npara, 4);
	CHECK_STR(text_of(&r, 1), "Le deuxième paragraphe commence sur la première page et "
				  "continue sur la deuxième page.");
	if (r.npara == 4) {
		CHECK_INT(r.paras[0].page, 1);
		CHECK_INT(r.paras[1].page, 1);
		CHECK_INT(r.paras[2].page, 2);
		CHECK_INT(r.paras[3].page, 3);
	}
	reflow_release(&r);

	/* a form feed glued to a symbol is a page break, not a character */
	flow_str("Texte de la première page\n\fA/72/5\nqui continue.\n", &r);
	CHECK_INT(r.npara, 1);
	CHECK_STR(text_of(&r, 0), "Texte de la première page qui continue.");
	reflow_release(&r);

	/* text without page breaks or footers has no pages */
	flow_str("Une ligne.\n", &r);
	CHECK_INT(r.npara == 1 ? r.paras[0].page : -1, 0);
	seq = roles(&r);
	CHECK_STR(seq, "B");
	free(seq);
	reflow_release(&r);
}

/* A letter as pdftotext writes it (five pages, running headers and
 * footers, page breaks in mid-sentence and between paragraphs) reads as the
 * same paragraphs as the corpus text it was laid out from. */
static void
test_pdftotext_letter(void)
{
	static const int first_page[] = {1, 2, 3, 4};
	struct reflow pdf, corpus;
	size_t len, from = 0;
	char *text = read_source("tests/fixtures/letter_pdftotext.txt", &len);
	size_t pages_seen = 0;

	memset(&pdf, 0, sizeof pdf);
	reflow_text(text, len, &pdf);
	free(text);
	flow_file("003_604d45de2d0fbce8.txt", &corpus);
	/* the masthead: six lines, each its own */
	while (from < pdf.npara && pdf.paras[from].role == PARA_FRONT)
		from++;
	CHECK_INT(from, 6);
	CHECK_STR(text_of(&pdf, 0), "Nations Unies");
	CHECK_STR(text_of(&pdf, 5), "Original : anglais");
	CHECK_INT(pdf.npara - from, corpus.npara);
	for (size_t i = 0; i < corpus.npara && from + i < pdf.npara; i++) {
		if (strcmp(pdf.paras[from + i].text, corpus.paras[i].text) != 0)
			fprintf(stderr, "paragraph %zu:\n  %s\n  %s\n", i, pdf.paras[from + i].text,
				corpus.paras[i].text);
		CHECK_STR(pdf.paras[from + i].text, corpus.paras[i].text);
	}
	/* pages never go back, and each of pages 1 to 4 starts a paragraph */
	for (size_t i = 1; i < pdf.npara; i++)
		CHECK(pdf.paras[i].page >= pdf.paras[i - 1].page);
	for (size_t k = 0; k < sizeof first_page / sizeof *first_page; k++)
		for (size_t i = 0; i < pdf.npara; i++)
			if (pdf.paras[i].page == first_page[k]) {
				pages_seen++;
				break;
			}
	CHECK_INT(pages_seen, 4);
	CHECK(starts(text_of(&pdf, from + 10), "2. C’est dans ce contexte"));
	CHECK_INT(pdf.npara > from + 10 ? pdf.paras[from + 10].page : 0, 2);
	check_clean(&pdf);
	for (size_t i = 0; i < pdf.npara; i++)
		CHECK(strstr(pdf.paras[i].text, "S/2018/10") == NULL &&
		      strstr(pdf.paras[i].text, "18-00123") == NULL &&
		      strstr(pdf.paras[i].text, "recycler") == NULL);
	reflow_release(&pdf);
	reflow_release(&corpus);
}

static void
test_roman(void)
{
	CHECK(reflow_is_roman("IV", 2));
	CHECK(reflow_is_roman("XXVII", 5));
	CHECK(reflow_is_roman("IV. Questions", 2));
	CHECK(!reflow_is_roman("", 0));
	CHECK(!reflow_is_roman("XXXVII", 6));
	CHECK(!reflow_is_roman("iv", 2));
	CHECK(!reflow_is_roman("IL", 2));
}

int
main(void)
{
	test_roman();
	test_page_furniture();
	test_pdftotext_letter();
	test_000();
	test_001();
	test_002();
	test_003();
	test_004();
	test_furniture();
	test_synthetic();
	return unit_done("test_reflow");
}
