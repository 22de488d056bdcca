#!/bin/sh
# The keys less users type: d/u, f/b, Ctrl-F/Ctrl-B, Ctrl-E/Ctrl-Y, < >,
# = and h/l (focus.sh), in the reader and the list.  A key bound to
# nothing says so and points to ?.
. "$top_srcdir/tests/e2e/lib.sh"

# The first line of the reading pane, after the rule.
reader_top() {
	capture | awk 'found { print; exit } /──/ { found = 1 }'
}

# press KEY: sends KEY and waits for the reader's first line to change.
press() {
	before=$(reader_top)
	keys "$@"
	end=$(($(date +%s) + deadline))
	while [ "$(reader_top)" = "$before" ] && [ "$(date +%s)" -lt "$end" ]; do
		sleep 0.05
	done
	last_capture=$(capture)
}

start 80x24
expect_screen "1/5 documents" "start"
keys j j j j Enter
expect_screen "$(hint Esc list)" "the reader"
settle
top0=$(reader_top)
for pair in "d u" "f b" "C-f C-b" "Space b" "C-e C-y"; do
	set -- $pair
	press "$1"
	[ "$(reader_top)" != "$top0" ] && pass || fail "$1 did not scroll"
	press "$2"
	[ "$(reader_top)" = "$top0" ] && pass || fail "$2 did not come back after $1: '$(reader_top)'"
done
press C-e
second=$(reader_top)
press C-y
press j
[ "$(reader_top)" = "$second" ] && pass || fail "Ctrl-E is not one line"
keys '>'
expect_screen "100 %" "> goes to the end"
keys '<'
expect_screen "  0 %" "< goes to the start"
keys =
expect_screen "004_c589fb4fe5af489e.txt · " "= names the document"
unbound=$(msg "the key %s does nothing here: ? lists the keys" | sed 's/%s/x/')
keys x
expect_screen "$unbound" "an unbound key says so"

# In the list: d/u move the selection by half a page, > and < to the ends.
keys Escape
expect_screen "$(hint Enter open)" "back to the list"
keys '>'
expect_screen "5/5 documents" "> in the list"
keys '<'
expect_screen "1/5 documents" "< in the list"
keys C-f
expect_gone "1/5 documents" "Ctrl-F in the list"
keys C-b
expect_screen "1/5 documents" "Ctrl-B in the list"
keys =
expect_screen "Note verbale datée du 6 mai 2019" "= in the list"
quit_and_check
finish
