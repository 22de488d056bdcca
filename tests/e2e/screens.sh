#!/bin/sh
# Whole screens compared with the expected files in tests/e2e/screens/, at
# three sizes, in UTF-8 and in LANG=C: the first screen, a filter with the
# document opened at its match, the reader scrolled, and the help.
# Regenerate them on purpose with `make update-screens` and read the diff.
. "$top_srcdir/tests/e2e/lib.sh"

for size in 80x24 120x40 40x12; do
	for loc in utf8 C; do
		case $loc in
		utf8) lang=C.UTF-8 word='désarmement' ;;
		C) lang=C word='desarmement' ;;
		esac
		name="$size-$loc"
		reset_state
		start "$size" LANG=$lang
		expect_screen "document" "$name start"
		expect_whole_screen "start-$name"

		keys /
		type_text "de:kazakhstan $word"
		expect_screen "(filtre)" "$name filter"
		expect_whole_screen "filter-$name"
		keys Enter
		expect_whole_screen "open-$name"
		keys Space j j
		expect_whole_screen "scrolled-$name"

		keys '?'
		expect_screen "Aide" "$name help"
		expect_whole_screen "help-$name"
		keys q
		expect_gone "Aide de liseuse"
		quit_and_check
	done
done
finish
