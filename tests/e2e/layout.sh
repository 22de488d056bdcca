#!/bin/sh
# v puts the list beside the reader on wide terminals, and the choice is
# remembered; on narrow ones it says why it cannot.
. "$top_srcdir/tests/e2e/lib.sh"

start 132x43
expect_screen "Kazakhstan" "start"
expect_screen "──" "stacked: horizontal rule"
keys v
expect_screen "│ $(label From '')" "side by side"
expect_gone "────"
quit_and_check

# Remembered by the next run.
start 132x43
expect_screen "│ $(label From '')" "side by side remembered"
# Too narrow: back to the stacked arrangement, still remembered.
resize 80 24
expect_screen "──" "narrow: stacked"
resize 132 43
expect_screen "│ $(label From '')" "wide again: side by side"
keys v
expect_screen "──" "v again: stacked"
quit_and_check

start 80x24
expect_screen "Kazakhstan" "narrow start"
keys v
expect_screen "$(msgf 'side by side needs 100 columns; the terminal has %d (v again: list above)' 80 | sed 's/ (.*//')" "v on a narrow terminal"
quit_and_check
finish
