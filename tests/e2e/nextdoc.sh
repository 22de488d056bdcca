#!/bin/sh
# Space at the end of a document opens the next one of the list, as in
# mutt's pager; the open document is marked in the list.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24
expect_screen "1/5 documents" "start"
expect_screen "▸ Note verbale datée du 6 mai 2019" "the open document is marked"
keys Enter
expect_screen "$(hint Esc list)" "the reader"
keys G
expect_screen "100 %" "at the end"
keys Space
expect_screen "── Note verbale · Ukraine" "Space at the end: the next document"
expect_screen "2/5 documents" "the list follows"
expect_screen "▸ Note verbale datée du 1er février 2018" "the mark follows"
expect_not_now "▸ Note verbale datée du 6 mai 2019" "one mark"
# Space before the end only scrolls.
keys Space
expect_screen "── Note verbale · Ukraine" "Space scrolls"
# The last document of the list: Space at its end says so.
keys Escape G Enter G
expect_screen "5/5 documents" "the last document"
expect_screen "100 %" "its end"
keys Space
expect_screen "$(msg "end of the last document of the list")" "no next document"
quit_and_check
finish
