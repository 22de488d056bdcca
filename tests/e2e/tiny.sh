#!/bin/sh
# Tiny windows draw what fits and never crash, whatever the keys.
. "$top_srcdir/tests/e2e/lib.sh"

start 20x5
expect_screen "$(msg Title)" "20x5"
for k in j j k Enter Space b G g Tab Tab v '?' q / o e Escape Escape v; do
	keys "$k"
done
expect_alive "20x5 keys"
for size in "2 3" "1 1" "3 2" "20 5" "1 10" "200 2"; do
	resize $size
	keys j Enter Tab Space
	expect_alive "resize to $size"
done
resize 80 24
expect_screen "Kazakhstan" "back to 80x24"
expect_alive "after tiny sizes"
quit_and_check

start 2x3
expect_alive "start at 2x3"
keys j Enter / a Escape
resize 80 24
expect_screen "Kazakhstan" "2x3 grown to 80x24"
quit_and_check
finish
