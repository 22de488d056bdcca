#!/bin/sh
# What a French search matches: inflections with and without accents, the
# words of one family kept apart, quoted words exact, lone exclusions, open
# year ranges, relevance order, counts by field and suggestions.
. "$top_srcdir/tests/lib.sh"

# found DB QUERY...: the files found (first 3 characters of each, sorted).
found() {
	db=$1; shift
	"$LISEUSE" --db "$db" search --format=tsv -- "$@" 2>/dev/null | cut -f 5 | cut -c 1-3 | sort |
		tr '\n' ' ' | sed 's/ $//'
}

# table DB < LINES: each line is "expected files | query"; "-" expects none.
table() {
	while IFS='|' read -r want query; do
		want=$(echo "$want" | sed 's/ *$//; s/^-$//')
		query=$(echo "$query" | sed 's/^ *//')
		[ -n "$query" ] || continue
		checks=$((checks + 1))
		# shellcheck disable=SC2086 # a query is several words
		got=$(found "$1" $query)
		[ "$got" = "$want" ] || fail "search $query found '$got', expected '$want'"
	done
}

# The seeds (data/).
table "$snapshot" <<'TABLE'
000 001 002 003 004 | mesure
000 001 002 003 004 | mesures
003                 | mesure de confiance
003                 | Mesure de Confiances
000 002 003 004     | arme chimique
000 002 003 004     | armes chimiques
000 001 002 003     | regionaux
000 001 002 003     | régionaux
000 001 002 003     | regionale
000 001 002 003     | RÉGIONAL
001                 | seminaires
001                 | Séminaires
001                 | séminaire
000 001 002 003     | oeuvres
001 002 003         | organisee
001 002 003         | organisées
000 001 002 004     | application
000 001 002 004     | applications
000 001 002 003 004 | appliquer
-                   | conseiller
-                   | conseillers
-                   | désarmer
-                   | desarmer
-                   | armée
-                   | armees
000                 | "mesure"
000 001 002 003 004 | "mesures"
-                   | "arme"
003                 | "mesures de confiance"
-                   | "mesure de confiance"
000 002 003 004     | -minsk
002                 | -minsk -kazakhstan
000 003 004         | de:kazakhstan -minsk
-                   | -armes
000 001 002 003     | annee:2014-
001                 | annee:2019-
000 004             | annee:-2014
-                   | annee:-2009
004                 | annee:-2010 de:kazakhstan
TABLE

# A collection made for the pairs that share a family but not a lemma.
mkdir "$tmpdir/pairs"
w() { printf 'Note du %s\n\n%s\n' "$1" "$2" >"$tmpdir/pairs/$1.txt"; }
w a01 "Le conseiller du ministre a pris la parole."
w a02 "Le Conseil de sécurité a pris la parole."
w a03 "Il faut désarmer les milices."
w a04 "Le désarmement nucléaire progresse."
w a05 "Une réunion organisée à Minsk."
w a06 "L'Organisation des Nations Unies."
w a07 "L'armée nationale défile."
w a08 "Les armes chimiques sont interdites."
w a09 "L'application du traité commence."
w a10 "Les États doivent appliquer le traité."
w a11 "Les États appliquent le traité et désarment."
w a12 "Des conseillers régionaux, des armées."
db="$tmpdir/pairs.db"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/pairs"
table "$db" <<'TABLE'
a01 a12     | conseiller
a02         | conseil
a02         | Conseils
a03 a11     | désarmer
a03 a11     | desarmer
a04         | désarmement
a05         | organisée
a05         | organisees
a06         | organisation
a07 a12     | armée
a07 a12     | armee
a08         | armes
a08         | arme
a09         | application
a10 a11     | appliquer
a10 a11     | appliquons
a12         | "conseillers"
a01         | "conseiller"
a01 a02 a03 a04 a06 a07 a08 a09 a10 a11 a12 | -organisée
TABLE

