# lib.sh - helpers for the end-to-end screen tests (sourced).
#
# Each test drives the real program in a private tmux server (its own socket,
# no configuration file) and polls capture-pane until the expected text shows
# or a deadline passes: no fixed sleeps.  The harness exports top_srcdir,
# top_builddir, LISEUSE and TMUX_BIN.
set -u

if [ -z "${TMUX_BIN:-}" ] || ! [ -x "$TMUX_BIN" ]; then
	TMUX_BIN=$(command -v tmux 2>/dev/null) || { echo "tmux is missing: skipped"; exit 77; }
fi
: "${LISEUSE:?LISEUSE must be set}"
: "${top_builddir:?top_builddir must be set}"

failures=0
checks=0
tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/liseuse-e2e.XXXXXX")
socket="liseuse-e2e-$$-$(basename "$0" .sh)"
snapshot="$top_builddir/data/liseuse.db"
session=none
runs=0
deadline=${E2E_DEADLINE:-10}
# The language the screen runs in: French unless the harness says otherwise.
test_lang=${LISEUSE_TEST_LANG:-fr_FR.UTF-8}
mkdir -p "$tmpdir/home" "$tmpdir/state"

tm() {
	"$TMUX_BIN" -L "$socket" -f /dev/null "$@"
}
cleanup() {
	tm kill-server >/dev/null 2>&1
	rm -rf "$tmpdir"
}
trap cleanup EXIT
unset TMUX

fail() {
	failures=$((failures + 1))
	printf 'FAIL: %s\n' "$*" >&2
	if [ -n "${last_capture:-}" ]; then
		printf -- '--- screen ---\n%s\n--------------\n' "$last_capture" >&2
	fi
}

pass() {
	checks=$((checks + 1))
}

# start COLSxROWS [VAR=value...] [-- ARGS...]: runs liseuse on the bundled
# snapshot in a fresh detached session of that size, with a clean
# environment (LANG=$LISEUSE_TEST_LANG, French unless set, and
# TERM=tmux-256color unless overridden; the suite's locales and catalogues).  The
# command runs under sh, which prints "EXITED status" when liseuse ends.
start() {
	size=$1
	shift
	cols=${size%x*}
	rows=${size#*x}
	envs="HOME=$tmpdir/home XDG_STATE_HOME=$tmpdir/state LANG=$test_lang"
	envs="$envs TERM=tmux-256color PATH=/usr/bin:/bin"
	envs="$envs LOCPATH=${LOCPATH:-} LISEUSE_LOCALEDIR=${LISEUSE_LOCALEDIR:-}"
	started_lang=$test_lang
	while [ $# -gt 0 ] && [ "$1" != "--" ]; do
		envs="$envs $1"
		case $1 in LANG=* | LC_ALL=* | LC_MESSAGES=*) started_lang=${1#*=} ;; esac
		shift
	done
	[ $# -gt 0 ] && shift
	db=${E2E_DB:-$snapshot}
	args=
	for a in "$@"; do
		args="$args '$a'"
	done
	# A new session before the old one goes, so the server never exits.
	old_session=$session
	runs=$((runs + 1))
	session="e2e$runs"
	tm new-session -d -s "$session" -x "$cols" -y "$rows" \
		"env -i $envs sh -c 'p=\$0 d=\$1; shift; \"\$p\" --db \"\$d\" \"\$@\"; echo EXITED \$?; sleep 600' \
		'$LISEUSE' '$db' $args"
	tm kill-session -t "$old_session" >/dev/null 2>&1
	tm set-option -t "$session" status off >/dev/null
	tm resize-window -t "$session" -x "$cols" -y "$rows" >/dev/null 2>&1
}


. "$top_srcdir/tests/msg.sh"

# check_french: under French, the last capture holds no English phrase.
check_french() {
	[ -n "$english_phrases" ] || return 0
	case ${started_lang:-$test_lang} in fr*) ;; *) return 0 ;; esac
	if printf '%s\n' "$last_capture" | grep -F -f "$english_phrases" >"$tmpdir/english.found"; then
		fail "English on the screen under $test_lang: $(head -3 "$tmpdir/english.found")"
	fi
}


# reset_state: forget what previous runs saved.
reset_state() {
	rm -rf "$tmpdir/state"
	mkdir -p "$tmpdir/state"
}

# capture [-e]: the pane's text (with -e, its attributes as escapes).
capture() {
	tm capture-pane -p -t "$session" "$@"
}

# wait_for TEXT [capture options]: polls the screen until TEXT shows.
wait_for() {
	text=$1
	shift
	end=$(($(date +%s) + deadline))
	while :; do
		last_capture=$(capture "$@" 2>/dev/null)
		case $last_capture in
		*"$text"*) return 0 ;;
		esac
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.05
	done
}

# wait_gone TEXT: polls until TEXT is no longer on the screen.
wait_gone() {
	text=$1
	end=$(($(date +%s) + deadline))
	while :; do
		last_capture=$(capture 2>/dev/null)
		case $last_capture in
		*"$text"*) ;;
		*) return 0 ;;
		esac
		[ "$(date +%s)" -ge "$end" ] && return 1
		sleep 0.05
	done
}

# expect_screen TEXT [DESCRIPTION]: TEXT shows before the deadline.
expect_screen() {
	if wait_for "$1"; then pass; check_french; else fail "${2:-screen}: '$1' not shown"; fi
}

