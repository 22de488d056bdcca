/* outline.h - a document's structure: its titles, headings, annexes,
 * numbered paragraphs ("1.", "2.", …), lettered items ("a)", "b)", …) and
 * signature, as a list of entries to move in.
 *
 * Built one paragraph at a time (the document is never whole in memory),
 * from the roles the importer gave (document.h).  Pure text: no curses, no
 * SQL. */
#ifndef LISEUSE_OUTLINE_H
#define LISEUSE_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "document.h"

/* Bytes of a paragraph an entry's label keeps, before "…". */
#define OUTLINE_LABEL_MAX 160

enum outline_kind {
	OUTLINE_TITLE,	   /* "Lettre datée du …", an annex's title */
	OUTLINE_HEADING,   /* "I. Informations générales", "Recommandations" */
	OUTLINE_ANNEX,	   /* "Annexe", "Annexe II" */
	OUTLINE_NUMBERED,  /* "1. Le Séminaire …" */
	OUTLINE_ITEM,	   /* "a) Actualisation …" */
	OUTLINE_SIGNATURE, /* a signature block, one entry */
};

struct outline_entry {
	size_t piece;	       /* the paragraph's first piece */
	enum outline_kind kind;
	int level;	       /* 0 titles, headings, annexes, signature; 1 numbered; 2 items */
	char number[16];       /* "12" for "12. …", "a" for "a) …", else "" */
	char *label;	       /* one line, owned: the paragraph's start, cut with "…" */
};

struct outline {
	struct outline_entry *entries;
	size_t n, cap;
	bool in_signature; /* the last paragraph added was a signature line */
};

void outline_init(struct outline *o);
void outline_release(struct outline *o);

/* Adds the paragraph starting at piece `piece` (pieces continuing a
 * paragraph are not added).  Body text, the masthead, notes and bullets
 * ("- …") make no entry, nor masthead lines given as headings ("Nations
 * Unies", the organ, "Distr. générale", "Original : …").  Consecutive signature lines make one entry,
 * labelled with its "(Signé) …" line when there is one. */
void outline_add(struct outline *o, size_t piece, enum para_role role, const char *text,
		 size_t len);

/* The entry the reader is in at piece: the last one starting at or before
 * it, or -1 before the first.  With top_level, the last entry of level 0
 * (the section rather than the paragraph). */
long outline_entry_at(const struct outline *o, size_t piece, bool top_level);

/* The number of a numbered paragraph or a lettered item at the start of
 * text ("12. …" gives "12", "a) …" gives "a", "iv) …" gives "iv") into
 * out; returns its length, 0 when there is none. */
size_t outline_number(const char *text, size_t len, char out[16]);

#endif
