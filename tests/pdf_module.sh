#!/bin/sh
# The PDF module (liseuse-pdf.so): the program does not link poppler; a
# missing or broken module refuses the PDF, naming it and the module; text
# files import all the same.
. "$top_srcdir/tests/lib.sh"

db="$tmpdir/s.db"
printf '%%PDF-1.4\n%%%%EOF\n' >"$tmpdir/a.pdf"
cp "$top_srcdir/data/000_362ac513c5df377c.txt" "$tmpdir/b.txt"
text=$(msghead '%s: cannot read PDF files: the PDF module %s cannot be loaded (%s)')

# poppler and glib are the module's, not the program's
if command -v ldd >/dev/null 2>&1; then
	ldd "$LISEUSE" >"$tmpdir/ldd" 2>&1
	expect_no_grep "libpoppler" "$tmpdir/ldd"
	expect_no_grep "libglib" "$tmpdir/ldd"
	ldd "$top_builddir/src/liseuse-pdf.so" >"$tmpdir/ldd" 2>&1
	expect_grep "libpoppler-glib" "$tmpdir/ldd"
fi

# No module file: the PDF is refused, named with the module's path.
expect_status 2 env LISEUSE_PDF_MODULE="$tmpdir/none.so" "$LISEUSE" --db "$db" import "$tmpdir/a.pdf"
expect_grep "a.pdf$text" "$tmpdir/err"
expect_grep "$tmpdir/none.so" "$tmpdir/err"
checks=$((checks + 1))
[ ! -e "$db" ] || fail "a refused PDF wrote the snapshot"

# A file that is no shared object.
printf 'not an ELF file\n' >"$tmpdir/broken.so"
expect_status 2 env LISEUSE_PDF_MODULE="$tmpdir/broken.so" "$LISEUSE" --db "$db" import "$tmpdir/a.pdf"
expect_grep "a.pdf$text" "$tmpdir/err"
expect_grep "$tmpdir/broken.so" "$tmpdir/err"

# A shared object without the module's symbol (the C library).
libc=$(ldd "$LISEUSE" 2>/dev/null | sed -n 's/.*libc\.so\.6 => \([^ ]*\).*/\1/p')
if [ -n "$libc" ]; then
	expect_status 2 env LISEUSE_PDF_MODULE="$libc" "$LISEUSE" --db "$db" import "$tmpdir/a.pdf"
	expect_grep "$libc" "$tmpdir/err"
	expect_grep "$(msgf 'no symbol %s in it' liseuse_pdf_module)" "$tmpdir/err"
fi

# Text files need no module.
expect_status 0 env LISEUSE_PDF_MODULE="$tmpdir/none.so" "$LISEUSE" --db "$db" import "$tmpdir/b.txt"
expect_status 0 "$LISEUSE" --db "$db" list
expect_grep "2014-03-19" "$tmpdir/out"

# The module of the build tree is found beside the program: the PDF gets
# past loading to poppler, which finds this one empty.
expect_status 2 "$LISEUSE" --db "$db" import "$tmpdir/a.pdf"
expect_no_grep "$text" "$tmpdir/err"
expect_grep "a.pdf" "$tmpdir/err"

finish
