#!/bin/sh
# The facet line under the filter bar: the top senders, years and kinds of
# the matching documents with the counts `search --count-by` gives; a digit
# adds a value to the filter.  No line without a filter or when nothing
# matches, whole values only at narrow widths, none at small heights.
. "$top_srcdir/tests/e2e/lib.sh"

last_line() {
	capture | tail -n 1
}
# count_of FIELD QUERY: "value (count)" of the first line of --count-by.
count_of() {
	"$LISEUSE" --db "$snapshot" search --count-by="$1" "$2" | head -n 1 |
		awk -F '\t' '{ printf "%s (%s)", $1, $2 }'
}

start 100x30
expect_screen "1/5 documents" "start"
case $(last_line) in
*"de:"*) fail "a facet line without a filter: '$(last_line)'" ;;
*) pass ;;
esac
keys /
type_text 'désarmement'
sender=$(count_of de désarmement)
year=$(count_of annee désarmement)
kind=$(count_of type désarmement)
[ "$sender" = "Kazakhstan (3)" ] && pass || fail "count-by de: '$sender'"
expect_screen "de: 1:$sender" "senders, as count-by counts them"
case $(last_line) in
"de: 1:$sender"*"annee: "*"$year"*"type: "*"$kind"*) pass ;;
*) fail "facet line: '$(last_line)'" ;;
esac
keys Tab
expect_screen "$(hint 1 narrow)" "the digits' hint"

# 1 (from the list) puts de:Kazakhstan first in the filter; the sender is
# then narrowed and no longer counted.
keys 1
expect_screen "/de:Kazakhstan désarmement" "1 adds the sender"
expect_screen "3 documents" "three letters"
expect_screen "annee: 1:" "the years, numbered again"
case $(last_line) in
*"de:"*) fail "the narrowed sender still counted: '$(last_line)'" ;;
*) pass ;;
esac
# Every value is one document: the counts of --count-by on the same filter.
for y in 2010 2014 2018; do
	expect_screen ":$y (1)" "year $y"
done
# A digit past the values shown says so and leaves the filter.
keys 9
expect_screen "$(msgf "no value %d on the facet line" 9)" "9: no such value"
expect_screen "/de:Kazakhstan désarmement" "the filter stays"

# Narrow: whole values only, within the width.
resize 34 30
# the line tmux cut at the new width shows until the program redraws it
wait_for "annee:" >/dev/null
settle >/dev/null
line=$(last_line)
width=$(printf '%s' "$line" | wc -m)
[ "$width" -le 34 ] && pass || fail "facet line wider than 34: '$line'"
case $line in
*")" | *")"*"…") pass ;;
*) fail "a value cut at 34 columns: '$line'" ;;
esac
# Small: no facet line.
resize 60 8
wait_gone "annee:" >/dev/null
expect_not_now "annee:" "no facet line in 8 rows"
expect_alive "small"
resize 100 30
expect_screen "annee: 1:" "the line comes back"

# Nothing matches: no facet line.
keys / C-u
type_text 'zzxqwv'
expect_screen "$(msg "No document matches the filter.")" "nothing matches"
expect_gone "annee:" "no facet when nothing matches"
case $(last_line) in
"") pass ;;
*) fail "facet line with nothing matching: '$(last_line)'" ;;
esac
keys Tab 1
expect_screen "$(msgf "no value %d on the facet line" 1)" "1 with no facet"
expect_alive "digit with no facet"
quit_and_check
finish
