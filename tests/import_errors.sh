#!/bin/sh
# `import` of a tree: sorted walk that skips snapshots and hidden files, one
# "file:line:byte: reason" message per refused file, nothing written.
. "$top_srcdir/tests/lib.sh"

db="$tmpdir/s.db"
mkdir -p "$tmpdir/tree/b" "$tmpdir/tree/a"
cp "$top_srcdir/data/003_604d45de2d0fbce8.txt" "$tmpdir/tree/b/z.txt"
cp "$top_srcdir/data/000_362ac513c5df377c.txt" "$tmpdir/tree/a/y.txt"
printf 'SQLite format 3\000\000binary' >"$tmpdir/tree/old.db"
printf 'Caf\351\n' >"$tmpdir/tree/.hidden.txt"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/tree"
expect_grep "$(msgnf '%ld document imported into %s\n' '%ld documents imported into %s\n' 2 '')" "$tmpdir/out"
# a/y.txt (2014) and b/z.txt (2018) are both there, with their metadata
expect_status 0 "$LISEUSE" --db "$db" list
expect_grep "2014-03-19" "$tmpdir/out"
expect_grep "2018-01-02" "$tmpdir/out"

# Two bad files among good ones: each is named with line and byte, nothing written.
before=$(cksum <"$db")
printf 'Une ligne.\nDeux\nCaf\351 au lait\n' >"$tmpdir/tree/a/latin1.txt"
printf '\n\n   \n' >"$tmpdir/tree/b/blank.txt"
expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/tree" "$top_srcdir/data/001_b429dde62473af36.txt"
expect_grep "tree/a/latin1.txt:3:4: $(msghead 'not valid UTF-8 (byte 0x%02X); convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8')" "$tmpdir/err"
expect_grep "iconv -f WINDOWS-1252 -t UTF-8" "$tmpdir/err"
expect_grep "tree/b/blank.txt:1:1: $(msg 'only white space, no text')" "$tmpdir/err"
expect_grep "$(msgnf '%zu file refused, nothing imported' '%zu files refused, nothing imported' 2)" "$tmpdir/err"
checks=$((checks + 1))
[ "$(cksum <"$db")" = "$before" ] || fail "a refused import changed the snapshot"
rm -f "$tmpdir/tree/a/latin1.txt" "$tmpdir/tree/b/blank.txt"

# Binary content named as such, with where the first NUL is.
printf 'abc\000def\n' >"$tmpdir/nul.txt"
expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/nul.txt"
expect_grep "nul.txt:1:4: $(msg 'binary file (NUL byte), not a text file')" "$tmpdir/err"

# A file over the size limit is refused before it is read (a sparse file).
if truncate -s 300M "$tmpdir/huge.txt" 2>/dev/null; then
	expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/huge.txt"
	expect_grep "huge.txt$(msghead '%s: file too large (%llu MB; the limit is %zu MB)')" "$tmpdir/err"
	rm -f "$tmpdir/huge.txt"
fi

# An unreadable file gives the system's reason.
if [ "$(id -u)" -ne 0 ]; then
	printf 'texte\n' >"$tmpdir/secret.txt"
	chmod 0 "$tmpdir/secret.txt"
	expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/secret.txt"
	expect_grep "$(msgf '%s: cannot open: %s' secret.txt '')" "$tmpdir/err"
fi

# The same tree imported twice into new snapshots gives the same bytes.
expect_status 0 "$LISEUSE" --db "$tmpdir/r1.db" import "$tmpdir/tree"
expect_status 0 "$LISEUSE" --db "$tmpdir/r2.db" import "$tmpdir/tree"
checks=$((checks + 1))
cmp -s "$tmpdir/r1.db" "$tmpdir/r2.db" || fail "two imports of the same tree differ"

finish