# Relevance: the document with the exact form first, then the inflected.
printf 'Note du b01\n\nDes mesures, des mesures, des mesures.\n' >"$tmpdir/b01.txt"
printf 'Note du b02\n\nUne mesure.\n' >"$tmpdir/b02.txt"
db="$tmpdir/rank.db"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/b01.txt" "$tmpdir/b02.txt"
checks=$((checks + 1))
got=$("$LISEUSE" --db "$db" search --format=tsv --sort=pertinence mesure | cut -f 5 | tr '\n' ' ')
[ "$got" = "b02.txt b01.txt " ] || fail "relevance order of mesure: '$got'"
checks=$((checks + 1))
got=$("$LISEUSE" --db "$db" search --format=tsv --sort=pertinence mesures | cut -f 5 | tr '\n' ' ')
[ "$got" = "b01.txt b02.txt " ] || fail "relevance order of mesures: '$got'"
expect_status 0 "$LISEUSE" --db "$db" search --sort=date mesure
expect_status 2 "$LISEUSE" --db "$db" search --sort=hasard mesure
expect_grep "--sort" "$tmpdir/err"

# Counts by field agree with `list`.
for field in de type annee; do
	case $field in de) col=4 ;; type) col=3 ;; annee) col=2 ;; esac
	checks=$((checks + 1))
	want=$("$LISEUSE" --db "$snapshot" list --format=tsv | cut -f "$col" | cut -c 1-20 |
		{ [ $field = annee ] && cut -c 1-4 || cat; } | grep -v '^$' | sort | uniq -c |
		awk '{ n = $1; $1 = ""; sub(/^ /, ""); print $0 "\t" n }' | sort)
	got=$("$LISEUSE" --db "$snapshot" search --count-by=$field -- -zzzzzz | sort)
	[ "$got" = "$want" ] || fail "count-by=$field: '$got', list says '$want'"
done
expect_status 0 "$LISEUSE" --db "$snapshot" search --count-by=de armes
checks=$((checks + 1))
[ "$(head -n 1 "$tmpdir/out")" = "$(printf 'Kazakhstan\t3')" ] ||
	fail "count-by=de armes: $(cat "$tmpdir/out")"
expect_status 0 "$LISEUSE" --db "$snapshot" search --count-by=cite armes
expect_grep "$(printf '1540 (2004)\t5')" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$snapshot" search --count-by=annee minsk
checks=$((checks + 1))
[ "$(cat "$tmpdir/out")" = "$(printf '2019\t1')" ] || fail "count-by=annee minsk: $(cat "$tmpdir/out")"
expect_status 1 "$LISEUSE" --db "$snapshot" search --count-by=de zzzyyyxxx
expect_status 2 "$LISEUSE" --db "$snapshot" search --count-by=couleur armes
expect_grep "--count-by" "$tmpdir/err"

# Suggestions: on stderr, exit status 1 still.
try() { printf '%s' "$(msg 'liseuse: ')"; msgf "no result for '%s' — try '%s'" "$1" "$2"; }
expect_status 1 "$LISEUSE" --db "$snapshot" search securiter
expect_grep "$(try securiter sécurité)" "$tmpdir/err"
expect_status 1 "$LISEUSE" --db "$snapshot" search securiter minsk
expect_grep "$(try "securiter minsk" "sécurité minsk")" "$tmpdir/err"
expect_status 1 "$LISEUSE" --db "$snapshot" search Kazakstan
expect_grep "$(try Kazakstan Kazakhstan)" "$tmpdir/err"
expect_status 1 "$LISEUSE" --db "$snapshot" search secretaite generall
expect_grep "$(try "secretaite generall" "secrétaire général")" "$tmpdir/err"
# in French, word for word
checks=$((checks + 1))
LANGUAGE= LC_ALL= LANG=fr_FR.UTF-8 "$LISEUSE" --db "$snapshot" search securiter 2>"$tmpdir/err" >/dev/null
grep -qF "liseuse : aucun résultat pour « securiter » — essayez « sécurité »" "$tmpdir/err" ||
	fail "French suggestion: $(cat "$tmpdir/err")"
# too short for a typo, or nothing close: no suggestion
expect_status 1 "$LISEUSE" --db "$snapshot" search minq
expect_no_grep "$(msghead "no result for '%s' — try '%s'")" "$tmpdir/err"
expect_status 1 "$LISEUSE" --db "$snapshot" search xyzzyqqqq
expect_no_grep "$(msghead "no result for '%s' — try '%s'")" "$tmpdir/err"

finish
