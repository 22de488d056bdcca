/* test_state_faults.c - the state file when its directory misbehaves:
 * missing, a file in its place, read-only (/proc, chattr +i), a write that
 * fails half-way (file size limit, or a full tmpfs with --enospc DIR), and
 * a corrupt file.  A failed save returns -1 with a message naming the path,
 * leaves the previous file byte for byte, and leaves no temporary file. */
#include "config.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/test_state_faults.XXXXXX";

/* Number of entries of d whose name contains ".tmp". */
static int
count_temporaries(const char *d)
{
	DIR *dp = opendir(d);
	struct dirent *e;
	int n = 0;

	if (dp == NULL)
		return 0;
	while ((e = readdir(dp)) != NULL)
		if (strstr(e->d_name, ".tmp"))
			n++;
	closedir(dp);
	return n;
}

/* A state big enough that writing it takes more than a few blocks. */
static void
fill(struct state *st, const char *filter)
{
	state_init(st);
	state_set_filter(st, "/snapshots/liseuse.db", filter);
	state_set_last(st, 7, "007_doc.txt");
	for (int i = 1; i <= STATE_MAX_POSITIONS; i++) {
		char source[200];

		snprintf(source, sizeof source, "%03d_%0150d.txt", i, i);
		state_set_position(st, i, source, (size_t)i * 3, (size_t)i);
	}
}

/* Saves a first state to path, then checks that saving another fails
 * through `how` and leaves the first one intact. */
static void
expect_failed_save_keeps(const char *path, const char *how)
{
	struct state st;
	char *err = NULL, *before, *after, *parent = xstrdup(path);

	*strrchr(parent, '/') = '\0';
	before = unit_read_file(path, NULL);
	CHECK(before != NULL);
	fill(&st, "second state");
	if (state_save(&st, path, &err) == 0) {
		fprintf(stderr, "%s: the save did not fail\n", how);
		CHECK(0);
	}
	CHECK(err != NULL && strstr(err, path) != NULL);
	after = unit_read_file(path, NULL);
	CHECK(before && after && strcmp(before, after) == 0);
	CHECK_INT(count_temporaries(parent), 0);
	free(err);
	free(before);
	free(after);
	free(parent);
	state_release(&st);
}

static void
test_missing_dir(void)
{
	struct state st, back;
	char *path = xasprintf("%s/a/b/c/liseuse/state", dir), *err = NULL;

	state_init(&st);
	state_init(&back);
	/* Loading from a directory that does not exist: nothing, no error. */
	CHECK_INT(state_load(&back, path, &err), 0);
	CHECK(err == NULL);
	state_set_filter(&st, "/snapshots/liseuse.db", "oeuvre");
	CHECK_INT(state_save(&st, path, &err), 0);
	CHECK_INT(state_load(&back, path, &err), 0);
	CHECK_STR(state_get_filter(&back, "/snapshots/liseuse.db"), "oeuvre");
	state_release(&st);
	state_release(&back);
	free(path);
}

/* A regular file where the directory should be (works even for root). */
static void
test_file_as_dir(void)
{
	struct state st;
	char *blocker = xasprintf("%s/blocker", dir);
	char *path = xasprintf("%s/blocker/liseuse/state", dir), *err = NULL;
	FILE *fp = fopen(blocker, "w");

	fclose(fp);
	state_init(&st);
	CHECK_INT(state_load(&st, path, &err), -1); /* ENOTDIR is not "missing" */
	CHECK(err && strstr(err, path));
	free(err);
	err = NULL;
	CHECK_INT(state_save(&st, path, &err), -1);
	CHECK(err && strstr(err, "blocker"));
	free(err);
	state_release(&st);
	free(blocker);
	free(path);
}

/* /proc refuses new files even to root. */
static void
test_read_only_proc(void)
{
	struct state st;
	char *err = NULL;
	const char *path = "/proc/liseuse-test/liseuse/state";
	struct stat sb;

	if (stat("/proc/self", &sb) < 0) {
		printf("/proc missing: read-only case skipped\n");
		return;
	}
	state_init(&st);
	CHECK_INT(state_save(&st, path, &err), -1);
	CHECK(err != NULL);
	free(err);
	err = NULL;
	/* A directory that exists but takes no file. */
	CHECK_INT(state_save(&st, "/proc/self/liseuse-state", &err), -1);
	CHECK(err != NULL);
	free(err);
	state_release(&st);
}

