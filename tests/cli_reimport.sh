#!/bin/sh
# `import` again: an unchanged file stays, a changed one (same file name, or
# same symbol) replaces its earlier version, --dry-run writes nothing; pages
# of text laid out as pdftotext writes it.
. "$top_srcdir/tests/lib.sh"

db="$tmpdir/s.db"
count() {
	"$LISEUSE" --db "$db" list --format=tsv | wc -l | tr -d ' '
}

# The bundled texts, twice: the second import changes nothing, not a byte.
expect_status 0 "$LISEUSE" --db "$db" import "$top_srcdir/data"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged: ' 5 0 0)" "$tmpdir/out"
before=$(cksum <"$db")
expect_status 0 "$LISEUSE" --db "$db" import "$top_srcdir/data"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged: ' 0 0 5)" "$tmpdir/out"
checks=$((checks + 1))
[ "$(cksum <"$db")" = "$before" ] || fail "importing the same files again changed the snapshot"
checks=$((checks + 1))
[ "$(count)" = 5 ] || fail "the second import left $(count) documents, expected 5"
# and so does the bundled snapshot imported from the same texts
expect_status 0 "$LISEUSE" --db "$db" import "$top_srcdir/data/003_604d45de2d0fbce8.txt"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged: ' 0 0 1)" "$tmpdir/out"

# A changed file of the same name: --dry-run reports, writes nothing.
mkdir "$tmpdir/v2"
sed 's/le jeudi/le vendredi zanzibar/' "$top_srcdir/data/003_604d45de2d0fbce8.txt" \
	>"$tmpdir/v2/003_604d45de2d0fbce8.txt"
id_before=$("$LISEUSE" --db "$db" list --format=tsv | awk -F '\t' '$5 == "003_604d45de2d0fbce8.txt" { print $1 }')
expect_status 0 "$LISEUSE" --db "$db" --dry-run import "$tmpdir/v2/003_604d45de2d0fbce8.txt"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged (dry run): %s not written\n' 0 1 0 "$db")" "$tmpdir/out"
checks=$((checks + 1))
[ "$(cksum <"$db")" = "$before" ] || fail "a dry run changed the snapshot"
checks=$((checks + 1))
[ ! -e "$db.import-$$" ] && [ -z "$(ls "$tmpdir" | grep import-)" ] || fail "a dry run left its working copy"
expect_status 1 "$LISEUSE" --db "$db" search zanzibar

expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/v2/003_604d45de2d0fbce8.txt"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged: ' 0 1 0)" "$tmpdir/out"
checks=$((checks + 1))
[ "$(count)" = 5 ] || fail "a replaced file left $(count) documents, expected 5"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv zanzibar
expect_grep "003_604d45de2d0fbce8.txt" "$tmpdir/out"
checks=$((checks + 1))
[ "$(cut -f 1 "$tmpdir/out")" = "$id_before" ] || fail "the replaced document changed its id: $(cut -f 1 "$tmpdir/out"), was $id_before"
# the old text left the index: "jeudi" was only in that letter
expect_status 1 "$LISEUSE" --db "$db" search jeudi

# Another file name with the symbols of a document already there replaces it.
sed 's/tenue à Athènes, en décembre 2009/tenue à Athènes zanzibar, en décembre 2009/' \
	"$top_srcdir/data/004_c589fb4fe5af489e.txt" >"$tmpdir/renamed.txt"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/renamed.txt"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged: ' 0 1 0)" "$tmpdir/out"
checks=$((checks + 1))
[ "$(count)" = 5 ] || fail "a file with a known symbol left $(count) documents, expected 5"
expect_status 0 "$LISEUSE" --db "$db" --width 1000 show S/2010/84
expect_grep "renamed.txt" "$tmpdir/out"
expect_grep "Athènes zanzibar" "$tmpdir/out"

# A new file is added; both counts in one report.
cp "$top_srcdir/tests/fixtures/letter_pdftotext.txt" "$tmpdir/S-2018-10.txt"
sed 's/zanzibar/zanzibar bis/' "$tmpdir/renamed.txt" >"$tmpdir/v2/renamed.txt"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/S-2018-10.txt" "$tmpdir/v2/renamed.txt" \
	"$top_srcdir/data/000_362ac513c5df377c.txt"
expect_grep "$(msgf '%zu added, %zu replaced, %zu unchanged: ' 1 1 1)" "$tmpdir/out"
checks=$((checks + 1))
[ "$(count)" = 6 ] || fail "$(count) documents after adding one, expected 6"

# Pages: a phrase across a page break is found, on the page it starts on;
# the header and footer are not in the text.
expect_status 0 "$LISEUSE" --db "$db" --width 200 search '"de la sécurité internationales : non-prolifération"'
checks=$((checks + 1))
grep -q "^ *$(msgf 'p. %d: ' 2 | sed 's/\./\\./')b) Réunion du 23 septembre 2016" "$tmpdir/out" ||
	fail "the passage across a page break is not shown on page 2: $(cat "$tmpdir/out")"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv '"d’information thématique dans les trois à quatre jours"'
checks=$((checks + 1))
[ "$(grep S-2018-10 "$tmpdir/out" | cut -f 5,7)" = "$(printf 'S-2018-10.txt\t4')" ] ||
	fail "the page column of a passage on page 4: $(cat "$tmpdir/out")"
expect_status 1 "$LISEUSE" --db "$db" search '"recycler"'
expect_status 0 "$LISEUSE" --db "$db" show S/2018/10
expect_grep "S-2018-10.txt" "$tmpdir/out"
expect_no_grep "18-00123" "$tmpdir/out"
expect_no_grep "2/5" "$tmpdir/out"

finish
