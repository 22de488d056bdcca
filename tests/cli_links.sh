#!/bin/sh
# Links between documents on the command line: letters citing each other's
# symbols (tests/links/), "Cité par", cote: and cite:, show --outline, and
# signets.
. "$top_srcdir/tests/lib.sh"

db="$tmpdir/links.db"
expect_status 0 "$LISEUSE" import --db "$db" "$top_srcdir"/tests/links/*.txt

id_of() {
	"$LISEUSE" --db "$db" list --format=tsv | awk -F '\t' -v f="$1" '$5 == f { print $1 }'
}
norvege=$(id_of lettre-norvege.txt)
islande=$(id_of lettre-islande.txt)
danemark=$(id_of lettre-danemark.txt)

# Cited by: the Norwegian letter is cited by the two others, newest first.
expect_status 0 "$LISEUSE" --db "$db" show --width 120 S/2031/100
cited_by=$(msgpad 'Cited by' 13)
expect_grep "${cited_by}2 documents — A/86/50 (Danemark, 30 mai 2031), S/2031/200 (Islande, 18 avril 2031)" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" show --width 120 s/2031/200
expect_grep "${cited_by}1 document — A/86/50 (Danemark, 30 mai 2031)" "$tmpdir/out"
# Nobody cites the Danish letter, and a letter's own symbols are not citations.
expect_status 0 "$LISEUSE" --db "$db" show --width 120 "$danemark"
expect_no_grep "$(msg 'Cited by')" "$tmpdir/out"
# Either of a joint document's symbols finds it.
expect_status 0 "$LISEUSE" --db "$db" show --width 120 A/86/50
expect_grep "Lars Nielsen" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" show --width 120 S/2031/300
expect_grep "Lars Nielsen" "$tmpdir/out"
# A symbol no document has.
expect_status 1 "$LISEUSE" --db "$db" show S/2031/999
expect_grep "$(msgf "no document with id or symbol '%s'" S/2031/999)" "$tmpdir/err"

# cite: takes symbols, with or without the year of a resolution, and numbers.
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv cite:S/2031/100
checks=$((checks + 1))
[ "$(cut -f1 "$tmpdir/out" | tr '\n' ' ')" = "$danemark $islande " ] ||
	fail "cite:S/2031/100 gave $(cut -f1 "$tmpdir/out" | tr '\n' ' ')"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv cite:S/2031/999
expect_grep "lettre-islande.txt" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv cite:S/RES/1540
expect_grep "lettre-norvege.txt" "$tmpdir/out"
expect_no_grep "lettre-danemark.txt" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv 'cite:"S/RES/2325 (2016)"'
expect_grep "lettre-danemark.txt" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv cite:2325
expect_grep "lettre-danemark.txt" "$tmpdir/out"
expect_status 1 "$LISEUSE" --db "$db" search cite:S/2031/300
# cote: a document's own symbols, any case; with words.
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv cote:s/2031/300
checks=$((checks + 1))
[ "$(cut -f1 "$tmpdir/out")" = "$danemark" ] || fail "cote:s/2031/300 gave $(cat "$tmpdir/out")"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv cote:S/2031/100 atelier
expect_grep "lettre-norvege.txt" "$tmpdir/out"
expect_status 1 "$LISEUSE" --db "$db" search cote:S/2031/100 danemark
expect_status 1 "$LISEUSE" --db "$db" search cote:S/2031/999
expect_status 2 "$LISEUSE" --db "$db" search cote:bonjour
expect_grep "cote:A/64/666" "$tmpdir/err"

# A re-imported letter that no longer cites S/2031/100 no longer counts.
mkdir -p "$tmpdir/again"
sed 's|publiée sous la cote S/2031/100|publiée le 5 mars|' "$top_srcdir/tests/links/lettre-islande.txt" \
	>"$tmpdir/again/lettre-islande.txt"
cp "$db" "$tmpdir/again.db"
expect_status 0 "$LISEUSE" import --db "$tmpdir/again.db" "$tmpdir/again/lettre-islande.txt"
expect_status 0 "$LISEUSE" --db "$tmpdir/again.db" show --width 120 S/2031/100
expect_grep "${cited_by}1 document — A/86/50 (Danemark, 30 mai 2031)" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$tmpdir/again.db" search --format=tsv cite:S/2031/999
expect_grep "lettre-islande.txt" "$tmpdir/out"

# The outline: the annex, numbered paragraphs, lettered items, the signature.
expect_status 0 "$LISEUSE" --db "$db" show --width 80 --outline "$norvege"
cat >"$tmpdir/want" <<'OUT'
Lettre datée du 3 mars 2031, adressée au Secrétaire général par le Représentant…
SIGNATURE(Signé) Ingrid Solberg
Annexe
Compte rendu de l'atelier régional d'Oslo
  1. L'atelier a réuni des délégations de quinze pays riverains de la mer du…
  2. Les participants ont examiné les mesures de contrôle des exportations.
    a) Les listes de contrôle nationales ;
    b) Les autorités douanières et leur formation.
  3. Les participants ont recommandé un suivi annuel.
  4. Les délégations ont souhaité que les rapports nationaux soient mis à jour…
  5. Plusieurs participants ont proposé que les autorités douanières échangent…
  6. Les participants ont examiné les besoins d'assistance des États de la…
  7. L'atelier a pris note des programmes de formation offerts par les…
  8. Les participants sont convenus de se réunir de nouveau en 2032.
OUT
checks=$((checks + 1))
sed -i "s/^SIGNATURE/$(msg 'Signature: ')/" "$tmpdir/want"
cmp -s "$tmpdir/want" "$tmpdir/out" || fail "show --outline: $(diff "$tmpdir/want" "$tmpdir/out")"
# The seeds' numbered paragraphs: the Belarus note's annex counts 1 to 9.
seed=$("$LISEUSE" --db "$snapshot" list --format=tsv | awk -F '\t' 'index($5, "001_") == 1 { print $1 }')
expect_status 0 "$LISEUSE" --db "$snapshot" show --width 60 --outline "$seed"
checks=$((checks + 1))
[ "$(grep -cE '^  [1-9]\. ' "$tmpdir/out")" -eq 9 ] || fail "seed 001 outline: $(cat "$tmpdir/out")"
expect_grep "    i) Reconduction" "$tmpdir/out"
expect_grep "Annexe" "$tmpdir/out"
checks=$((checks + 1))
longest=$(LC_ALL=C.UTF-8 wc -L <"$tmpdir/out")
[ "$longest" -le 60 ] || fail "show --outline --width 60 printed $longest columns"
expect_status 1 "$LISEUSE" --db "$db" show --outline 9999

# signets: none yet, then from a state file: one here, one in another snapshot.
XDG_STATE_HOME="$tmpdir/state"
export XDG_STATE_HOME
expect_status 1 "$LISEUSE" --db "$db" signets
expect_status 2 "$LISEUSE" --db "$db" signets extra
mkdir -p "$tmpdir/state/liseuse"
key=$(cd "$tmpdir" && pwd -P)/links.db
printf 'liseuse-state\t1\nmark\t%s\tlettre-islande.txt\tS/2031/200\t00000000000000aa\t3\t2. L’Islande rappelle\nmark\t/ailleurs.db\tx.txt\t\t00000000000000bb\t1\tailleurs\nmark\t%s\tdisparu.txt\t\t00000000000000cc\t0\tparti\n' \
	"$key" "$key" >"$tmpdir/state/liseuse/state"
expect_status 0 "$LISEUSE" --db "$db" signets --format=tsv
checks=$((checks + 1))
[ "$(wc -l <"$tmpdir/out")" -eq 2 ] || fail "signets --format=tsv: $(cat "$tmpdir/out")"
expect_grep "$islande	lettre-islande.txt	S/2031/200	3	2. L’Islande rappelle" "$tmpdir/out"
expect_grep "	disparu.txt		0	parti" "$tmpdir/out"
expect_no_grep "ailleurs" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" signets
expect_grep "Lettre — Islande  S/2031/200$(msg '  (passage changed)')" "$tmpdir/out"
expect_grep "      2. L’Islande rappelle" "$tmpdir/out"
expect_grep "$(msgf '   -  %s (not in this snapshot)' disparu.txt)" "$tmpdir/out"
printf 'liseuse-state\t1\nmark\t%s\tx.txt\t\tzz\t1\tpassage\n' "$key" >"$tmpdir/state/liseuse/state"
expect_status 2 "$LISEUSE" --db "$db" signets
expect_grep "state:2" "$tmpdir/err"

finish
