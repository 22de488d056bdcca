#!/bin/sh
# Start-up at several sizes: the list shows the five documents and its
# column header, the reading pane its metadata header.
. "$top_srcdir/tests/e2e/lib.sh"

for size in 80x24 132x43 40x12; do
	start "$size"
	expect_screen "Kazakhstan" "$size"
	for sender in Bélarus Ukraine; do
		expect_screen "$sender" "$size"
	done
	for date in 2019-05-06 2018-02-01 2018-01-02 2014-03-19 2010-02-16; do
		expect_screen "$date" "$size: list"
	done
	expect_screen "Date" "$size: column header"
	if [ "$size" != 40x12 ]; then
		expect_screen "$(label From '')" "$size: reader header"
		expect_screen "documents" "$size: status line"
	fi
	expect_alive "$size"
	# The screen never draws past its width: no line is longer.
	cols=${size%x*}
	long=$(capture | while IFS= read -r line; do
		[ "$(printf '%s' "$line" | LC_ALL=C.UTF-8 wc -m)" -gt "$cols" ] && printf '%s\n' "$line"
	done | head -1)
	if [ -z "$long" ]; then pass; else fail "$size: line wider than $cols: $long"; fi
	quit_and_check
done
finish
