#!/bin/sh
# Permissions of a replaced snapshot: an import by a user who may not write
# the snapshot is refused even when the directory is writable; a replaced
# snapshot keeps its mode, and its owner and group where the importer may
# set them.  The other-user cases run as nobody through setpriv (as root).
. "$top_srcdir/tests/lib.sh"

doc="$top_srcdir/data/000_362ac513c5df377c.txt"
doc2="$top_srcdir/data/001_b429dde62473af36.txt"

# mode_owner FILE: "MODE UID GID"
mode_owner() {
	stat -c '%a %u %g' "$1"
}

# The importer's own snapshot keeps a private mode.
db="$tmpdir/own.db"
expect_status 0 "$LISEUSE" --db "$db" import "$doc"
chmod 0600 "$db"
expect_status 0 "$LISEUSE" --db "$db" import "$doc2"
checks=$((checks + 1))
[ "$(stat -c %a "$db")" = 600 ] || fail "a 0600 snapshot became $(stat -c %a "$db")"
chmod 0640 "$db"
expect_status 0 "$LISEUSE" --db "$db" import "$doc"
checks=$((checks + 1))
[ "$(stat -c %a "$db")" = 640 ] || fail "a 0640 snapshot became $(stat -c %a "$db")"

# A snapshot that is not a regular file is not replaced.
mkfifo "$tmpdir/fifo.db"
expect_status 2 timeout 20 "$LISEUSE" --db "$tmpdir/fifo.db" import "$doc"
expect_grep "fifo.db$(msghead '%s: not a regular file, not replaced')" "$tmpdir/err"
checks=$((checks + 1))
[ -p "$tmpdir/fifo.db" ] || fail "the FIFO was replaced"

if [ "$(id -u)" -ne 0 ] || ! command -v setpriv >/dev/null 2>&1; then
	echo "not root or no setpriv: the other-user cases are skipped"
	finish
fi

chmod 0755 "$tmpdir"
# The build tree may sit in a directory only its owner can enter (a fresh
# clone under mktemp -d): nobody gets its own copy of the program, the
# test locales and the message catalogue.
mkdir "$tmpdir/bin"
cp "$LISEUSE" "$tmpdir/bin/liseuse"
nobody_env=
if [ -n "${LOCPATH:-}" ] && [ -d "$LOCPATH" ]; then
	cp -R "$LOCPATH" "$tmpdir/locales"
	nobody_env="$nobody_env LOCPATH=$tmpdir/locales"
fi
if [ -n "${LISEUSE_LOCALEDIR:-}" ] && [ -d "$LISEUSE_LOCALEDIR" ]; then
	cp -R "$LISEUSE_LOCALEDIR" "$tmpdir/locale"
	nobody_env="$nobody_env LISEUSE_LOCALEDIR=$tmpdir/locale"
fi
chmod -R a+rX "$tmpdir"

# as_nobody CMD...: runs CMD as uid/gid 65534 without supplementary groups.
as_nobody() {
	# shellcheck disable=SC2086 # nobody_env is a list of NAME=VALUE words
	as_nobody_program=$1; shift
	[ "$as_nobody_program" = "$LISEUSE" ] && as_nobody_program=$tmpdir/bin/liseuse
	setpriv --reuid=65534 --regid=65534 --clear-groups \
		env $nobody_env "$as_nobody_program" "$@"
}

shared="$tmpdir/shared"
mkdir "$shared"
chmod 0777 "$shared"
# The texts are copied where nobody may read them: the source tree may sit
# in a directory only its owner can enter (a fresh clone under mktemp -d).
cp "$doc" "$doc2" "$shared/"
chmod 0644 "$shared/${doc##*/}" "$shared/${doc2##*/}"
doc="$shared/${doc##*/}"
doc2="$shared/${doc2##*/}"

# root's snapshot, 0644, in a directory anyone may write: nobody is refused.
db="$shared/root.db"
expect_status 0 "$LISEUSE" --db "$db" import "$doc"
chmod 0644 "$db"
cp "$db" "$tmpdir/before.db"
expect_status 2 as_nobody "$LISEUSE" --db "$db" import "$doc2"
expect_grep "root.db$(msghead '%s: you may not write this snapshot (%s)')" "$tmpdir/err"
checks=$((checks + 1))
cmp -s "$db" "$tmpdir/before.db" || fail "nobody's refused import changed root's snapshot"
checks=$((checks + 1))
[ "$(mode_owner "$db")" = "644 0 0" ] || fail "root's snapshot became $(mode_owner "$db")"
checks=$((checks + 1))
[ -z "$(ls "$shared" | grep 'import-')" ] || fail "a refused import left a working copy"

# A snapshot everyone may write is replaced and keeps its mode (its owner
# cannot be kept: nobody may not give a file to root).
chmod 0666 "$db"
expect_status 0 as_nobody "$LISEUSE" --db "$db" import "$doc2"
checks=$((checks + 1))
[ "$(stat -c %a "$db")" = 666 ] || fail "a 0666 snapshot became $(stat -c %a "$db")"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv belarus

# root importing into nobody's snapshot keeps nobody's owner, group and mode.
db="$shared/nobody.db"
expect_status 0 as_nobody "$LISEUSE" --db "$db" import "$doc"
chmod 0640 "$db"
before=$(mode_owner "$db")
checks=$((checks + 1))
[ "$before" = "640 65534 65534" ] || fail "nobody's snapshot is $before"
expect_status 0 "$LISEUSE" --db "$db" import "$doc2"
checks=$((checks + 1))
[ "$(mode_owner "$db")" = "$before" ] || fail "root's import made nobody's snapshot $(mode_owner "$db"), was $before"

# nobody may not make a working copy beside a snapshot in root's directory.
mkdir "$tmpdir/closed"
chmod 0755 "$tmpdir/closed"
db="$tmpdir/closed/s.db"
expect_status 0 "$LISEUSE" --db "$db" import "$doc"
chmod 0666 "$db"
expect_status 2 as_nobody "$LISEUSE" --db "$db" import "$doc2"
expect_grep "$(msgf '%s: cannot make a working copy in %s (%s)' "$tmpdir/closed/s.db" "$tmpdir/closed" '' | sed 's/ ([^(]*$//')" "$tmpdir/err"

finish
