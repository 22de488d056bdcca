/* main.c - command-line entry point: options, then a command or the screen. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fault.h"
#include "i18n.h"
#include "paths.h"
#include "store.h"
#include "ui.h"
#include "util.h"

enum {
	OPT_DB = 256,
	OPT_WIDTH,
	OPT_FORMAT,
	OPT_MEASURE,
	OPT_SORT,
	OPT_COUNT_BY,
	OPT_DRY_RUN,
	OPT_NO_WAIT,
	OPT_OUTLINE,
};

/* getopt's "-" mode: see parse_options. */
static const char short_options[] = "-:hV";

static const struct option long_options[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "measure", required_argument, NULL, OPT_MEASURE },
	{ "sort", required_argument, NULL, OPT_SORT },
	{ "count-by", required_argument, NULL, OPT_COUNT_BY },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "no-wait", no_argument, NULL, OPT_NO_WAIT },
	{ "outline", no_argument, NULL, OPT_OUTLINE },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

struct settings {
	const char *db_path;
	char **args; /* the arguments that are not options, in order */
	size_t nargs;
	struct cli_options cli;
	int measure;
};

/* --help, a table per part and an entry per line, command or option, so
 * that adding one leaves the others' translations alone.  The options are
 * those of long_options, and doc/liseuse.1 and its French version describe
 * the same (tests/man_drift.sh). */
static const char *const usage_synopsis[] = {
	N_("Usage: liseuse [OPTION]... [WORD]...\n"),
	N_("       liseuse [OPTION]... list\n"),
	N_("       liseuse [OPTION]... search QUERY...\n"),
	N_("       liseuse [OPTION]... show ID|SYMBOL\n"),
	N_("       liseuse [OPTION]... show --outline ID|SYMBOL\n"),
	N_("       liseuse [OPTION]... signets\n"),
	N_("       liseuse --db FILE import FILE|DIRECTORY...\n"),
};

static const char *const usage_commands[] = {
	N_("  list               list every document, newest first\n"),
	N_("  search QUERY       list the documents and passages that match\n"),
	N_("  show ID|SYMBOL     print one document, wrapped (e.g. show A/64/666)\n"),
	N_("  show --outline ID  print its outline: headings, numbered paragraphs,\n"
	   "                     lettered items, annexes, signature\n"),
	N_("  signets            list the bookmarks set on the screen in this snapshot\n"),
	N_("  import FILE...     build or extend the snapshot given by --db\n"),
};

static const char *const usage_options[] = {
	N_("      --db FILE      use this snapshot instead of the bundled one\n"),
	N_("      --format=FMT   'text' (default) or 'tsv' for list and search: one\n"
	   "                     line per document: id, date, kind, sender, file, title,\n"
	   "                     page of the passage\n"),
	N_("      --width N      wrap show and search output to N columns\n"
	   "                     (default: the terminal's width, else 80)\n"),
	N_("      --measure N    widest reading column on screen (default 100)\n"),
	N_("      --sort=ORDER   search: 'date' (newest first, the default) or\n"
	   "                     'pertinence' (relevance: exact forms, then inflected)\n"),
	N_("      --count-by=FIELD  search: print FIELD<TAB>documents instead, most\n"
	   "                     first; FIELD is de, type, annee or cite\n"),
	N_("      --outline      with show: print the outline instead of the text\n"),
	N_("      --dry-run      import: report what would be added, replaced and\n"
	   "                     unchanged, and write nothing\n"),
	N_("      --no-wait      import: fail at once if another import of the\n"
	   "                     snapshot is running, instead of waiting for it\n"),
	N_("  -h, --help         display this help and exit\n"),
	N_("  -V, --version      output version information and exit\n"),
};

static void
print_table(FILE *out, const char *const *lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fputs(_(lines[i]), out);
}

#define PRINT_TABLE(out, table) print_table(out, table, sizeof table / sizeof table[0])

