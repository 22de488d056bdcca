/* test_pty.c - terminal and process faults, driving the real program in a
 * pseudo-terminal: hang-up (the pty closes), SIGTERM, SIGHUP ignored
 * (nohup), resize storms and tiny sizes, suspend/resume, and no usable
 * terminal at all.  Deadlines are generous (the machine is shared); the
 * measured times are printed for the benchmark notes. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#define DEADLINE_MS 10000

struct child {
	pid_t pid;
	int master;
	char *out;   /* everything the program wrote */
	size_t len, cap;
};

static const char *liseuse, *snapshot;
static char state_dir[] = "/tmp/liseuse-pty.XXXXXX";

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Starts the program in a new pty of rows x cols with TERM=term (NULL: unset). */
static void
spawn(struct child *c, int rows, int cols, const char *term, int ignore_hup)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	memset(c, 0, sizeof *c);
	c->pid = forkpty(&c->master, NULL, NULL, &ws);
	if (c->pid < 0) {
		perror("forkpty");
		exit(99);
	}
	if (c->pid == 0) {
		if (term)
			setenv("TERM", term, 1);
		else
			unsetenv("TERM");
		setenv("XDG_STATE_HOME", state_dir, 1);
		setenv("HOME", state_dir, 1);
		setenv("LANG", "C.UTF-8", 1);
		unsetenv("LC_ALL");
		signal(SIGHUP, ignore_hup ? SIG_IGN : SIG_DFL);
		execl(liseuse, liseuse, "--db", snapshot, (char *)NULL);
		_exit(127);
	}
	fcntl(c->master, F_SETFL, fcntl(c->master, F_GETFL) | O_NONBLOCK);
}

/* Reads what is available within wait_ms; returns -1 at EOF/EIO. */
static int
pump(struct child *c, int wait_ms)
{
	struct pollfd pfd = { .fd = c->master, .events = POLLIN };
	char buf[8192];
	ssize_t n;

	if (poll(&pfd, 1, wait_ms) <= 0)
		return 0;
	n = read(c->master, buf, sizeof buf);
	if (n <= 0)
		return n == 0 || errno == EIO ? -1 : 0;
	if (c->len + (size_t)n + 1 > c->cap) {
		c->cap = (c->len + (size_t)n + 1) * 2;
		c->out = realloc(c->out, c->cap);
	}
	memcpy(c->out + c->len, buf, (size_t)n);
	c->len += (size_t)n;
	c->out[c->len] = '\0';
	return 1;
}

/* Waits until the output since `from` contains needle; true when it did. */
static int
wait_for(struct child *c, size_t from, const char *needle)
{
	long end = now_ms() + DEADLINE_MS;

	while (now_ms() < end) {
		if (c->len > from && memmem(c->out + from, c->len - from, needle, strlen(needle)))
			return 1;
		if (pump(c, 50) < 0)
			break;
	}
	return c->len > from && memmem(c->out + from, c->len - from, needle, strlen(needle)) != NULL;
}

/* Waits for the child to end; returns its wait status or -1 on timeout.
 * *cpu_ms gets the child's CPU time. */
static int
wait_exit(struct child *c, long *elapsed_ms, long *cpu_ms)
{
	long start = now_ms();
	struct rusage ru;
	int status;

	while (now_ms() - start < DEADLINE_MS) {
		pid_t r = wait4(c->pid, &status, WNOHANG, &ru);

		if (r == c->pid) {
			*elapsed_ms = now_ms() - start;
			*cpu_ms = ru.ru_utime.tv_sec * 1000L + ru.ru_utime.tv_usec / 1000 +
				  ru.ru_stime.tv_sec * 1000L + ru.ru_stime.tv_usec / 1000;
			return status;
		}
		if (c->master >= 0)
			pump(c, 5);
		else
			usleep(2000);
	}
	kill(c->pid, SIGKILL);
	waitpid(c->pid, &status, 0);
	return -1;
}

static void
child_release(struct child *c)
{
	if (c->master >= 0)
		close(c->master);
	free(c->out);
}

static void
send_keys(struct child *c, const char *keys)
{
	if (write(c->master, keys, strlen(keys)) < 0)
		perror("write");
}

/* The pty closes under the program (an SSH session dropping). */
static void
test_hangup(int ignore_hup)
{
	struct child c;
	long elapsed, cpu;
	int status;

	spawn(&c, 24, 80, "xterm-256color", ignore_hup);
	CHECK(wait_for(&c, 0, "Kazakhstan"));
	close(c.master);
	c.master = -1;
	status = wait_exit(&c, &elapsed, &cpu);
	CHECK(status != -1);
	printf("hang-up%s: exited after %ld ms, %ld ms of CPU\n", ignore_hup ? " with SIGHUP ignored" : "",
	       elapsed, cpu);
	/* No spinning on a dead terminal: well under a second of CPU. */
	CHECK(status != -1 && cpu < 1000);
	child_release(&c);
}

/* SIGTERM restores the terminal (leaves the alternate screen) and exits. */
static void
test_sigterm(void)
{
	struct child c;
	long elapsed, cpu;
	int status;
	size_t mark;

	spawn(&c, 24, 80, "xterm-256color", 0);
	CHECK(wait_for(&c, 0, "Kazakhstan"));
	mark = c.len;
	kill(c.pid, SIGTERM);
	status = wait_exit(&c, &elapsed, &cpu);
	printf("SIGTERM: exited after %ld ms\n", elapsed);
	CHECK(status != -1);
	/* rmcup of xterm-256color: the alternate screen is left. */
	CHECK(c.len > mark && memmem(c.out + mark, c.len - mark, "\033[?1049l", 8) != NULL);
	child_release(&c);
}

