/* doc_tables.c - prints what the manual pages and --help must describe,
 * taken from the program's own tables: the command-line options and the
 * commands (main.c, compiled into this file so that its static tables are
 * read as they are), the key table (keymap.c) and the query's fields
 * (query.c).  tests/man_drift.sh checks the pages against it.
 *
 * One line per item, fields separated by tabs:
 *   option  NAME  value|none|optional     (NAME: --long or -c)
 *   command NAME
 *   key     CONTEXT  KEY  SHOWN           (a row of the key table with a name)
 *   field   NAME                          (a query field, as in de:)
 * CONTEXT is global, list, reader or filter; KEY is how the English page
 * writes the key, from its code (Down, Space, Ctrl-E, ]); SHOWN is the
 * name the help screen shows in the current locale. */
#define main liseuse_main
int liseuse_main(int argc, char **argv);
#include "main.c"
#undef main

#include <curses.h>

#include "keymap.h"
#include "query.h"

static const char *
has_arg_name(int has_arg)
{
	return has_arg == required_argument ? "value" : has_arg == optional_argument ? "optional" : "none";
}

static void
print_options(void)
{
	for (const struct option *o = long_options; o->name != NULL; o++)
		printf("option\t--%s\t%s\n", o->name, has_arg_name(o->has_arg));
	/* the short options: what follows getopt's "-", "+" and ":" flags */
	for (const char *p = short_options + strspn(short_options, "-+:"); *p != '\0'; p++) {
		int has_arg = no_argument;

		if (*p == ':')
			continue;
		if (p[1] == ':')
			has_arg = p[2] == ':' ? optional_argument : required_argument;
		printf("option\t-%c\t%s\n", *p, has_arg_name(has_arg));
	}
}

/* How the pages write a key, from its code; NULL when it has no name here
 * (then the test fails until one is given). */
static const char *
page_key_name(int key, char *buf, size_t size)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
	    {KEYMAP_FN(KEY_DOWN), "Down"},
	    {KEYMAP_FN(KEY_UP), "Up"},
	    {KEYMAP_FN(KEY_LEFT), "Left"},
	    {KEYMAP_FN(KEY_RIGHT), "Right"},
	    {KEYMAP_FN(KEY_NPAGE), "PgDn"},
	    {KEYMAP_FN(KEY_PPAGE), "PgUp"},
	    {KEYMAP_FN(KEY_HOME), "Home"},
	    {KEYMAP_FN(KEY_END), "End"},
	    {KEYMAP_FN(KEY_BACKSPACE), "Backspace"},
	    {KEYMAP_FN(KEY_DC), "Delete"},
	    {KEYMAP_FN(KEY_ENTER), "Enter"},
	    {' ', "Space"},
	    {'\t', "Tab"},
	    {'\r', "Enter"},
	    {'\n', "Enter"},
	    {27, "Esc"},
	    {127, "Backspace"},
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].key == key)
			return names[i].name;
	if (key > 0 && key < 32)
		snprintf(buf, size, "Ctrl-%c", 'A' + key - 1);
	else if (key > 32 && key < 127)
		snprintf(buf, size, "%c", key);
	else
		return NULL;
	return buf;
}

static int
print_keys(void)
{
	static const struct {
		unsigned context;
		const char *name;
	} contexts[] = {
	    {KEYMAP_GLOBAL, "global"},
	    {KEYMAP_LIST, "list"},
	    {KEYMAP_READER, "reader"},
	    {KEYMAP_FILTER, "filter"},
	    {KEYMAP_HELP, "help"},
	};
	size_t count;
	const struct keymap_entry *t = keymap_table(&count);
	int status = 0;

	for (size_t i = 0; i < count; i++) {
		char buf[16];
		const char *name;

		if (t[i].name == NULL)
			continue;
		if ((name = page_key_name(t[i].key, buf, sizeof buf)) == NULL) {
			fprintf(stderr, "doc_tables: key %d (\"%s\") has no name for the pages\n",
				t[i].key, t[i].name);
			status = 1;
			continue;
		}
		for (size_t c = 0; c < sizeof contexts / sizeof contexts[0]; c++)
			if (t[i].contexts & contexts[c].context)
				printf("key\t%s\t%s\t%s\n", contexts[c].name, name, _(t[i].name));
	}
	return status;
}

int
main(void)
{
	const char *help;
	int status;

	setlocale(LC_ALL, "");
	i18n_init();
	print_options();
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		printf("command\t%s\n", commands[i]);
	status = print_keys();
	/* each field's help starts with an example, "de:kazakhstan" */
	for (size_t i = 0; (help = query_field_help(i)) != NULL; i++)
		printf("field\t%.*s\n", (int)strcspn(help, ":"), help);
	return status || fflush(stdout) != 0 ? 1 : 0;
}
