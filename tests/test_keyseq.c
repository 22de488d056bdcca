/* test_keyseq.c - terminal bytes decoded into keys: the xterm and VT
 * sequences whatever TERM says, partial sequences, pastes, mouse reports. */
#include "config.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "keymap.h"
#include "keyseq.h"
#include "unit.h"

#define MAXEV 64

/* Feeds s at time 0 and collects the events decoded by time `at`. */
static size_t
decode_at(struct keyseq *ks, const char *s, size_t len, long at, struct keyseq_event *ev)
{
	size_t n = 0;

	keyseq_feed(ks, s, len, 0);
	while (n < MAXEV && keyseq_next(ks, &ev[n], at))
		n++;
	return n;
}

/* The single key the whole of s decodes to (0 when not exactly one key). */
static int
one_key(const char *s)
{
	struct keyseq ks;
	struct keyseq_event ev[MAXEV];
	size_t n;
	int key;

	keyseq_init(&ks, 0);
	n = decode_at(&ks, s, strlen(s), 0, ev);
	key = n == 1 && ev[0].type == KEYSEQ_KEY ? ev[0].key : 0;
	keyseq_release(&ks);
	return key;
}

static void
test_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} cases[] = {
	    {"\033[1~", KEYMAP_FN(KEY_HOME)},	 {"\033[7~", KEYMAP_FN(KEY_HOME)},
	    {"\033[H", KEYMAP_FN(KEY_HOME)},	 {"\033OH", KEYMAP_FN(KEY_HOME)},
	    {"\033[1;5H", KEYMAP_FN(KEY_HOME)},	 {"\033[4~", KEYMAP_FN(KEY_END)},
	    {"\033[8~", KEYMAP_FN(KEY_END)},	 {"\033[F", KEYMAP_FN(KEY_END)},
	    {"\033OF", KEYMAP_FN(KEY_END)},	 {"\033[3~", KEYMAP_FN(KEY_DC)},
	    {"\033[3;2~", KEYMAP_FN(KEY_DC)},	 {"\033[2~", KEYMAP_FN(KEY_IC)},
	    {"\033[5~", KEYMAP_FN(KEY_PPAGE)},	 {"\033[6~", KEYMAP_FN(KEY_NPAGE)},
	    {"\033[6;5~", KEYMAP_FN(KEY_NPAGE)}, {"\033[A", KEYMAP_FN(KEY_UP)},
	    {"\033OA", KEYMAP_FN(KEY_UP)},	 {"\033[1;2A", KEYMAP_FN(KEY_UP)},
	    {"\033[B", KEYMAP_FN(KEY_DOWN)},	 {"\033OB", KEYMAP_FN(KEY_DOWN)},
	    {"\033[C", KEYMAP_FN(KEY_RIGHT)},	 {"\033[1;3C", KEYMAP_FN(KEY_RIGHT)},
	    {"\033OD", KEYMAP_FN(KEY_LEFT)},	 {"\033O5D", KEYMAP_FN(KEY_LEFT)},
	    {"\033OM", KEYMAP_FN(KEY_ENTER)},	 {"\033[Z", KEYMAP_FN(KEY_BTAB)},
	    {"\033OP", KEYMAP_FN(KEY_F(1))},	 {"\033[15~", KEYMAP_FN(KEY_F(5))},
	    {"\033[24~", KEYMAP_FN(KEY_F(12))},	 {"a", 'a'},
	    {"\r", '\r'},			 {"\177", 127},
	    {"\xc5\x93", 0x153},		 {"\xf0\x9f\x91\xa8", 0x1F468},
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int got = one_key(cases[i].seq);
		if (got != cases[i].key)
			fprintf(stderr, "sequence %zu (\\e%s)\n", i, cases[i].seq + 1);
		CHECK_INT(got, cases[i].key);
	}
}

/* A sequence split across reads, however late its end comes within the
 * timeout, is one key; never Esc and letters. */
