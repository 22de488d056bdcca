#!/bin/sh
# store_seeds.sh LISEUSE FUZZDIR - writes the store fuzzer's seeds
# (FUZZDIR/corpus/store) and regression inputs (FUZZDIR/regressions/store): two small
# real snapshots imported by LISEUSE (one and two documents, page size 512 so
# that each stays under the fuzzer's 16 KB inputs) and hostile copies of the
# first, each with one number or type out of range; the regressions are
# hostile copies that once crashed.  Needs the sqlite3
# program.  Run it again whenever the snapshot schema changes (the seeds of
# an older version are all refused at opening, and the fuzzer then never
# gets past store_open): tests/fuzz_seeds.sh checks that they open.
set -eu
liseuse=$1 out=$2/corpus/store reg=$2/regressions/store
tmp=$(mktemp -d "${TMPDIR:-/tmp}/store_seeds.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out" "$reg"

cat >"$tmp/a.txt" <<'EOF'
Lettre datée du 2 mars 2020, adressée au Secrétaire général par le Représentant permanent du Kazakhstan

La sécurité de l’Organisation. Cote : S/2020/12.

Deuxième paragraphe sur la résolution 1540 (2004) et les **mesures de confiance**.
EOF
{
	printf 'Note verbale datée du 6 mai 2019\n\nNote verbale'
	i=0
	while [ "$i" -lt 12 ]; do
		printf ' sécurité organisation œuvre États-Unis mesure confiance'
		i=$((i + 1))
	done
	printf '\n\nFin du texte, S/2019/7.\n'
} >"$tmp/b.txt"

# snapshot NAME FILE...: imports the files into OUTDIR/NAME at page size 512.
snapshot() {
	name=$1
	shift
	rm -f "$tmp/$name.db"
	"$liseuse" --db "$tmp/$name.db" import "$@" >/dev/null
	sqlite3 "$tmp/$name.db" 'PRAGMA page_size=512; VACUUM;'
	cp "$tmp/$name.db" "$out/$name"
}
snapshot one "$tmp/a.txt"
snapshot two "$tmp/a.txt" "$tmp/b.txt"

# hostile NAME SQL [FROM [DIR]]: a copy of FROM (one) changed by SQL, into DIR (the seeds).
hostile() {
	cp "$out/${3:-one}" "$tmp/h.db"
	sqlite3 "$tmp/h.db" "$2"
	cp "$tmp/h.db" "${4:-$out}/$1"
}
min=-9223372036854775808 max=9223372036854775807
hostile npieces_min "UPDATE doc SET npieces=$min"
hostile npieces_max "UPDATE doc SET npieces=$max"
hostile npieces_meta "UPDATE doc SET npieces=1048575"
hostile nbytes_neg "UPDATE doc SET nbytes=-5"
hostile sortkey_min "UPDATE doc SET sortkey=$min"
hostile sortkey_max "UPDATE doc SET sortkey=$max"
hostile year_huge "UPDATE doc SET year=$max"
hostile doc_id_neg "UPDATE doc SET id=$min"
hostile piece_id_neg "UPDATE piece SET id=-1 WHERE id=(SELECT min(id) FROM piece)"
hostile role_bad "UPDATE piece SET role=-7"
hostile continued_bad "UPDATE piece SET continued=$max"
hostile page_bad "UPDATE piece SET page=$min"
hostile bold_bad "UPDATE piece SET bold=X'FFFFFFFF00000000010000' WHERE bold IS NOT NULL"
hostile text_blob "UPDATE piece SET text=X'00FF41'"
hostile text_int "UPDATE piece SET text=42"
hostile term_neg "UPDATE term SET docs=$min"
hostile inflection_loop "INSERT OR IGNORE INTO inflection SELECT lemma, word FROM inflection;
	INSERT OR IGNORE INTO inflection VALUES('securite', ''), ('', 'securite')"
hostile symbol_orphan "INSERT OR IGNORE INTO symbol VALUES('S/2020/12', $max), ('S/2020/12', -1);
	INSERT OR IGNORE INTO cite VALUES('S/2020/12', $min)"
hostile fields_null "UPDATE doc SET kind=NULL, date=NULL, sender=NULL, title=NULL, source=NULL"

# A NUL inside a word of a piece the index matched: the passage around the
# hit must end at the NUL, as the piece read whole does.
hostile nul_in_passage "UPDATE piece SET text=CAST(replace(CAST(text AS BLOB),
	CAST('sécurité organisation' AS BLOB), X'73C3A96375726900C3A9206F7267616E69736174696F6E')
	AS TEXT) WHERE length(text) > 200" two "$reg"
