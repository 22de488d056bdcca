#!/bin/sh
# Options anywhere: before the command, after it, between and after its
# arguments, up to "--"; a bad option after the command is named.
. "$top_srcdir/tests/lib.sh"

id003=$("$LISEUSE" --db "$snapshot" list --format=tsv | awk -F '\t' 'index($5, "003_") == 1 { print $1 }')
checks=$((checks + 1))
[ -n "$id003" ] || fail "list does not show file 003"

# same_output NAME ARGS1 :: ARGS2: both succeed and print the same.
same_output() {
	name=$1; shift
	a=
	while [ "$1" != "::" ]; do a="$a $1"; shift; done
	shift
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	"$LISEUSE" $a >"$tmpdir/a" 2>"$tmpdir/a.err"; sa=$?
	"$LISEUSE" "$@" >"$tmpdir/b" 2>"$tmpdir/b.err"; sb=$?
	if [ "$sa" -ne 0 ] || [ "$sb" -ne 0 ]; then
		fail "$name: exited $sa and $sb: $(head -c 300 "$tmpdir/a.err") $(head -c 300 "$tmpdir/b.err")"
	elif ! cmp -s "$tmpdir/a" "$tmpdir/b"; then
		fail "$name: '$a' and '$*' print different things"
	elif [ ! -s "$tmpdir/a" ]; then
		fail "$name: '$a' printed nothing"
	fi
}

db=$snapshot
same_output "show ID --width" --db "$db" --width 40 show "$id003" :: show "$id003" --width 40 --db "$db"
same_output "show --width= after" --db "$db" --width=33 show "$id003" :: --db "$db" show "$id003" --width=33
same_output "show ID --outline" --db "$db" show --outline "$id003" :: --db "$db" show "$id003" --outline
same_output "search --format after words" --db "$db" search --format=tsv mesures confiance :: --db "$db" search mesures --format tsv confiance
same_output "search --sort last" --db "$db" search --sort=pertinence mesure :: search mesure --db "$db" --sort pertinence
same_output "search --count-by last" --db "$db" search --count-by=de 1540 :: search 1540 --count-by=de --db "$db"
same_output "list --format last" --db "$db" list --format=tsv :: list --db "$db" --format=tsv
# -- ends the options: what follows is a query, even "-word".
same_output "search -- -word" --db "$db" search -- mesures -confiance :: search mesures --db "$db" -- -confiance
checks=$((checks + 1))
[ "$(wc -l <"$tmpdir/a")" -gt 0 ] || fail "search mesures -confiance found nothing"
# After search's first word, "-word" is the query's exclusion without "--".
same_output "search words -word" --db "$db" search -- mesures -confiance :: --db "$db" search mesures -confiance
same_output "search -word alone" --db "$db" search -- -confiance :: --db "$db" search -confiance
checks=$((checks + 1))
[ "$(wc -l <"$tmpdir/a")" -gt 0 ] || fail "search -confiance listed nothing"

# -- then an option's name: an argument, not an option.
expect_status 1 "$LISEUSE" --db "$db" show -- --width
expect_grep "$(msgf "no document with id or symbol '%s'" --width)" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" list -- --format=tsv
expect_grep "$(msg 'usage: liseuse list (takes no argument)')" "$tmpdir/err"

# import: --db and --dry-run after the files.
cp "$top_srcdir/data/000_362ac513c5df377c.txt" "$tmpdir/doc.txt"
expect_status 0 "$LISEUSE" import "$tmpdir/doc.txt" --db "$tmpdir/new.db" --dry-run
checks=$((checks + 1))
[ ! -e "$tmpdir/new.db" ] || fail "import --dry-run after the files wrote the snapshot"
expect_status 0 "$LISEUSE" import "$tmpdir/doc.txt" --no-wait --db "$tmpdir/new.db"
checks=$((checks + 1))
[ -s "$tmpdir/new.db" ] || fail "import FILE --db DB did not write the snapshot"
expect_status 0 "$LISEUSE" list --db "$tmpdir/new.db" --format=tsv
checks=$((checks + 1))
[ "$(wc -l <"$tmpdir/out")" -eq 1 ] || fail "the imported snapshot lists $(wc -l <"$tmpdir/out") documents"

# --help and --version anywhere.
expect_status 0 "$LISEUSE" show "$id003" --help
expect_grep "--width" "$tmpdir/out"
expect_status 0 "$LISEUSE" search mesure --version
expect_grep "liseuse " "$tmpdir/out"

# Bad options after the command are named; nothing else runs.
expect_status 2 "$LISEUSE" --db "$db" show "$id003" --bogus
expect_grep "$(msgf "unknown option '%s'" --bogus)" "$tmpdir/err"
expect_grep "$(msg "Try 'liseuse --help' for more information.
")" "$tmpdir/err"
checks=$((checks + 1))
[ ! -s "$tmpdir/out" ] || fail "show ID --bogus printed: $(head -c 200 "$tmpdir/out")"
expect_status 2 "$LISEUSE" --db "$db" show "$id003" -x
expect_grep "$(msgf "unknown option '-%c'" x)" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" -x search mesures
expect_grep "$(msgf "unknown option '-%c'" x)" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" show "$id003" --width
expect_grep "$(msgf "option '%s' requires an argument" --width)" "$tmpdir/err"
checks=$((checks + 1))
[ ! -s "$tmpdir/out" ] || fail "show ID --width printed: $(head -c 200 "$tmpdir/out")"
expect_status 2 "$LISEUSE" show "$id003" --db
expect_grep "$(msgf "option '%s' requires an argument" --db)" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" show "$id003" --width abc
# shellcheck disable=SC2059
expect_grep "$(printf -- "$(msg "--width: '%s' is not a width from 1 to 10000")" abc)" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" search mesure --sort=hasard
expect_grep "--sort" "$tmpdir/err"
expect_grep "hasard" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" list --dry-run=oui
expect_grep "$(msgf "option '--%s' takes no value" dry-run)" "$tmpdir/err"
# A prefix of several long options is ambiguous, with its candidates; a
# prefix of one is that option.
expect_status 2 "$LISEUSE" --db "$db" list --d
expect_grep "$(msgf "option '%s' is ambiguous: it may be %s" --d "--db, --dry-run")" "$tmpdir/err"
expect_grep "$(msg "Try 'liseuse --help' for more information.
")" "$tmpdir/err"
expect_no_grep "$(msgf "unknown option '%s'" --d)" "$tmpdir/err"
checks=$((checks + 1))
[ ! -s "$tmpdir/out" ] || fail "list --d printed: $(head -c 200 "$tmpdir/out")"
expect_status 2 "$LISEUSE" --d="$db" list
expect_grep "$(msgf "option '%s' is ambiguous: it may be %s" "--d=$db" "--db, --dry-run")" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" list --dz
expect_grep "$(msgf "unknown option '%s'" --dz)" "$tmpdir/err"
same_output "unique prefix" --db "$db" list --format=tsv :: --db "$db" list --form=tsv
# The value of an option is taken even when it looks like a command.
expect_status 2 "$LISEUSE" show "$id003" --db list
expect_grep "list" "$tmpdir/err"

finish