static void
print_usage(FILE *out)
{
	PRINT_TABLE(out, usage_synopsis);
	fputs(_("Read French documents in the terminal.\n"
		"\n"
		"Without a command, open the reader on the snapshot, with the WORDs typed\n"
		"in the filter bar.  Commands print plain UTF-8 for scripts and pipes.\n"),
	      out);
	fputs("\n", out);
	fputs(_("Commands:\n"), out);
	PRINT_TABLE(out, usage_commands);
	fputs("\n", out);
	fputs(_("Options:\n"), out);
	PRINT_TABLE(out, usage_options);
	fputs(_("  Options may also follow the command and its arguments; -- ends them.\n"), out);
	fputs(_("  signets --format=tsv prints: id, file, symbol, piece, passage\n"), out);
	fputs("\n", out);
	fputs(_("Queries: words are ANDed, \"a phrase\" matches a phrase, -word excludes,\n"
		"word* is a prefix; de:COUNTRY type:note annee:2018 annee:2010-2018\n"
		"cite:1540 narrow by metadata.  Case, accents, oe/ae ligatures and\n"
		"apostrophes are ignored.  Put -- before a query that starts with '-'.\n"),
	      out);
	fputs(_("cite:S/2010/84 finds the documents citing a symbol, cote:A/64/666 the\n"
		"document that has it.\n"),
	      out);
	fputs(_("a:ADDRESSEE and organe:ORGAN narrow by the addressee and by the organ.\n"), out);
	fputs(_("A word also matches its inflected forms (mesure finds mesures, regionaux\n"
		"finds régionales), a quoted word only itself; -word alone lists what\n"
		"lacks it; annee:2014- and annee:-2010 are open ranges.  A search that\n"
		"finds nothing suggests a correction on stderr.\n"),
	      out);
	fputs("\n", out);
	fputs(_("Exit status: 0 if something was found, 1 if nothing was, 2 on error.\n"), out);
	fputs("\n", out);
	fprintf(out, _("Report bugs to: %s\n"), PACKAGE_BUGREPORT);
}

static void
print_version(void)
{
	printf("liseuse %s\n", PACKAGE_VERSION);
	fputs(_("Copyright (C) 2026 the liseuse authors.\n"
		"License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
		"This is free software: you are free to change and redistribute it.\n"
		"There is NO WARRANTY, to the extent permitted by law.\n"),
	      stdout);
}

/* Parses a positive integer option; returns -1 when it is not one. */
static int
parse_count(const char *s, int max)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == '\0' || *end != '\0' || v < 1 || v > max)
		return -1;
	return (int)v;
}

/* The name of the long option whose value is val, for messages. */
static const char *
long_option_name(int val)
{
	for (const struct option *o = long_options; o->name != NULL; o++)
		if (o->val == val)
			return o->name;
	return "?";
}

/* When arg ("--d" or "--d=x") is a prefix of several long options'
 * names and the name of none, returns them as "--db, --dry-run" (which
 * the caller frees); else NULL.  getopt_long says only '?' for both an
 * unknown and an ambiguous option. */
static char *
ambiguous_candidates(const char *arg)
{
	struct strbuf sb = STRBUF_INIT;
	size_t len;
	int n = 0;

	if (strncmp(arg, "--", 2) != 0)
		return NULL;
	arg += 2;
	len = strcspn(arg, "=");
	for (const struct option *o = long_options; o->name != NULL; o++) {
		if (strncmp(o->name, arg, len) != 0)
			continue;
		if (o->name[len] == '\0') {
			n = 0;
			break;
		}
		strbuf_addf(&sb, "%s--%s", n++ > 0 ? ", " : "", o->name);
	}
	if (n < 2) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb, NULL);
}

/* The commands run_command knows. */
static const char *const commands[] = { "list", "search", "show", "import", "signets" };

static bool
is_command(const char *word)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(word, commands[i]) == 0)
			return true;
	return false;
}

