/* document.h - the in-memory form of one document: metadata and paragraphs.
 *
 * This is what the importer produces (reflow + markup + metadata) and what
 * the store writes; the store hands paragraphs back one at a time in the same
 * form.  All text is NFC UTF-8 without newlines; markup has been removed and
 * bold is kept as byte ranges. */
#ifndef LISEUSE_DOCUMENT_H
#define LISEUSE_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a paragraph is, so the layout can indent and style it. */
enum para_role {
	PARA_BODY = 0,   /* running text */
	PARA_FRONT,      /* masthead lines: organ, "Distr. générale", date, language */
	PARA_TITLE,      /* "Lettre datée du …" and annex titles */
	PARA_HEADING,    /* "Annexe", "I. Informations générales", … */
	PARA_NUMBERED,   /* "1. Le Séminaire …" */
	PARA_ITEM,       /* "a) …", "- …", "• …" */
	PARA_SIGNATURE,  /* "L'Ambassadeur,", "(Signé) …": one line each */
	PARA_NOTE,       /* a footnote, stored right after the paragraph that calls it */
	PARA_ROLE_COUNT
};

/* True when a paragraph of role `role` right after one of role `prev` is
 * another line of the same block (masthead, signature lines, footnotes), shown
 * without a blank line between them. */
bool paragraph_joins_previous(enum para_role prev, enum para_role role);

struct text_span {
	uint32_t start; /* byte offset, inclusive */
	uint32_t end;   /* byte offset, exclusive */
};

struct paragraph {
	enum para_role role;
	char *text;              /* owned, NUL-terminated */
	size_t len;              /* bytes, without the NUL */
	struct text_span *bold;  /* owned, sorted, may be NULL */
	size_t nbold;
	int page;                /* page the paragraph starts on, from 1; 0: unknown */
};

/* Metadata.  Every string is owned and may be NULL when unknown. */
struct doc_meta {
	char *kind;        /* "Lettre", "Note verbale", … */
	char *date;        /* ISO date of the letter or note: "2014-03-19" */
	char *sender;      /* State: "Kazakhstan", "Bélarus", "Ukraine" */
	char *addressee;   /* "Secrétaire général", "secrétariat de la Conférence du désarmement" */
	char *organ;       /* "Conseil de sécurité", "Conférence du désarmement", …;
			    * "; "-separated when the symbols name several:
			    * "Assemblée générale; Conseil de sécurité" */
	char *language;    /* original language: "anglais", "russe" */
	char *title;       /* the opening "Lettre datée du … " sentence */
	char *source;      /* source file name, without directories */
	char *symbols;     /* the document's own symbols, space-separated: "A/64/666 S/2010/84" */
	char *resolutions; /* cited resolutions, "; "-separated: "1540 (2004); 2325 (2016)" */
	char *job_number;  /* the UN job number of the French text: "24-01234 (F)" */
};

struct document {
	struct doc_meta meta;
	struct paragraph *paras; /* owned */
	size_t npara;
	size_t cap;
	/* Worked out before the document reaches the store, so that its writer
	 * need not (store_prepare_document); NULL when not worked out (the store
	 * then finds the citations itself and rebuilds its vocabulary from the
	 * index). */
	char *cites; /* the symbols the text cites (links_cited), each once,
		      * '\n'-separated, sorted */
	char *words; /* the folded words (fold.h) of the pieces the store cuts
		      * the document into, each once, each ending in '\0' */
	uint32_t *word_pieces; /* for each word, the number of pieces holding it */
	size_t nwords;
};

void document_init(struct document *doc);
/* Frees everything the document owns and leaves it empty. */
void document_release(struct document *doc);
/* Appends a paragraph, taking ownership of `text` (len bytes) and of `bold`.
 * Returns the new paragraph. */
struct paragraph *document_add_paragraph(struct document *doc, enum para_role role,
					 char *text, size_t len,
					 struct text_span *bold, size_t nbold);
void paragraph_release(struct paragraph *p);
void doc_meta_release(struct doc_meta *meta);

#endif
