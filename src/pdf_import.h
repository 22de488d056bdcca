/* pdf_import.h - a PDF file into a document: its positioned lines
 * (pdf_text.h), their paragraphs (pdf_layout.h, with Hunspell's French
 * dictionary deciding line-end hyphens) and the metadata (meta.h) of the
 * paragraphs and the page furniture. */
#ifndef LISEUSE_PDF_IMPORT_H
#define LISEUSE_PDF_IMPORT_H

#include <stddef.h>

#include "document.h"

/* Builds doc from the PDF in data (n bytes); name stands for the file in
 * messages, source is its base name (for the metadata).  Returns 0, or -1
 * with *err = "name: reason" (newly allocated) and doc left empty. */
int pdf_import(const char *name, const char *data, size_t n, const char *source,
	       struct document *doc, char **err);

#endif
