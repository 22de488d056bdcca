#!/bin/sh
# The screen's words and options in any order: the words go into the filter
# bar in their order, the options are taken wherever they are, "--" ends
# them, and a bad option after the words is named before any screen.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24 -- mise --measure 40 oeuvre
expect_screen "/mise oeuvre" "words around --measure"
expect_gone "measure" "--measure taken as a word"
quit_and_check

start 80x24 -- oeuvre -- -mise --width
expect_screen "/oeuvre -mise --width" "words after --"
quit_and_check

start 80x24 -- oeuvre --bogus
expect_screen "EXITED 2" "unknown option after the words"
expect_screen "$(msgf "unknown option '%s'" --bogus)" "the unknown option named"

start 80x24 -- oeuvre --measure
expect_screen "EXITED 2" "--measure without its value"
expect_screen "$(msgf "option '%s' requires an argument" --measure)" "the missing value named"
finish
