#!/bin/sh
# Whole screens compared with the expected files in tests/e2e/screens/, at
# three sizes, in the test's language (fr or en) in UTF-8 and with an ASCII
# character set (LC_CTYPE=C: text and messages transliterated): the first
# screen, a filter with the document opened at its match, the reader
# scrolled, and the help.
# Regenerate them on purpose with `make update-screens` and read the diff.
. "$top_srcdir/tests/e2e/lib.sh"

for size in 80x24 120x40 40x12; do
	for loc in utf8 C; do
		case $loc in
		utf8) ctype=$test_lang word='désarmement' ;;
		C) ctype=C word='desarmement' ;;
		esac
		name="$size-${test_lang%%_*}-$loc"
		reset_state
		start "$size" LANG=$test_lang LC_CTYPE=$ctype
		expect_screen "document" "$name start"
		expect_whole_screen "start-$name"

		keys /
		type_text "de:kazakhstan $word"
		expect_screen "$(msg '(filter)')" "$name filter"
		expect_whole_screen "filter-$name"
		keys Enter
		expect_whole_screen "open-$name"
		keys Space j j
		expect_whole_screen "scrolled-$name"

		keys '?'
		expect_screen "$(msghead 'liseuse help: q, Esc or ? to go back, j/k to scroll' | cut -c1-5)" "$name help"
		expect_whole_screen "help-$name"
		keys q
		expect_gone "$(msghead 'liseuse help: q, Esc or ? to go back, j/k to scroll' | cut -c1-5)"
		quit_and_check
	done
done
finish
