/* test_outline.c - a document's structure from its paragraphs. */
#include "config.h"

#include <string.h>

#include "outline.h"
#include "unit.h"

static void
add(struct outline *o, size_t piece, enum para_role role, const char *text)
{
	outline_add(o, piece, role, text, strlen(text));
}

int
main(void)
{
	struct outline o;
	char num[16];
	char long_text[400];

	CHECK_INT(outline_number("12. Le texte", 12, num), 2);
	CHECK_STR(num, "12");
	CHECK_INT(outline_number("a) Actualisation", 16, num), 1);
	CHECK_STR(num, "a");
	CHECK_INT(outline_number("iv) Quatre", 10, num), 2);
	CHECK_STR(num, "iv");
	CHECK_INT(outline_number("2014. Une année", 15, num), 4);
	CHECK_INT(outline_number("3.5 pour cent", 13, num), 0);
	CHECK_INT(outline_number("12345. Trop", 11, num), 0);
	CHECK_INT(outline_number("Le texte", 8, num), 0);
	CHECK_INT(outline_number("- puce", 6, num), 0);
	CHECK_INT(outline_number("", 0, num), 0);
	CHECK_STR(num, "");

	outline_init(&o);
	CHECK_INT(outline_entry_at(&o, 5, false), -1);
	add(&o, 0, PARA_FRONT, "Conseil de sécurité");
	add(&o, 0, PARA_HEADING, "Nations Unies");
	add(&o, 0, PARA_HEADING, "Conseil de sécurité");
	add(&o, 0, PARA_HEADING, "Distr. générale");
	add(&o, 0, PARA_TITLE, "Original : anglais");
	add(&o, 1, PARA_TITLE, "Lettre datée du 19 mars 2014");
	add(&o, 2, PARA_BODY, "Le Gouvernement …");
	add(&o, 3, PARA_ITEM, "- À côté des traités");
	add(&o, 4, PARA_SIGNATURE, "L’Ambassadeur,");
	add(&o, 5, PARA_SIGNATURE, "Représentant permanent");
	add(&o, 6, PARA_SIGNATURE, "(Signé) Kairat Umarov");
	add(&o, 7, PARA_HEADING, "Annexe");
	add(&o, 8, PARA_HEADING, "I. Informations générales");
	add(&o, 9, PARA_NUMBERED, "1. Le Kazakhstan se réjouit");
	add(&o, 10, PARA_BODY, "suite");
	add(&o, 11, PARA_ITEM, "a) Réunion du 23 août 2016");
	add(&o, 12, PARA_NOTE, "1 Une note");
	add(&o, 13, PARA_NUMBERED, "2. C’est dans ce contexte");
	add(&o, 14, PARA_SIGNATURE, "Le Président");
	CHECK_INT(o.n, 8);
	if (o.n == 8) {
		CHECK_INT(o.entries[0].kind, OUTLINE_TITLE);
		CHECK_INT(o.entries[1].kind, OUTLINE_SIGNATURE);
		CHECK_INT(o.entries[1].piece, 4);
		CHECK_STR(o.entries[1].label, "(Signé) Kairat Umarov");
		CHECK_INT(o.entries[2].kind, OUTLINE_ANNEX);
		CHECK_INT(o.entries[3].kind, OUTLINE_HEADING);
		CHECK_INT(o.entries[4].kind, OUTLINE_NUMBERED);
		CHECK_INT(o.entries[4].level, 1);
		CHECK_STR(o.entries[4].number, "1");
		CHECK_INT(o.entries[5].kind, OUTLINE_ITEM);
		CHECK_INT(o.entries[5].level, 2);
		CHECK_STR(o.entries[5].number, "a");
		CHECK_STR(o.entries[6].number, "2");
		/* a new signature block after other text is a new entry */
		CHECK_INT(o.entries[7].kind, OUTLINE_SIGNATURE);
		CHECK_STR(o.entries[7].label, "Le Président");
	}
	CHECK_INT(outline_entry_at(&o, 0, false), -1);
	CHECK_INT(outline_entry_at(&o, 1, false), 0);
	CHECK_INT(outline_entry_at(&o, 10, false), 4);
	CHECK_INT(outline_entry_at(&o, 10, true), 3);
	CHECK_INT(outline_entry_at(&o, 12, true), 3);
	CHECK_INT(outline_entry_at(&o, 100, false), 7);
	outline_release(&o);
	CHECK_INT(o.n, 0);

	/* a long label is cut at a character boundary, with an ellipsis */
	outline_init(&o);
	memset(long_text, 0, sizeof long_text);
	for (size_t i = 0; i + 2 < 300; i += 2)
		memcpy(long_text + i, "é", 2);
	add(&o, 0, PARA_HEADING, long_text);
	CHECK_INT(o.n, 1);
	if (o.n == 1) {
		size_t n = strlen(o.entries[0].label);

		CHECK(n <= OUTLINE_LABEL_MAX + 3);
		CHECK(strcmp(o.entries[0].label + n - 3, "…") == 0);
		CHECK(memcmp(o.entries[0].label, "éé", 4) == 0);
		CHECK_INT((n - 3) % 2, 0);
	}
	outline_release(&o);
	return unit_done("test_outline");
}
