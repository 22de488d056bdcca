#!/bin/sh
# Filtering as you type: /oeuvre leaves the four documents that mention
# "œuvre"; Enter opens one at the passage with the word highlighted.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24
expect_screen "2010-02-16" "start"
keys /
type_text oeuvre
expect_screen "4 documents" "count"
expect_gone "2010-02-16"
for date in 2019-05-06 2018-02-01 2018-01-02 2014-03-19; do
	expect_screen "$date" "filtered list"
done
# The passage under each row shows the match.
expect_screen "œuvre" "passage"

# Enter opens the selected document at the passage, highlighted: the
# attributes around "œuvre" differ from the plain text's.
esc=$(printf '\033')
keys Enter
# In the reader (below the list), the word comes right after an SGR
# sequence: it is drawn with its own attribute.
# The list's passages are highlighted already: poll the reader's rows only.
end=$(($(date +%s) + deadline))
until capture -e | sed -n '10,$p' | grep -q "${esc}\[[0-9;]*mœuvre" ||
	[ "$(date +%s)" -ge "$end" ]; do
	sleep 0.05
done
if capture -e | sed -n '10,$p' | grep -q "${esc}\[[0-9;]*mœuvre"; then
	pass
else
	fail "œuvre not highlighted in the reader"
fi

# n goes to the next matching passage (the reader's first line changes),
# N comes back; the status keeps the count.
reader_top() {
	capture | awk 'found { print; exit } /──/ { found = 1 }'
}
before=$(reader_top)
keys n
end=$(($(date +%s) + deadline))
while [ "$(reader_top)" = "$before" ] && [ "$(date +%s)" -lt "$end" ]; do
	sleep 0.05
done
after=$(reader_top)
[ "$after" != "$before" ] && pass || fail "n did not move the reader: '$before'"
keys N
end=$(($(date +%s) + deadline))
while [ "$(reader_top)" != "$before" ] && [ "$(date +%s)" -lt "$end" ]; do
	sleep 0.05
done
[ "$(reader_top)" = "$before" ] && pass || fail "N did not come back: '$(reader_top)' != '$before'"
expect_screen "4 documents" "after n"

# A syntax error keeps the previous results and says so.
keys /
type_text 'de:'
expect_screen "$(msghead 'syntax: %s')" "parse error"
expect_screen "2019-05-06" "results kept"
keys Escape
expect_screen "5 documents" "filter cleared"
expect_screen "2010-02-16" "all documents back"

# Stray syntax never breaks the screen.
keys /
type_text '" ( AND * : -'
expect_alive "stray syntax"
keys C-u
expect_screen "5 documents" "after Ctrl-U"
keys Escape
quit_and_check

# MOTS on the command line start with the filter typed.
start 80x24 -- oeuvre
expect_screen "4 documents" "initial filter"
expect_screen "/oeuvre" "initial filter in the bar"
quit_and_check
finish
