/* keyseq.c - terminal input bytes decoded into keys (see keyseq.h). */
#include "config.h"

#include <string.h>

#include <curses.h>
#include <unistr.h>

#include "keymap.h"
#include "keyseq.h"

#define ESC 0x1b
#define PASTE_END "\033[201~"
#define PASTE_END_LEN 6

/* What decoding the bytes at the start of the input gave. */
enum outcome {
	NEED_MORE, /* incomplete: wait for more bytes or the timeout */
	EVENT,	   /* *ev is set; the bytes are consumed */
	SKIPPED,   /* bytes consumed, nothing to report */
};

void
keyseq_init(struct keyseq *ks, int esc_timeout_ms)
{
	memset(ks, 0, sizeof *ks);
	strbuf_init(&ks->in);
	strbuf_init(&ks->paste);
	ks->esc_timeout_ms = esc_timeout_ms > 0 ? esc_timeout_ms : KEYSEQ_ESC_TIMEOUT_MS;
}

void
keyseq_release(struct keyseq *ks)
{
	strbuf_release(&ks->in);
	strbuf_release(&ks->paste);
}

void
keyseq_define(struct keyseq *ks, const char *seq, int key)
{
	size_t len = seq ? strlen(seq) : 0;
	struct keyseq_def *def;

	if (len < 2 || len > KEYSEQ_SEQ_MAX || seq[0] != ESC || ks->ndefs >= KEYSEQ_DEFS_MAX)
		return;
	def = &ks->defs[ks->ndefs++];
	memcpy(def->seq, seq, len);
	def->len = len;
	def->key = key;
}

void
keyseq_feed(struct keyseq *ks, const char *bytes, size_t len, long now_ms)
{
	/* Drop what was decoded before the buffer grows again. */
	if (ks->start > 0 && (ks->start == ks->in.len || ks->start >= 4096)) {
		memmove(ks->in.buf, ks->in.buf + ks->start, ks->in.len - ks->start);
		ks->in.len -= ks->start;
		ks->in.buf[ks->in.len] = '\0';
		ks->start = 0;
	}
	if (len == 0)
		return;
	strbuf_add(&ks->in, bytes, len);
	ks->last_ms = now_ms;
}

/* A key event. */
static enum outcome
key_event(struct keyseq_event *ev, int key)
{
	ev->type = KEYSEQ_KEY;
	ev->key = key;
	return EVENT;
}

static enum outcome
unknown_event(struct keyseq_event *ev)
{
	ev->type = KEYSEQ_UNKNOWN;
	return EVENT;
}

/* Appends pasted bytes, keeping at most KEYSEQ_PASTE_MAX. */
static void
paste_add(struct keyseq *ks, const char *s, size_t n)
{
	size_t room = KEYSEQ_PASTE_MAX - ks->paste.len;

	if (n > room) {
		n = room;
		ks->paste_truncated = true;
	}
	strbuf_add(&ks->paste, s, n);
}

/* Inside a bracketed paste: everything up to the end marker is text. */
static enum outcome
decode_paste(struct keyseq *ks, const char *s, size_t n, bool timed_out, size_t *used,
	     struct keyseq_event *ev)
{
	const char *end = memmem(s, n, PASTE_END, PASTE_END_LEN);

	if (end) {
		paste_add(ks, s, (size_t)(end - s));
		*used = (size_t)(end - s) + PASTE_END_LEN;
	} else if (timed_out) {
		paste_add(ks, s, n);
		*used = n;
	} else {
		/* Keep a tail that may be the start of the end marker. */
		*used = n > PASTE_END_LEN - 1 ? n - (PASTE_END_LEN - 1) : 0;
		paste_add(ks, s, *used);
		return *used ? SKIPPED : NEED_MORE;
	}
	ks->in_paste = false;
	ev->type = KEYSEQ_PASTE;
	ev->text = strbuf_str(&ks->paste);
	ev->len = ks->paste.len;
	ev->truncated = ks->paste_truncated;
	return EVENT;
}

/* The decimal parameters of a CSI sequence, p[0..] (-1 when absent). */
static void
csi_params(const char *s, size_t n, int p[3])
{
	size_t i = 0;

	p[0] = p[1] = p[2] = -1;
	for (int k = 0; k < 3 && i <= n; k++) {
		while (i < n && s[i] >= '0' && s[i] <= '9') {
			p[k] = (p[k] < 0 ? 0 : p[k]) * 10 + (s[i] - '0');
			if (p[k] > 100000)
				p[k] = 100000;
			i++;
		}
		if (i >= n || s[i] != ';')
			break;
		i++;
	}
}