/* In a query, "-mot" excludes a word (`search mesures -nucleaire`, or the
 * screen's words after the first): there an argument of one dash that is
 * not a cluster of the short options is a word of the query, not an
 * unknown option.  Elsewhere, and before the first word, it stays an
 * option, so that a typo is reported. */
static bool
is_query_exclusion(const char *arg, const struct settings *set)
{
	if (arg[0] != '-' || arg[1] == '\0' || arg[1] == '-' || set->nargs == 0)
		return false;
	/* short_options after getopt's "-:" are the letters of -h and -V. */
	if (strspn(arg + 1, short_options + 2) == strlen(arg + 1))
		return false;
	return strcmp(set->args[0], "search") == 0 || !is_command(set->args[0]);
}

/* Parses the options wherever they are, before, between or after the
 * command and its arguments, up to "--", and gathers the other arguments
 * in their order into set->args (which the caller frees).  getopt's "-"
 * mode hands each of them over as it comes, whatever POSIXLY_CORRECT
 * says.  Returns 0 to go on, or an exit status + 1 (1 for 0, 3 for 2)
 * when the program is done. */
static int
parse_options(int argc, char **argv, struct settings *set)
{
	char *candidates;
	int c;

	set->args = xcalloc((size_t)argc + 1, sizeof *set->args);
	set->nargs = 0;
	/* getopt's own messages would start with argv[0]: ours have one form. */
	opterr = 0;
	for (;;) {
		/* Between two arguments (getopt is in none of them), a query's
		 * exclusion is taken before getopt can call it an option. */
		if (optind < argc && is_query_exclusion(argv[optind], set)) {
			set->args[set->nargs++] = argv[optind++];
			continue;
		}
		if ((c = getopt_long(argc, argv, short_options, long_options, NULL)) == -1)
			break;
		switch (c) {
		case 1:
			set->args[set->nargs++] = optarg;
			break;
		case OPT_DB:
			set->db_path = optarg;
			break;
		case OPT_WIDTH:
			if ((set->cli.width = parse_count(optarg, 10000)) < 0) {
				util_error(_("--width: '%s' is not a width from 1 to 10000"), optarg);
				return 3;
			}
			break;
		case OPT_MEASURE:
			if ((set->measure = parse_count(optarg, 10000)) < 0) {
				util_error(_("--measure: '%s' is not a width from 1 to 10000"), optarg);
				return 3;
			}
			break;
		case OPT_SORT:
			if (cli_parse_order(optarg, &set->cli.order) < 0) {
				util_error(_("--sort: '%s' is not 'date' or 'pertinence'"), optarg);
				return 3;
			}
			break;
		case OPT_COUNT_BY:
			if (cli_parse_facet(optarg, &set->cli.facet) < 0) {
				util_error(_("--count-by: '%s' is not 'de', 'type', 'annee' or 'cite'"), optarg);
				return 3;
			}
			set->cli.count_by = true;
			break;
		case OPT_DRY_RUN:
			set->cli.dry_run = true;
			break;
		case OPT_NO_WAIT:
			set->cli.no_wait = true;
			break;
		case OPT_OUTLINE:
			set->cli.outline = true;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "tsv") == 0) {
				set->cli.format = CLI_FORMAT_TSV;
			} else if (strcmp(optarg, "text") == 0) {
				set->cli.format = CLI_FORMAT_TEXT;
			} else {
				util_error(_("--format: '%s' is not 'text' or 'tsv'"), optarg);
				return 3;
			}
			break;
		case 'h':
			print_usage(stdout);
			return 1;
		case 'V':
			print_version();
			return 1;
		case ':':
			util_error(_("option '%s' requires an argument"), argv[optind - 1]);
			fputs(_("Try 'liseuse --help' for more information.\n"), stderr);
			return 3;
		default:
			candidates = optopt == 0 ? ambiguous_candidates(argv[optind - 1]) : NULL;
			if (candidates != NULL)
				util_error(_("option '%s' is ambiguous: it may be %s"),
					   argv[optind - 1], candidates);
			else if (optopt >= OPT_DB)
				util_error(_("option '--%s' takes no value"), long_option_name(optopt));
			else if (optopt != 0)
				util_error(_("unknown option '-%c'"), optopt);
			else
				util_error(_("unknown option '%s'"), argv[optind - 1]);
			free(candidates);
			fputs(_("Try 'liseuse --help' for more information.\n"), stderr);
			return 3;
		}
	}
	while (optind < argc)
		set->args[set->nargs++] = argv[optind++];
	return 0;
}

