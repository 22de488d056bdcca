#!/bin/sh
# o switches the list between newest first and relevance: the status line
# says which, the selected document stays selected, and the order is
# remembered.  Without words to rank, o says that the order is by date.
. "$top_srcdir/tests/e2e/lib.sh"

by_date=$(msg "by date")
by_relevance=$(msg "by relevance")
first_row() {
	capture | sed -n 2p
}

start 100x30
expect_screen "1/5 documents" "start"
keys /
# The trailing space ends the word: "mesure", not the prefix "mesure*".
type_text 'mesure '
expect_screen "$by_date" "the order shows with words"
expect_screen "5 documents" "mesure: every document"
case $(first_row) in
2019-05-06*) pass ;;
*) fail "by date: the newest first, not '$(first_row)'" ;;
esac
keys Tab j
expect_screen "2/5 documents" "second row selected"
expect_screen "2018-02-01" "Ukraine's note"

keys o
expect_screen "$by_relevance" "o: by relevance"
# The selected note (last by relevance) is still selected, and shown.
expect_screen "5/5 documents" "o keeps the selected document"
expect_screen "2018-02-01" "the selected document is shown"
keys o
expect_screen "$by_date" "o again: by date"
expect_screen "2/5 documents" "o again keeps the selected document"

# The most relevant first: the 2014 letter, where "mesure" is exact.
keys o
expect_screen "5/5 documents" "by relevance again"
keys g
expect_screen "1/5 documents" "g: the first"
case $(first_row) in
2014-03-19*) pass ;;
*) fail "by relevance: the 2014 letter first, not '$(first_row)'" ;;
esac
# Back by date, the 2014 letter is the fourth.
keys o
expect_screen "4/5 documents" "by date: the 2014 letter is fourth"
keys o
expect_screen "$by_relevance" "by relevance again"
quit_and_check

# Remembered with the filter.
start 100x30
expect_screen "$by_relevance" "the order is remembered"
wait_for "5 documents" >/dev/null
case $(first_row) in
2014-03-19*) pass ;;
*) fail "remembered order: the 2014 letter first, not '$(first_row)'" ;;
esac

# No words: the order has nothing to rank, the list stays newest first.
keys / C-u Tab
expect_gone "$(msg '(filter)')" "filter cleared"
expect_not_now "$by_relevance" "no order shown without words"
keys o
expect_screen "$(msg "order: newest first")" "o without words"
case $(first_row) in
2019-05-06*) pass ;;
*) fail "without words: newest first, not '$(first_row)'" ;;
esac
expect_alive "after o"
quit_and_check
finish
