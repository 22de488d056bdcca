#!/bin/sh
# Hunspell is loaded at the first use of the dictionary, not linked: the
# start of the program and reading a snapshot leave it (and the C++
# runtime) out; an import loads it; a library that cannot be loaded is
# named, and the import refused.
. "$top_srcdir/tests/lib.sh"

soname=$(sed -n 's/^#define HUNSPELL_SONAME "\(.*\)"$/\1/p' "$top_builddir/config.h")
checks=$((checks + 1))
[ -n "$soname" ] || fail "no HUNSPELL_SONAME in config.h"
db="$tmpdir/s.db"
cp "$top_srcdir/data/000_362ac513c5df377c.txt" "$tmpdir/b.txt"

if command -v ldd >/dev/null 2>&1; then
	ldd "$LISEUSE" >"$tmpdir/ldd" 2>&1
	expect_no_grep "libhunspell" "$tmpdir/ldd"
	# The sanitizers' runtimes bring the C++ runtime themselves.
	if ! grep -q 'libasan\|libubsan\|libtsan' "$tmpdir/ldd"; then
		expect_no_grep "libstdc++" "$tmpdir/ldd"
	fi
fi

# LD_DEBUG=files: each shared object the loader opens, and who asked.
expect_status 0 env LD_DEBUG=files "$LISEUSE" --version
expect_no_grep "file=$soname" "$tmpdir/err"
expect_status 0 env LD_DEBUG=files "$LISEUSE" --db "$snapshot" search 'mesures'
expect_no_grep "file=$soname" "$tmpdir/err"
expect_status 0 env LD_DEBUG=files "$LISEUSE" --db "$db" import "$tmpdir/b.txt"
expect_grep "file=$soname" "$tmpdir/err"
expect_grep "dynamically loaded by" "$tmpdir/err"

# The dictionary still gave the import its lemmas: "multilateral" finds
# the letter by "multilatéraux", the exact word does not.
expect_status 0 "$LISEUSE" --db "$db" search 'multilateral'
expect_grep "2014-03-19" "$tmpdir/out"
expect_status 1 "$LISEUSE" --db "$db" search '"multilateral"'
expect_no_grep "2014-03-19" "$tmpdir/out"

# A library of that name that is no shared object, found first: named,
# and the import refused.
mkdir "$tmpdir/lib"
printf 'not an ELF file\n' >"$tmpdir/lib/$soname"
rm -f "$tmpdir/t.db"
expect_status 2 env LD_LIBRARY_PATH="$tmpdir/lib" "$LISEUSE" --db "$tmpdir/t.db" import "$tmpdir/b.txt"
expect_grep "$soname$(msghead '%s: the Hunspell library cannot be loaded (%s)')" "$tmpdir/err"
checks=$((checks + 1))
[ ! -e "$tmpdir/t.db" ] || fail "an import without Hunspell wrote the snapshot"

finish
