#!/bin/sh
# In a long list the status line gives the selection's place (16/2000) and
# the list has a scroll mark; PgDn puts the selection on the first row of
# the new page, as in mutt.  The type and sender columns take the width
# their values need, and a list of few documents takes fewer rows.
. "$top_srcdir/tests/e2e/lib.sh"

# The list's rows for documents at 80x24 (between the titles and the rule).
list_rows() {
	capture | awk '/^Date / { on = 1; next } /──/ { exit } on { n++ } END { print n + 0 }'
}

start 80x24
expect_screen "1/5 documents" "five documents"
settle
# Five documents: their rows only, then the rule.
[ "$(list_rows)" = 5 ] && pass || fail "five documents take $(list_rows) rows"
# The sender column is as wide as "Kazakhstan", not 14 cells.
expect_screen "2018-01-02 Lettre       Kazakhstan Lettre datée" "sender column by content"
keys /
type_text 'de:ukraine'
expect_screen "1/1 document $(msg '(filter)')" "one document"
settle
# (The column titles need a list of three rows: one is left blank.)
[ "$(list_rows)" = 2 ] && pass || fail "one document takes $(list_rows) rows"
expect_screen "2018-02-01 Note verbale Ukraine Note verbale datée" "columns for one sender"
keys Tab
quit_and_check

many_documents 2000
reset_state
start 120x40
expect_screen "1/2000 documents" "2000 documents"
keys j j j j j j j j j j j j j j j
expect_screen "16/2000 documents" "the selection's place"
settle
# The scroll mark: the last column of the list's rows.
marks=$(capture | awk '/^Date / { on = 1; next } /──/ { exit } on && /│$/ { n++ } END { print n + 0 }')
[ "$marks" -gt 5 ] && pass || fail "no scroll mark in the list ($marks rows)"
rows=$(list_rows)
keys g
expect_screen "1/2000 documents" "g: the first"
keys PgDn
expect_screen "$((rows + 1))/2000 documents" "PgDn: the first row of the next page"
case $(capture -e | awk '/Date / { getline; print; exit }') in
*"$(printf '\033')[7m"* | *";7m"*) pass ;;
*) fail "PgDn: the selection is not on the page's first row" ;;
esac
keys PgDn
expect_screen "$((2 * rows + 1))/2000 documents" "PgDn again"
keys PgUp
expect_screen "$((rows + 1))/2000 documents" "PgUp"
keys G
expect_screen "2000/2000 documents" "G: the last"
quit_and_check
finish
