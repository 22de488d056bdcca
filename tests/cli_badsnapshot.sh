#!/bin/sh
# Opening broken snapshots: a one-line message naming the file and status 2,
# never a crash or a hang.
. "$top_srcdir/tests/lib.sh"

# expect_refused FILE: list on FILE exits 2 within the deadline with one line naming it.
expect_refused() {
	checks=$((checks + 1))
	timeout 20 "$LISEUSE" --db "$1" list >"$tmpdir/out" 2>"$tmpdir/err"
	st=$?
	if [ "$st" -ne 2 ]; then
		fail "list on $(basename "$1") exited $st, expected 2: $(head -c 300 "$tmpdir/err")"
	elif [ "$(wc -l <"$tmpdir/err")" -ne 1 ] || ! grep -qF "$(basename "$1")" "$tmpdir/err"; then
		fail "list on $(basename "$1"): message is not one line naming the file: $(cat "$tmpdir/err")"
	fi
}

# expect_survives FILE: a damaged but openable file may list (0/1) or refuse (2), never crash.
expect_survives() {
	checks=$((checks + 1))
	timeout 20 "$LISEUSE" --db "$1" search --format=tsv securite >"$tmpdir/out" 2>"$tmpdir/err"
	st=$?
	[ "$st" -le 2 ] || fail "search on $(basename "$1") ended with status $st: $(head -c 300 "$tmpdir/err")"
}

size=$(wc -c <"$snapshot")

: >"$tmpdir/empty.db"
expect_refused "$tmpdir/empty.db"
printf 'hello\n' >"$tmpdir/text.db"
expect_refused "$tmpdir/text.db"
expect_refused "$tmpdir/missing.db"
mkdir "$tmpdir/dir.db"
expect_refused "$tmpdir/dir.db"

head -c $((size / 2)) "$snapshot" >"$tmpdir/truncated.db"
expect_survives "$tmpdir/truncated.db"
head -c 100 "$snapshot" >"$tmpdir/header.db"
expect_refused "$tmpdir/header.db"

# A database of a future schema version.
cp "$snapshot" "$tmpdir/future.db"
sqlite3 "$tmpdir/future.db" 'PRAGMA user_version = 99' 2>/dev/null ||
	printf '\000\000\000\143' | dd of="$tmpdir/future.db" bs=1 seek=60 conv=notrunc 2>/dev/null
expect_refused "$tmpdir/future.db"
grep -q "version" "$tmpdir/err" || fail "the future-version message does not mention the version: $(cat "$tmpdir/err")"

# Unexpected triggers or views are refused (a snapshot is data, not code).
if command -v sqlite3 >/dev/null 2>&1; then
	cp "$snapshot" "$tmpdir/view.db"
	sqlite3 "$tmpdir/view.db" 'CREATE VIEW evil AS SELECT 1'
	expect_refused "$tmpdir/view.db"
fi

# Bit flips at many offsets: never a crash.
off=0
while [ "$off" -lt "$size" ]; do
	cp "$snapshot" "$tmpdir/flip.db"
	printf '\377' | dd of="$tmpdir/flip.db" bs=1 seek="$off" conv=notrunc 2>/dev/null
	expect_survives "$tmpdir/flip.db"
	off=$((off + size / 40 + 13))
done

# The snapshot itself is never written.
before=$(cksum <"$snapshot")
"$LISEUSE" --db "$snapshot" search oeuvre >/dev/null 2>&1
checks=$((checks + 1))
[ "$(cksum <"$snapshot")" = "$before" ] || fail "searching changed the snapshot"

finish