static void
resize(struct child *c, int rows, int cols)
{
	struct winsize ws = { .ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols };

	ioctl(c->master, TIOCSWINSZ, &ws);
	kill(c->pid, SIGWINCH);
}

/* Hundreds of SIGWINCH with sizes down to 0x0, then a normal size again. */
static void
test_resize_storm(void)
{
	static const int sizes[][2] = { { 1, 1 }, { 0, 0 }, { 2, 3 }, { 5, 20 }, { 43, 132 },
					{ 3, 2 }, { 24, 80 }, { 1, 200 }, { 200, 1 } };
	struct child c;
	long elapsed, cpu;
	size_t mark;
	int status;

	spawn(&c, 24, 80, "xterm-256color", 0);
	CHECK(wait_for(&c, 0, "Kazakhstan"));
	for (int i = 0; i < 400; i++) {
		resize(&c, sizes[i % 9][0], sizes[i % 9][1]);
		if (i % 16 == 0)
			pump(&c, 0);
	}
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		resize(&c, sizes[i][0], sizes[i][1]);
		pump(&c, 30);
		CHECK(kill(c.pid, 0) == 0);
	}
	mark = c.len;
	resize(&c, 24, 80);
	send_keys(&c, "\014"); /* Ctrl-L */
	CHECK(wait_for(&c, mark, "Kazakhstan"));
	send_keys(&c, "q");
	status = wait_exit(&c, &elapsed, &cpu);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	child_release(&c);
}

/* SIGTSTP suspends cleanly; SIGCONT redraws the whole screen. */
static void
test_suspend(void)
{
	struct child c;
	long elapsed, cpu;
	size_t mark;
	int status;
	pid_t r;

	spawn(&c, 24, 80, "xterm-256color", 0);
	CHECK(wait_for(&c, 0, "Kazakhstan"));
	mark = c.len;
	kill(c.pid, SIGTSTP);
	/* Wait for the stop with a deadline: a program that ignores ^Z must
	 * fail the test, not hang it. */
	for (long end = now_ms() + DEADLINE_MS;
	     (r = waitpid(c.pid, &status, WUNTRACED | WNOHANG)) == 0 && now_ms() < end;)
		pump(&c, 10);
	CHECK(r == c.pid && WIFSTOPPED(status));
	if (r != c.pid || !WIFSTOPPED(status)) {
		fprintf(stderr, "suspend: waitpid %d, status %#x, output: %.200s\n", (int)r, status,
			c.out ? c.out + (c.len > 200 ? c.len - 200 : 0) : "");
		if (r == c.pid) {
			child_release(&c);
			return;
		}
		kill(c.pid, SIGKILL);
		waitpid(c.pid, &status, 0);
		child_release(&c);
		return;
	}
	CHECK(wait_for(&c, mark, "\033[?1049l"));
	mark = c.len;
	kill(c.pid, SIGCONT);
	CHECK(wait_for(&c, mark, "Kazakhstan"));
	send_keys(&c, "q");
	status = wait_exit(&c, &elapsed, &cpu);
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
	child_release(&c);
}

/* TERM unset, dumb or unknown: a clear message and status 2. */
static void
test_bad_term(const char *term)
{
	struct child c;
	long elapsed, cpu;
	int status;

	spawn(&c, 24, 80, term, 0);
	status = wait_exit(&c, &elapsed, &cpu);
	while (pump(&c, 10) > 0)
		;
	CHECK(status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 2);
	CHECK(c.out != NULL && strstr(c.out, "TERM") != NULL);
	if (c.out == NULL || strstr(c.out, "TERM") == NULL)
		fprintf(stderr, "TERM=%s printed: %s\n", term ? term : "(unset)", c.out ? c.out : "");
	child_release(&c);
}

/* stdin not a terminal: one line, status 2, at once. */
static void
test_not_a_tty(void)
{
	char cmd[4096];
	FILE *p;
	char line[512] = "";
	int status;

	snprintf(cmd, sizeof cmd, "TERM=xterm timeout 10 '%s' --db '%s' </dev/null 2>&1; echo \"status $?\"",
		 liseuse, snapshot);
	p = popen(cmd, "r");
	CHECK(p != NULL && fgets(line, sizeof line, p) != NULL);
	CHECK(strstr(line, "terminal") != NULL);
	CHECK(p != NULL && fgets(line, sizeof line, p) != NULL);
	CHECK_STR(line, "status 2\n");
	status = p ? pclose(p) : -1;
	CHECK(status == 0);
}

int
main(void)
{
	liseuse = getenv("LISEUSE");
	snapshot = getenv("SNAPSHOT");
	if (liseuse == NULL || snapshot == NULL) {
		fprintf(stderr, "test_pty: LISEUSE and SNAPSHOT must be set\n");
		return 99;
	}
	if (mkdtemp(state_dir) == NULL) {
		perror("mkdtemp");
		return 99;
	}
	signal(SIGPIPE, SIG_IGN);
	test_hangup(0);
	test_hangup(1);
	test_sigterm();
	test_resize_storm();
	test_suspend();
	test_bad_term(NULL);
	test_bad_term("dumb");
	test_bad_term("no-such-terminal-type");
	test_not_a_tty();
	{
		char cmd[256];

		snprintf(cmd, sizeof cmd, "rm -rf '%s'", state_dir);
		if (system(cmd) != 0)
			fprintf(stderr, "test_pty: could not remove %s\n", state_dir);
	}
	return unit_done("test_pty");
}
