#!/bin/sh
# The manual pages (English and French) and --help (in both languages)
# against the program's own tables (tests/doc_tables): every option the
# parser accepts, every command, every named key of the key table in its
# context and every query field is documented, and nothing is documented
# that the program does not have.  Then the same checks on pages and a
# --help with a line taken out or added, which must fail.
. "$top_srcdir/tests/lib.sh"

tables=$top_builddir/tests/doc_tables
items_awk=$top_srcdir/tests/man_items.awk
en_page=$top_srcdir/doc/liseuse.1
fr_page=$top_srcdir/doc/fr/liseuse.1

# The tables; SHOWN (the fourth field of a key) is the help screen's name
# in that language, which the French page uses.
LANG=en_US.UTF-8 "$tables" >"$tmpdir/tables.en" || fail "doc_tables failed"
LANG=fr_FR.UTF-8 "$tables" >"$tmpdir/tables.fr" || fail "doc_tables failed under fr_FR"
checks=$((checks + 1))
grep -q '^option	--width	value$' "$tmpdir/tables.en" && grep -q '^key	global	j	' "$tmpdir/tables.en" &&
	grep -q '^field	de$' "$tmpdir/tables.en" && grep -q '^command	show$' "$tmpdir/tables.en" ||
	fail "doc_tables printed no option, key, field or command: $(head -c 300 "$tmpdir/tables.en")"

# problem MESSAGE: one thing out of step (counted by the caller).
problem() {
	printf '%s\n' "$*" >>"$tmpdir/problems"
}

# option_part_ok PART KIND: PART (as "--db FILE", "--format=FMT", "-h")
# names an option taking a value exactly when KIND is value.
part_option() {
	printf '%s\n' "$1" | sed -n 's/^\(--*[A-Za-z0-9][A-Za-z0-9-]*\).*/\1/p'
}
part_has_value() {
	case $1 in
	*=* | *" "*) return 0 ;;
	*) return 1 ;;
	esac
}

# check_options WHERE PARTS_FILE TABLES: each line of PARTS_FILE is an
# option as documented ("--db FILE", "--outline", "-h").
check_options() {
	where=$1 parts=$2 tab=$3
	grep '^option	' "$tab" | while IFS='	' read -r _ name kind; do
		found=
		while IFS= read -r part; do
			[ "$(part_option "$part")" = "$name" ] || continue
			found=1
			if [ "$kind" = value ] && ! part_has_value "$part"; then
				problem "$where: $name takes a value, documented as '$part'"
			elif [ "$kind" = none ] && part_has_value "$part"; then
				problem "$where: $name takes no value, documented as '$part'"
			fi
		done <"$parts"
		[ -n "$found" ] || problem "$where: option $name is not documented"
	done
	while IFS= read -r part; do
		name=$(part_option "$part")
		grep -q "^option	$name	" "$tab" ||
			problem "$where: '$part' is documented, the program has no option '$name'"
	done <"$parts"
}

# check_mentions WHERE TEXT_FILE TABLES: every --long option the text names
# is one the program accepts, or a prefix of only one (as getopt takes it).
check_mentions() {
	grep -o -- '--[A-Za-z][A-Za-z0-9-]*' "$2" | sort -u | while IFS= read -r name; do
		[ "$(grep -c "^option	$name" "$3")" -eq 1 ] || grep -q "^option	$name	" "$3" ||
			problem "$1: names '$name', which the program does not accept"
	done
}

# check_commands WHERE PARTS_FILE TABLES: PARTS_FILE, a command a line,
# holds every command of the program and no other word.
check_commands() {
	grep '^command	' "$3" | cut -f 2 | while IFS= read -r c; do
		grep -qxF -- "$c" "$2" || problem "$1: command $c is not documented"
	done
	while IFS= read -r c; do
		grep -qxF "command	$c" "$3" || problem "$1: '$c' is documented as a command, the program has none"
	done <"$2"
}

