/* ui_term.c - terminal setup: checks, newterm, locale, colours, mouse,
 * bracketed paste, and the key sequences of the terminal description.
 *
 * ncurses does not decode keys here (keypad off): the loop reads the
 * terminal and keyseq.c decodes, knowing the usual xterm and VT sequences
 * whatever TERM says, plus those that terminfo declares. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "i18n.h"
#include "sanitize.h"
#include "ui_priv.h"

/* Last: term.h defines macros such as "lines" that clash with our names. */
#include <term.h>

enum { PAIR_HEADER = 1, PAIR_MARK, PAIR_ERROR, PAIR_PROMPT };

#define PASTE_ON "\033[?2004h"
#define PASTE_OFF "\033[?2004l"

/* The terminfo capabilities of keys, and the keys they are. */
static const struct {
	const char *cap;
	int key;
} key_caps[] = {
    {"khome", KEYMAP_FN(KEY_HOME)},  {"kend", KEYMAP_FN(KEY_END)},   {"kHOM", KEYMAP_FN(KEY_HOME)},
    {"kEND", KEYMAP_FN(KEY_END)},    {"kdch1", KEYMAP_FN(KEY_DC)},   {"kich1", KEYMAP_FN(KEY_IC)},
    {"kpp", KEYMAP_FN(KEY_PPAGE)},   {"knp", KEYMAP_FN(KEY_NPAGE)},  {"kcuu1", KEYMAP_FN(KEY_UP)},
    {"kcud1", KEYMAP_FN(KEY_DOWN)},  {"kcub1", KEYMAP_FN(KEY_LEFT)}, {"kcuf1", KEYMAP_FN(KEY_RIGHT)},
    {"kent", KEYMAP_FN(KEY_ENTER)},  {"kcbt", KEYMAP_FN(KEY_BTAB)},  {"kbs", KEYMAP_FN(KEY_BACKSPACE)},
    {"kf1", KEYMAP_FN(KEY_F(1))},    {"kf2", KEYMAP_FN(KEY_F(2))},   {"kf3", KEYMAP_FN(KEY_F(3))},
    {"kf4", KEYMAP_FN(KEY_F(4))},    {"kf5", KEYMAP_FN(KEY_F(5))},   {"kf6", KEYMAP_FN(KEY_F(6))},
    {"kf7", KEYMAP_FN(KEY_F(7))},    {"kf8", KEYMAP_FN(KEY_F(8))},   {"kf9", KEYMAP_FN(KEY_F(9))},
    {"kf10", KEYMAP_FN(KEY_F(10))},  {"kf11", KEYMAP_FN(KEY_F(11))}, {"kf12", KEYMAP_FN(KEY_F(12))},
};

/* Writes a control sequence directly: ncurses does not know these modes. */
static void
send_sequence(const char *seq)
{
	size_t len = strlen(seq), done = 0;

	fflush(stdout);
	while (done < len) {
		ssize_t n = write(STDOUT_FILENO, seq + done, len - done);
		if (n <= 0)
			return; /* the terminal is gone: nothing to switch */
		done += (size_t)n;
	}
}

void
term_paste_mode(bool on)
{
	send_sequence(on ? PASTE_ON : PASTE_OFF);
}

/* The decoder, with the Esc timeout (ESCDELAY, in milliseconds, as
 * ncurses reads it) and the terminal description's own key sequences. */
static void
setup_keys(struct ui *ui)
{
	const char *delay = getenv("ESCDELAY");
	long ms = delay && delay[0] ? strtol(delay, NULL, 10) : 0;

	keyseq_init(&ui->keys, ms > 0 && ms <= 10000 ? (int)ms : 0);
	for (size_t i = 0; i < sizeof key_caps / sizeof key_caps[0]; i++) {
		const char *seq = tigetstr((char *)key_caps[i].cap);

		if (seq && seq != (char *)-1)
			keyseq_define(&ui->keys, seq, key_caps[i].key);
	}
}

/* True when the terminal description can address the cursor: "dumb" and
 * hardcopy terminals cannot run a full-screen program. */