/* The key of "ESC [ n ~" (VT220 editing keys, xterm function keys). */
static int
tilde_key(int n)
{
	static const int fkeys[] = {[11] = 1, [12] = 2, [13] = 3, [14] = 4, [15] = 5, [17] = 6,
				    [18] = 7, [19] = 8, [20] = 9, [21] = 10, [23] = 11, [24] = 12};

	switch (n) {
	case 1:
	case 7:
		return KEYMAP_FN(KEY_HOME);
	case 4:
	case 8:
		return KEYMAP_FN(KEY_END);
	case 2:
		return KEYMAP_FN(KEY_IC);
	case 3:
		return KEYMAP_FN(KEY_DC);
	case 5:
		return KEYMAP_FN(KEY_PPAGE);
	case 6:
		return KEYMAP_FN(KEY_NPAGE);
	default:
		if (n > 0 && (size_t)n < sizeof fkeys / sizeof fkeys[0] && fkeys[n])
			return KEYMAP_FN(KEY_F(fkeys[n]));
		return 0;
	}
}

/* The key of a sequence ending in a letter: "ESC [ A", "ESC O H"... */
static int
letter_key(char final)
{
	switch (final) {
	case 'A':
		return KEYMAP_FN(KEY_UP);
	case 'B':
		return KEYMAP_FN(KEY_DOWN);
	case 'C':
		return KEYMAP_FN(KEY_RIGHT);
	case 'D':
		return KEYMAP_FN(KEY_LEFT);
	case 'H':
		return KEYMAP_FN(KEY_HOME);
	case 'F':
		return KEYMAP_FN(KEY_END);
	case 'Z':
		return KEYMAP_FN(KEY_BTAB);
	case 'P':
	case 'Q':
	case 'R':
	case 'S':
		return KEYMAP_FN(KEY_F(1 + (final - 'P')));
	default:
		return 0;
	}
}

/* A mouse report: b is the xterm button code. */
static enum outcome
mouse_event(struct keyseq_event *ev, int b, int x, int y, bool release)
{
	ev->type = KEYSEQ_MOUSE;
	ev->x = x < 0 ? 0 : x;
	ev->y = y < 0 ? 0 : y;
	if (release || (b & 32))
		ev->button = 0; /* a release, or a motion */
	else if (b & 64)
		ev->button = b & 1 ? 5 : 4;
	else
		ev->button = (b & 3) == 3 ? 0 : (b & 3) + 1;
	return EVENT;
}

/* "ESC [ ...": parameters, intermediates, a final byte (ECMA-48). */
static enum outcome
decode_csi(struct keyseq *ks, const char *s, size_t n, size_t *used, struct keyseq_event *ev)
{
	size_t i = 2;
	int p[3], key;
	char final;

	if (n < 3)
		return NEED_MORE;
	if (s[2] == 'M') { /* X10 mouse: three bytes follow, each offset by 32 */
		if (n < 6)
			return NEED_MORE;
		*used = 6;
		return mouse_event(ev, (unsigned char)s[3] - 32, (unsigned char)s[4] - 33,
				   (unsigned char)s[5] - 33, false);
	}
	if (s[2] == '[') { /* the Linux console's F1-F5: ESC [ [ A */
		if (n < 4)
			return NEED_MORE;
		*used = 4;
		return unknown_event(ev);
	}
	while (i < n && i < KEYSEQ_SEQ_MAX && s[i] >= 0x30 && s[i] <= 0x3f)
		i++;
	while (i < n && i < KEYSEQ_SEQ_MAX && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i >= KEYSEQ_SEQ_MAX) {
		*used = i;
		return unknown_event(ev);
	}
	if (i == n)
		return NEED_MORE;
	final = s[i];
	if (final < 0x40 || final > 0x7e) {
		/* Not a sequence after all: drop what looked like one. */
		*used = i;
		return unknown_event(ev);
	}
	*used = i + 1;
	if (s[2] == '<') { /* SGR mouse: ESC [ < b ; x ; y M (m: release) */
		csi_params(s + 3, i - 3, p);
		if ((final == 'M' || final == 'm') && p[0] >= 0 && p[1] > 0 && p[2] > 0)
			return mouse_event(ev, p[0], p[1] - 1, p[2] - 1, final == 'm');
		return unknown_event(ev);
	}
	if (s[2] >= 0x3c && s[2] <= 0x3f) /* other private sequences */
		return unknown_event(ev);
	csi_params(s + 2, i - 2, p);
	if (final == '~') {
		if (p[0] == 200) {
			ks->in_paste = true;
			ks->paste_truncated = false;
			strbuf_reset(&ks->paste);
			return SKIPPED;
		}
		key = tilde_key(p[0]);
	} else {
		key = letter_key(final);
	}
	return key ? key_event(ev, key) : unknown_event(ev);
}

