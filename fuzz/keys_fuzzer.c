/* keys_fuzzer.c - libFuzzer target: terminal bytes -> keys -> the screen's
 * state, drawn by ncurses into a terminal that is /dev/null.
 *
 * Input: rows (byte 0), columns (byte 1), the locale's kind and layout
 * (byte 2), then chunks, each a header byte and that many bytes (the low
 * 7 bits, up to 127) read at once; a header with the high bit set lets the
 * escape and paste timeouts pass before its bytes.  The panes work on the
 * bundled snapshot (LISEUSE_FUZZ_DB, else the one of the build tree).
 * Checks after every chunk: the filter stays valid UTF-8 without control
 * characters and within FILTER_MAX_BYTES, and the screen keeps its size. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistr.h>

#include "store.h"
#include "ui_priv.h"

#ifndef FUZZ_DB
#define FUZZ_DB "data/liseuse.db"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct store *store;
static SCREEN *screen;

/* The snapshot and a terminal that is not one, set up once. */
static void
setup(void)
{
	const char *db = getenv("LISEUSE_FUZZ_DB");
	char *err = NULL;
	FILE *out, *in;

	if (screen)
		return;
	if (store_open(db && db[0] ? db : FUZZ_DB, STORE_READ_ONLY, &store, &err) != 0) {
		fprintf(stderr, "keys_fuzzer: %s\n", err ? err : "cannot open the snapshot");
		abort();
	}
	out = fopen("/dev/null", "w");
	in = fopen("/dev/null", "r");
	screen = out && in ? newterm("xterm-256color", out, in) : NULL;
	if (!screen) {
		fprintf(stderr, "keys_fuzzer: no terminal for xterm-256color\n");
		abort();
	}
	set_term(screen);
	cbreak();
	noecho();
	nodelay(stdscr, TRUE);
}

/* What the filter bar holds is something a person could have typed. */
static void
check_filter(const struct ui *ui)
{
	const char *text = filter_text(ui);
	size_t len = strlen(text);

	if (len > FILTER_MAX_BYTES || u8_check((const uint8_t *)text, len) != NULL)
		abort();
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20 || text[i] == 0x7f)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ui *ui;
	size_t pos = 3;
	long now = 1000000;
	int rows, cols;

	if (size < 3)
		return 0;
	setup();
	rows = 1 + data[0] % 60;
	cols = 1 + data[1] % 200;
	ui = ui_headless_new(store, rows, cols, !(data[2] & 1));
	ui->side_by_side = data[2] & 2;
	while (pos < size) {
		size_t n = data[pos] & 0x7f;

		now += data[pos] & 0x80 ? 5000 : 1;
		pos++;
		if (n > size - pos)
			n = size - pos;
		if (!ui_headless_feed(ui, (const char *)data + pos, n, now))
			break;
		check_filter(ui);
		if (LINES != rows || COLS != cols)
			abort();
		pos += n;
	}
	/* Whatever is still incomplete, once its time has passed. */
	if (!ui->quit)
		ui_headless_feed(ui, "", 0, now + 5000);
	check_filter(ui);
	ui_headless_free(ui);
	return 0;
}
