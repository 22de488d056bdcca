/* osc52.h - copying to the terminal's clipboard with OSC 52
 * ("ESC ] 52 ; c ; BASE64 BEL"), which reaches the clipboard of the
 * terminal the user sits at, over SSH and through tmux and GNU screen.
 *
 * Whether to send it is decided from what is known of the terminal, since
 * a terminal that does not understand it ignores it silently and the user
 * would believe the text copied.  Pure: the caller reads the environment
 * and terminfo and writes the bytes. */
#ifndef LISEUSE_OSC52_H
#define LISEUSE_OSC52_H

#include <stdbool.h>
#include <stddef.h>

/* Longest text sent, in bytes before encoding: terminals drop longer
 * sequences (xterm, tmux and kitty accept about 100 kB of base64). */
#define OSC52_MAX_BYTES 74000

enum osc52_route {
	OSC52_NONE,   /* do not send: the terminal cannot take it */
	OSC52_DIRECT, /* the sequence as it is (also inside tmux, which takes it) */
	OSC52_SCREEN, /* wrapped in DCS passthrough for GNU screen */
};

/* What is known of the terminal, all from the environment and terminfo. */
struct osc52_terminal {
	const char *override;	/* LISEUSE_CLIPBOARD: "osc52"/"on" send, "off"/"none" never; NULL */
	const char *term;	/* $TERM, may be NULL */
	bool in_tmux;		/* $TMUX is set */
	bool tmux_accepts;	/* tmux's set-clipboard is "on" (only read when in_tmux) */
	bool in_screen;		/* $STY is set */
	bool has_ms;		/* terminfo has the Ms (set selection) capability */
};

/* Decides how to send; on OSC52_NONE *why gets a short static English
 * reason to show in the status line, to be translated with _(). */
enum osc52_route osc52_decide(const struct osc52_terminal *t, const char **why);

/* Base64 (RFC 4648, with padding) of data[0..len), newly allocated. */
char *osc52_base64(const unsigned char *data, size_t len);

/* The bytes to write for copying text[0..len) by route (not OSC52_NONE),
 * newly allocated, length in *out_len. */
char *osc52_sequence(const char *text, size_t len, enum osc52_route route, size_t *out_len);

#endif
