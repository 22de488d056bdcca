#!/bin/sh
# Allocation failure injected at the Nth allocation on the open and import
# paths: every run ends with status 0 or 2 and a message, never a signal,
# and a failed import leaves the snapshot as it was.
. "$top_srcdir/tests/lib.sh"

# runs_cleanly N CMD...: the command under injection at allocation N exits
# 0, 1 or 2 (not killed by a signal, not hung), and says why when it fails.
runs_cleanly() {
	n=$1; shift
	checks=$((checks + 1))
	LISEUSE_FAIL_ALLOC=$n timeout 20 "$@" >"$tmpdir/out" 2>"$tmpdir/err"
	st=$?
	if [ "$st" -gt 2 ]; then
		fail "allocation $n failing: $* ended with status $st: $(head -c 300 "$tmpdir/err")"
	elif [ "$st" -eq 2 ] && [ ! -s "$tmpdir/err" ]; then
		fail "allocation $n failing: $* failed without a message"
	fi
}

n=1
while [ "$n" -le 400 ]; do
	runs_cleanly "$n" "$LISEUSE" --db "$snapshot" search --format=tsv oeuvre
	n=$((n + 7))
done

db="$tmpdir/s.db"
"$LISEUSE" --db "$db" import "$top_srcdir/data/000_362ac513c5df377c.txt" >/dev/null 2>&1 ||
	fail "could not build the test snapshot"
before=$(cksum <"$db")
n=1
while [ "$n" -le 3000 ]; do
	runs_cleanly "$n" "$LISEUSE" --db "$db" import "$top_srcdir/data/003_604d45de2d0fbce8.txt"
	if [ "$st" -ne 0 ]; then
		checks=$((checks + 1))
		[ "$(cksum <"$db")" = "$before" ] || fail "allocation $n failing changed the snapshot"
	else
		# The import went through: start again from the original snapshot.
		rm -f "$db"
		"$LISEUSE" --db "$db" import "$top_srcdir/data/000_362ac513c5df377c.txt" >/dev/null 2>&1
		before=$(cksum <"$db")
		break
	fi
	n=$((n + 37))
done
checks=$((checks + 1))
[ -z "$(ls "$tmpdir" | grep 'import-')" ] || fail "a failed import left its working copy: $(ls "$tmpdir")"

finish
