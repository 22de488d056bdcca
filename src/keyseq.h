/* keyseq.h - the bytes a terminal sends, decoded into keys.
 *
 * The screen reads its terminal itself and decodes here, so that keys mean
 * the same whatever TERM says (a TERM that does not match the terminal is
 * common over SSH and in tmux):
 *   - UTF-8 characters give their code point; an invalid byte is dropped;
 *   - the xterm and VT220 sequences of the arrows, Home, End, Insert,
 *     Delete, PgUp, PgDn, Shift-Tab, keypad Enter and F1-F12, in both cursor
 *     modes and with any modifier (ESC [ A, ESC O A, ESC [ 1 ; 5 A, ESC [ H,
 *     ESC [ F, ESC O H, ESC O F, ESC [ 1 ~ ... ESC [ 8 ~), and every sequence
 *     the terminal description declares (keyseq_define), give the curses key
 *     as KEYMAP_FN(KEY_HOME) etc.; modifiers are ignored;
 *   - mouse reports, X10 (ESC [ M b x y) and SGR (ESC [ < b ; x ; y M);
 *   - a bracketed paste (ESC [ 200 ~ ... ESC [ 201 ~) is one KEYSEQ_PASTE
 *     event with the pasted bytes: nothing inside it acts as a key;
 *   - any other complete CSI or SS3 sequence is one KEYSEQ_UNKNOWN event,
 *     never Esc followed by letters.
 * A lone ESC is Esc only once KEYSEQ_ESC_TIMEOUT_MS (or the timeout given
 * to keyseq_init) has passed with nothing after it; a sequence still
 * incomplete then is dropped as one KEYSEQ_UNKNOWN.  A paste whose end never
 * comes is delivered after KEYSEQ_PASTE_TIMEOUT_MS without input.  ESC
 * followed at once by anything else is Esc, then that key.
 *
 * No I/O and no clock here: the caller feeds bytes and passes the time, so
 * the decoder is unit-tested and fuzzed on its own. */
#ifndef LISEUSE_KEYSEQ_H
#define LISEUSE_KEYSEQ_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

#define KEYSEQ_ESC_TIMEOUT_MS 100
#define KEYSEQ_PASTE_TIMEOUT_MS 1000
/* Pasted bytes kept; the rest of a longer paste is read and dropped. */
#define KEYSEQ_PASTE_MAX 65536
/* Longest escape sequence understood; a longer one is dropped. */
#define KEYSEQ_SEQ_MAX 32
#define KEYSEQ_DEFS_MAX 64

enum keyseq_type {
	KEYSEQ_KEY = 1, /* key: a code point, or KEYMAP_FN(KEY_...) */
	KEYSEQ_PASTE,	/* text, len: the pasted bytes; truncated when cut */
	KEYSEQ_MOUSE,	/* button, y, x */
	KEYSEQ_UNKNOWN, /* a sequence that names no key we know */
};

struct keyseq_event {
	enum keyseq_type type;
	int key;
	const char *text; /* valid until the next keyseq call */
	size_t len;
	bool truncated;
	/* 1-3: a button pressed; 4, 5: the wheel up, down; 0: a release or a
	 * motion.  y and x are 0-based cells. */
	int button;
	int y, x;
};

struct keyseq_def {
	char seq[KEYSEQ_SEQ_MAX];
	size_t len;
	int key;
};

struct keyseq {
	struct strbuf in; /* bytes not decoded yet */
	size_t start;	  /* first undecoded byte of in */
	long last_ms;	  /* when the last bytes came */
	int esc_timeout_ms;
	bool in_paste;
	struct strbuf paste;
	bool paste_truncated;
	struct keyseq_def defs[KEYSEQ_DEFS_MAX];
	size_t ndefs;
};

/* Initialises an empty decoder; esc_timeout_ms <= 0 means the default. */
void keyseq_init(struct keyseq *ks, int esc_timeout_ms);
void keyseq_release(struct keyseq *ks);

/* Declares that seq (starting with ESC, at most KEYSEQ_SEQ_MAX bytes) is
 * key; a declared sequence wins over the built-in reading.  Others (empty,
 * not starting with ESC, too long, or past KEYSEQ_DEFS_MAX) are ignored. */
void keyseq_define(struct keyseq *ks, const char *seq, int key);

/* Appends bytes read from the terminal at time now_ms (monotonic). */
void keyseq_feed(struct keyseq *ks, const char *bytes, size_t len, long now_ms);

/* Decodes the next event into *ev and returns true, or returns false when
 * nothing complete is waiting.  At now_ms past a timeout, what is
 * incomplete is resolved (a lone ESC is Esc).  ev->text points into ks. */
bool keyseq_next(struct keyseq *ks, struct keyseq_event *ev, long now_ms);

/* Milliseconds from now_ms until keyseq_next would resolve something
 * incomplete (0: now), or -1 when nothing incomplete is waiting: the
 * longest the caller may wait for input before calling keyseq_next. */
int keyseq_wait_ms(const struct keyseq *ks, long now_ms);

#endif
