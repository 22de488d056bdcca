#!/bin/sh
# The status line shows the page of the paragraph at the top of the reader:
# a letter laid out as pdftotext writes it, five pages.
. "$top_srcdir/tests/e2e/lib.sh"

E2E_DB="$tmpdir/pages.db"
"$LISEUSE" --db "$E2E_DB" import "$top_srcdir/tests/fixtures/letter_pdftotext.txt" >/dev/null ||
	fail "the import of the pdftotext letter failed"
start 100x30
expect_screen "Kazakhstan" "start"
keys Enter
expect_screen "p. 1" "the first page"
keys G
expect_screen "p. 4" "the last paragraph starts on page 4"
expect_not_now "recycler" "no footer in the text"
keys g
expect_screen "p. 1" "back to the first page"
quit_and_check
finish
