/* test_citation.c - citations of passages and documents, and the OSC 52
 * clipboard sequence with the decision to send it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "citation.h"
#include "osc52.h"
#include "unit.h"
#include "util.h"

static void
test_citation(void)
{
	struct doc_meta m = {0};
	char *s;
	const char *labels[] = {"S/2012/7 (Ukraine, 10 janvier 2012)", "Lettre (Bélarus)"};

	s = citation_date("2014-03-19");
	CHECK_STR(s, "19 mars 2014");
	free(s);
	s = citation_date("2018-02-01");
	CHECK_STR(s, "1er février 2018");
	free(s);
	s = citation_date("2018");
	CHECK_STR(s, "2018");
	free(s);
	s = citation_date("2018-13-01");
	CHECK_STR(s, "2018-13-01");
	free(s);
	CHECK(citation_date(NULL) == NULL);

	m.kind = "Lettre";
	m.date = "2010-02-16";
	m.sender = "Kazakhstan";
	m.symbols = "A/64/666 S/2010/84";
	m.title = "Lettre datée du 16 février 2010,\nadressée au Secrétaire général";
	s = citation_passage(&m, "3", "Le  texte\ndu passage.", 21);
	CHECK_STR(s, "Lettre, 16 février 2010, Kazakhstan, A/64/666 S/2010/84, par. 3 : « Le texte "
		     "du passage. »");
	free(s);
	s = citation_passage(&m, "b", "Un alinéa.", strlen("Un alinéa."));
	CHECK_STR(s, "Lettre, 16 février 2010, Kazakhstan, A/64/666 S/2010/84, al. b : « Un alinéa. »");
	free(s);
	s = citation_reference(&m);
	CHECK_STR(s, "Lettre datée du 16 février 2010, adressée au Secrétaire général (A/64/666 "
		     "S/2010/84)");
	free(s);
	m.title = NULL;
	m.symbols = NULL;
	s = citation_reference(&m);
	CHECK_STR(s, "Lettre, 16 février 2010, Kazakhstan");
	free(s);
	s = citation_passage(&m, NULL, "x", 1);
	CHECK_STR(s, "Lettre, 16 février 2010, Kazakhstan : « x »");
	free(s);
	memset(&m, 0, sizeof m);
	s = citation_passage(&m, "", "x", 1);
	CHECK_STR(s, "« x »");
	free(s);
	m.source = "lettre.txt";
	s = citation_reference(&m);
	CHECK_STR(s, "lettre.txt");
	free(s);

	s = citation_ref_label("S/2012/7", "Lettre", "Ukraine", "2012-01-10");
	CHECK_STR(s, "S/2012/7 (Ukraine, 10 janvier 2012)");
	free(s);
	s = citation_ref_label(NULL, "Lettre", "Bélarus", NULL);
	CHECK_STR(s, "Lettre (Bélarus)");
	free(s);
	s = citation_ref_label(NULL, NULL, NULL, NULL);
	CHECK_STR(s, "document");
	free(s);
	s = citation_cited_by(labels, 2);
	CHECK_STR(s, "2 documents — S/2012/7 (Ukraine, 10 janvier 2012), Lettre (Bélarus)");
	free(s);
	s = citation_cited_by(labels, 1);
	CHECK_STR(s, "1 document — S/2012/7 (Ukraine, 10 janvier 2012)");
	free(s);
	s = citation_cited_by(labels, 0);
	CHECK_STR(s, "");
	free(s);
}

static void
test_osc52(void)
{
	struct osc52_terminal t = {0};
	const char *why;
	char *s;
	size_t n;

	s = osc52_base64((const unsigned char *)"", 0);
	CHECK_STR(s, "");
	free(s);
	s = osc52_base64((const unsigned char *)"f", 1);
	CHECK_STR(s, "Zg==");
	free(s);
	s = osc52_base64((const unsigned char *)"fo", 2);
	CHECK_STR(s, "Zm8=");
	free(s);
	s = osc52_base64((const unsigned char *)"foobar", 6);
	CHECK_STR(s, "Zm9vYmFy");
	free(s);
	s = osc52_base64((const unsigned char *)"\xc3\xa9\xff", 3);
	CHECK_STR(s, "w6n/");
	free(s);

	s = osc52_sequence("foo", 3, OSC52_DIRECT, &n);
	CHECK_STR(s, "\033]52;c;Zm9v\a");
	CHECK_INT(n, strlen("\033]52;c;Zm9v\a"));
	free(s);
	s = osc52_sequence("foo", 3, OSC52_SCREEN, &n);
	CHECK_STR(s, "\033P\033]52;c;Zm9v\a\033\\");
	free(s);
	{
		char big[200];

		memset(big, 'x', sizeof big);
		s = osc52_sequence(big, sizeof big, OSC52_SCREEN, &n);
		/* 7 + 268 + 1 bytes in chunks of 76: four DCS strings */
		CHECK_INT(n, 276 + 4 * 4);
		CHECK(strncmp(s + n - 2, "\033\\", 2) == 0);
		free(s);
	}

	t.term = "xterm-256color";
	CHECK_INT(osc52_decide(&t, &why), OSC52_NONE);
	CHECK(why != NULL && strstr(why, "Ms") != NULL);
	t.has_ms = true;
	CHECK_INT(osc52_decide(&t, &why), OSC52_DIRECT);
	t.has_ms = false;
	t.term = "xterm-kitty";
	CHECK_INT(osc52_decide(&t, &why), OSC52_DIRECT);
	t.term = "linux";
	t.override = "osc52";
	CHECK_INT(osc52_decide(&t, &why), OSC52_DIRECT);
	t.override = "off";
	t.has_ms = true;
	CHECK_INT(osc52_decide(&t, &why), OSC52_NONE);
	CHECK(why != NULL && strstr(why, "LISEUSE_CLIPBOARD") != NULL);
	t.override = NULL;
	t.has_ms = false;
	t.in_tmux = true;
	t.term = "tmux-256color";
	CHECK_INT(osc52_decide(&t, &why), OSC52_NONE);
	CHECK(why != NULL && strstr(why, "set-clipboard") != NULL);
	t.tmux_accepts = true;
	CHECK_INT(osc52_decide(&t, &why), OSC52_DIRECT);
	t.in_tmux = false;
	t.in_screen = true;
	t.term = "screen";
	CHECK_INT(osc52_decide(&t, &why), OSC52_SCREEN);
	t.term = NULL;
	t.in_screen = false;
	CHECK_INT(osc52_decide(&t, &why), OSC52_NONE);
}

int
main(void)
{
	test_citation();
	test_osc52();
	return unit_done("test_citation");
}
