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
. "$top_srcdir/tests/msg.sh"

# expect_french FILE...: under French, no English phrase of the catalogue
# shows in the files.
expect_french() {
	[ -n "$english_phrases" ] || return 0
	for expect_french_file in "$@"; do
		checks=$((checks + 1))
		if grep -F -f "$english_phrases" -- "$expect_french_file" >"$tmpdir/english.found" 2>/dev/null; then
			fail "English under $test_lang in $(basename "$expect_french_file"): $(head -3 "$tmpdir/english.found")"
		fi
	done
}

fail() {
	failures=$((failures + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# expect_status WANT CMD...: runs CMD, stdout to $tmpdir/out, stderr to $tmpdir/err;
# under French, neither may hold an English phrase of the catalogue.
expect_status() {
	want=$1; shift
	checks=$((checks + 1))
	"$@" >"$tmpdir/out" 2>"$tmpdir/err"
	got=$?
	[ "$got" -eq "$want" ] || fail "$* exited $got, expected $want; stderr: $(head -c 300 "$tmpdir/err")"
	# a command run as `env LANG=...` speaks that language
	expect_status_lang=$test_lang
	for expect_status_arg in "$@"; do
		case $expect_status_arg in
		LANG=* | LC_ALL=* | LC_MESSAGES=* | LANGUAGE=*) expect_status_lang=${expect_status_arg#*=} ;;
		esac
	done
	case $expect_status_lang in
	fr*) expect_french "$tmpdir/out" "$tmpdir/err" ;;
	esac
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