expect_gone() {
	if wait_gone "$1"; then pass; else fail "${2:-screen}: '$1' still shown"; fi
}

# expect_not_now TEXT: TEXT is not on the screen at this moment.
expect_not_now() {
	last_capture=$(capture)
	case $last_capture in
	*"$1"*) fail "${2:-screen}: '$1' unexpectedly shown" ;;
	*) pass ;;
	esac
}

# filter_line: the filter bar's row, the bottom one, or the one above the
# facet line (blank when nothing matches).
filter_line() {
	capture | sed 's/ *$//' |
		awk '{ l[NR] = $0 } END { print l[NR] ~ /^((de|annee|type):.*)?$/ && l[NR - 1] ~ /^\// ? l[NR - 1] : l[NR] }'
}

# expect_filter DESCRIPTION TEXT: the filter bar's row reads TEXT before
# the deadline.
expect_filter() {
	end=$(($(date +%s) + deadline))
	while [ "$(filter_line)" != "$2" ] && [ "$(date +%s)" -lt "$end" ]; do
		sleep 0.05
	done
	last_capture=$(capture)
	if [ "$(filter_line)" = "$2" ]; then pass; else fail "$1: filter bar '$(filter_line)', expected '$2'"; fi
}

# keys KEYS...: sends keys as tmux send-keys understands them.
keys() {
	tm send-keys -t "$session" "$@"
}

# type_text TEXT: sends literal text.
type_text() {
	tm send-keys -t "$session" -l "$1"
}

# resize COLS ROWS
resize() {
	tm resize-window -t "$session" -x "$1" -y "$2"
}

# alive: the program has not exited (no "EXITED" line).
expect_alive() {
	last_capture=$(capture)
	case $last_capture in
	*EXITED*) fail "${1:-program} exited: $(printf '%s' "$last_capture" | grep EXITED)" ;;
	*) pass ;;
	esac
}

# quit_and_check: Q ends the program with status 0, from any pane (q does
# from the list; in the reader it goes back to the list, as in mutt).
quit_and_check() {
	keys Q
	expect_screen "EXITED 0" "quit"
}

# settle: polls until the screen stays the same for half a second (the
# idle work, such as the exact count, is done), up to the deadline.
settle() {
	end=$(($(date +%s) + deadline))
	prev=$(capture 2>/dev/null)
	same=0
	while [ "$same" -lt 10 ]; do
		sleep 0.05
		last_capture=$(capture 2>/dev/null)
		if [ "$last_capture" = "$prev" ]; then
			same=$((same + 1))
		else
			same=0
			prev=$last_capture
		fi
		[ "$(date +%s)" -ge "$end" ] && return 1
	done
	return 0
}

# expect_whole_screen NAME: once settled, the whole screen equals
# tests/e2e/screens/NAME.screen.  With LISEUSE_UPDATE_SCREENS=1 (see
# `make update-screens`) the file is written from the screen instead.
expect_whole_screen() {
	want="$top_srcdir/tests/e2e/screens/$1.screen"
	settle || { fail "$1: the screen never settled"; return; }
	capture > "$tmpdir/$1.screen"
	if [ "${LISEUSE_UPDATE_SCREENS:-0}" = 1 ]; then
		mkdir -p "$top_srcdir/tests/e2e/screens"
		cp "$tmpdir/$1.screen" "$want"
		echo "wrote $want"
		pass
	elif [ ! -f "$want" ]; then
		fail "$1: no expected screen $want (make update-screens writes it)"
	elif cmp -s "$tmpdir/$1.screen" "$want"; then
		pass
	else
		last_capture=
		fail "$1: the screen differs from $want:
$(diff -u "$want" "$tmpdir/$1.screen" | head -40)"
	fi
}

# marked: the words highlighted on the screen as matches (drawn on the
# yellow background of the match colour), one per line.
marked() {
	esc=$(printf '\033')
	capture -e | grep -o "${esc}\[43m[^${esc}]*" | sed "s/^${esc}\[43m//"
}

# line_with TEXT [capture options]: the first screen line holding TEXT.
line_with() {
	text=$1
	shift
	capture "$@" | grep -F -m 1 -- "$text"
}

# many_documents N: builds a snapshot of N documents (the bundled letters
# with other dates and symbols) and makes start use it.
many_documents() {
	mkdir -p "$tmpdir/many"
	awk -v n="$1" -v dir="$tmpdir/many" '
	FNR == 1 { nf++ }
	{ text[nf] = text[nf] $0 "\n" }
	END {
		for (i = 1; i <= n; i++) {
			t = text[(i % nf) + 1]
			gsub(/\/[0-9]+\//, "/" i "/", t)
			sub(/datée du [0-9]+ /, "datée du " (i % 28 + 1) " ", t)
			f = sprintf("%s/doc%04d.txt", dir, i)
			printf "%s", t > f
			close(f)
		}
	}' "$top_srcdir"/data/*.txt
	"$LISEUSE" --db "$tmpdir/many.db" import "$tmpdir/many" >/dev/null ||
		{ echo "cannot build the snapshot of $1 documents"; exit 99; }
	E2E_DB=$tmpdir/many.db
}

finish() {
	echo "$checks checks, $failures failed"
	[ "$failures" -eq 0 ]
	exit $?
}
