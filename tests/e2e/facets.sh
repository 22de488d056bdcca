#!/bin/sh
# The facet line under the filter bar: the top senders, years and kinds of
# the matching documents with the counts `search --count-by` gives; a digit
# adds a value to the filter from the list; in the filter bar digits are
# typed (annee:2014), and the status line says Tab leads to them.  No line,
# and no row kept for it, without a filter, when nothing matches or when
# the filter narrows every field; whole values only at narrow widths, none
# at small heights.
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
# The cursor stays in the filter bar (the row above the facet line), after
# the text typed.
cursor=$(tm display-message -p -t "$session" '#{cursor_y} #{cursor_x}')
bar_row=$(($(capture | wc -l) - 2))
[ "$cursor" = "$bar_row $(printf '/désarmement' | wc -m)" ] && pass ||
	fail "cursor at '$cursor', not after the filter on row $bar_row"
# In the bar, the way to the digits is said...
expect_screen "$(hint Tab "list, then 1-9")" "Tab's hint in the bar"
# ...and digits typed there are text, even with numbered values shown.
type_text ' annee:2014'
expect_screen "/désarmement annee:2014" "digits go to the filter"
expect_screen "1 document" "annee:2014 filters"
expect_not_now "$(msgf "no value %d on the facet line" 2)" "no facet picked by a typed 2"
expect_screen "de: 1:Kazakhstan (1)" "counted for the new filter"
case $(last_line) in
"de: 1:"*) pass ;;
*) fail "facet line while typing digits: '$(last_line)'" ;;
esac
keys C-w C-w
type_text 'désarmement'
expect_screen "/désarmement" "back to one word"
expect_screen "de: 1:$sender" "the senders again"
keys Tab
expect_screen "$(hint 1 narrow)" "the digits' hint"
expect_not_now "$(hint Tab "list, then 1-9")" "Tab's hint only in the bar"

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
# The row goes back to the panes: the filter bar is the last line, the
# status line right above it.
wait_for "/zzxqwv" >/dev/null
case $(last_line) in
"/zzxqwv"*) pass ;;
*) fail "a row kept for the facet line with nothing matching: '$(last_line)'" ;;
esac
case $(capture | tail -n 2 | head -n 1) in
*"$(hint Enter open)"*) pass ;;
*) fail "status line not right above the bar: '$(capture | tail -n 2 | head -n 1)'" ;;
esac
keys Tab 1
expect_screen "$(msgf "no value %d on the facet line" 1)" "1 with no facet"
expect_alive "digit with no facet"

# A filter that narrows every field: nothing to count, no row either.
keys / C-u
type_text 'de:Kazakhstan type:Lettre annee:2014'
expect_screen "1 document" "every field narrowed"
settle
case $(last_line) in
"/de:Kazakhstan type:Lettre annee:2014"*) pass ;;
*) fail "a row kept with every field narrowed: '$(last_line)'" ;;
esac
# One field let go: the line and its row come back.
keys C-w
expect_screen "annee: 1:2010 (1)" "the years counted again"
case $(last_line) in
"annee: 1:2010 (1) 2:2014 (1) 3:2018 (1)"*) pass ;;
*) fail "facet line after letting a field go: '$(last_line)'" ;;
esac
keys Tab
quit_and_check
finish
