#!/bin/sh
# Other terminal types, and NO_COLOR.
. "$top_srcdir/tests/e2e/lib.sh"

for term in vt100 screen linux xterm-256color; do
	reset_state
	start 80x24 TERM=$term
	expect_screen "Kazakhstan" "TERM=$term"
	expect_screen "$(msg 'Original language')" "TERM=$term reader"
	keys j j Enter
	expect_screen "documents" "TERM=$term status"
	keys Space
	expect_alive "TERM=$term"
	quit_and_check
done

# NO_COLOR: attributes only, no colour escapes.
start 80x24 NO_COLOR=1
expect_screen "Kazakhstan" "NO_COLOR"
keys /
type_text oeuvre
expect_screen "4 documents" "NO_COLOR filter"
esc=$(printf '\033')
if capture -e | grep -q "${esc}\[[0-9;]*\(3[0-7]\|4[0-7]\|38;5\|48;5\)[;m]"; then
	fail "NO_COLOR: colour escapes on the screen"
else
	pass
fi
keys Escape
quit_and_check

# With colours, the selected row is reverse video in monochrome terms too.
start 80x24 TERM=vt100
expect_screen "Kazakhstan" "vt100"
if capture -e | grep -q "${esc}\[[0-9;]*7[;m]"; then pass; else fail "vt100: no reverse video"; fi
quit_and_check
finish
