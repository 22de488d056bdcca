#!/bin/sh
# A snapshot damaged while the screen is open: the reader says which passage
# cannot be read, and the program keeps running and quits cleanly.
. "$top_srcdir/tests/e2e/lib.sh"

copy="$tmpdir/damaged.db"
cp "$snapshot" "$copy"
E2E_DB=$copy
start 80x24
expect_screen "Kazakhstan" "start"

# Overwrite everything after the first two pages with noise.
size=$(wc -c <"$copy")
dd if=/dev/urandom of="$copy" bs=4096 seek=2 count=$((size / 4096 - 2)) conv=notrunc 2>/dev/null

# Open the last document: its pieces were never read, so they come from the
# damaged pages.
keys G
keys Enter
expect_screen "Kazakhstan · 2010-02-16" "last document opened"
keys Tab
keys G
expect_alive "after reading a damaged snapshot"
expect_screen "$(msghead '[unreadable passage: %s]')" "damage reported in the reader"
quit_and_check
finish