static bool
terminal_usable(const char *term, char **err)
{
	int status = 0;
	char *cup;
	bool ok;

	if (setupterm((char *)term, STDOUT_FILENO, &status) != OK) {
		*err = xasprintf(_("unknown terminal '%s' (TERM): "
				   "try TERM=xterm-256color or liseuse search"),
				 term);
		return false;
	}
	cup = tigetstr("cup");
	ok = cup && cup != (char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	if (!ok)
		*err = xasprintf(_("the terminal '%s' cannot show a full screen: "
				   "use liseuse search or liseuse show"),
				 term);
	return ok;
}

/* Chooses attributes: colours when the terminal has them and NO_COLOR is
 * unset; every distinction also has a non-colour attribute, so monochrome
 * terminals and NO_COLOR lose nothing. */
static void
setup_theme(struct ui *ui)
{
	struct ui_theme *t = &ui->theme;
	const char *no_color = getenv("NO_COLOR");
	bool color = has_colors() && !(no_color && no_color[0]);

	t->normal = A_NORMAL;
	t->header_label = A_BOLD;
	t->header_value = A_NORMAL;
	t->selected = A_REVERSE;
	/* The selection of the list while the reader has the focus. */
	t->selected_dim = A_UNDERLINE;
	t->mark = A_BOLD | A_UNDERLINE;
	t->mark_selected = A_BOLD | A_UNDERLINE;
	/* A plain status line, like less's prompt: its position figure changes
	 * while scrolling, and an attribute around it costs ~15 bytes each time
	 * on a slow link.  The rule above the reader already frames it. */
	t->status = A_NORMAL;
	t->error = A_REVERSE | A_BOLD;
	t->bold = A_BOLD;
	t->dim = A_DIM;
	t->filter_prompt = A_BOLD;
	/* The rule above the reader: dim, bright when the reader has the focus. */
	t->rule = A_DIM;
	t->rule_focused = A_BOLD;
	if (!color || start_color() != OK)
		return;
	int bg = COLOR_BLACK, fg = COLOR_WHITE;
	if (use_default_colors() == OK)
		bg = fg = -1;
	init_pair(PAIR_HEADER, COLOR_CYAN, bg);
	init_pair(PAIR_MARK, COLOR_BLACK, COLOR_YELLOW);
	init_pair(PAIR_ERROR, COLOR_WHITE, COLOR_RED);
	init_pair(PAIR_PROMPT, COLOR_YELLOW, bg);
	(void)fg;
	t->header_label = A_BOLD | COLOR_PAIR(PAIR_HEADER);
	t->mark = A_BOLD | COLOR_PAIR(PAIR_MARK);
	t->error = A_BOLD | COLOR_PAIR(PAIR_ERROR);
	t->filter_prompt = A_BOLD | COLOR_PAIR(PAIR_PROMPT);
}

SCREEN *
term_start(struct ui *ui, char **err)
{
	const char *term = getenv("TERM");
	const char *codeset;
	SCREEN *screen;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*err = xstrdup(_("the screen needs a terminal "
				 "(use liseuse search, show or list in a pipe)"));
		return NULL;
	}
	if (!term || !term[0] || strcmp(term, "dumb") == 0) {
		*err = xasprintf(term && term[0]
				     ? _("TERM is dumb: the screen needs a real terminal "
					 "(use liseuse search, show or list)")
				     : _("TERM is not set: the screen needs a real terminal "
					 "(use liseuse search, show or list)"));
		return NULL;
	}
	setlocale(LC_ALL, "");
	codeset = nl_langinfo(CODESET);
	ui->utf8 =
	    codeset && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
	ui->sflags = ui->utf8 ? 0 : SANITIZE_ASCII;
	if (!terminal_usable(term, err))
		return NULL;
	screen = newterm(NULL, stdout, stdin);
	if (!screen) {
		*err = xasprintf(_("cannot start the terminal '%s'"), term);
		return NULL;
	}
	set_term(screen);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, FALSE); /* keys are decoded by keyseq.c */
	nodelay(stdscr, TRUE);
	curs_set(0);
	setup_theme(ui);
	setup_keys(ui);
	term_paste_mode(true);
	/* The mouse only where the terminal reports it itself (xterm's kmous);
	 * for TERM=linux ncurses would go through GPM, which may be missing,
	 * is slow to connect over SSH, and leaks at exit. */
	const char *kmous = tigetstr("kmous");
	if (kmous && kmous != (char *)-1 && kmous[0] && strncmp(term, "linux", 5) != 0) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED,
			  NULL);
		mouseinterval(0);
	}
	return screen;
}

void
term_stop(SCREEN *screen)
{
	if (!screen)
		return;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	term_paste_mode(false);
	delscreen(screen);
}

bool
term_size(int fd, int *rows, int *cols)
{
	struct winsize ws;

	if (ioctl(fd, TIOCGWINSZ, &ws) < 0)
		return false;
	*rows = ws.ws_row;
	*cols = ws.ws_col;
	return true;
}