/* chattr +i makes a directory read-only for root too, where supported. */
static void
test_immutable_dir(void)
{
	struct state st;
	char *sub = xasprintf("%s/immutable", dir), *path = xasprintf("%s/state", sub);
	char *cmd = xasprintf("chattr +i '%s' 2>/dev/null", sub), *err = NULL;

	fill(&st, "first state");
	mkdir(sub, 0700);
	CHECK_INT(state_save(&st, path, &err), 0);
	if (system(cmd) != 0) {
		printf("chattr +i not supported here: immutable directory skipped\n");
	} else {
		expect_failed_save_keeps(path, "chattr +i");
		free(cmd);
		cmd = xasprintf("chattr -i '%s'", sub);
		CHECK_INT(system(cmd), 0);
	}
	state_release(&st);
	free(cmd);
	free(sub);
	free(path);
}

/* A write that fails half-way (as on a full disk): the file size limit
 * makes write() fail with EFBIG after the first bytes. */
static void
test_write_fails(void)
{
	struct state st;
	struct rlimit old, lim;
	char *path = xasprintf("%s/limited/state", dir), *err = NULL;

	state_init(&st);
	state_set_filter(&st, "/snapshots/liseuse.db", "first");
	CHECK_INT(state_save(&st, path, &err), 0);
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = 4096;
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &lim), 0);
	expect_failed_save_keeps(path, "RLIMIT_FSIZE");
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);
	state_release(&st);
	free(path);
}

/* A corrupt file is refused with its line number; a failed save over it
 * leaves it as it was; a successful save replaces it whole. */
static void
test_corrupt(void)
{
	static const char garbage[] = "liseuse-state\t1\nlayout\tside\n\377\376junk";
	struct state st;
	char *sub = xasprintf("%s/corrupt", dir), *path = xasprintf("%s/state", sub);
	char *err = NULL, *back;
	struct rlimit old, lim;
	FILE *fp;

	mkdir(sub, 0700);
	fp = fopen(path, "wb");
	fwrite(garbage, 1, sizeof garbage - 1, fp);
	fclose(fp);
	state_init(&st);
	CHECK_INT(state_load(&st, path, &err), -1);
	CHECK(err && strstr(err, "state:3"));
	free(err);
	err = NULL;
	state_release(&st);

	/* The disk fills while the state replaces the corrupt file. */
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	lim = old;
	lim.rlim_cur = 4096;
	CHECK_INT(setrlimit(RLIMIT_FSIZE, &lim), 0);
	expect_failed_save_keeps(path, "corrupt + RLIMIT_FSIZE");
	setrlimit(RLIMIT_FSIZE, &old);
	signal(SIGXFSZ, SIG_DFL);

	fill(&st, "replaced");
	CHECK_INT(state_save(&st, path, &err), 0);
	state_release(&st);
	back = unit_read_file(path, NULL);
	CHECK(back && strncmp(back, "liseuse-state\t1\n", 16) == 0 && !strstr(back, "junk"));
	free(back);
	free(sub);
	free(path);
}

/* --enospc DIR: DIR is a small full-able file system (a 64 KB tmpfs set
 * up by tests/state_faults.sh); fills it, then saves. */
static int
run_enospc(const char *fsdir)
{
	struct state st;
	char *path = xasprintf("%s/liseuse/state", fsdir), *filler = xasprintf("%s/filler", fsdir);
	char *err = NULL, block[4096];
	FILE *fp;

	state_init(&st);
	state_set_filter(&st, "/snapshots/liseuse.db", "before the disk filled");
	CHECK_INT(state_save(&st, path, &err), 0);
	memset(block, 'x', sizeof block);
	fp = fopen(filler, "wb");
	CHECK(fp != NULL);
	if (fp) {
		while (fwrite(block, 1, sizeof block, fp) == sizeof block)
			;
		fclose(fp);
	}
	expect_failed_save_keeps(path, "ENOSPC");
	state_release(&st);
	free(path);
	free(filler);
	return unit_done("test_state_faults --enospc");
}

int
main(int argc, char **argv)
{
	char *cmd;

	if (argc == 3 && strcmp(argv[1], "--enospc") == 0)
		return run_enospc(argv[2]);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 99;
	}
	test_missing_dir();
	test_file_as_dir();
	test_read_only_proc();
	test_immutable_dir();
	test_write_fails();
	test_corrupt();
	cmd = xasprintf("chattr -R -i '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return unit_done("test_state_faults");
}
