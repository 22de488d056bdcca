#!/bin/sh
# A document with hostile content, end to end: escape sequences (title,
# clear screen, OSC 52 clipboard, OSC 8 link), CR, BS, TAB, the C1 CSI
# U+009B, bidi overrides, U+2028, zero-width characters, soft hyphens and
# 2000-character lines.  `show`, `search` and `list` print no byte below 0x20
# but the newline (and the tab of TSV), no C1 and no bidi control
# (tests/ctlcheck), and the text around them is still there and searchable.
. "$top_srcdir/tests/lib.sh"

check=$top_builddir/tests/ctlcheck
[ -x "$check" ] || { echo "tests/ctlcheck is not built"; exit 99; }

long=$(awk 'BEGIN { for (i = 0; i < 200; i++) printf "mesure%04d ", i }')
word=$(awk 'BEGIN { s = "m"; for (i = 0; i < 2000; i++) s = s "x"; printf "%s", s }')
f=$tmpdir/hostile.txt
{
	printf 'Lettre datée du 3 mars 2021 \033]0;titre vol\303\251\007adressée au Président \033[2J\033[H par le repr\303\251sentant \342\200\256permanent\342\200\254\n\n'
	printf 'Le presse-papiers \033]52;c;cHduZWQ=\007 est vid\303\251 et le \033]8;;https://evil.example/\033\\lien pi\303\250ge\033]8;;\033\\ ici.\n\n'
	printf 'Retour chariot\rEFFACE, retour arri\303\250re ab\010\010XY, tabulation\tici, cloche\007.\n\n'
	printf 'Le CSI C1 \302\2332J\302\233H et NEL \302\205 et \302\236 sont des contr\303\264les.\n\n'
	printf 'Bidi \342\200\256esrever\342\200\254 \342\201\246isol\303\251\342\201\251 \342\200\217 fin, s\303\251parateur\342\200\250de ligne\342\200\251 et de paragraphe.\n\n'
	printf 'Z\303\251ro\342\200\213largeur\342\200\214et\342\200\215joint\357\273\277 et c\303\251\302\255sure dou\302\255ce dans Minsk.\n\n'
	printf '%s\n\n%s\n\n' "$long" "$word"
	printf 'Fin du document hostile.\n'
} >"$f"

db=$tmpdir/h.db
expect_status 0 "$LISEUSE" --db "$db" import "$f"

# clean FILE [-t]: the output holds no terminal control.
clean() {
	checks=$((checks + 1))
	"$check" ${2:-} "$1" >"$tmpdir/why" || fail "$3: $(cat "$tmpdir/why")"
}

expect_status 0 "$LISEUSE" --db "$db" --width 80 show 1
clean "$tmpdir/out" "" "show"
expect_grep "Fin du document hostile." "$tmpdir/out"
expect_grep "mesure0199" "$tmpdir/out"
expect_grep "presse-papiers" "$tmpdir/out"
cp "$tmpdir/out" "$tmpdir/show.txt"
checks=$((checks + 1))
awk 'length($0) > 80 * 4 { bad = 1 } END { exit bad }' "$tmpdir/show.txt" ||
	fail "show printed a line far wider than 80 columns"

expect_status 0 "$LISEUSE" --db "$db" --width 60 show 1
clean "$tmpdir/out" "" "show --width 60"

for q in presse lien cloche esrever isolé zéro césure douce Minsk paragraphe mesure0100 "$word"; do
	expect_status 0 "$LISEUSE" --db "$db" --width 80 search "$q"
	clean "$tmpdir/out" "" "search $q"
	expect_status 0 "$LISEUSE" --db "$db" search --format=tsv "$q"
	clean "$tmpdir/out" -t "search --format=tsv $q"
done
# Searching for the escape sequence itself prints nothing harmful either.
checks=$((checks + 1))
"$LISEUSE" --db "$db" search "$(printf '\033]0;titre\007')" >"$tmpdir/out" 2>"$tmpdir/err"
[ $? -le 1 ] || fail "search for an escape sequence failed: $(cat "$tmpdir/err")"
clean "$tmpdir/out" "" "search for an escape sequence"

expect_status 0 "$LISEUSE" --db "$db" list
clean "$tmpdir/out" "" "list"
expect_status 0 "$LISEUSE" --db "$db" list --format=tsv
clean "$tmpdir/out" -t "list --format=tsv"
checks=$((checks + 1))
awk -F '\t' 'NF != 7 { bad = 1 } END { exit bad }' "$tmpdir/out" ||
	fail "list --format=tsv: a row without exactly 7 fields: $(cat "$tmpdir/out")"

# A refused file whose name holds escape sequences (as a walked directory
# may): the message shows them visibly.
mkdir "$tmpdir/walk"
printf 'Caf\351\n' >"$tmpdir/walk/$(printf 'evil\033]0;x\007\302\233.txt')"
expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/walk"
clean "$tmpdir/err" "" "the message naming a hostile file name"
expect_grep "evil^[" "$tmpdir/err"

# The checker itself catches each kind of control it is meant to.
for bad in '\033[2J' '\302\233' '\342\200\256' '\342\200\250' '\r' '\010' '\t' '\377'; do
	printf "a${bad}b\n" >"$tmpdir/bad"
	checks=$((checks + 1))
	"$check" "$tmpdir/bad" >/dev/null && fail "ctlcheck missed $bad"
done

finish
