/* pdf_module.h - the interface between the program and its PDF module.
 *
 * Reading a PDF needs poppler and glib (some fifty shared libraries), so
 * that code is built apart, as liseuse-pdf.so, and loaded with dlopen() at
 * the first PDF imported; every other start of the program skips them.
 * The module exports one object, LISEUSE_PDF_MODULE_SYMBOL, of the type
 * below; it calls back into the program (xgrow, xasprintf, pdf_lines_add),
 * which exports its symbols (-Wl,--export-dynamic). */
#ifndef LISEUSE_PDF_MODULE_H
#define LISEUSE_PDF_MODULE_H

#include <stddef.h>

#include "pdf_text.h"

/* Changes whenever struct pdf_module or struct pdf_lines changes. */
#define PDF_MODULE_ABI 1
#define LISEUSE_PDF_MODULE_SYMBOL liseuse_pdf_module
#define PDF_MODULE_FILE "liseuse-pdf.so"

struct pdf_module {
	int abi; /* PDF_MODULE_ABI of the module's build */
	/* pdf_text_read() (see pdf_text.h) */
	int (*read)(const char *name, const char *data, size_t n, struct pdf_lines *out,
		    char **err);
};

/* Returns the PDF module, loading it the first time (thread-safe): the file
 * named by $LISEUSE_PDF_MODULE when set, else liseuse-pdf.so next to the
 * running executable, else in src/ of the build tree it runs from, else in
 * PKGLIBDIR.  On failure returns NULL with *err = "name: the PDF module ...
 * cannot be loaded (reason)" (newly allocated; name is the PDF's). */
const struct pdf_module *pdf_module_get(const char *name, char **err);

#endif
