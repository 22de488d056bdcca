#!/bin/sh
# Resizing near the end of a document clamps the top line but keeps the
# reader's place: back at the old size, the old top line returns, and the
# place saved at quit is that one, not the clamped line.
. "$top_srcdir/tests/e2e/lib.sh"

reader_top() {
	capture | awk 'found && NF { print; exit } /──/ { found = 1 }'
}

# wait_top TEXT: polls until the reader's first line is TEXT.
wait_top() {
	end=$(($(date +%s) + deadline))
	while [ "$(reader_top)" != "$1" ] && [ "$(date +%s)" -lt "$end" ]; do
		sleep 0.05
	done
	[ "$(reader_top)" = "$1" ]
}

start 80x24
expect_screen "1/5 documents" "start"
keys j j j j Enter
expect_screen "$(hint Esc list)" "the reader"
keys G
expect_screen "100 %" "at the end"
keys k k k k k k
settle
top=$(reader_top)
[ -n "$top" ] || fail "no top line"
resize 80 40
expect_screen "100 %" "taller: the end shows"
settle
[ "$(reader_top)" != "$top" ] && pass || fail "taller: the top did not move (the test needs a clamped top)"
resize 80 24
if wait_top "$top"; then pass; else fail "back at 80x24: '$(reader_top)' instead of '$top'"; fi

# Saved at quit while clamped: the next run at the old size has the line.
resize 80 40
settle
quit_and_check
start 80x24
expect_screen "5/5 documents" "restart"
keys Tab
if wait_top "$top"; then pass; else fail "after a restart: '$(reader_top)' instead of '$top'"; fi
quit_and_check
finish
