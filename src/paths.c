/* paths.c - locating the bundled snapshot in the build or install tree. */
#include "config.h"

#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "util.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/liseuse"
#endif

char *
paths_executable_dir(void)
{
	char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n <= 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(dirname(buf));
}

char *
paths_default_snapshot(char **err)
{
	char *dir = paths_executable_dir();
	char *installed = xstrdup(PKGDATADIR "/liseuse.db");

	/* A build tree has config.status at its top, one level above src/. */
	if (dir != NULL) {
		char *marker = xasprintf("%s/../config.status", dir);
		int in_build_tree = access(marker, F_OK) == 0;

		free(marker);
		if (in_build_tree) {
			char *built = xasprintf("%s/../data/liseuse.db", dir);

			free(dir);
			if (access(built, F_OK) == 0) {
				free(installed);
				return built;
			}
			*err = xasprintf(_("no snapshot in the build tree (%s): run make first"), built);
			free(built);
			free(installed);
			return NULL;
		}
		free(dir);
	}
	if (access(installed, F_OK) == 0)
		return installed;
	*err = xasprintf(_("no snapshot at %s: reinstall liseuse or use --db FILE"), installed);
	free(installed);
	return NULL;
}
