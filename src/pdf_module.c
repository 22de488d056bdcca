/* pdf_module.c - loading the PDF module at the first PDF (see pdf_module.h). */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "pdf_module.h"
#include "util.h"

#ifndef PKGLIBDIR
#define PKGLIBDIR "/usr/local/lib/liseuse"
#endif

#define STR_(x) #x
#define STR(x) STR_(x)

static pthread_once_t module_once = PTHREAD_ONCE_INIT;
static const struct pdf_module *module;
static char *module_path;  /* the file tried (last), for messages */
static char *module_error; /* why it failed, or NULL */

/* The file to load: the first of the candidates that exists, else the
 * installed one (newly allocated). */
static char *
module_file(void)
{
	const char *env = getenv("LISEUSE_PDF_MODULE");
	char *dir;

	if (env != NULL && env[0] != '\0')
		return xstrdup(env);
	dir = paths_executable_dir();
	if (dir != NULL) {
		char *beside = xasprintf("%s/" PDF_MODULE_FILE, dir);
		char *built = xasprintf("%s/../src/" PDF_MODULE_FILE, dir);
		char *marker = xasprintf("%s/../config.status", dir);
		char *found = NULL;

		if (access(beside, F_OK) == 0)
			found = beside;
		else if (access(marker, F_OK) == 0 && access(built, F_OK) == 0)
			found = built;
		if (found != beside)
			free(beside);
		if (found != built)
			free(built);
		free(marker);
		free(dir);
		if (found != NULL)
			return found;
	}
	return xstrdup(PKGLIBDIR "/" PDF_MODULE_FILE);
}

static void
module_load(void)
{
	void *handle;
	const struct pdf_module *m;

	module_path = module_file();
	handle = dlopen(module_path, RTLD_NOW | RTLD_LOCAL);
	if (handle == NULL) {
		const char *why = dlerror();

		module_error = xstrdup(why != NULL ? why : _("unknown error"));
		return;
	}
	m = dlsym(handle, STR(LISEUSE_PDF_MODULE_SYMBOL));
	if (m == NULL) {
		module_error = xasprintf(_("no symbol %s in it"), STR(LISEUSE_PDF_MODULE_SYMBOL));
		dlclose(handle);
		return;
	}
	if (m->abi != PDF_MODULE_ABI || m->read == NULL) {
		module_error = xasprintf(_("it is of version %d, the program of version %d: "
					   "reinstall liseuse"),
					 m->abi, PDF_MODULE_ABI);
		dlclose(handle);
		return;
	}
	/* kept loaded until the end */
	module = m;
}

const struct pdf_module *
pdf_module_get(const char *name, char **err)
{
	pthread_once(&module_once, module_load);
	if (module == NULL)
		*err = xasprintf(_("%s: cannot read PDF files: the PDF module %s cannot be "
				   "loaded (%s)"),
				 name, module_path, module_error);
	return module;
}
