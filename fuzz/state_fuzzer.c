/* state_fuzzer.c - libFuzzer target for the state file parser: any bytes as
 * a state file load without a crash (or are refused with a message); what
 * was loaded saves, and the saved file loads back to the same state. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "state.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *dir, *input_path, *saved_path;

static void
remove_files(void)
{
	unlink(input_path);
	unlink(saved_path);
	rmdir(dir);
}

/* One private directory per process, removed at exit. */
static void
setup(void)
{
	const char *tmp = getenv("TMPDIR");
	char *templ = xasprintf("%s/state_fuzzer.XXXXXX", tmp && tmp[0] ? tmp : "/tmp");

	dir = mkdtemp(templ);
	if (dir == NULL) {
		perror("state_fuzzer: mkdtemp");
		abort();
	}
	input_path = xasprintf("%s/input", dir);
	saved_path = xasprintf("%s/saved", dir);
	atexit(remove_files);
}

static bool
same_string(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct state st, back;
	char *err = NULL;
	FILE *fp;

	if (dir == NULL)
		setup();
	fp = fopen(input_path, "wb");
	if (fp == NULL || fwrite(data, 1, size, fp) != size || fclose(fp) != 0)
		abort();
	state_init(&st);
	if (state_load(&st, input_path, &err) < 0) {
		if (err == NULL || strstr(err, input_path) == NULL)
			abort();
		free(err);
		err = NULL;
	}
	if (st.npos > STATE_MAX_POSITIONS)
		abort();
	/* Whatever was loaded can be saved, and reads back the same. */
	if (state_save(&st, saved_path, &err) < 0)
		abort();
	state_init(&back);
	if (state_load(&back, saved_path, &err) < 0)
		abort();
	if (back.side_by_side != st.side_by_side || back.nfilters != st.nfilters ||
	    back.npos != st.npos || (st.last_doc > 0 && back.last_doc != st.last_doc))
		abort();
	if (st.nfilters > STATE_MAX_FILTERS)
		abort();
	for (size_t i = 0; i < st.nfilters; i++) {
		if (!same_string(back.filters[i].snapshot, st.filters[i].snapshot) ||
		    !same_string(back.filters[i].text, st.filters[i].text))
			abort();
	}
	for (size_t i = 0; i < st.npos; i++) {
		if (back.pos[i].doc_id != st.pos[i].doc_id ||
		    back.pos[i].piece != st.pos[i].piece || back.pos[i].line != st.pos[i].line)
			abort();
	}
	state_release(&back);
	state_release(&st);
	return 0;
}
