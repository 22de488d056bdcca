#!/bin/sh
# Output that cannot be written: list, search and show to a full disk
# (/dev/full) exit 2 with a message; a closed pipe stays silent.
. "$top_srcdir/tests/lib.sh"

[ -w /dev/full ] || { echo "no /dev/full: skipped"; exit 77; }

# expect_full CMD...: liseuse CMD... >/dev/full exits 2 saying why.
expect_full() {
	checks=$((checks + 1))
	"$LISEUSE" --db "$snapshot" "$@" >/dev/full 2>"$tmpdir/err"
	st=$?
	if [ "$st" -ne 2 ]; then
		fail "$* >/dev/full exited $st, expected 2"
	elif ! grep -qE "$(msghead 'cannot write the output: %s')(No space left on device|Aucun espace disponible sur le périphérique)" "$tmpdir/err"; then
		fail "$* >/dev/full: no message: $(head -c 300 "$tmpdir/err")"
	fi
}

expect_full list
expect_full list --format=tsv
expect_full search securite
expect_full search --format=tsv securite
expect_full show 1
expect_full --width 20 show 1

# Nothing found prints nothing: status 1 stays 1, without a message.
expect_status 1 sh -c '"$0" --db "$1" search zzzqqqxw >/dev/full' "$LISEUSE" "$snapshot"
checks=$((checks + 1))
[ ! -s "$tmpdir/err" ] || fail "a search that prints nothing complained: $(cat "$tmpdir/err")"

# A reader that goes away (SIGPIPE ignored, so writes fail with EPIPE):
# no message.  The output is large enough to fill the pipe.
i=0
mkdir "$tmpdir/docs"
while [ "$i" -lt 200 ]; do
	cp "$top_srcdir/data/000_362ac513c5df377c.txt" "$tmpdir/docs/d$i.txt"
	printf '\nmot%d\n' "$i" >>"$tmpdir/docs/d$i.txt"
	i=$((i + 1))
done
"$LISEUSE" --db "$tmpdir/big.db" import "$tmpdir/docs" >/dev/null 2>&1 || fail "could not build the test snapshot"
for cmd in list "search securite"; do
	checks=$((checks + 1))
	# shellcheck disable=SC2086
	(trap '' PIPE; "$LISEUSE" --db "$tmpdir/big.db" $cmd 2>"$tmpdir/err" | head -c 10 >/dev/null)
	[ ! -s "$tmpdir/err" ] || fail "$cmd into a closed pipe printed: $(head -c 300 "$tmpdir/err")"
done

finish
