/* args_fuzzer.c - libFuzzer target for the command line: the input is an
 * argument vector (arguments separated by NUL bytes, at most
 * FUZZ_ARGS_MAX), run through the program's own main() (src/main.c,
 * included here under another name) in a private directory holding a small
 * snapshot (s.db), a text file (a.txt) and a directory of texts (d/).
 *
 * Nothing is written outside that directory: an input with an argument
 * holding '/' or ".." is skipped, so every path names something inside it,
 * and the directory is restored before each run.  The screen is not run:
 * without a command the program would open it, and fuzz_ui_main() below
 * takes its place, checking only what it is given.  The program's stdout
 * and stderr go to /dev/null during a run (sanitizer reports still reach
 * the terminal: they write to the file descriptor). */
#include "config.h"

#include <dirent.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store.h"
#include "ui.h"

/* main.c under another name, calling the stand-in for the screen. */
static int fuzz_ui_main(struct store *store, const struct ui_options *opts);
int liseuse_main(int argc, char **argv);
#define main liseuse_main
#define ui_main fuzz_ui_main
#include "main.c"
#undef ui_main
#undef main

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_ARGS_MAX 16

static char *work_dir;
static FILE *null_out; /* stdout and stderr during a run */
static int home_fd = -1; /* the directory to return to after a run */
static char *snapshot_bytes;
static size_t snapshot_size;

static const char document_text[] =
    "Lettre datée du 2 mars 2020, adressée au Secrétaire général\n\n"
    "La sécurité de l’Organisation. Cote : S/2020/12.\n\n"
    "Deuxième paragraphe sur la résolution 1540 (2004) et les « mesures ».\n";

/* The screen's stand-in: the store is open and the filter, if any, is text. */
static int
fuzz_ui_main(struct store *store, const struct ui_options *opts)
{
	int64_t count;
	char *err = NULL;

	if (store == NULL || store_count_documents(store, &count, &err) != 0)
		abort();
	if (opts->initial_filter != NULL && strlen(opts->initial_filter) == SIZE_MAX)
		abort();
	return 0;
}

static void
write_file(const char *name, const char *bytes, size_t n)
{
	FILE *f = fopen(name, "wb");

	if (f == NULL || fwrite(bytes, 1, n, f) != n || fclose(f) != 0)
		abort();
}

/* Removes everything in the current directory but the three fixtures,
 * and restores those. */
static void
restore_directory(void)
{
	DIR *d = opendir(".");
	struct dirent *ent;

	if (d == NULL)
		abort();
	while ((ent = readdir(d)) != NULL) {
		if (strcmp(ent->d_name, ".") == 0 || strcmp(ent->d_name, "..") == 0 ||
		    strcmp(ent->d_name, "d") == 0)
			continue;
		unlink(ent->d_name);
	}
	closedir(d);
	write_file("s.db", snapshot_bytes, snapshot_size);
	write_file("a.txt", document_text, sizeof document_text - 1);
}

/* Removes the private directory at exit. */
static void
remove_work(void)
{
	if (chdir(work_dir) != 0)
		return;
	restore_directory();
	unlink("s.db");
	unlink("a.txt");
	unlink("d/b.txt");
	rmdir("d");
	if (fchdir(home_fd) == 0)
		rmdir(work_dir);
}

/* Runs the program's main() with its output thrown away. */
static int
run_main(int argc, char **argv)
{
	FILE *out = stdout, *err = stderr;
	int status;

	/* libFuzzer reads its corpus by relative paths: back home afterwards */
	if (chdir(work_dir) != 0)
		abort();
	stdout = null_out;
	stderr = null_out;
	optind = 0; /* getopt starts afresh */
	status = liseuse_main(argc, argv);
	fflush(null_out);
	clearerr(null_out);
	stdout = out;
	stderr = err;
	if (fchdir(home_fd) != 0)
		abort();
	return status;
}

/* Builds the snapshot once with the program's importer, keeps its bytes. */
static void
setup(void)
{
	const char *tmp = getenv("TMPDIR");
	char *templ = xasprintf("%s/args_fuzzer.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");
	char *import_argv[] = {"liseuse", "--db", "s.db", "import", "a.txt", NULL};
	FILE *f;
	long n;

	home_fd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	work_dir = mkdtemp(templ);
	if (home_fd < 0 || work_dir == NULL || chdir(work_dir) != 0)
		abort();
	setenv("HOME", work_dir, 1);
	setenv("XDG_STATE_HOME", work_dir, 1);
	setenv("XDG_DATA_HOME", work_dir, 1);
	unsetenv("LISEUSE_FAIL_ALLOC");
	null_out = fopen("/dev/null", "w");
	if (null_out == NULL)
		abort();
	mkdir("d", 0755);
	write_file("d/b.txt", document_text, sizeof document_text - 1);
	write_file("a.txt", document_text, sizeof document_text - 1);
	if (fchdir(home_fd) != 0)
		abort();
	atexit(remove_work);
	if (run_main(5, import_argv) != 0)
		abort();
	if (chdir(work_dir) != 0)
		abort();
	f = fopen("s.db", "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) <= 0)
		abort();
	rewind(f);
	snapshot_size = (size_t)n;
	snapshot_bytes = xmalloc(snapshot_size);
	if (fread(snapshot_bytes, 1, snapshot_size, f) != snapshot_size)
		abort();
	fclose(f);
	if (fchdir(home_fd) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *argv[FUZZ_ARGS_MAX + 2];
	char *copy;
	int argc = 1, status;
	size_t at = 0;

	if (work_dir == NULL)
		setup();
	if (memmem(data, size, "..", 2) != NULL || memchr(data, '/', size) != NULL)
		return 0;
	copy = xmalloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[0] = "liseuse";
	while (at < size && argc <= FUZZ_ARGS_MAX) {
		argv[argc++] = copy + at;
		at += strlen(copy + at) + 1;
	}
	argv[argc] = NULL;
	if (chdir(work_dir) != 0)
		abort();
	restore_directory();
	status = run_main(argc, argv);
	if (status < 0 || status > 2)
		abort();
	free(copy);
	return 0;
}