# check_page PAGE LANG: the sections of the English or the French page.
check_page() {
	page=$1 lang=$2
	tab=$tmpdir/tables.$lang
	: >"$tmpdir/problems"
	awk -f "$items_awk" "$page" >"$tmpdir/items" || problem "$page: cannot be read"
	case $lang in
	en)
		s_commands=COMMANDS s_options=OPTIONS s_queries=QUERIES s_keys=KEYS
		set -- global 'Everywhere (list and reader)' list List reader Reader filter 'Filter bar'
		key_field=3
		;;
	fr)
		s_commands=COMMANDES s_options=OPTIONS s_queries=REQUÊTES s_keys=TOUCHES
		set -- global 'Partout (liste et document)' list Liste reader Document filter 'Barre de filtre'
		key_field=4
		;;
	esac
	tags() { # tags SECTION [SUBSECTION]
		awk -F '\t' -v s="$1" -v ss="${2-}" -v any="${2+no}" \
			'$1 == "tag" && $2 == s && (any != "no" || $3 == ss) { print $4 }' "$tmpdir/items"
	}
	texts() { # texts SECTION...
		awk -F '\t' -v list=" $* " '$1 == "text" && index(list, " " $2 " ") { print $3 }' "$tmpdir/items"
	}
	for s in SYNOPSIS "$s_commands" "$s_options" "$s_queries" "$s_keys"; do
		grep -q "^text	$s	" "$tmpdir/items" || problem "$page: no section $s"
	done

	tags "$s_options" >"$tmpdir/parts"
	check_options "$page $s_options" "$tmpdir/parts" "$tab"
	texts SYNOPSIS "$s_options" >"$tmpdir/texts"
	check_mentions "$page SYNOPSIS or $s_options" "$tmpdir/texts" "$tab"

	tags "$s_commands" | sed 's/ .*//' >"$tmpdir/parts"
	check_commands "$page $s_commands" "$tmpdir/parts" "$tab"

	tags "$s_queries" >"$tmpdir/parts"
	grep '^field	' "$tab" | cut -f 2 | while IFS= read -r f; do
		grep -q "^$f:" "$tmpdir/parts" || problem "$page $s_queries: field $f: is not documented"
	done
	while IFS= read -r part; do
		f=${part%%:*}
		grep -qxF "field	$f" "$tab" || problem "$page $s_queries: '$part' is not a query field"
	done <"$tmpdir/parts"

	while [ $# -ge 2 ]; do
		context=$1 title=$2
		shift 2
		grep -q "^tag	$s_keys	$title	" "$tmpdir/items" ||
			problem "$page $s_keys: no subsection \"$title\" (or no key in it)"
		tags "$s_keys" "$title" >"$tmpdir/parts"
		awk -F '\t' -v c="$context" -v f="$key_field" '$1 == "key" && $2 == c { print $f }' "$tab" |
			sort -u >"$tmpdir/keys"
		while IFS= read -r k; do
			grep -qxF -- "$k" "$tmpdir/parts" ||
				problem "$page $s_keys \"$title\": key '$k' is not documented"
		done <"$tmpdir/keys"
		while IFS= read -r k; do
			grep -qxF -- "$k" "$tmpdir/keys" ||
				problem "$page $s_keys \"$title\": '$k' is documented, no such key there"
		done <"$tmpdir/parts"
	done

	# The page as man shows it: no troff warning.
	if command -v groff >/dev/null 2>&1; then
		LC_ALL=C.UTF-8 groff -k -man -ww -z -Tutf8 "$page" >"$tmpdir/groff" 2>&1
		[ ! -s "$tmpdir/groff" ] || problem "$page: groff warns: $(head -c 300 "$tmpdir/groff")"
	fi
	[ ! -s "$tmpdir/problems" ]
}

# check_help HELP LANG: the output of --help.
check_help() {
	help=$1 tab=$tmpdir/tables.$2
	: >"$tmpdir/problems"
	# option lines: "  -h, --help   text", "      --db FILE   text"
	sed -n 's/^ \{1,\}\(-[^ ].*\)$/\1/p' "$help" | sed 's/  .*//' | awk '{
		n = split($0, p, /, /); for (i = 1; i <= n; i++) print p[i] }' >"$tmpdir/parts"
	check_options "--help ($2)" "$tmpdir/parts" "$tab"
	check_mentions "--help ($2)" "$help" "$tab"
	# command lines: "  list   text"
	sed -n 's/^  \([a-z][a-z]*\)\( .*\)\{0,1\}$/\1/p' "$help" >"$tmpdir/parts"
	check_commands "--help ($2)" "$tmpdir/parts" "$tab"
	grep '^field	' "$tab" | cut -f 2 | while IFS= read -r f; do
		grep -qE "(^|[ (])$f:" "$help" || problem "--help ($2): field $f: is not mentioned"
	done
	[ ! -s "$tmpdir/problems" ]
}

