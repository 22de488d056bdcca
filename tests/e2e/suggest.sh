#!/bin/sh
# A filter word that finds nothing gets a suggestion in the status line;
# Ctrl-T in the filter bar, or s from the list, puts it in place of the
# word.  Without a suggestion the keys say so and change nothing.
. "$top_srcdir/tests/e2e/lib.sh"

start 100x30
expect_screen "1/5 documents" "start"
keys /
type_text 'securiter'
expect_screen "$(msgf "no result for '%s' — try '%s'" securiter sécurité)" "suggestion"
expect_screen "$(hint Ctrl-T try)" "its key"
keys C-t
expect_screen "/sécurité" "Ctrl-T takes it"
expect_screen "5 documents" "sécurité finds documents"
expect_gone "securiter" "the suggestion goes"

# From the list, with the word among others: s replaces that word only.
keys C-u
type_text 'de:kazakhstan securiter nucléaire'
expect_screen "$(msgf "no result for '%s' — try '%s'" securiter sécurité)" "suggestion among words"
keys Tab
expect_screen "$(hint s try)" "s in the list"
keys s
expect_screen "/de:kazakhstan sécurité nucléaire" "s replaces the word"
expect_gone "securiter" "suggestion gone"

# Nothing close: no suggestion; the keys say there is none, the filter stays.
keys / C-u
type_text 'zzxqwvk'
expect_screen "$(msg "No document matches the filter.")" "nothing matches"
expect_not_now "$(msg try)" "no suggestion for zzxqwvk"
keys C-t
expect_screen "$(msg "no suggestion to take")" "Ctrl-T without a suggestion"
expect_screen "/zzxqwvk" "the filter stays"
keys Tab s
expect_screen "$(msg "no suggestion to take")" "s without a suggestion"
# Results: s has nothing to take either.
keys / C-u
type_text 'minsk'
expect_screen "1 document" "minsk"
keys Tab s
expect_screen "$(msg "no suggestion to take")" "s with results"
expect_screen "/minsk" "the filter stays"
expect_alive "after s"
quit_and_check
finish
