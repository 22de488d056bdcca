/* document.c - ownership helpers for struct document. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "document.h"
#include "util.h"

bool
paragraph_joins_previous(enum para_role prev, enum para_role role)
{
	return prev == role && (role == PARA_FRONT || role == PARA_SIGNATURE || role == PARA_NOTE);
}

void
document_init(struct document *doc)
{
	memset(doc, 0, sizeof *doc);
}

void
paragraph_release(struct paragraph *p)
{
	free(p->text);
	free(p->bold);
	memset(p, 0, sizeof *p);
}

void
doc_meta_release(struct doc_meta *m)
{
	free(m->kind);
	free(m->date);
	free(m->sender);
	free(m->addressee);
	free(m->organ);
	free(m->language);
	free(m->title);
	free(m->source);
	free(m->symbols);
	free(m->resolutions);
	free(m->job_number);
	memset(m, 0, sizeof *m);
}

void
document_release(struct document *doc)
{
	for (size_t i = 0; i < doc->npara; i++)
		paragraph_release(&doc->paras[i]);
	free(doc->paras);
	free(doc->cites);
	free(doc->words);
	free(doc->word_pieces);
	doc_meta_release(&doc->meta);
	document_init(doc);
}

struct paragraph *
document_add_paragraph(struct document *doc, enum para_role role, char *text,
		       size_t len, struct text_span *bold, size_t nbold)
{
	struct paragraph *p;

	doc->paras = xgrow(doc->paras, &doc->cap, doc->npara + 1, sizeof *doc->paras);
	p = &doc->paras[doc->npara++];
	p->role = role;
	p->text = text;
	p->len = len;
	p->bold = bold;
	p->nbold = nbold;
	p->page = 0;
	return p;
}
