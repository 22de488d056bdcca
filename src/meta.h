/* meta.h - metadata of a UN letter or note verbale, from its paragraphs.
 *
 * Reads the masthead (PARA_FRONT), the opening title ("Lettre datée du …,
 * adressée au … par …"), the running text and the page furniture of the raw
 * text (the document's own symbols appear there, on lines of their own).
 * Knows nothing of files or SQL. */
#ifndef LISEUSE_META_H
#define LISEUSE_META_H

#include <stddef.h>

#include "document.h"

/* Fills doc->meta (releasing what was there) from doc's paragraphs and the
 * raw text they came from (raw may be NULL: no symbols then).  `source` is
 * the file's base name (may be NULL).  Fields that cannot be found are NULL.
 * organ may name several organs, "; "-separated, when the document's
 * symbols belong to several ("A/64/666 S/2010/84": "Assemblée générale;
 * Conseil de sécurité"). */
void meta_extract(struct document *doc, const char *raw, size_t raw_len, const char *source);

/* Parses a French date ("19 mars 2014", "1er février 2018") at the start
 * of s into "YYYY-MM-DD" in iso (11 bytes).  Returns the bytes consumed,
 * or 0 when s does not start with a date. */
size_t meta_parse_date(const char *s, char iso[11]);

#endif
