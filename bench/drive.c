/* drive.c - runs full-screen programs in a pseudo-terminal and times them.
 *
 *   drive [-s COLSxROWS] [-r REPS] [-w SETTLE_MS] [-t TIMEOUT_MS]
 *         SCRIPT CMD ARGS... [--- SCRIPT CMD ARGS...]
 *
 * Each program (A, and the reference B after "---") runs REPS times,
 * interleaved A B B A A B … so that the machine's noise falls on both.  A
 * run follows its SCRIPT, space-separated steps:
 *
 *   start             time from fork to the first settled screen
 *   wait              let the first screen settle, without recording it
 *   send:KEYS         send keys, let the screen settle, record nothing
 *   put:KEYS          send keys and wait SETTLE_MS, whether output comes or not
 *   put:KEYS          send keys and wait SETTLE_MS, whether output comes or not
 *   key:LABEL:KEYS    send keys, record time to settled screen and bytes
 *   type:LABEL:TEXT   send TEXT one character at a time, recording each
 *   sleep:MS          pause
 *   quit:KEYS         send keys, wait for the exit, record peak RSS
 *
 * KEYS understand \e (Escape), \r, \n, \t, \s (space), \\ and \xHH, and the
 * names <PgDn> <PgUp> <Down> <Up> <Enter>.  A screen is "settled" when the
 * program has written something and then stayed quiet for SETTLE_MS; the
 * time reported is that of the last byte, so the window itself is not
 * counted.  A key that produces no output within TIMEOUT_MS counts as
 * "no output" (time = timeout).
 *
 * Output, one line per (label, program), tab-separated:
 *   label prog n p50_ms p95_ms max_ms bytes_p50 bytes_max rss_kb first_p50 first_p95
 * (first_*: time to the first byte written, e.g. the echo of a typed key)
 * prog is A or B.  The environment of the children: TERM (default
 * xterm-256color), LANG/LC_ALL C.UTF-8 unless DRIVE_LANG is set, a fresh
 * empty XDG_STATE_HOME for every run, LESSHISTFILE=- and no LESS. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define MAX_LABELS 64

struct series {
	char label[64];
	int prog;
	double *ms;
	double *first; /* time to the first byte */
	long *bytes;
	size_t n, cap;
	long rss_kb;
};

static struct series series[MAX_LABELS];
static size_t nseries;

static int cols = 80, rows = 24, reps = 15;
static double settle_ms = 40, timeout_ms = 5000;

struct program {
	char *script;
	char **argv;
};

struct child {
	pid_t pid;
	int fd;
	int exited;
	int status;
	struct rusage ru;
	double last_output; /* time of the last byte read */
	double first_output; /* time of the first byte after the keys */
	long bytes;         /* bytes read since the counter was reset */
};

static void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("drive: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static struct series *
series_get(const char *label, int prog)
{
	size_t i;

	for (i = 0; i < nseries; i++)
		if (series[i].prog == prog && !strcmp(series[i].label, label))
			return &series[i];
	if (nseries == MAX_LABELS)
		die("too many labels");
	memset(&series[nseries], 0, sizeof(series[0]));
	snprintf(series[nseries].label, sizeof(series[nseries].label), "%s", label);
	series[nseries].prog = prog;
	return &series[nseries++];
}

static void
series_add(struct series *s, double ms, double first, long bytes)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->ms = realloc(s->ms, s->cap * sizeof(*s->ms));
		s->first = realloc(s->first, s->cap * sizeof(*s->first));
		s->bytes = realloc(s->bytes, s->cap * sizeof(*s->bytes));
		if (!s->ms || !s->first || !s->bytes)
			die("out of memory");
	}
	s->ms[s->n] = ms;
	s->first[s->n] = first;
	s->bytes[s->n] = bytes;
	s->n++;
}

