/* ctlcheck.c - checks that text is safe to send to a terminal: no byte
 * below 0x20 but \n (and \t with -t), no DEL, no C1 control (U+0080-U+009F),
 * no bidi control (U+200E, U+200F, U+202A-U+202E, U+2066-U+2069), no line
 * or paragraph separator (U+2028, U+2029), valid UTF-8.  Usage:
 * ctlcheck [-t] FILE...; prints the first offending byte of each file and
 * exits 1 when any is found. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unistr.h>

/* Returns the reason a character is unsafe, or NULL. */
static const char *
unsafe(ucs4_t c, int allow_tab)
{
	if (c == '\n' || (c == '\t' && allow_tab))
		return NULL;
	if (c < 0x20 || c == 0x7F)
		return "C0 control";
	if (c >= 0x80 && c <= 0x9F)
		return "C1 control";
	if (c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069))
		return "bidi control";
	if (c == 0x2028 || c == 0x2029)
		return "line separator";
	return NULL;
}

static int
check_file(const char *path, int allow_tab)
{
	static uint8_t buf[1 << 20];
	FILE *fp = fopen(path, "rb");
	size_t len;
	int bad = 0;

	if (fp == NULL) {
		perror(path);
		return 1;
	}
	/* Outputs checked here are small: the first megabyte is enough. */
	len = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	for (size_t i = 0; i < len && !bad;) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, buf + i, len - i);
		const char *why;

		if (n < 0) {
			printf("%s: byte %zu: invalid UTF-8 (0x%02X)\n", path, i, buf[i]);
			bad = 1;
		} else if ((why = unsafe(c, allow_tab)) != NULL) {
			printf("%s: byte %zu: %s U+%04X\n", path, i, why, (unsigned)c);
			bad = 1;
		} else {
			i += (size_t)n;
		}
	}
	return bad;
}

int
main(int argc, char **argv)
{
	int allow_tab = 0, bad = 0, i = 1;

	if (argc > 1 && strcmp(argv[1], "-t") == 0) {
		allow_tab = 1;
		i++;
	}
	for (; i < argc; i++)
		bad |= check_file(argv[i], allow_tab);
	return bad;
}
