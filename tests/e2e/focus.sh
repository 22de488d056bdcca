#!/bin/sh
# The pane that has the focus shows: the rule above the reader is bright
# when the reader has it and dim when the list has it, the list's selection
# is reversed only while the list has it, and the hints follow the focus.
. "$top_srcdir/tests/e2e/lib.sh"

esc=$(printf '\033')
start 80x24
expect_screen "1/5 documents" "start"
settle
list_screen=$(capture -e)
rule=$(capture -e | grep -m 1 "──.*Note verbale · Bélarus")
case $rule in
"${esc}[2m"* | *"${esc}[0;2m"*) pass ;;
*) fail "list focused: the rule is not dim: $(printf '%s' "$rule" | cat -v)" ;;
esac
case $(line_with "2019-05-06 Note" -e) in
*"${esc}[7m"* | *"${esc}[0;7m"* | *"${esc}[1;7m"* | *"${esc}[0;1;7m"*) pass ;;
*) fail "list focused: the selection is not reversed" ;;
esac
expect_screen "$(hint Enter open)" "list hints"

keys Tab
expect_screen "$(hint Esc list)" "reader hints"
expect_not_now "$(hint Enter open)" "no list hint while reading"
settle
[ "$(capture -e)" != "$list_screen" ] && pass || fail "the screen is the same with either focus"
case $(capture -e | grep -m 1 "──.*Note verbale · Bélarus") in
*"${esc}[1m"* | *"${esc}[0;1m"*) pass ;;
*) fail "reader focused: the rule is not bright" ;;
esac
case $(line_with "2019-05-06 Note" -e) in
*"${esc}[7m"* | *";7m"*) fail "reader focused: the list's selection is still reversed" ;;
*"4m"*) pass ;;
*) fail "reader focused: the list's selection is not marked" ;;
esac

# h and l move the focus too.
keys h
expect_screen "$(hint Enter open)" "h: the list"
keys l
expect_screen "$(hint Esc list)" "l: the reader"
quit_and_check
finish
