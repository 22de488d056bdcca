# lib.sh - helpers for command-line tests (sourced).  The harness exports
# top_srcdir, top_builddir and LISEUSE.
set -u
failures=0
checks=0
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/liseuse-test.XXXXXX")
trap 'rm -rf "$tmpdir"' EXIT
snapshot="$top_builddir/data/liseuse.db"
# The language the program runs in (the harness sets LANG).
test_lang=${LANG:-C.UTF-8}

# msg MSGID: the message as the program prints it in the test's language.
msg() {
	LANGUAGE= LC_ALL= LANG=$test_lang TEXTDOMAINDIR=${LISEUSE_LOCALEDIR:-} gettext liseuse "$1"
}

# msgf FORMAT ARG...: the translated printf format, filled in.
msgf() {
	msgf_format=$(msg "$1")
	shift
	# shellcheck disable=SC2059
	printf "$msgf_format" "$@"
}

fail() {
	failures=$((failures + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# expect_status WANT CMD...: runs CMD, stdout to $tmpdir/out, stderr to $tmpdir/err.
expect_status() {
	want=$1; shift
	checks=$((checks + 1))
	"$@" >"$tmpdir/out" 2>"$tmpdir/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "$* exited $got, expected $want; stderr: $(head -c 300 "$tmpdir/err")"
}

# expect_grep PATTERN FILE: FILE has a line matching the fixed string.
expect_grep() {
	checks=$((checks + 1))
	grep -qF -- "$1" "$2" || fail "'$1' not found in $2: $(head -c 300 "$2")"
}

expect_no_grep() {
	checks=$((checks + 1))
	! grep -qF -- "$1" "$2" || fail "'$1' unexpectedly found in $2"
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ]
	exit $?
}
