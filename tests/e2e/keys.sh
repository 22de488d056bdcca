#!/bin/sh
# Keys whose sequences the terminal description does not declare (a TERM
# that does not match the terminal): the usual xterm and VT sequences of
# Home, End, Delete, the arrows, PgUp and PgDn work whatever TERM says, and
# neither an unknown sequence nor half of one ever acts as Esc.
. "$top_srcdir/tests/e2e/lib.sh"

# raw HEX...: sends bytes as they are.
raw() {
	tm send-keys -t "$session" -H "$@"
}

for term in xterm-256color vt100 linux screen tmux-256color; do
	start 80x24 TERM=$term
	expect_screen "Kazakhstan" "TERM=$term start"
	keys /
	type_text abc
	expect_filter "TERM=$term typing" "/abc"
	raw 1b 5b 48         # ESC [ H: Home
	type_text d
	raw 1b 5b 46         # ESC [ F: End
	type_text e
	raw 1b 5b 44         # ESC [ D: Left
	type_text f
	expect_filter "TERM=$term ESC[H ESC[F ESC[D" "/dabcfe"
	raw 1b 5b 33 7e      # ESC [ 3 ~: Delete
	raw 1b 4f 48         # ESC O H: Home
	raw 1b 5b 33 3b 35 7e # ESC [ 3 ; 5 ~: Ctrl-Delete
	raw 1b 4f 46         # ESC O F: End
	type_text g
	raw 1b 5b 31 3b 35 44 # ESC [ 1 ; 5 D: Ctrl-Left
	type_text h
	expect_filter "TERM=$term ESC[3~ ESCOH ESCOF ESC[1;5D" "/abcfhg"
	raw 1b 5b 31 7e      # ESC [ 1 ~: Home
	type_text i
	raw 1b 5b 34 7e      # ESC [ 4 ~: End
	type_text j
	raw 1b 4f 44         # ESC O D: Left
	type_text k
	expect_filter "TERM=$term ESC[1~ ESC[4~ ESCOD" "/iabcfhgkj"
	# Sequences that name no key here (F6, Alt-F1, a focus report) are
	# ignored, not taken as Esc and letters.
	raw 1b 5b 31 37 7e 1b 5b 31 3b 33 50 1b 5b 49
	type_text l
	expect_filter "TERM=$term unknown sequences" "/iabcfhgklj"
	keys Escape
	expect_filter "TERM=$term Esc" ""
	quit_and_check
done

# PgDn, PgUp and the arrows in the list: the raw sequences do what the
# keys named by terminfo do.  (Not in a subshell: start counts sessions.)
screen_after() {
	out=$1
	shift
	start 80x24 TERM=xterm-256color
	expect_screen "Kazakhstan" "list start"
	"$@"
	sleep 0.5
	wait_for "documents" >/dev/null
	capture >"$tmpdir/$out"
}
for pair in "NPage:1b 5b 36 7e" "Down:1b 5b 42" "Down:1b 4f 42" "NPage Up:1b 5b 36 7e 1b 4f 41" \
	"NPage PPage:1b 5b 36 7e 1b 5b 35 7e" "End:1b 5b 34 7e" "End Home:1b 5b 46 1b 5b 31 7e"; do
	names=${pair%%:*}
	bytes=${pair#*:}
	# shellcheck disable=SC2086
	screen_after want keys $names
	# shellcheck disable=SC2086
	screen_after got raw $bytes
	if cmp -s "$tmpdir/want" "$tmpdir/got"; then pass; else
		last_capture=$(cat "$tmpdir/got")
		fail "raw '$bytes' differs from '$names'"
	fi
done

# Half a sequence, its end coming later than ncurses' own Esc delay, is
# still one key: the filter is not cleared.  ESCDELAY sets the wait.
start 80x24 ESCDELAY=3000
expect_screen "Kazakhstan" "split sequence start"
keys /
type_text abc
expect_filter "split sequence typing" "/abc"
raw 1b
sleep 0.3
raw 5b 31 7e
type_text m
expect_filter "ESC, then [1~ 0.3 s later" "/mabc"
# A lone Esc still acts, once the wait is over.
keys Escape
expect_filter "lone Esc" ""
expect_alive "after the lone Esc"
quit_and_check
finish
