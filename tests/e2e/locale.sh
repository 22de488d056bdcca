#!/bin/sh
# In a non-UTF-8 locale the screen shows an ASCII transliteration, never
# mojibake.
. "$top_srcdir/tests/e2e/lib.sh"

start 80x24 LANG=C
expect_screen "Belarus" "LANG=C list"
expect_screen "Conference du desarmement" "LANG=C reader"
keys /
type_text 'de:kazakhstan annee:2014'
expect_screen "1 document" "LANG=C filter"
keys Enter
expect_screen "Conseil de securite" "LANG=C reader header"
screen=$(capture)
case $screen in
*é* | *Ã* | *œ* | *"�"*) fail "non-ASCII text in LANG=C: $(printf '%s' "$screen" | grep -n '[^ -~]' | head -3)" ;;
*) pass ;;
esac
quit_and_check

# The same document in UTF-8 shows the accents.
reset_state
start 80x24 LANG=C.UTF-8
expect_screen "Bélarus" "UTF-8 list"
quit_and_check
finish
