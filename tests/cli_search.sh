#!/bin/sh
# The searches every release must answer exactly, with the files they find.
. "$top_srcdir/tests/lib.sh"

# search_files QUERY: the corpus file numbers found, sorted, space-separated.
search_files() {
	"$LISEUSE" --db "$snapshot" search --format=tsv -- "$@" | cut -f 5 | cut -c 1-3 | sort | tr '\n' ' ' | sed 's/ $//'
}

expect_files() {
	want=$1; shift
	checks=$((checks + 1))
	got=$(search_files "$@")
	[ "$got" = "$want" ] || fail "search $* found '$got', expected '$want'"
}

expect_files "000 001 002 003 004" securite
expect_files "000 001 002 003" oeuvre
expect_files "000 001 002 003" '"mise en oeuvre"'
expect_files "000 001 002 003 004" "l'Organisation"
expect_files "000 001 002 003 004" "l’organisation"
expect_files "001 002 003 004" '"armes de destruction massive"'
expect_files "000 003 004" kazakhstan
expect_files "001" belarus
expect_files "001 002" '"2325 (2016)"'
expect_files "004" Etats-Unis
expect_files "000 001 002 003 004" SÉCURITÉ
expect_files "004" A/64/666
expect_files "003" '"mesures de confiance"'
expect_files "001" minsk
expect_files "000 001 002 003" 'oeuv*'
# Prefixes longer than the prefix index become an OR of the indexed words.
expect_files "000 001 002 003 004" 'securi*'
expect_files "000 001 002 003 004" 'SÉCUR*'
expect_files "001 002 003 004" '"armes de destruction" massi*'
expect_files "" 'zzzzq*'
expect_files "000 003 004" de:kazakhstan
expect_files "001 002" type:note
expect_files "002 003" annee:2018
expect_files "000 003" annee:2014-2018 de:kazakhstan
expect_files "001 002" cite:2325

# Exit status like grep: 1 when nothing matches, 2 on a bad query.
expect_status 1 "$LISEUSE" --db "$snapshot" search zzzyyyxxx
expect_status 0 "$LISEUSE" --db "$snapshot" search oeuvre
expect_grep "œuvre" "$tmpdir/out"
expect_status 2 "$LISEUSE" --db "$snapshot" search champinconnu:x
expect_grep "$(msgf 'syntax: %s' '')" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$snapshot" search

# Stray syntax never reaches SQL: each exits 0 or 1, never 2, and says nothing about SQL.
for q in '"' '(' ')' 'AND' 'OR oeuvre' 'NOT' 'NEAR(' '*' ':' '-' 'a"b' "'" '^x' '{x}' 'col:' 'oeuvre AND' '"mise en'; do
	checks=$((checks + 1))
	"$LISEUSE" --db "$snapshot" search -- "$q" >"$tmpdir/out" 2>"$tmpdir/err"
	st=$?
	if grep -qi 'sql\|fts5' "$tmpdir/err"; then
		fail "search '$q' leaked an SQL error: $(cat "$tmpdir/err")"
	elif [ "$st" -eq 2 ] && ! grep -qF "$(msgf 'syntax: %s' '')" "$tmpdir/err"; then
		fail "search '$q' failed without a syntax message: $(cat "$tmpdir/err")"
	fi
done

# TSV: exactly one line per document, seven fields (the last, the page of
# the passage, is empty without a text query).
expect_status 0 "$LISEUSE" --db "$snapshot" list --format=tsv
checks=$((checks + 1))
[ "$(wc -l <"$tmpdir/out")" -eq 5 ] || fail "list --format=tsv printed $(wc -l <"$tmpdir/out") lines, expected 5"
checks=$((checks + 1))
awk -F '\t' 'NF != 7 || $7 != "" { exit 1 }' "$tmpdir/out" || fail "a TSV line does not have seven fields"
# Newest first.
checks=$((checks + 1))
[ "$(cut -f 2 "$tmpdir/out" | tr '\n' ' ')" = "2019-05-06 2018-02-01 2018-01-02 2014-03-19 2010-02-16 " ] ||
	fail "list is not newest first: $(cut -f 2 "$tmpdir/out" | tr '\n' ' ')"

finish