# expect_ok CHECK ARGS...: the check passes; else its problems are failures.
expect_ok() {
	checks=$((checks + 1))
	if ! "$@"; then
		while IFS= read -r p; do fail "$p"; done <"$tmpdir/problems"
	fi
}

# expect_caught WHAT PROBLEM CHECK ARGS...: the check fails, saying PROBLEM.
expect_caught() {
	what=$1 want=$2
	shift 2
	checks=$((checks + 1))
	if "$@"; then
		fail "$what went unnoticed"
	elif ! grep -qF -- "$want" "$tmpdir/problems"; then
		fail "$what: no problem says '$want': $(head -c 300 "$tmpdir/problems")"
	fi
}

expect_ok check_page "$en_page" en
expect_ok check_page "$fr_page" fr
for lang in en fr; do
	case $lang in en) locale=en_US.UTF-8 ;; fr) locale=fr_FR.UTF-8 ;; esac
	expect_status 0 env LANG=$locale "$LISEUSE" --help
	cp "$tmpdir/out" "$tmpdir/help.$lang"
	expect_ok check_help "$tmpdir/help.$lang" $lang
done
checks=$((checks + 1))
! cmp -s "$tmpdir/help.en" "$tmpdir/help.fr" || fail "--help is the same in English and French"

# The checks can fail: a key, an option, a field and a command taken out,
# a key and an option the program lacks put in.
sed '/^\.B Ctrl\\-L$/s/L$/K/' "$en_page" >"$tmpdir/page.1"
expect_caught "Ctrl-L left out of the page" "key 'Ctrl-L' is not documented" check_page "$tmpdir/page.1" en
expect_caught "Ctrl-K in the page" "'Ctrl-K' is documented, no such key there" check_page "$tmpdir/page.1" en
sed '/^\.BR Échap ", " q$/s/, " q/, " Q/' "$fr_page" >"$tmpdir/page.1"
expect_caught "q of the reader left out of the French page" "key 'q' is not documented" check_page "$tmpdir/page.1" fr
sed '/^\.BI \\-\\-sort= ORDRE$/,/^\.TP$/d' "$fr_page" >"$tmpdir/page.1"
expect_caught "--sort left out of the French page" "option --sort is not documented" check_page "$tmpdir/page.1" fr
sed 's/^\.B \\-\\-no\\-wait$/.BI \\-\\-no\\-wait " N"/' "$en_page" >"$tmpdir/page.1"
expect_caught "--no-wait with a value" "--no-wait takes no value" check_page "$tmpdir/page.1" en
sed 's/^\.SH OPTIONS$/&\n.TP\n.B \\-\\-colour\nColours./' "$en_page" >"$tmpdir/page.1"
expect_caught "--colour in the page" "the program has no option '--colour'" check_page "$tmpdir/page.1" en
sed 's/^\.BI organe: conseil$/.BI organ: conseil/' "$en_page" >"$tmpdir/page.1"
expect_caught "organe: left out" "field organe: is not documented" check_page "$tmpdir/page.1" en
sed 's/^\.B signets$/.B bookmarks/' "$en_page" >"$tmpdir/page.1"
expect_caught "signets left out" "command signets is not documented" check_page "$tmpdir/page.1" en
expect_caught "bookmarks in the page" "'bookmarks' is documented as a command" check_page "$tmpdir/page.1" en
sed 's/^  import FILE/  importe FILE/' "$tmpdir/help.en" >"$tmpdir/help.1"
expect_caught "import left out of --help" "command import is not documented" check_help "$tmpdir/help.1" en
expect_caught "importe in --help" "'importe' is documented as a command" check_help "$tmpdir/help.1" en
grep -v -- '--count-by' "$tmpdir/help.en" >"$tmpdir/help.1"
expect_caught "--count-by left out of --help" "option --count-by is not documented" check_help "$tmpdir/help.1" en
sed 's/^  -V, --version/  -V, --verbose/' "$tmpdir/help.fr" >"$tmpdir/help.1"
expect_caught "--verbose in --help" "the program has no option '--verbose'" check_help "$tmpdir/help.1" fr

finish
