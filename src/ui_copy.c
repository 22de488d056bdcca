/* ui_copy.c - what leaves the screen: text copied to the terminal's
 * clipboard with OSC 52 (osc52.h), and the document piped to a command
 * with the screen put away meanwhile. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>

#include "i18n.h"
#include "osc52.h"
#include "sanitize.h"
#include "ui_priv.h"
/* last: it defines macros (lines, columns) that clash with our names */
#include <term.h>

/* Whether the tmux we run in takes OSC 52 from its panes: its option
 * set-clipboard is "on" (the default, "external", drops it).  Asked once. */
static bool
tmux_takes_clipboard(void)
{
	static int known = -1;
	char answer[32] = "";
	FILE *f;

	if (known >= 0)
		return known == 1;
	f = popen("tmux show-options -gv set-clipboard 2>/dev/null", "r");
	if (f != NULL) {
		if (fgets(answer, sizeof answer, f) == NULL)
			answer[0] = '\0';
		pclose(f);
	}
	known = strncmp(answer, "on", 2) == 0;
	return known == 1;
}

/* Writes all of buf to fd; false on failure. */
static bool
write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		buf += n;
		len -= (size_t)n;
	}
	return true;
}

struct ui_action
copy_to_clipboard(struct ui *ui, const char *what, const char *text)
{
	struct osc52_terminal t = {0};
	const char *why = NULL;
	char *ms = tigetstr("Ms");
	size_t len = strlen(text), chars = u8_mbsnlen((const uint8_t *)text, len), seqlen;
	enum osc52_route route;
	char *seq;

	(void)ui;
	t.override = getenv("LISEUSE_CLIPBOARD");
	t.term = getenv("TERM");
	t.in_tmux = getenv("TMUX") != NULL && getenv("TMUX")[0];
	t.in_screen = getenv("STY") != NULL && getenv("STY")[0];
	t.has_ms = ms != NULL && ms != (char *)-1;
	if (t.in_tmux)
		t.tmux_accepts = tmux_takes_clipboard();
	route = osc52_decide(&t, &why);
	if (route == OSC52_NONE)
		return ui_say(true, _("not copied: %s"), _(why));
	if (len > OSC52_MAX_BYTES)
		return ui_say(true, _("not copied: %zu bytes, more than a terminal takes (%d)"), len,
			      OSC52_MAX_BYTES);
	seq = osc52_sequence(text, len, route, &seqlen);
	/* straight to the terminal: curses has sent the screen already */
	fflush(stdout);
	if (!write_all(STDOUT_FILENO, seq, seqlen)) {
		free(seq);
		return ui_say(true, _("not copied: %s"), strerror(errno));
	}
	free(seq);
	return ui_say(false, i18n_ngettext("copied: %s, %zu character", "copied: %s, %zu characters",
					   chars),
		      what, chars);
}

/* Writes the open document, paragraph by paragraph with a blank line
 * between, to fd: the text made safe for a terminal, on one line each. */
static bool
write_document(struct ui *ui, int fd)
{
	const struct store_doc *doc = reader_doc(ui);
	struct strbuf out = STRBUF_INIT;
	bool ok = true;

	for (size_t i = 0; ok && doc != NULL && i < doc->npieces; i++) {
		struct paragraph p;
		bool continued = false;
		char *err = NULL;

		if (store_get_piece(ui->store, doc->id, i, &p, &continued, &err) != 1) {
			free(err);
			ok = false;
			break;
		}
		if (i > 0 && !continued)
			strbuf_addstr(&out, "\n\n");
		sanitize_append(&out, p.text, p.len, SANITIZE_ONELINE, 0);
		paragraph_release(&p);
		if (out.len > 65536) {
			ok = write_all(fd, out.buf, out.len);
			strbuf_reset(&out);
		}
	}
	strbuf_addch(&out, '\n');
	if (ok)
		ok = write_all(fd, out.buf, out.len);
	strbuf_release(&out);
	return ok;
}

/* Waits for Enter on the terminal, in its ordinary (cooked) mode. */
static void
wait_for_enter(void)
{
	int flags = fcntl(STDIN_FILENO, F_GETFL);
	char c;

	if (flags >= 0)
		fcntl(STDIN_FILENO, F_SETFL, flags & ~O_NONBLOCK);
	while (read(STDIN_FILENO, &c, 1) == 1 && c != '\n' && c != '\r')
		;
	if (flags >= 0)
		fcntl(STDIN_FILENO, F_SETFL, flags);
}

struct ui_action
copy_pipe(struct ui *ui, const char *cmd)
{
	struct sigaction ignore, old_int, old_quit, old_pipe;
	int fds[2], status = 0;
	bool written;
	pid_t pid;

	if (reader_doc(ui) == NULL)
		return ui_say(false, "%s", _("no document open"));
	if (pipe(fds) < 0)
		return ui_say(true, _("cannot run %s: %s"), cmd, strerror(errno));
	def_prog_mode();
	endwin();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* the command: the document on its input, the terminal for the rest */
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGTSTP, SIG_DFL);
		signal(SIGWINCH, SIG_DFL);
		dup2(fds[0], STDIN_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	/* Ctrl-C is for the command, as with system(3); a command that stops
	 * reading (head) must not end liseuse */
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	sigaction(SIGPIPE, &ignore, &old_pipe);
	written = pid > 0 && write_document(ui, fds[1]);
	close(fds[1]);
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	sigaction(SIGPIPE, &old_pipe, NULL);
	fputs(_("\n[liseuse] Press Enter to come back."), stdout);
	fflush(stdout);
	wait_for_enter();
	reset_prog_mode();
	clearok(curscr, TRUE);
	reader_invalidate(ui);
	if (pid < 0)
		return ui_say(true, _("cannot run %s: %s"), cmd, strerror(errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return ui_say(true, _("%s: exit status %d"), cmd, WEXITSTATUS(status));
	if (WIFSIGNALED(status))
		return ui_say(true, _("%s: ended by signal %d"), cmd, WTERMSIG(status));
	(void)written; /* a command that stops reading early is not a failure */
	return ui_say(false, _("document piped to %s"), cmd);
}