/* "ESC O x": the keys in the terminal's application mode. */
static enum outcome
decode_ss3(const char *s, size_t n, size_t *used, struct keyseq_event *ev)
{
	static const char keypad[] = "pqrstuvwxyjkmno";
	static const char keypad_chars[] = "0123456789*+-./";
	size_t i = 2;
	const char *k;
	int key;

	/* Old xterms put a modifier digit here: ESC O 5 A. */
	while (i < n && i < 4 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i == n)
		return NEED_MORE;
	if (s[i] < 0x40 || s[i] > 0x7e) {
		*used = i;
		return unknown_event(ev);
	}
	*used = i + 1;
	if (s[i] == 'M')
		return key_event(ev, KEYMAP_FN(KEY_ENTER));
	if ((k = strchr(keypad, s[i])) != NULL)
		return key_event(ev, keypad_chars[k - keypad]);
	key = letter_key(s[i]);
	return key ? key_event(ev, key) : unknown_event(ev);
}

/* Sequences the terminal description declares: the longest that matches
 * wins; NEED_MORE when the input may still become one. */
static enum outcome
decode_defined(const struct keyseq *ks, const char *s, size_t n, size_t *used,
	       struct keyseq_event *ev)
{
	const struct keyseq_def *best = NULL;
	bool prefix = false;

	for (size_t i = 0; i < ks->ndefs; i++) {
		const struct keyseq_def *d = &ks->defs[i];

		if (n >= d->len && memcmp(s, d->seq, d->len) == 0) {
			if (!best || d->len > best->len)
				best = d;
		} else if (n < d->len && memcmp(s, d->seq, n) == 0) {
			prefix = true;
		}
	}
	if (prefix)
		return NEED_MORE;
	if (!best)
		return SKIPPED; /* meaning: not a declared sequence */
	*used = best->len;
	return key_event(ev, best->key);
}

/* Decodes at the start of the input; *used gets the bytes consumed. */
static enum outcome
decode(struct keyseq *ks, const char *s, size_t n, bool timed_out, size_t *used,
       struct keyseq_event *ev)
{
	enum outcome out;
	ucs4_t uc;
	int len;

	*used = 0;
	if (ks->in_paste)
		return decode_paste(ks, s, n, timed_out, used, ev);
	if ((unsigned char)s[0] >= 0x80) {
		len = u8_mbtoucr(&uc, (const uint8_t *)s, n);
		if (len == -2 && !timed_out)
			return NEED_MORE;
		if (len <= 0) {
			*used = 1; /* an invalid or truncated byte */
			return SKIPPED;
		}
		*used = (size_t)len;
		return key_event(ev, (int)uc);
	}
	if (s[0] != ESC) {
		*used = 1;
		return key_event(ev, (unsigned char)s[0]);
	}
	if (n == 1) {
		if (!timed_out)
			return NEED_MORE;
		*used = 1;
		return key_event(ev, ESC);
	}
	out = decode_defined(ks, s, n, used, ev);
	if (out == NEED_MORE && !timed_out)
		return NEED_MORE;
	if (out == EVENT)
		return EVENT;
	if (s[1] == '[')
		out = decode_csi(ks, s, n, used, ev);
	else if (s[1] == 'O')
		out = decode_ss3(s, n, used, ev);
	else {
		/* ESC and another key at once: Esc, then that key. */
		*used = 1;
		return key_event(ev, ESC);
	}
	if (out == NEED_MORE && timed_out) {
		/* Half a sequence, and the rest never came. */
		*used = n;
		return unknown_event(ev);
	}
	return out;
}

/* Whether the incomplete input has waited long enough. */
static bool
timed_out(const struct keyseq *ks, long now_ms)
{
	long limit = ks->in_paste ? KEYSEQ_PASTE_TIMEOUT_MS : ks->esc_timeout_ms;

	return now_ms - ks->last_ms >= limit;
}

bool
keyseq_next(struct keyseq *ks, struct keyseq_event *ev, long now_ms)
{
	memset(ev, 0, sizeof *ev);
	for (;;) {
		size_t n = ks->in.len - ks->start, used = 0;
		/* Again each time: a paste that starts has its own timeout. */
		bool late = timed_out(ks, now_ms);
		enum outcome out;

		if (n == 0 && !(ks->in_paste && late))
			return false;
		out = decode(ks, ks->in.buf + ks->start, n, late, &used, ev);
		ks->start += used;
		if (out == EVENT)
			return true;
		if (out == NEED_MORE)
			return false;
	}
}

int
keyseq_wait_ms(const struct keyseq *ks, long now_ms)
{
	long limit = ks->in_paste ? KEYSEQ_PASTE_TIMEOUT_MS : ks->esc_timeout_ms;
	long left;

	if (ks->start == ks->in.len && !ks->in_paste)
		return -1;
	left = ks->last_ms + limit - now_ms;
	return left < 0 ? 0 : (int)left;
}
