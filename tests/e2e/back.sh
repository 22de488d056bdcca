#!/bin/sh
# Esc in the reader goes back to the list with the filter and its results;
# a further Esc clears the filter.  q in the reader goes back to the list,
# q in the list quits.  The highlights and n/N follow the current filter.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24
expect_screen "1/5 documents" "start"
keys /
type_text 'désarmement'
expect_screen "$(msg '(filter)')" "filter"
keys Enter
expect_screen "$(hint Esc list)" "reader focused"
settle
marked | grep -q 'désarmement' && pass || fail "the reader does not highlight the filter's word"

keys Escape
expect_screen "$(hint Enter open)" "Esc in the reader: the list"
expect_screen "$(msg '(filter)')" "Esc in the reader keeps the filter"
expect_screen "/désarmement" "the filter's text stays"
marked | grep -q 'désarmement' && pass || fail "Esc in the reader dropped the results"

keys Escape
expect_gone "$(msg '(filter)')" "a second Esc clears the filter"
expect_screen "/5 documents" "every document again"
settle
[ -z "$(marked)" ] && pass || fail "cleared filter, still highlighted: $(marked | head -3)"
keys Tab n
expect_screen "$(msghead 'no filter: type / to search')" "n without a filter"

# A new filter: the highlights move to its words.
keys /
type_text 'Minsk'
expect_screen "$(msg '(filter)')" "new filter"
keys Enter
settle
words=$(marked | sort -u | tr '\n' ' ')
case $words in
*Minsk*) pass ;;
*) fail "the new filter's word is not highlighted: '$words'" ;;
esac
case $words in
*sarmement*) fail "the old filter's word is still highlighted: '$words'" ;;
*) pass ;;
esac

# q: back to the list from the reader, then out.
keys q
expect_screen "$(hint Enter open)" "q in the reader: the list"
expect_alive "q in the reader"
keys q
expect_screen "EXITED 0" "q in the list quits"
finish
