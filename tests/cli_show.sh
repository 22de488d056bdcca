#!/bin/sh
# `show`, `list`, options and usage errors of the command line.
. "$top_srcdir/tests/lib.sh"

id_of() {
	"$LISEUSE" --db "$snapshot" list --format=tsv | awk -F '\t' -v f="$1" 'index($5, f) == 1 { print $1 }'
}

id003=$(id_of 003_)
checks=$((checks + 1))
[ -n "$id003" ] || fail "list does not show file 003"

for width in 20 33 40 60 80 100 132; do
	expect_status 0 "$LISEUSE" --db "$snapshot" show --width "$width" "$id003"
	checks=$((checks + 1))
	# Display width of every line (wc -L counts display columns in a UTF-8 locale).
	longest=$(LC_ALL=C.UTF-8 wc -L <"$tmpdir/out")
	[ "$longest" -le "$width" ] || fail "show --width $width printed a line of $longest columns"
	checks=$((checks + 1))
	! grep -qE '^ *[»:;!?%]' "$tmpdir/out" || fail "show --width $width: a line starts with French high punctuation: $(grep -nE '^ *[»:;!?%]' "$tmpdir/out" | head -3)"
	checks=$((checks + 1))
	! grep -qE '« *$' "$tmpdir/out" || fail "show --width $width: a line ends with «"
	checks=$((checks + 1))
	! grep -qE '(^| )\(2004\)' "$tmpdir/out" || ! grep -qE '1540 *$' "$tmpdir/out" ||
		fail "show --width $width split 1540 (2004)"
done
expect_status 0 "$LISEUSE" --db "$snapshot" show --width 80 "$id003"
expect_grep "Type         Lettre" "$tmpdir/out"
expect_grep "$(printf '%-13s' "$(msg From)")Kazakhstan" "$tmpdir/out"
expect_grep "Date         2018-01-02" "$tmpdir/out"
expect_grep "Note de cadrage" "$tmpdir/out"
expect_no_grep "https://undocs.org" "$tmpdir/out"

# By symbol, any case.
expect_status 0 "$LISEUSE" --db "$snapshot" show --width 80 a/64/666
expect_grep "Déclaration ministérielle sur la non-prolifération" "$tmpdir/out"
expect_no_grep "310-24575" "$tmpdir/out"

# Not found, bad usage.
expect_status 1 "$LISEUSE" --db "$snapshot" show 99999
expect_grep "99999" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$snapshot" show
expect_status 2 "$LISEUSE" --db "$snapshot" show --width 0 1
expect_grep "--width" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$snapshot" list --format=xml
expect_status 2 "$LISEUSE" --no-such-option
expect_status 2 "$LISEUSE" --db "$tmpdir/missing.db" list
expect_grep "missing.db" "$tmpdir/err"
printf 'not a database\n' >"$tmpdir/text.db"
expect_status 2 "$LISEUSE" --db "$tmpdir/text.db" list
expect_grep "text.db" "$tmpdir/err"

expect_status 0 "$LISEUSE" --help
expect_grep "$(msghead 'Usage: liseuse [OPTION]... [WORD]...\n' | cut -d'[' -f1)" "$tmpdir/out"
expect_status 0 "$LISEUSE" --version
expect_grep "liseuse 0." "$tmpdir/out"

# The bundled snapshot is found from the build tree without --db.
expect_status 0 "$LISEUSE" list
checks=$((checks + 1))
[ "$(wc -l <"$tmpdir/out")" -ge 5 ] || fail "list without --db printed too little"

# A paragraph longer than a stored piece (4 KB) wraps as one paragraph: no
# short line where one piece ends and the next begins.
awk 'BEGIN {
	split("la mise en œuvre de la résolution par les États membres et des mesures de confiance", w, " ")
	printf "Lettre datée du 3 mars 2015\n\nLe séminaire"
	for (i = 0; i < 1500; i++) printf " %s", w[(i * 7) % 15 + 1]
	printf ".\n"
}' >"$tmpdir/long.txt"
expect_status 0 "$LISEUSE" --db "$tmpdir/long.db" import "$tmpdir/long.txt"
expect_status 0 "$LISEUSE" --db "$tmpdir/long.db" show --width 60 1
checks=$((checks + 1))
short=$(LC_ALL=C.UTF-8 awk '/^Le séminaire/ { on = 1 } on && /\.$/ { on = 0 }
	on && length($0) < 45 { print NR ": " $0 }' "$tmpdir/out")
[ -z "$short" ] || fail "a long paragraph has a short line inside it: $short"
checks=$((checks + 1))
[ "$(grep -c 'séminaire' "$tmpdir/out")" -eq 1 ] || fail "the long paragraph is not one paragraph"

# A closed pipe ends the program quietly.
"$LISEUSE" --db "$snapshot" show --width 20 "$id003" 2>"$tmpdir/err" | head -n 1 >/dev/null
checks=$((checks + 1))
[ ! -s "$tmpdir/err" ] || fail "show | head printed an error: $(cat "$tmpdir/err")"

finish