/* Decodes the escapes of a KEYS argument into buf; returns the length. */
static size_t
decode_keys(const char *in, char *buf, size_t size)
{
	static const struct {
		const char *name, *seq;
	} names[] = {
		{"<PgDn>", "\033[6~"}, {"<PgUp>", "\033[5~"}, {"<Down>", "\033[B"},
		{"<Up>", "\033[A"},    {"<Enter>", "\r"},     {"<Esc>", "\033"},
	};
	size_t n = 0;

	while (*in) {
		const char *add = NULL;
		char one[2] = {0, 0};
		size_t k;

		for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
			if (!strncmp(in, names[k].name, strlen(names[k].name))) {
				add = names[k].seq;
				in += strlen(names[k].name);
				break;
			}
		if (!add && in[0] == '\\' && in[1]) {
			switch (in[1]) {
			case 'e': one[0] = '\033'; break;
			case 'r': one[0] = '\r'; break;
			case 'n': one[0] = '\n'; break;
			case 't': one[0] = '\t'; break;
			case 's': one[0] = ' '; break;
			case 'x': {
				unsigned v;

				if (sscanf(in + 2, "%2x", &v) != 1)
					die("bad \\x escape in '%s'", in);
				one[0] = (char)v;
				in += 2;
				break;
			}
			default: one[0] = in[1]; break;
			}
			in += 2;
			add = one;
			if (!one[0]) {
				if (n + 1 > size)
					die("keys too long");
				buf[n++] = '\0';
				continue;
			}
		}
		if (!add) {
			one[0] = *in++;
			add = one;
		}
		k = strlen(add);
		if (n + k > size)
			die("keys too long");
		memcpy(buf + n, add, k);
		n += k;
	}
	return n;
}

/* Reads whatever the child wrote within `wait_ms`; returns bytes read, 0 on
 * timeout, -1 when the child's side is closed. */
static long
pump(struct child *c, double wait_ms)
{
	struct pollfd pfd = {c->fd, POLLIN, 0};
	char buf[65536];
	long total = 0;
	int r;

	if (c->fd < 0)
		return -1;
	r = poll(&pfd, 1, wait_ms < 0 ? 0 : (int)(wait_ms + 0.999));
	if (r < 0) {
		if (errno == EINTR)
			return 0;
		die("poll: %s", strerror(errno));
	}
	if (r == 0)
		return 0;
	for (;;) {
		ssize_t got = read(c->fd, buf, sizeof(buf));

		if (got > 0) {
			total += got;
			c->bytes += got;
			c->last_output = now_ms();
			continue;
		}
		if (got < 0 && (errno == EAGAIN || errno == EINTR))
			break;
		/* EIO: the slave side is closed, the child is gone */
		close(c->fd);
		c->fd = -1;
		return total ? total : -1;
	}
	return total;
}

/* Waits for output, then for SETTLE_MS of quiet.  Returns the time of the
 * last byte relative to t0, or -1 when nothing came before the timeout. */
static double
settle(struct child *c, double t0)
{
	double start = now_ms();
	long r;

	c->last_output = -1;
	/* first byte */
	for (;;) {
		double left = timeout_ms - (now_ms() - start);

		if (left <= 0)
			return -1;
		r = pump(c, left);
		if (r > 0) {
			c->first_output = c->last_output;
			break;
		}
		if (r < 0)
			return -1;
	}
	/* then quiet */
	for (;;) {
		double quiet = now_ms() - c->last_output;

		if (quiet >= settle_ms)
			break;
		r = pump(c, settle_ms - quiet);
		if (r < 0)
			break;
	}
	return c->last_output - t0;
}

static void
send_keys(struct child *c, const char *keys, size_t len)
{
	if (c->fd < 0) {
		fprintf(stderr, "drive: cannot send keys: the program has ended\n");
		return;
	}
	while (len > 0) {
		ssize_t w = write(c->fd, keys, len);

		if (w < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			die("write to pty: %s", strerror(errno));
		}
		keys += w;
		len -= (size_t)w;
	}
}

