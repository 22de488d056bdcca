/* lsan.c - keeps LeakSanitizer quiet about a leak that is not ours, in the
 * --enable-asan build only: on the Linux console (TERM=linux) ncurses loads
 * libgpm for the mouse, and gpm never frees a few bytes; its stack cannot be
 * unwound (gpm is unloaded by then), so no suppression can name it.  The
 * screen tests start the program with a clean environment, so the build
 * itself sets NCURSES_GPM_TERMS (empty: gpm never used) unless the user
 * did.  Normal builds are unchanged.  For valgrind see fuzz/valgrind.supp. */
#include "config.h"

#include <stdlib.h>

#if defined(__SANITIZE_ADDRESS__)
#define LISEUSE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LISEUSE_ASAN 1
#endif
#endif

#ifdef LISEUSE_ASAN
/* Runs before main. */
__attribute__((constructor)) static void
no_gpm_under_asan(void)
{
	setenv("NCURSES_GPM_TERMS", "", 0);
}
#else
/* ISO C forbids an empty translation unit. */
typedef int lsan_unused;
#endif
