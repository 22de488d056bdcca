#!/bin/sh
# The help scrolls within itself (j, PgDn, G, g), says when more is below,
# and lists the mouse, Ctrl-Z, Ctrl-C and every field of the filter.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24
expect_screen "1/5 documents" "start"
keys '?'
expect_screen "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "help"
expect_screen "↓" "more below"
keys G
expect_gone "↓" "G: the end of the help"
expect_screen "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "G keeps the help open"
for field in de: a: type: annee: cite: organe: cote:; do
	expect_screen "  $field" "the field $field"
done
expect_screen "Ctrl-Z" "Ctrl-Z"
expect_screen "Ctrl-C" "Ctrl-C"
expect_screen "$(msg "Wheel")" "the mouse wheel"
keys g
expect_screen "$(msg 'Everywhere (list and document)')" "g: the top"
keys PgDn
expect_gone "$(msg 'Everywhere (list and document)')" "PgDn scrolls"
expect_screen "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "PgDn keeps the help open"
keys j k
expect_screen "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "j and k keep the help open"
keys q
expect_gone "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "q closes the help"
expect_screen "1/5 documents" "back"
keys '?'
expect_screen "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "help again"
keys Escape
expect_gone "$(msgtitle 'liseuse help: q, Esc or ? to go back, j/k to scroll')" "Esc closes the help"
quit_and_check

# In ASCII, the "more below" mark is a letter.
reset_state
start 80x24 LANG=C
keys '?'
expect_screen "liseuse help" "LANG=C help"
expect_screen "v " "LANG=C more below"
keys q
quit_and_check
finish
