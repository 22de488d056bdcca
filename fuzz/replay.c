/* replay.c - runs a fuzz target without libFuzzer: feeds every file of the
 * directories named on the command line (by default the target's seed
 * corpus and regression inputs under $top_srcdir/fuzz) to
 * LLVMFuzzerTestOneInput, so past crashers are replayed by `make check`
 * with the normal compiler and sanitizers.  FUZZ_TARGET names the target. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

#ifndef FUZZ_TARGET
#error "FUZZ_TARGET must name the fuzz target"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Reads a whole file; returns NULL (after a message) when it cannot. */
static uint8_t *
read_input(const char *path, size_t *size)
{
	FILE *fp = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t len = 0, cap = 0, got;

	if (fp == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return NULL;
	}
	do {
		buf = xgrow(buf, &cap, len + 65536, 1);
		got = fread(buf + len, 1, cap - len, fp);
		len += got;
	} while (got > 0);
	if (ferror(fp)) {
		fprintf(stderr, "%s: read error\n", path);
		free(buf);
		buf = NULL;
	}
	fclose(fp);
	*size = len;
	return buf;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays every regular file of dir in name order; a missing directory is
 * empty.  Returns the number of inputs run, or -1 when one cannot be read. */
static long
replay_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *ent;
	char **names = NULL;
	size_t n = 0, cap = 0;
	long count = 0;

	if (d == NULL)
		return errno == ENOENT ? 0 : -1;
	while ((ent = readdir(d)) != NULL) {
		if (ent->d_name[0] == '.')
			continue;
		names = xgrow(names, &cap, n + 1, sizeof *names);
		names[n++] = xasprintf("%s/%s", dir, ent->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, compare_names);
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		size_t size;
		uint8_t *data;

		if (stat(names[i], &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		data = read_input(names[i], &size);
		if (data == NULL) {
			count = -1;
			continue;
		}
		if (getenv("REPLAY_VERBOSE"))
			fprintf(stderr, "%s\n", names[i]);
		LLVMFuzzerTestOneInput(data, size);
		free(data);
		if (count >= 0)
			count++;
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return count;
}

int
main(int argc, char **argv)
{
	const char *top = getenv("top_srcdir");
	long total = 0, got;
	char *dirs[2];

	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			if ((got = replay_dir(argv[i])) < 0) {
				fprintf(stderr, "replay: cannot read %s\n", argv[i]);
				return 99;
			}
			total += got;
		}
		printf("%s: %ld inputs replayed\n", FUZZ_TARGET, total);
		return 0;
	}
	if (top == NULL)
		top = ".";
	dirs[0] = xasprintf("%s/fuzz/corpus/%s", top, FUZZ_TARGET);
	dirs[1] = xasprintf("%s/fuzz/regressions/%s", top, FUZZ_TARGET);
	for (int i = 0; i < 2; i++) {
		if ((got = replay_dir(dirs[i])) < 0) {
			fprintf(stderr, "replay: cannot read %s\n", dirs[i]);
			return 99;
		}
		printf("%s: %ld inputs replayed from %s\n", FUZZ_TARGET, got, dirs[i]);
		total += got;
		free(dirs[i]);
	}
	/* No seed at all means the corpus was not found: fail rather than pass empty. */
	if (total == 0) {
		fprintf(stderr, "replay: no input found for %s under %s/fuzz\n", FUZZ_TARGET, top);
		return 99;
	}
	return 0;
}
