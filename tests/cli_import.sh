#!/bin/sh
# `import`: good files, refused files, and the snapshot left unchanged on failure.
. "$top_srcdir/tests/lib.sh"

db="$tmpdir/s.db"
expect_status 0 "$LISEUSE" --db "$db" import "$top_srcdir/data/000_362ac513c5df377c.txt"
expect_grep "$(msgnf '%ld document imported into %s\n' '%ld documents imported into %s\n' 1 '')" "$tmpdir/out"
before=$(cksum <"$db")

# Each refused file names itself, and the snapshot is byte for byte unchanged.
printf '' >"$tmpdir/empty.txt"
printf 'Caf\351 au lait\n' >"$tmpdir/latin1.txt"
printf 'ELF\000\001\002\003binary\000\000\n' >"$tmpdir/binary.bin"
printf '   \n\n  \n' >"$tmpdir/blank.txt"
for bad in empty.txt latin1.txt binary.bin blank.txt; do
	expect_status 2 "$LISEUSE" --db "$db" import "$top_srcdir/data/001_b429dde62473af36.txt" "$tmpdir/$bad"
	expect_grep "$bad" "$tmpdir/err"
	checks=$((checks + 1))
	[ "$(cksum <"$db")" = "$before" ] || fail "a refused import of $bad changed the snapshot"
done
expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/latin1.txt"
expect_grep "latin1.txt:1:" "$tmpdir/err"
expect_grep "iconv" "$tmpdir/err"
expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/no-such-file.txt"
expect_grep "no-such-file.txt" "$tmpdir/err"

# A failed import into a new file leaves no file behind.
expect_status 2 "$LISEUSE" --db "$tmpdir/new.db" import "$tmpdir/empty.txt"
checks=$((checks + 1))
[ ! -e "$tmpdir/new.db" ] || fail "a failed import left $tmpdir/new.db behind"

# Extending works, and the result is searchable.
expect_status 0 "$LISEUSE" --db "$db" import "$top_srcdir/data/001_b429dde62473af36.txt"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv belarus
expect_grep "001_b429dde62473af36.txt" "$tmpdir/out"

# CRLF + BOM + NFD input is accepted and normalised.
printf '\357\273\277Lettre datee du 2 mars 2020\r\n\r\nLa se\314\201curite\314\201 de l\342\200\231Organisation.\r\n' >"$tmpdir/crlf.txt"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/crlf.txt"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv sécurité
expect_grep "crlf.txt" "$tmpdir/out"

# Directories are read recursively; the same input gives the same bytes.
mkdir -p "$tmpdir/tree/sub"
cp "$top_srcdir/data/002_047198d78f0f4c1e.txt" "$tmpdir/tree/"
cp "$top_srcdir/data/004_c589fb4fe5af489e.txt" "$tmpdir/tree/sub/"
expect_status 0 "$LISEUSE" --db "$tmpdir/r1.db" import "$tmpdir/tree"
expect_grep "$(msgnf '%ld document imported into %s\n' '%ld documents imported into %s\n' 2 '')" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$tmpdir/r2.db" import "$tmpdir/tree"
checks=$((checks + 1))
cmp -s "$tmpdir/r1.db" "$tmpdir/r2.db" || fail "two imports of the same files differ"

# import needs --db.
expect_status 2 "$LISEUSE" import "$tmpdir/crlf.txt"

finish