static int
remove_entry(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

static void
spawn(struct child *c, char **argv, const char *state_dir)
{
	struct winsize ws = {(unsigned short)rows, (unsigned short)cols, 0, 0};
	const char *lang = getenv("DRIVE_LANG");
	const char *term = getenv("DRIVE_TERM");

	memset(c, 0, sizeof(*c));
	c->pid = forkpty(&c->fd, NULL, NULL, &ws);
	if (c->pid < 0)
		die("forkpty: %s", strerror(errno));
	if (c->pid == 0) {
		setenv("TERM", term ? term : "xterm-256color", 1);
		setenv("LANG", lang ? lang : "C.UTF-8", 1);
		setenv("LC_ALL", lang ? lang : "C.UTF-8", 1);
		setenv("XDG_STATE_HOME", state_dir, 1);
		setenv("LESSHISTFILE", "-", 1);
		unsetenv("LESS");
		unsetenv("COLUMNS");
		unsetenv("LINES");
		unsetenv("TMUX");
		execvp(argv[0], argv);
		fprintf(stderr, "drive: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
}

/* Reaps the child, killing it after the timeout; fills c->ru. */
static void
reap(struct child *c)
{
	double start = now_ms();

	while (!c->exited) {
		pid_t p = wait4(c->pid, &c->status, WNOHANG, &c->ru);

		if (p == c->pid) {
			c->exited = 1;
			break;
		}
		if (now_ms() - start > timeout_ms) {
			fprintf(stderr, "drive: child %d did not exit, killing it\n", (int)c->pid);
			kill(c->pid, SIGKILL);
			wait4(c->pid, &c->status, 0, &c->ru);
			c->exited = 1;
			break;
		}
		if (pump(c, 10) < 0)
			usleep(1000);
	}
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

static void
record(const char *label, int prog, double ms, double t0, const struct child *c)
{
	double first = c->first_output - t0;

	if (ms < 0) {
		fprintf(stderr, "drive: %s (%c): no output within %.0f ms\n", label, 'A' + prog,
			timeout_ms);
		ms = first = timeout_ms;
	}
	series_add(series_get(label, prog), ms, first, c->bytes);
}

static void
run_once(const struct program *p, int prog)
{
	char state_dir[] = "/tmp/drive-state.XXXXXX";
	char *script = strdup(p->script), *save = NULL, *step;
	char keys[4096];
	struct child c;
	double t0;
	int quitted = 0;

	if (!script || !mkdtemp(state_dir))
		die("cannot create a state directory: %s", strerror(errno));
	t0 = now_ms();
	spawn(&c, p->argv, state_dir);
	for (step = strtok_r(script, " ", &save); step; step = strtok_r(NULL, " ", &save)) {
		char *arg = strchr(step, ':');
		char *label = NULL;

		if (arg)
			*arg++ = '\0';
		if (!strcmp(step, "start") || !strcmp(step, "wait")) {
			c.bytes = 0;
			double ms = settle(&c, t0);

			if (!strcmp(step, "start"))
				record("start", prog, ms, t0, &c);
			continue;
		}
		if (!arg)
			die("step '%s' needs an argument", step);
		if (!strcmp(step, "sleep")) {
			double until = now_ms() + atof(arg);

			while (now_ms() < until)
				pump(&c, until - now_ms());
			continue;
		}
		if (!strcmp(step, "key") || !strcmp(step, "type")) {
			label = arg;
			arg = strchr(arg, ':');
			if (!arg)
				die("step '%s:%s' needs LABEL:KEYS", step, label);
			*arg++ = '\0';
		}
		size_t len = decode_keys(arg, keys, sizeof(keys));

		pump(&c, 0); /* drain anything late before timing */
		if (!strcmp(step, "type")) {
			for (size_t i = 0; i < len; i++) {
				size_t one = 1;

				/* keep UTF-8 sequences together */
				while (i + one < len && ((unsigned char)keys[i + one] & 0xc0) == 0x80)
					one++;
				c.bytes = 0;
				t0 = now_ms();
				send_keys(&c, keys + i, one);
				double ms = settle(&c, t0);

				record(label, prog, ms, t0, &c);
				i += one - 1;
			}
		} else if (!strcmp(step, "key") || !strcmp(step, "send")) {
			c.bytes = 0;
			t0 = now_ms();
			send_keys(&c, keys, len);
			double ms = settle(&c, t0);

			if (label)
				record(label, prog, ms, t0, &c);
		} else if (!strcmp(step, "put")) {
			double until;

			send_keys(&c, keys, len);
			until = now_ms() + settle_ms;
			while (now_ms() < until && pump(&c, until - now_ms()) >= 0)
				;
		} else if (!strcmp(step, "put")) {
			double until;

			send_keys(&c, keys, len);
			until = now_ms() + settle_ms;
			while (now_ms() < until && pump(&c, until - now_ms()) >= 0)
				;
		} else if (!strcmp(step, "quit")) {
			send_keys(&c, keys, len);
			reap(&c);
			quitted = 1;
		} else {
			die("unknown step '%s'", step);
		}
	}
	if (!quitted) {
		kill(c.pid, SIGTERM);
		reap(&c);
	}
	struct series *s = series_get("rss", prog);

	series_add(s, 0, 0, c.ru.ru_maxrss);
	if (c.ru.ru_maxrss > s->rss_kb)
		s->rss_kb = c.ru.ru_maxrss;
	if (WIFSIGNALED(c.status) && WTERMSIG(c.status) != SIGTERM)
		fprintf(stderr, "drive: %s died of signal %d\n", p->argv[0], WTERMSIG(c.status));
	nftw(state_dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
	free(script);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* Nearest-rank percentile of a sorted array. */
static size_t
rank(size_t n, double pct)
{
	size_t r = (size_t)(pct / 100.0 * (double)n + 0.999999);

	return r == 0 ? 0 : r - 1;
}

static void
report(void)
{
	for (size_t i = 0; i < nseries; i++) {
		struct series *s = &series[i];

		if (!s->n)
			continue;
		qsort(s->ms, s->n, sizeof(*s->ms), cmp_double);
		qsort(s->first, s->n, sizeof(*s->first), cmp_double);
		qsort(s->bytes, s->n, sizeof(*s->bytes), cmp_long);
		printf("%s\t%c\t%zu\t%.2f\t%.2f\t%.2f\t%ld\t%ld\t%ld\t%.2f\t%.2f\n", s->label,
		       'A' + s->prog, s->n, s->ms[rank(s->n, 50)], s->ms[rank(s->n, 95)],
		       s->ms[s->n - 1], s->bytes[rank(s->n, 50)], s->bytes[s->n - 1], s->rss_kb,
		       s->first[rank(s->n, 50)], s->first[rank(s->n, 95)]);
	}
}

static void
usage(void)
{
	fputs("usage: drive [-s COLSxROWS] [-r REPS] [-w SETTLE_MS] [-t TIMEOUT_MS]\n"
	      "             SCRIPT CMD ARGS... [--- SCRIPT CMD ARGS...]\n",
	      stderr);
	exit(2);
}

int
main(int argc, char **argv)
{
	struct program progs[2];
	int nprogs = 0, opt;

	while ((opt = getopt(argc, argv, "+s:r:w:t:")) != -1) {
		switch (opt) {
		case 's':
			if (sscanf(optarg, "%dx%d", &cols, &rows) != 2 || cols < 1 || rows < 1)
				usage();
			break;
		case 'r': reps = atoi(optarg); break;
		case 'w': settle_ms = atof(optarg); break;
		case 't': timeout_ms = atof(optarg); break;
		default: usage();
		}
	}
	for (int i = optind; i < argc;) {
		int j;

		if (nprogs == 2 || i + 1 >= argc)
			usage();
		progs[nprogs].script = argv[i];
		progs[nprogs].argv = &argv[i + 1];
		for (j = i + 1; j < argc && strcmp(argv[j], "---"); j++)
			;
		if (j < argc)
			argv[j] = NULL; /* ends this program's argv */
		nprogs++;
		i = j + 1;
	}
	if (nprogs == 0 || reps < 1)
		usage();
	signal(SIGPIPE, SIG_IGN);
	for (int r = 0; r < reps; r++) {
		/* A B, B A, A B, …: neither program always runs on a warm cache */
		for (int k = 0; k < nprogs; k++) {
			int prog = (r % 2 == 0) ? k : nprogs - 1 - k;

			run_once(&progs[prog], prog);
		}
	}
	report();
	return 0;
}
