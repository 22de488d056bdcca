/* spell.c - loading Hunspell at its first use (see spell.h). */
#include "config.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <string.h>

#include "i18n.h"
#include "spell.h"
#include "util.h"

static pthread_once_t spell_once = PTHREAD_ONCE_INIT;
static struct spell_api api;
static const struct spell_api *loaded;
static char *spell_error; /* why it failed, or NULL */

/* dlsym as a function pointer (POSIX guarantees the conversion). */
#define SPELL_RESOLVE(handle, field, name, missing)                             \
	do {                                                                    \
		void *sym_ = dlsym((handle), (name));                           \
		if (sym_ == NULL && (missing) == NULL)                          \
			(missing) = (name);                                     \
		memcpy(&api.field, &sym_, sizeof sym_);                         \
	} while (0)

static void
spell_load(void)
{
	const char *missing = NULL;
	void *handle = dlopen(HUNSPELL_SONAME, RTLD_NOW | RTLD_LOCAL);

	if (handle == NULL) {
		const char *why = dlerror();

		spell_error = xstrdup(why != NULL ? why : _("unknown error"));
		return;
	}
	SPELL_RESOLVE(handle, create, "Hunspell_create", missing);
	SPELL_RESOLVE(handle, destroy, "Hunspell_destroy", missing);
	SPELL_RESOLVE(handle, spell, "Hunspell_spell", missing);
	SPELL_RESOLVE(handle, analyze, "Hunspell_analyze", missing);
	SPELL_RESOLVE(handle, suggest, "Hunspell_suggest", missing);
	SPELL_RESOLVE(handle, free_list, "Hunspell_free_list", missing);
	if (missing != NULL) {
		spell_error = xasprintf(_("no symbol %s in it"), missing);
		dlclose(handle);
		return;
	}
	/* kept loaded until the end */
	loaded = &api;
}

const struct spell_api *
spell_api(char **err)
{
	pthread_once(&spell_once, spell_load);
	if (loaded == NULL && err != NULL)
		*err = xasprintf(_("%s: the Hunspell library cannot be loaded (%s)"), HUNSPELL_SONAME,
				 spell_error);
	return loaded;
}