static void
test_partial(void)
{
	struct keyseq ks;
	struct keyseq_event ev;
	int n;

	keyseq_init(&ks, 100);
	keyseq_feed(&ks, "\033", 1, 0);
	CHECK(!keyseq_next(&ks, &ev, 50));
	CHECK_INT(keyseq_wait_ms(&ks, 50), 50);
	keyseq_feed(&ks, "[1", 2, 90);
	CHECK(!keyseq_next(&ks, &ev, 150));
	keyseq_feed(&ks, "~", 1, 180);
	CHECK(keyseq_next(&ks, &ev, 180));
	CHECK_INT(ev.type, KEYSEQ_KEY);
	CHECK_INT(ev.key, KEYMAP_FN(KEY_HOME));
	CHECK(!keyseq_next(&ks, &ev, 500));
	CHECK_INT(keyseq_wait_ms(&ks, 500), -1);

	/* A lone ESC is Esc once the timeout has passed, not before. */
	keyseq_feed(&ks, "\033", 1, 1000);
	CHECK(!keyseq_next(&ks, &ev, 1099));
	CHECK_INT(keyseq_wait_ms(&ks, 1099), 1);
	CHECK(keyseq_next(&ks, &ev, 1100));
	CHECK_INT(ev.key, 27);

	/* Half a sequence whose end never comes is dropped, not typed. */
	keyseq_feed(&ks, "\033[1;", 4, 2000);
	CHECK(keyseq_next(&ks, &ev, 2200));
	CHECK_INT(ev.type, KEYSEQ_UNKNOWN);
	CHECK(!keyseq_next(&ks, &ev, 2200));

	/* ESC and a letter at once: Esc, then the letter. */
	keyseq_feed(&ks, "\033q", 2, 3000);
	CHECK(keyseq_next(&ks, &ev, 3000));
	CHECK_INT(ev.key, 27);
	CHECK(keyseq_next(&ks, &ev, 3000));
	CHECK_INT(ev.key, 'q');

	/* An unknown sequence is one event, whatever its letters. */
	n = 0;
	keyseq_feed(&ks, "\033[1;5Xab", 8, 4000);
	while (keyseq_next(&ks, &ev, 4000)) {
		n++;
		if (n == 1)
			CHECK_INT(ev.type, KEYSEQ_UNKNOWN);
		else
			CHECK_INT(ev.type, KEYSEQ_KEY);
	}
	CHECK_INT(n, 3);
	/* A UTF-8 character cut between reads. */
	keyseq_feed(&ks, "\xc3", 1, 5000);
	CHECK(!keyseq_next(&ks, &ev, 5000));
	keyseq_feed(&ks, "\xa9", 1, 5001);
	CHECK(keyseq_next(&ks, &ev, 5001));
	CHECK_INT(ev.key, 0xe9);
	keyseq_release(&ks);
}

/* Sequences from the terminal description win over the built-in reading. */
static void
test_defined(void)
{
	struct keyseq ks;
	struct keyseq_event ev;

	keyseq_init(&ks, 0);
	keyseq_define(&ks, "\033[[A", KEYMAP_FN(KEY_F(1)));
	keyseq_define(&ks, "x", 'y'); /* not an escape sequence: ignored */
	keyseq_feed(&ks, "\033[[Ax", 5, 0);
	CHECK(keyseq_next(&ks, &ev, 0));
	CHECK_INT(ev.key, KEYMAP_FN(KEY_F(1)));
	CHECK(keyseq_next(&ks, &ev, 0));
	CHECK_INT(ev.key, 'x');
	keyseq_release(&ks);
}

