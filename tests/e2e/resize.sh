#!/bin/sh
# Resizing while reading keeps the paragraph at the top of the reader.
. "$top_srcdir/tests/e2e/lib.sh"

# The first non-blank line of the reading pane: after the rule that
# separates it from the list.
reader_top() {
	capture | awk 'found && NF { print; exit } /──/ { found = 1 }'
}

# The first word of at least four letters of a line.
first_word() {
	printf '%s\n' "$1" | tr -s ' ,;:.()«»' '\n' | awk 'length($0) >= 4 { print; exit }'
}

start 80x24
expect_screen "2010-02-16" "start"
keys /
type_text 'de:kazakhstan annee:2014'
expect_screen "1 document" "filter"
keys Enter
expect_screen "$(msg 'Original language')" "reader"
keys Space Space
settle || fail "the two pages never finished scrolling"
top=$(reader_top)
word=$(first_word "$top")
[ -n "$word" ] || fail "no word at the top of the reader: '$top'"

for size in "100 30" "60 20" "132 43" "80 24"; do
	resize $size
	# Wait for the new arrangement, then check the word is still on top.
	end=$(($(date +%s) + deadline))
	while :; do
		now=$(reader_top)
		case $now in
		*"$word"*) break ;;
		esac
		[ "$(date +%s)" -ge "$end" ] && break
		sleep 0.05
	done
	case $now in
	*"$word"*) pass ;;
	*) last_capture=$(capture); fail "after resize to $size: '$word' not at the top: '$now'" ;;
	esac
	word=$(first_word "$now")
done
expect_alive "resizes"

# A storm of resizes is coalesced and survives.
for i in 1 2 3 4 5 6 7 8; do
	resize $((60 + i * 5)) $((15 + i))
done
resize 80 24
expect_screen "1 document" "after the storm"
expect_alive "resize storm"
quit_and_check
finish
