/* spell.h - Hunspell, loaded with dlopen() at the first use of the French
 * dictionary.
 *
 * Hunspell is a C++ library: linking it brings libstdc++, libm and libgcc_s
 * into every start of the program, and their thousands of symbol
 * relocations doubled the dynamic loader's work before the first screen,
 * which needs no dictionary.  The program is not linked with it; this
 * resolves the few C functions of hunspell.h that lemma.c and pdf_import.c
 * call, from the library of the soname configure found (HUNSPELL_SONAME),
 * once, the first time one of them needs it.  No SQL, no curses. */
#ifndef LISEUSE_SPELL_H
#define LISEUSE_SPELL_H

#include <hunspell.h>

/* Hunspell's functions of the same names (hunspell.h). */
struct spell_api {
	Hunhandle *(*create)(const char *aff, const char *dic);
	void (*destroy)(Hunhandle *dict);
	int (*spell)(Hunhandle *dict, const char *word);
	int (*analyze)(Hunhandle *dict, char ***list, const char *word);
	int (*suggest)(Hunhandle *dict, char ***list, const char *word);
	void (*free_list)(Hunhandle *dict, char ***list, int n);
};

/* Hunspell's functions, the library loaded the first time (thread-safe;
 * it stays loaded).  NULL when it cannot be loaded, with *err (newly
 * allocated) naming the library and the reason, when err is not NULL. */
const struct spell_api *spell_api(char **err);

#endif
