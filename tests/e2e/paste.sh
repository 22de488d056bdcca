#!/bin/sh
# Pastes into the filter bar: a bracketed paste is one edit, its newlines
# and Esc are text; a 100 KB paste, bracketed or not, leaves the screen
# responsive, the filter capped with a word, and Esc working afterwards.
. "$top_srcdir/tests/e2e/lib.sh"

# paste FILE [-p]: pastes the file's bytes into the pane (-p: bracketed,
# as a terminal does for an application that asked for it).
paste() {
	tm load-buffer -b e2e "$1"
	tm paste-buffer -b e2e -d -t "$session" ${2:-}
}

# Newlines, a tab and Esc in a bracketed paste: no Enter, no quit, no
# clearing; the words are joined by blanks.
printf 'oeuvre\nq\tx\033\n' >"$tmpdir/lines"
start 80x24
expect_screen "Kazakhstan" "start"
keys /
paste "$tmpdir/lines" -p
expect_filter "pasted lines" "/oeuvre q x"
expect_alive "pasted q"
keys Escape
expect_filter "Esc after a paste" ""

# Pasted outside the bar, the text goes into it all the same.
start 80x24
expect_screen "Kazakhstan" "start"
paste "$tmpdir/lines" -p
expect_filter "pasted in the list" "/oeuvre q x"
expect_screen "0 document" "pasted in the list: refiltered"
keys Escape
expect_filter "Esc after a paste in the list" ""
quit_and_check

# 100 KB of one word, bracketed, then not: the filter stops at its limit
# and says so, the screen answers, Esc clears it.
awk 'BEGIN { for (i = 0; i < 102400; i++) printf "a"; }' >"$tmpdir/big"
for how in -p ""; do
	start 80x24
	expect_screen "Kazakhstan" "start"
	keys /
	paste "$tmpdir/big" $how
	expect_screen "$(msgf 'the filter is limited to %d bytes: the rest was left out' 1024 | cut -c1-30)" "100 KB paste ($how): capped"
	expect_screen "aaaaaaaaaaaaaaaaaaaa" "100 KB paste ($how): shown"
	keys BSpace
	type_text Z
	expect_screen "aaaaZ" "100 KB paste ($how): typing afterwards"
	keys Escape
	expect_filter "100 KB paste ($how): Esc" ""
	quit_and_check
done
finish
