/* osc52.c - the OSC 52 clipboard sequence and when to send it (see osc52.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "osc52.h"
#include "util.h"

/* GNU screen passes a DCS string through to the terminal, but cuts it at
 * about 768 bytes: the sequence goes in chunks of this many bytes. */
#define OSC52_SCREEN_CHUNK 76

/* Terminal families that take OSC 52 whatever their terminfo says. */
static const char *const osc52_terms[] = {
    "xterm-kitty", "alacritty", "foot", "wezterm", "contour", "xterm-ghostty", "rio",
};

static bool
osc52_word(const char *s, const char *const *words, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(s, words[i]) == 0)
			return true;
	return false;
}

enum osc52_route
osc52_decide(const struct osc52_terminal *t, const char **why)
{
	static const char *const yes[] = {"osc52", "on", "yes", "1", "always"};
	static const char *const no[] = {"off", "none", "no", "0", "never"};
	const char *term = t->term ? t->term : "";

	*why = NULL;
	if (t->override != NULL && osc52_word(t->override, no, sizeof no / sizeof no[0])) {
		*why = N_("clipboard turned off by LISEUSE_CLIPBOARD");
		return OSC52_NONE;
	}
	if (t->override != NULL && osc52_word(t->override, yes, sizeof yes / sizeof yes[0]))
		return t->in_screen && !t->in_tmux ? OSC52_SCREEN : OSC52_DIRECT;
	if (t->in_tmux) {
		if (t->tmux_accepts)
			return OSC52_DIRECT;
		*why = N_("tmux does not take it: set -g set-clipboard on");
		return OSC52_NONE;
	}
	if (t->in_screen)
		return OSC52_SCREEN;
	if (t->has_ms)
		return OSC52_DIRECT;
	for (size_t i = 0; i < sizeof osc52_terms / sizeof osc52_terms[0]; i++)
		if (strncmp(term, osc52_terms[i], strlen(osc52_terms[i])) == 0)
			return OSC52_DIRECT;
	*why = N_("the terminal does not say it takes a clipboard (terminfo Ms);"
		  " LISEUSE_CLIPBOARD=osc52 sends anyway");
	return OSC52_NONE;
}

char *
osc52_base64(const unsigned char *data, size_t len)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char *out = xmalloc((len + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 3 <= len; i += 3) {
		unsigned v = (unsigned)data[i] << 16 | (unsigned)data[i + 1] << 8 | data[i + 2];

		*o++ = digits[v >> 18 & 63];
		*o++ = digits[v >> 12 & 63];
		*o++ = digits[v >> 6 & 63];
		*o++ = digits[v & 63];
	}
	if (i < len) {
		unsigned v = (unsigned)data[i] << 16 | (i + 1 < len ? (unsigned)data[i + 1] << 8 : 0);

		*o++ = digits[v >> 18 & 63];
		*o++ = digits[v >> 12 & 63];
		*o++ = i + 1 < len ? digits[v >> 6 & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

char *
osc52_sequence(const char *text, size_t len, enum osc52_route route, size_t *out_len)
{
	struct strbuf sb = STRBUF_INIT, seq = STRBUF_INIT;
	char *b64 = osc52_base64((const unsigned char *)text, len);

	strbuf_addstr(&seq, "\033]52;c;");
	strbuf_addstr(&seq, b64);
	strbuf_addch(&seq, '\a');
	free(b64);
	if (route != OSC52_SCREEN) {
		strbuf_release(&sb);
		return strbuf_detach(&seq, out_len);
	}
	/* each chunk in its own DCS … ST, which screen passes on unchanged */
	for (size_t i = 0; i < seq.len; i += OSC52_SCREEN_CHUNK) {
		size_t n = seq.len - i < OSC52_SCREEN_CHUNK ? seq.len - i : OSC52_SCREEN_CHUNK;

		strbuf_addstr(&sb, "\033P");
		strbuf_add(&sb, seq.buf + i, n);
		strbuf_addstr(&sb, "\033\\");
	}
	strbuf_release(&seq);
	return strbuf_detach(&sb, out_len);
}
