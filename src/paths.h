/* paths.h - where the bundled snapshot is. */
#ifndef LISEUSE_PATHS_H
#define LISEUSE_PATHS_H

/* Finds the bundled snapshot: data/liseuse.db of the build tree when the
 * program runs from one (a config.status next to its directory's parent),
 * else $(pkgdatadir)/liseuse.db.  Returns a newly allocated path, or NULL
 * with *err set to a message listing the places looked at. */
char *paths_default_snapshot(char **err);

/* Returns the directory holding the running executable (newly allocated),
 * or NULL when /proc/self/exe cannot be read. */
char *paths_executable_dir(void);

#endif