/* Opens the snapshot read-only: --db, else the bundled one. */
static struct store *
open_snapshot(const struct settings *set)
{
	struct store *store = NULL;
	char *err = NULL;
	char *path = set->db_path ? xstrdup(set->db_path) : paths_default_snapshot(&err);

	if (path != NULL && store_open(path, STORE_READ_ONLY, &store, &err) != 0)
		store = NULL;
	if (store == NULL) {
		util_error("%s", err ? err : _("cannot open the snapshot"));
		free(err);
	}
	free(path);
	return store;
}

static int
run_command(const char *command, char **args, size_t nargs, const struct settings *set)
{
	struct store *store;
	int status;

	if (strcmp(command, "import") == 0) {
		if (set->db_path == NULL || nargs == 0) {
			util_error(_("usage: liseuse --db FILE import FILE|DIRECTORY..."));
			return 2;
		}
		return cli_import(set->db_path, args, nargs, &set->cli);
	}
	if (strcmp(command, "search") == 0 && nargs == 0) {
		util_error(_("usage: liseuse search QUERY..."));
		return 2;
	}
	if (strcmp(command, "show") == 0 && nargs != 1) {
		util_error(_("usage: liseuse show ID|SYMBOL"));
		return 2;
	}
	if (strcmp(command, "signets") == 0 && nargs != 0) {
		util_error(_("usage: liseuse signets (takes no argument)"));
		return 2;
	}
	if (strcmp(command, "list") == 0 && nargs != 0) {
		util_error(_("usage: liseuse list (takes no argument)"));
		return 2;
	}
	if ((store = open_snapshot(set)) == NULL)
		return 2;
	if (strcmp(command, "list") == 0)
		status = cli_list(store, &set->cli);
	else if (strcmp(command, "search") == 0)
		status = cli_search(store, args, nargs, &set->cli);
	else if (strcmp(command, "signets") == 0)
		status = cli_signets(store, &set->cli);
	else
		status = cli_show(store, args[0], &set->cli);
	store_close(store);
	return status;
}

/* Flushes the commands' output.  Output that could not be written (a full
 * disk) is an error with a message; a closed pipe (EPIPE when SIGPIPE is
 * ignored) stays silent, as the reader went away on purpose. */
static int
finish_output(int status)
{
	errno = 0;
	if (fflush(stdout) == 0 && !ferror(stdout))
		return status;
	if (errno != EPIPE)
		util_error(_("cannot write the output: %s"),
			   errno ? strerror(errno) : _("write error"));
	return status == 0 ? 2 : status;
}

int
main(int argc, char **argv)
{
	struct settings set = { 0 };
	struct store *store;
	struct ui_options ui = { 0 };
	char *filter = NULL;
	int done, status;

	fault_init();
	setlocale(LC_ALL, "");
	i18n_init();
	if ((done = parse_options(argc, argv, &set)) != 0) {
		free(set.args);
		return done - 1;
	}

	if (set.nargs > 0 && is_command(set.args[0])) {
		status = run_command(set.args[0], set.args + 1, set.nargs - 1, &set);
		free(set.args);
		return finish_output(status);
	}

	if ((store = open_snapshot(&set)) == NULL) {
		free(set.args);
		return 2;
	}
	if (set.nargs > 0)
		filter = cli_join_words(set.args, set.nargs);
	free(set.args);
	ui.initial_filter = filter;
	ui.measure = set.measure;
	status = ui_main(store, &ui);
	free(filter);
	store_close(store);
	return status;
}
