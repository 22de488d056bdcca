#!/bin/sh
# A document full of escape sequences changes neither the screen layout nor
# the pane title: they are shown visibly.
. "$top_srcdir/tests/e2e/lib.sh"

esc=$(printf '\033')
bel=$(printf '\007')
cr=$(printf '\r')
rlo=$(printf '\342\200\256')
fixture="$tmpdir/999_escapes.txt"
{
	printf 'Lettre datée du 1er janvier 2020, adressée au Secrétaire général par le '
	printf 'Représentant permanent de la Testlande\n\n'
	printf 'Premier paragraphe ordinaire.\n\n'
	printf 'Titre %s]0;pwned%s fin. Effacement %s[2J ici. Renversement %stxet PDF. ' \
		"$esc" "$bel" "$esc" "$rlo"
	printf 'Retour%schariot au milieu.\n\nDernier paragraphe.\n' "$cr"
} >"$fixture"
if ! "$LISEUSE" import --db "$tmpdir/esc.db" "$fixture" >"$tmpdir/import.out" 2>&1; then
	fail "import of the fixture failed: $(cat "$tmpdir/import.out")"
	finish
fi
pass

E2E_DB="$tmpdir/esc.db"
start 80x24
title_before=$(tm display -p -t "$session" '#{pane_title}')
expect_screen "Testlande" "list"
keys Enter
expect_screen "Premier paragraphe" "reader"
expect_screen "^[]0;pwned^G" "OSC shown visibly"
expect_screen "^[[2J" "clear shown visibly"
title_after=$(tm display -p -t "$session" '#{pane_title}')
case $title_after in
*pwned*) fail "pane title changed to '$title_after'" ;;
*) pass ;;
esac
[ "$title_after" = "$title_before" ] && pass || fail "pane title changed: '$title_before' -> '$title_after'"
# Layout intact: the list header is still on the first row and the status
# line on the last-but-one.
first=$(capture | sed -n 1p)
case $first in
Date*) pass ;;
*) fail "first row is no longer the list header: '$first'" ;;
esac
status=$(capture | sed -n 23p)
case $status in
*document*) pass ;;
*) fail "status line moved: '$status'" ;;
esac
# The reversed text is not reordered: it reads as stored.
expect_screen "txet PDF" "bidi override dropped"
keys G
expect_screen "Dernier paragraphe" "end of the document"
quit_and_check
finish
