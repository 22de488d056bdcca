#!/bin/sh
# Links between documents on the screen: letters citing each other's
# symbols (tests/links/).  ] and [ select, Enter follows, Backspace and F go
# back and forward, an absent symbol is said so, "Cité par" in the header
# and c to filter on it, : opens a symbol, cote: filters; links are drawn
# underlined, in UTF-8 and under LANG=C.
. "$top_srcdir/tests/e2e/lib.sh"

E2E_DB="$tmpdir/links.db"

"$LISEUSE" import --db "$E2E_DB" "$top_srcdir"/tests/links/*.txt >/dev/null ||
	fail "the import of tests/links failed"

# expect_attr TEXT WHAT: TEXT shows in the captured attributes (capture -e).
expect_attr() {
	if wait_for "$1" -e; then pass; else fail "$2: '$1' not in the attributes"; fi
}

start 100x30
expect_screen "$(label From 'Danemark')" "the newest letter opens"
keys Tab ']'
expect_screen "S/2031/100" "] names the selected link"
# underlined, the selected one reversed too: visible in monochrome
expect_attr "[4;7mS/2031/100" "the selected link"
expect_attr "[4mS/2031/200" "another link"
expect_attr "[4m2325 (2016)" "a resolution"
keys ']'
expect_attr "[4;7mS/2031/200" "the second link"
keys Enter
expect_screen "$(label From 'Islande')" "Enter follows the link"
expect_screen "$(label 'Cited by' "$(msgnf '%zu document — ' '%zu documents — ' 1)A/86/50 (Danemark, 30 mai 2031)")" "cited by"
keys BSpace
expect_screen "Lettre · Danemark · 2031" "Backspace goes back"
keys F
expect_screen "Lettre · Islande · 2031" "F goes forward again"
keys BSpace
expect_screen "Lettre · Danemark · 2031" "back again"
keys BSpace
expect_screen "$(msg 'nothing to go back to')" "the start of the history"
keys F
expect_screen "Lettre · Islande · 2031" "forward"
# The Icelandic letter cites S/2031/999, which no document has.
keys ']' ']'
expect_attr "[4;7mS/2031/999" "the absent symbol selected"
keys Enter
expect_screen "$(msgf '%s: no document of this snapshot has this symbol' S/2031/999)" "an absent symbol"
expect_screen "Lettre · Islande · 2031" "stays where it is"
keys '['
expect_attr "[4;7mS/2031/100" "[ selects the previous link"

# : asks for a symbol, any case.
keys ':'
expect_screen "$(msg 'Open the symbol: ' | sed 's/ *$//')" "the prompt"
type_text "s/2031/100"
keys Enter
expect_screen "$(label From 'Norvège')" ": opens the symbol"
expect_screen "$(label 'Cited by' "$(msgnf '%zu document — ' '%zu documents — ' 2)A/86/50 (Danemark, 30 mai 2031), S/2031/200")" "cited by two"
keys ':'
type_text "S/2040/1"
keys Enter
expect_screen "$(msgf '%s: no document of this snapshot has this symbol' S/2040/1)" ": with an absent symbol"
keys ':' Escape
expect_gone "$(msg 'Open the symbol: ' | sed 's/ *$//')"
# c: the documents citing this one, as the filter cite:SYMBOLE.
keys c
expect_screen "/cite:S/2031/100" "c fills the filter"
expect_screen "2 documents $(msg '(filter)')" "two documents cite it"
expect_not_now "Norvège        Lettre" "the cited letter itself is not in the list"
# cote: a document's own symbols.
keys Escape
expect_gone "$(msg '(filter)')"
keys /
type_text "cote:S/2031/300"
expect_screen "1 document $(msg '(filter)')" "cote:"
expect_screen "Danemark" "cote: finds the joint document"
keys Escape Escape
quit_and_check

# LANG=C: the links are still drawn, the text transliterated.
reset_state
start 100x30 LANG=C
expect_screen "From: Danemark" "LANG=C start"
keys Tab ']'
expect_attr "[4;7mS/2031/100" "LANG=C selected link"
keys ']' Enter
expect_screen "Cited by: 1 document" "LANG=C cited by"
quit_and_check

# No colours at all: the same attributes.
reset_state
start 100x30 NO_COLOR=1
expect_screen "$(label From 'Danemark')" "NO_COLOR start"
keys Tab ']'
expect_attr "[4;7mS/2031/100" "NO_COLOR selected link"
quit_and_check
finish
