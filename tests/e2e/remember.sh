#!/bin/sh
# The last filter is remembered per snapshot, and after a restart the
# list's selection is on the reopened document.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24
expect_screen "1/5 documents" "start"
keys /
type_text 'de:ukraine'
expect_screen "1/1 document $(msg '(filter)')" "filter"
keys Tab
quit_and_check

# Another snapshot: not this filter.
cp "$snapshot" "$tmpdir/other.db"
E2E_DB=$tmpdir/other.db
start 80x24
expect_screen "1/5 documents" "other snapshot: every document"
expect_not_now "de:ukraine" "other snapshot: no filter"
keys /
type_text 'de:belarus'
expect_screen "1/1 document $(msg '(filter)')" "other snapshot: its own filter"
keys Tab
quit_and_check

# Back on the first: its filter.
E2E_DB=
start 80x24
expect_screen "/de:ukraine" "first snapshot: its filter"
expect_screen "1/1 document $(msg '(filter)')" "first snapshot: filtered"
keys / C-u
expect_gone "$(msg '(filter)')" "filter cleared"
keys Tab
quit_and_check
E2E_DB=$tmpdir/other.db
start 80x24
expect_screen "/de:belarus" "other snapshot: its filter"
keys / C-u Tab
quit_and_check

# The selection after a restart: on the document that reopens.
many_documents 300
reset_state
start 80x24
expect_screen "1/300 documents" "300 documents"
keys PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn PgDn j j Enter
expect_screen "$(hint Esc list)" "opened"
place=$(capture | grep -o '[0-9]*/300 documents')
case $place in
1/*) fail "the selection did not move: $place" ;;
*) pass ;;
esac
quit_and_check
start 80x24
expect_screen "$place" "after a restart: the selection on the reopened document"
quit_and_check
finish