static void
test_paste(void)
{
	struct keyseq ks;
	struct keyseq_event ev[MAXEV];
	char *big;
	size_t n, total = 200000;

	keyseq_init(&ks, 0);
	/* Newlines, Esc and sequences inside a paste are text, not keys. */
	n = decode_at(&ks, "a\033[200~x\n\033[Aq\033\033[201~b",
		      sizeof "a\033[200~x\n\033[Aq\033\033[201~b" - 1, 0, ev);
	CHECK_INT(n, 3);
	CHECK_INT(ev[0].key, 'a');
	CHECK_INT(ev[1].type, KEYSEQ_PASTE);
	CHECK_INT(ev[1].len, 7);
	CHECK(ev[1].len == 7 && memcmp(ev[1].text, "x\n\033[Aq\033", 7) == 0);
	CHECK_INT(ev[2].key, 'b');

	/* A paste in many reads, its end marker cut in two. */
	keyseq_feed(&ks, "\033[200~hel", 9, 0);
	CHECK(!keyseq_next(&ks, &ev[0], 0));
	keyseq_feed(&ks, "lo\033[2", 5, 1);
	CHECK(!keyseq_next(&ks, &ev[0], 1));
	keyseq_feed(&ks, "01~", 3, 2);
	CHECK(keyseq_next(&ks, &ev[0], 2));
	CHECK_INT(ev[0].type, KEYSEQ_PASTE);
	CHECK(ev[0].len == 5 && memcmp(ev[0].text, "hello", 5) == 0);

	/* A huge paste is kept up to the limit, and said to be cut. */
	big = malloc(total);
	memset(big, 'w', total);
	keyseq_feed(&ks, "\033[200~", 6, 10);
	for (size_t off = 0; off < total; off += 4096)
		keyseq_feed(&ks, big + off, total - off < 4096 ? total - off : 4096, 10);
	keyseq_feed(&ks, "\033[201~\033", 7, 10);
	n = 0;
	while (n < MAXEV && keyseq_next(&ks, &ev[n], 10))
		n++;
	CHECK_INT(n, 1);
	CHECK_INT(ev[0].len, KEYSEQ_PASTE_MAX);
	CHECK(ev[0].truncated);
	/* ...and the ESC after it is still Esc, at its timeout. */
	CHECK(keyseq_next(&ks, &ev[0], 1000));
	CHECK_INT(ev[0].key, 27);

	/* A paste whose end never comes ends after the paste timeout. */
	keyseq_feed(&ks, "\033[200~abc", 9, 2000);
	CHECK(!keyseq_next(&ks, &ev[0], 2000 + KEYSEQ_PASTE_TIMEOUT_MS - 1));
	CHECK(keyseq_next(&ks, &ev[0], 2000 + KEYSEQ_PASTE_TIMEOUT_MS));
	CHECK_INT(ev[0].type, KEYSEQ_PASTE);
	CHECK_INT(ev[0].len, 3);
	free(big);
	keyseq_release(&ks);
}

static void
test_mouse(void)
{
	struct keyseq ks;
	struct keyseq_event ev[MAXEV];
	size_t n;

	keyseq_init(&ks, 0);
	/* X10: button 1 at column 10, row 5 (1-based, offset by 32). */
	n = decode_at(&ks, "\033[M *%", 6, 0, ev);
	CHECK_INT(n, 1);
	CHECK_INT(ev[0].type, KEYSEQ_MOUSE);
	CHECK_INT(ev[0].button, 1);
	CHECK_INT(ev[0].x, 9);
	CHECK_INT(ev[0].y, 4);
	/* SGR: the wheel down at 120,40; a release. */
	n = decode_at(&ks, "\033[<65;120;40M\033[<0;3;4m", 22, 0, ev);
	CHECK_INT(n, 2);
	CHECK_INT(ev[0].button, 5);
	CHECK_INT(ev[0].x, 119);
	CHECK_INT(ev[0].y, 39);
	CHECK_INT(ev[1].type, KEYSEQ_MOUSE);
	CHECK_INT(ev[1].button, 0);
	keyseq_release(&ks);
}

int
main(void)
{
	test_keys();
	test_partial();
	test_defined();
	test_paste();
	test_mouse();
	return unit_done("test_keyseq");
}
