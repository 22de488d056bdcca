# msg.sh - the messages of the program in the language a test runs in
# (sourced by lib.sh and e2e/lib.sh after they set test_lang and tmpdir).

# msg MSGID: the message as the program prints it in the test's language.
msg() {
	LANGUAGE= LC_ALL= LANG=$test_lang TEXTDOMAINDIR=${LISEUSE_LOCALEDIR:-} gettext -e liseuse "$1"
}

# Under French, the English phrases of the catalogue: none may be printed.
english_phrases=
case $test_lang in
fr*)
	english_phrases="$tmpdir/english"
	perl "$top_srcdir/tests/po_tool.pl" english "$top_srcdir/po/fr.po" >"$english_phrases"
	;;
esac

# msgn SINGULAR PLURAL N: the translated message for a count.
msgn() {
	LANGUAGE= LC_ALL= LANG=$test_lang TEXTDOMAINDIR=${LISEUSE_LOCALEDIR:-} ngettext -e liseuse "$1" "$2" "$3"
}

# msgf FORMAT ARG...: the translated printf format, filled in (C's length
# modifiers dropped for the shell's printf).
msgf() {
	msgf_format=$(msg "$1" | sed 's/%\(ll\|l\|z\)\([diu]\)/%\2/g')
	shift
	# shellcheck disable=SC2059
	printf "$msgf_format" "$@"
}

# msgnf SINGULAR PLURAL N ARG...: msgn, filled in with N and the ARGs.
msgnf() {
	msgf_format=$(msgn "$1" "$2" "$3" | sed 's/%\(ll\|l\|z\)\([diu]\)/%\2/g')
	shift 2
	# shellcheck disable=SC2059
	printf "$msgf_format" "$@"
}

# msghead MSGID: the translation's fixed text up to its first directive
# (after a leading "%s", the file name of "%s: ...").
msghead() {
	msg "$1" | sed 's/^%s//; s/%.*//'
}

# msgpad MSGID WIDTH: the translated label padded to WIDTH characters, as
# show aligns its labels.
msgpad() {
	msgpad_label=$(msg "$1")
	msgpad_n=$(printf '%s' "$msgpad_label" | LC_ALL=C.UTF-8 wc -m)
	printf '%s%*s' "$msgpad_label" $(($2 - msgpad_n)) ''
}

# label LABEL VALUE: a header line of the reader, "LABEL: VALUE" translated
# ("De : Danemark" in French).
label() {
	msgf '%s: %s' "$(msg "$1")" "$2"
}

# hint KEY WORD: a key hint of the status line, "Enter:open" translated.
hint() {
	printf '%s:%s' "$(msg "$1")" "$(msg "$2")"
}

# msgtitle MSGID: the translation up to its first colon, without the space
# before it ("Aide de liseuse" of "liseuse help: q, Esc...").
msgtitle() {
	msg "$1" | sed 's/:.*//; s/[  ]*$//'
}

# msgnargs SINGULAR PLURAL N ARG...: msgn filled in with the ARGs alone
# (for a format whose count is not its first directive).
msgnargs() {
	msgf_format=$(msgn "$1" "$2" "$3" | sed 's/%\(ll\|l\|z\)\([diu]\)/%\2/g')
	shift 3
	# shellcheck disable=SC2059
	printf "$msgf_format" "$@"
}
