#!/bin/sh
# The language of the messages follows the locale (LANGUAGE, LC_ALL,
# LC_MESSAGES, LANG): French under fr_*, English otherwise; one prefix,
# "liseuse: " or "liseuse : "; under a locale whose character set is not
# UTF-8 the French comes transliterated to ASCII; a document's own metadata
# is never translated.
. "$top_srcdir/tests/lib.sh"

nb=$(printf '\302\240')
en="liseuse: no document with id or symbol '99999'"
fr="liseuse${nb}: aucun document d’id ou de cote «${nb}99999${nb}»"

# run VAR=value...: `show 99999` in exactly that environment; its stderr in
# $tmpdir/err (status 1: no such document).
run() {
	env -u LANGUAGE -u LC_ALL -u LC_MESSAGES -u LC_CTYPE -u LANG "$@" \
		"$LISEUSE" --db "$snapshot" show 99999 >/dev/null 2>"$tmpdir/err"
	[ $? -eq 1 ] || fail "$*: show 99999 did not exit 1"
}

# speaks WHAT MESSAGE VAR=value...: that environment prints MESSAGE.
speaks() {
	speaks_what=$1 speaks_want=$2
	shift 2
	checks=$((checks + 1))
	run "$@"
	[ "$(cat "$tmpdir/err")" = "$speaks_want" ] ||
		fail "$speaks_what ($*): '$(cat "$tmpdir/err")', expected '$speaks_want'"
}

speaks "French under LANG=fr" "$fr" LANG=fr_FR.UTF-8
speaks "English under LANG=en" "$en" LANG=en_US.UTF-8
speaks "English under LANG=C" "$en" LANG=C
speaks "English without a locale" "$en"
speaks "English under C.UTF-8" "$en" LANG=C.UTF-8
speaks "LC_MESSAGES over LANG" "$fr" LANG=en_US.UTF-8 LC_MESSAGES=fr_FR.UTF-8
speaks "LC_ALL over LC_MESSAGES" "$en" LC_MESSAGES=fr_FR.UTF-8 LC_ALL=en_US.UTF-8
speaks "LC_ALL over LANG" "$fr" LANG=en_US.UTF-8 LC_ALL=fr_FR.UTF-8
speaks "LANGUAGE over LANG" "$fr" LANG=en_US.UTF-8 LANGUAGE=fr
speaks "LANGUAGE over LANG (English)" "$en" LANG=fr_FR.UTF-8 LANGUAGE=en

# A character set that is not UTF-8: the French in ASCII.
speaks "French transliterated under LC_CTYPE=C" \
	"liseuse : aucun document d'id ou de cote \"99999\"" LANG=fr_FR.UTF-8 LC_CTYPE=C
checks=$((checks + 1))
env -u LANGUAGE -u LC_ALL LANG=fr_FR.UTF-8 LC_CTYPE=C "$LISEUSE" --db "$snapshot" --help >"$tmpdir/help" 2>&1
LC_ALL=C grep -n '[^ -~	]' "$tmpdir/help" >"$tmpdir/bytes" &&
	fail "--help under LC_CTYPE=C is not ASCII: $(head -3 "$tmpdir/bytes")"
grep -q "Commandes" "$tmpdir/help" || fail "--help under LANG=fr LC_CTYPE=C is not French: $(head -3 "$tmpdir/help")"

# The labels of show are translated, the metadata values are not.
checks=$((checks + 1))
env -u LANGUAGE -u LC_ALL LANG=en_US.UTF-8 "$LISEUSE" --db "$snapshot" show 1 >"$tmpdir/en.txt" 2>&1
env -u LANGUAGE -u LC_ALL LANG=fr_FR.UTF-8 "$LISEUSE" --db "$snapshot" show 1 >"$tmpdir/fr.txt" 2>&1
grep -q "^From  " "$tmpdir/en.txt" || fail "show 1 in English has no 'From' label: $(head -5 "$tmpdir/en.txt")"
grep -q "^De  " "$tmpdir/fr.txt" || fail "show 1 in French has no 'De' label: $(head -5 "$tmpdir/fr.txt")"
value_en=$(sed -n 's/^From  *//p' "$tmpdir/en.txt")
value_fr=$(sed -n 's/^De  *//p' "$tmpdir/fr.txt")
[ -n "$value_en" ] && [ "$value_en" = "$value_fr" ] ||
	fail "the sender differs between the languages: '$value_en' / '$value_fr'"
# The text of the document is the same in both languages.
checks=$((checks + 1))
[ "$(tail -n 5 "$tmpdir/en.txt")" = "$(tail -n 5 "$tmpdir/fr.txt")" ] ||
	fail "the document's text differs between the languages"

# Usage errors have the same prefix.
checks=$((checks + 1))
env -u LANGUAGE -u LC_ALL LANG=fr_FR.UTF-8 "$LISEUSE" --sort=couleur search armes >/dev/null 2>"$tmpdir/err"
grep -q "^liseuse${nb}: --sort${nb}: " "$tmpdir/err" || fail "--sort error in French: $(cat "$tmpdir/err")"
env -u LANGUAGE -u LC_ALL LANG=en_US.UTF-8 "$LISEUSE" --sort=couleur search armes >/dev/null 2>"$tmpdir/err"
grep -q "^liseuse: --sort: 'couleur' is not" "$tmpdir/err" || fail "--sort error in English: $(cat "$tmpdir/err")"
finish
