#!/bin/sh
# Grapheme clusters on the screen: a letter carrying 40 combining marks
# keeps its one cell (the marks that fit, then one marker for the rest),
# joined emoji and flags are one cluster each, bidi controls are shown.
# Every row of the reader wraps as `show` does at the same width.
. "$top_srcdir/tests/e2e/lib.sh"

marks=$(LC_ALL=C awk 'BEGIN { for (i = 128; i < 168; i++) printf "%c%c", 204, i }')
fam=$(printf '\360\237\221\250\342\200\215\360\237\221\251\342\200\215\360\237\221\247')
fam4=$(printf '%s\342\200\215\360\237\221\246' "$fam")
flags=$(printf '\360\237\207\253\360\237\207\267\360\237\207\247\360\237\207\252')
rlo=$(printf '\342\200\256')
pdf=$(printf '\342\200\254')
more=$(printf '\342\203\233') # U+20DB, the marker for marks left out
fixture="$tmpdir/999_clusters.txt"
{
	printf 'Lettre datée du 1er janvier 2020, adressée au Secrétaire général par le '
	printf 'Représentant permanent de la Testlande\n\n'
	printf 'Accents x%s fin|.\n\n' "$marks"
	printf 'Famille %s fin| et %s fin|.\n\n' "$fam" "$fam4"
	printf 'Drapeaux %s fin|.\n\n' "$flags"
	printf 'Renversement %stxet%s fin|.\n\n' "$rlo" "$pdf"
	# Rows full of clusters (under one stored piece each, 4 KB).
	printf 'Familles '
	i=0
	while [ $i -lt 40 ]; do printf '%s ' "$fam"; i=$((i + 1)); done
	printf 'fin.\n\nLettres '
	i=0
	while [ $i -lt 45 ]; do printf 'y%s ' "$marks"; i=$((i + 1)); done
	printf 'fin.\n\nDernier paragraphe.\n'
} >"$fixture"
if ! "$LISEUSE" import --db "$tmpdir/clusters.db" "$fixture" >"$tmpdir/import.out" 2>&1; then
	fail "import of the fixture failed: $(cat "$tmpdir/import.out")"
	finish
fi
pass

# strip: the text without its combining marks and the marker, so that
# screen rows and `show` lines compare as the cells they fill.
strip() {
	LC_ALL=C sed 's/\xcc[\x80-\xbf]//g; s/\xcd[\x80-\xaf]//g; s/\xe2\x83\x9b//g; s/ *$//'
}
"$LISEUSE" show --db "$tmpdir/clusters.db" --width 80 1 | strip >"$tmpdir/show"

E2E_DB="$tmpdir/clusters.db"
start 80x40
expect_screen "Testlande" "list"
keys Enter G
expect_screen "Dernier paragraphe" "reader"
expect_screen "100 %" "reader at the end"
sleep 0.3
capture >"$tmpdir/screen"
last_capture=$(cat "$tmpdir/screen")
strip <"$tmpdir/screen" >"$tmpdir/screen.stripped"

row_is() {
	if grep -qxF -- "$1" "$tmpdir/screen.stripped"; then pass; else fail "$2: no row '$1'"; fi
}
row_is "Accents x fin|." "40 marks: one cell, the text after it on the same row"
row_is "Famille $fam fin| et $(printf '\360\237\221\250\342\200\215\360\237\221\251') fin|." \
	"joined emoji: one cluster each"
row_is "Drapeaux $flags fin|." "flags"
row_is "Renversement <U+202E>txet<U+202C> fin|." "bidi controls shown, not obeyed"

# The marks that fit in the cell, then the marker (ncurses keeps 5
# characters a cell: the letter, three marks, the marker).
accents=$(grep -F "Accents" "$tmpdir/screen")
case $accents in
*"x"*"$more"" fin|"*) pass ;;
*) fail "40 marks: no marker after the marks kept: '$accents'" ;;
esac
kept=$(printf '%s' "$accents" | LC_ALL=C grep -o "$(printf '\314')" | wc -l)
[ "$kept" -le 4 ] && [ "$kept" -ge 1 ] && pass || fail "40 marks: $kept marks drawn in one cell"

# Each text row of the reader is a line of `show` at the same width: the
# layout, the drawing and show agree on every cluster's width.
sed -n '/^Lettre datée/,/100 %/p' "$tmpdir/screen.stripped" | sed '$d' | grep . >"$tmpdir/rows"
nrows=0
while IFS= read -r row; do
	nrows=$((nrows + 1))
	case $row in Famille*) continue ;; esac
	if grep -qxF -- "$row" "$tmpdir/show"; then pass; else fail "row not as show wraps it: '$row'"; fi
done <"$tmpdir/rows"
[ "$nrows" -ge 8 ] && pass || fail "only $nrows reader rows"
# The status line is still the last but one row.
[ "$(sed -n '39p' "$tmpdir/screen" | grep -c '100 %')" -eq 1 ] && pass ||
	fail "the status line moved"
quit_and_check
finish
