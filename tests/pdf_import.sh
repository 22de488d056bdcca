#!/bin/sh
# PDF import: the fixtures drawn by tests/mkpdf come out as their expected
# paragraphs, pages, metadata, without their furniture (tests/pdf_check);
# PDFs and text files import together, a PDF is known by its content; an
# encrypted, damaged or image-only PDF is refused by name with the reason
# and nothing is written.
. "$top_srcdir/tests/lib.sh"

mkpdf="$top_builddir/tests/mkpdf"
check="$top_builddir/tests/pdf_check"
if [ ! -x "$mkpdf" ]; then
	echo "no cairo: the PDF fixtures cannot be drawn"
	exit 77
fi

mkdir "$tmpdir/pdfs"
for name in letter noteverbale report resolution pressrelease; do
	checks=$((checks + 1))
	if ! LSAN_OPTIONS="suppressions=$top_srcdir/tests/mkpdf-lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
		"$mkpdf" "$top_srcdir/tests/pdf/$name.spec" "$tmpdir/pdfs/$name.pdf" 2>"$tmpdir/err"; then
		fail "mkpdf $name.spec: $(cat "$tmpdir/err")"
		continue
	fi
	"$check" "$tmpdir/pdfs/$name.pdf" "$top_srcdir/tests/pdf/$name.expected" 2>"$tmpdir/err" ||
		fail "$name.pdf: $(head -c 2000 "$tmpdir/err")"
done

# The five PDFs, one under a name without .pdf, and a text file in one import.
mv "$tmpdir/pdfs/pressrelease.pdf" "$tmpdir/pdfs/communique"
cp "$top_srcdir/data/004_c589fb4fe5af489e.txt" "$tmpdir/pdfs/lettre.txt"
printf 'Un texte ordinaire sous un nom en .pdf.\n' >"$tmpdir/pdfs/texte.pdf"
db="$tmpdir/s.db"
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/pdfs"
expect_grep "$(msgnf '%ld document imported into %s\n' '%ld documents imported into %s\n' 7 '')" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" list
expect_grep "2014-03-19" "$tmpdir/out"
expect_grep "Note verbale" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" show S/2014/227
expect_grep "Kazakhstan" "$tmpdir/out"
expect_grep "non-prolifération »" "$tmpdir/out"
expect_no_grep "Merci de recycler" "$tmpdir/out"
expect_no_grep "1427800" "$tmpdir/out"
expect_no_grep "2/3" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" search '"principales dispositions du texte"'
expect_grep "Kazakhstan" "$tmpdir/out"
# a phrase across the page break of the letter's long paragraph
expect_status 0 "$LISEUSE" --db "$db" search '"régionales et sous-régionales qui sont en mesure"'
expect_grep "Kazakhstan" "$tmpdir/out"
# a footnote call does not stick to the word it follows
expect_status 0 "$LISEUSE" --db "$db" search '"guerres et de conflits ces deux documents"'
expect_grep "2018-01-08" "$tmpdir/out"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv '"communiqué de presse"'
expect_grep "communique" "$tmpdir/out"

# refused FILE WHAT: importing FILE (alone, then beside a good PDF) exits 2,
# names it, says WHAT, and leaves the snapshot as it was.
before=$(cksum <"$db")
refused() {
	for extra in "" "$tmpdir/pdfs/letter.pdf"; do
		checks=$((checks + 1))
		"$LISEUSE" --db "$db" import "$1" $extra >"$tmpdir/out" 2>"$tmpdir/err"
		st=$?
		if [ "$st" -ne 2 ]; then
			fail "import of $(basename "$1") exited $st, expected 2: $(head -c 300 "$tmpdir/err")"
			continue
		fi
		grep -qF -- "$1: $2" "$tmpdir/err" ||
			fail "import of $(basename "$1"): no '$1: $2' in: $(head -c 300 "$tmpdir/err")"
		[ "$(cksum <"$db")" = "$before" ] || fail "the refused import of $(basename "$1") changed the snapshot"
		ls "$tmpdir" | grep -q 'import-' && fail "the refused import of $(basename "$1") left its working copy"
	done
}

# A scan: an image and no text.
"$mkpdf" --image "$tmpdir/scan.pdf"
refused "$tmpdir/scan.pdf" "$(msghead '%s: no text layer in this PDF (a scanned image?): it needs OCR first, e.g. ocrmypdf in.pdf out.pdf' | sed 's/^: //; s/ (.*//')"
expect_grep "ocrmypdf" "$tmpdir/err"

# Truncated, and damaged inside.
size=$(wc -c <"$tmpdir/pdfs/letter.pdf")
head -c $((size / 2)) "$tmpdir/pdfs/letter.pdf" >"$tmpdir/cut.pdf"
refused "$tmpdir/cut.pdf" "$(msghead '%s: damaged PDF (truncated: no end-of-file marker)' | sed 's/^: //')"
printf '%%PDF-1.5\nrien de lisible ici\n%%%%EOF\n' >"$tmpdir/garbage.pdf"
refused "$tmpdir/garbage.pdf" "$(msghead '%s: damaged PDF (%s)' | sed 's/^: //; s/ (.*//')"

# Encrypted with a password.
if command -v qpdf >/dev/null 2>&1; then
	qpdf --encrypt secret secret 256 -- "$tmpdir/pdfs/letter.pdf" "$tmpdir/locked.pdf"
	refused "$tmpdir/locked.pdf" "$(msghead '%s: encrypted PDF (it needs a password): decrypt it first, e.g. qpdf --decrypt --password=... in.pdf out.pdf' | sed 's/^: //; s/ (.*//')"
	expect_grep "qpdf --decrypt" "$tmpdir/err"
else
	fail "qpdf is not installed (the README's test command installs it)"
fi

finish
