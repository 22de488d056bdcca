#!/bin/sh
# A filter word that finds nothing gets a suggestion in the status line;
# Ctrl-T in the filter bar, or s from the list, puts it in place of the
# word.  Without a suggestion the keys say so and change nothing.  Keys
# typed while a suggestion is looked for are handled at once: one that
# changes the filter drops it (its answer never shows), one that does not
# lets it come.
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

# A key while the worker looks (after the pause, Hunspell takes a few
# hundred milliseconds): the new filter's suggestion only.
keys / C-u
type_text 'desarmemant'
sleep 0.4
keys C-u
type_text 'securiter'
expect_screen "/securiter" "the keys typed meanwhile"
expect_screen "$(msgf "no result for '%s' — try '%s'" securiter sécurité)" "the new filter's suggestion"
dropped=$(msgf "no result for '%s' — try '%s'" desarmemant désarmement)
expect_not_now "$dropped" "the dropped suggestion"
settle
expect_not_now "$dropped" "the dropped suggestion, later"
expect_screen "$(msgf "no result for '%s' — try '%s'" securiter sécurité)" "still the new one"
# A key that leaves the filter as it is: the suggestion still comes.
keys C-u
type_text 'desarmemant'
sleep 0.4
keys Down
expect_screen "$dropped" "after a key that keeps the filter"

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
