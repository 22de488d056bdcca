/* test_state.c - the persistent state file: round trip, bad files, limits. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "state.h"
#include "unit.h"
#include "util.h"

static char dir[] = "/tmp/test_state.XXXXXX";

/* Writes text to the file name under dir; returns the path (owned). */
static char *
write_bytes(const char *name, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", dir, name);
	FILE *fp = fopen(path, "w");

	fwrite(text, 1, len, fp);
	fclose(fp);
	return path;
}

#define write_file(name, text) write_bytes(name, text, sizeof text - 1)

static void
test_round_trip(void)
{
	struct state st, back;
	char *path = xasprintf("%s/sub/dir/state", dir), *err = NULL;
	size_t piece = 9, line = 9;

	state_init(&st);
	st.side_by_side = true;
	st.by_relevance = true;
	state_set_filter(&st, "/snapshots/liseuse.db", "oeuvre de:kazakhstan");
	state_set_last(&st, 3, "003_x.txt");
	state_set_position(&st, 3, "003_x.txt", 12, 4);
	state_set_position(&st, 1, "001_x.txt", 1, 0);
	state_set_position(&st, 3, "003_x.txt", 13, 2); /* moves to the front */
	CHECK_INT(st.npos, 2);
	CHECK_INT(st.pos[0].doc_id, 3);
	CHECK_INT(state_save(&st, path, &err), 0);
	CHECK(err == NULL);

	state_init(&back);
	CHECK_INT(state_load(&back, path, &err), 0);
	CHECK(back.side_by_side);
	CHECK(back.by_relevance);
	CHECK_STR(state_get_filter(&back, "/snapshots/liseuse.db"), "oeuvre de:kazakhstan");
	CHECK_INT(back.last_doc, 3);
	CHECK_STR(back.last_source, "003_x.txt");
	CHECK(state_get_position(&back, 3, "003_x.txt", &piece, &line));
	CHECK_INT(piece, 13);
	CHECK_INT(line, 2);
	/* Same id, another source: a rebuilt snapshot, not the same text. */
	CHECK(!state_get_position(&back, 3, "999_other.txt", &piece, &line));
	CHECK(!state_get_position(&back, 42, NULL, &piece, &line));
	state_release(&back);
	state_release(&st);
	free(path);
}

static void
test_bad_files(void)
{
	struct state st;
	char *err = NULL, *path;

	/* Missing file: not an error. */
	state_init(&st);
	path = xasprintf("%s/missing", dir);
	CHECK_INT(state_load(&st, path, &err), 0);
	CHECK(err == NULL);
	free(path);

	path = write_file("badversion", "liseuse-state\t99\nlayout\tside\n");
	CHECK_INT(state_load(&st, path, &err), -1);
	CHECK(err && strstr(err, "badversion:1"));
	free(err);
	err = NULL;
	free(path);

	path = write_file("badline", "liseuse-state\t1\nlayout\tside\npos\tx\t1\t2\ta\n");
	CHECK_INT(state_load(&st, path, &err), -1);
	CHECK(err && strstr(err, "badline:3"));
	free(err);
	err = NULL;
	free(path);

	path = write_file("empty", "");
	CHECK_INT(state_load(&st, path, &err), -1);
	free(err);
	err = NULL;
	free(path);

	path = write_file("binary", "liseuse-state\t1\nfil\0ter\tx\n");
	CHECK_INT(state_load(&st, path, &err), -1);
	free(err);
	err = NULL;
	free(path);

	path = write_file("shortpos", "liseuse-state\t1\npos\t12\n");
	CHECK_INT(state_load(&st, path, &err), 0); /* other fields: a newer version */
	free(path);

	path = write_file("future", "liseuse-state\t1\nbookmark\t3\t4\n");
	CHECK_INT(state_load(&st, path, &err), 0); /* unknown keys are skipped */
	free(path);

	path = write_file("badorder", "liseuse-state\t1\norder\tsideways\n");
	CHECK_INT(state_load(&st, path, &err), -1);
	CHECK(err && strstr(err, "badorder:2"));
	free(err);
	err = NULL;
	free(path);

	path = write_file("notab", "liseuse-state\t1\nlayout\n");
	CHECK_INT(state_load(&st, path, &err), -1);
	free(err);
	err = NULL;
	free(path);
	state_release(&st);
}

static void
test_limits(void)
{
	struct state st;
	size_t piece, line;

	state_init(&st);
	for (int i = 1; i <= STATE_MAX_POSITIONS + 50; i++)
		state_set_position(&st, i, "", (size_t)i, 0);
	CHECK_INT(st.npos, STATE_MAX_POSITIONS);
	CHECK(state_get_position(&st, STATE_MAX_POSITIONS + 50, NULL, &piece, &line));
	CHECK(!state_get_position(&st, 1, NULL, &piece, &line)); /* oldest dropped */
	/* Values with tabs or newlines cannot be stored and are dropped. */
	state_set_filter(&st, "/snapshots/liseuse.db", "a\tb");
	CHECK(state_get_filter(&st, "/snapshots/liseuse.db") == NULL);
	state_release(&st);
}

/* A failed write leaves the previous state file intact. */
static void
test_failed_write(void)
{
	struct state st;
	char *ro = xasprintf("%s/ro", dir), *path = xasprintf("%s/ro/state", dir), *err = NULL;
	FILE *fp;
	char buf[64] = "";

	state_init(&st);
	mkdir(ro, 0700);
	CHECK_INT(state_save(&st, path, &err), 0);
	chmod(ro, 0500);
	state_set_filter(&st, "/snapshots/liseuse.db", "changed");
	if (geteuid() != 0) { /* root writes anyway */
		CHECK_INT(state_save(&st, path, &err), -1);
		CHECK(err != NULL);
		free(err);
		err = NULL;
		fp = fopen(path, "r");
		CHECK(fp != NULL);
		if (fp) {
			CHECK(fgets(buf, sizeof buf, fp) != NULL);
			CHECK_STR(buf, "liseuse-state\t1\n");
			fclose(fp);
		}
	}
	chmod(ro, 0700);
	state_release(&st);
	free(ro);
	free(path);
}

/* A FIFO is refused at once (no writer is waited for) and not replaced. */
static void
test_special_files(void)
{
	struct state st;
	char *path = xasprintf("%s/fifo", dir), *err = NULL;
	struct stat sb;

	state_init(&st);
	CHECK_INT(mkfifo(path, 0600), 0);
	CHECK_INT(state_load(&st, path, &err), -1);
	CHECK(err && strstr(err, path) && strstr(err, "not a regular file"));
	free(err);
	err = NULL;
	CHECK_INT(state_save(&st, path, &err), -1);
	CHECK(err && strstr(err, "not a regular file"));
	CHECK(stat(path, &sb) == 0 && S_ISFIFO(sb.st_mode));
	free(err);
	err = NULL;
	CHECK_INT(state_load(&st, "/dev/zero", &err), -1);
	CHECK(err && strstr(err, "/dev/zero"));
	free(err);
	state_release(&st);
	free(path);
}

int
main(void)
{
	char *cmd;

	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 99;
	}
	test_round_trip();
	test_bad_files();
	test_limits();
	test_failed_write();
	test_special_files();
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	free(cmd);
	return unit_done("test_state");
}
