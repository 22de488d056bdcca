#!/bin/sh
# Numbers read from a snapshot are checked before use: hand-made snapshots
# with counts, keys, roles, pages and offsets out of range give a one-line
# "damaged snapshot" message naming the file and status 2, never a crash, a
# signed overflow or an endless loop.
. "$top_srcdir/tests/lib.sh"

command -v sqlite3 >/dev/null 2>&1 || { echo "sqlite3 missing: skipped"; exit 77; }

# hostile NAME SQL: a copy of the bundled snapshot changed by SQL.
hostile() {
	cp "$snapshot" "$tmpdir/$1.db"
	sqlite3 "$tmpdir/$1.db" "$2" || fail "sqlite3 could not make $1.db"
}

# expect_damaged NAME CMD...: liseuse --db NAME.db CMD... exits 2 with one
# line saying the snapshot is damaged and naming it.
expect_damaged() {
	name=$1; shift
	checks=$((checks + 1))
	timeout 60 "$LISEUSE" --db "$tmpdir/$name.db" "$@" >"$tmpdir/out" 2>"$tmpdir/err"
	st=$?
	if [ "$st" -ne 2 ]; then
		fail "$name.db: $* exited $st, expected 2: $(head -c 300 "$tmpdir/err")"
	elif ! grep -qF "$name.db$(msghead '%s: damaged snapshot: %s')" "$tmpdir/err" ||
		[ "$(wc -l <"$tmpdir/err")" -ne 1 ]; then
		fail "$name.db: $*: not one 'damaged snapshot' line: $(head -c 300 "$tmpdir/err")"
	fi
}

# The first document of the newest-first list, and one of its symbols.
first=$(sqlite3 "$snapshot" 'SELECT id FROM doc ORDER BY sortkey DESC LIMIT 1')
word=securite
min=-9223372036854775808
max=9223372036854775807

hostile npieces_min "UPDATE doc SET npieces = $min"
expect_damaged npieces_min search "$word"
expect_damaged npieces_min show "$first"
expect_grep "$(msgf 'document %lld: sort key %lld, %lld pieces' 0 0 "$min" | sed 's/.*, //')" "$tmpdir/err"

hostile npieces_max "UPDATE doc SET npieces = $max"
expect_damaged npieces_max search "$word"
expect_damaged npieces_max show "$first"

# The highest piece index holds the metadata: it is not a count.
hostile npieces_meta "UPDATE doc SET npieces = 1048575"
expect_damaged npieces_meta show "$first"

hostile nbytes "UPDATE doc SET nbytes = -1"
expect_damaged nbytes show "$first"

hostile sortkey_min "UPDATE doc SET sortkey = $min WHERE id = $first"
expect_damaged sortkey_min list
expect_damaged sortkey_min search "$word"
hostile sortkey_max "UPDATE doc SET sortkey = $max WHERE id = $first"
expect_damaged sortkey_max list
expect_damaged sortkey_max show "$first"

hostile role "UPDATE piece SET role = -7"
expect_damaged role show "$first"
hostile role_big "UPDATE piece SET role = $max"
expect_damaged role_big show "$first"
hostile continued "UPDATE piece SET continued = $min"
expect_damaged continued show "$first"
hostile page "UPDATE piece SET page = $min"
expect_damaged page show "$first"
expect_damaged page search "$word"
hostile page_big "UPDATE piece SET page = 4294967296"
expect_damaged page_big show "$first"

# Bold spans: a length that is not a whole number of spans, a span past the
# end of its text, spans out of order.
hostile bold_len "UPDATE piece SET bold = x'0000000001000000ff'"
expect_damaged bold_len show "$first"
hostile bold_past "UPDATE piece SET bold = x'00000000ffffff7f'"
expect_damaged bold_past show "$first"
hostile bold_order "UPDATE piece SET bold = x'0200000003000000' || x'0000000001000000' WHERE length(text) > 3"
expect_damaged bold_order show "$first"

# A piece the document counts but that is not there.
hostile missing "DELETE FROM piece WHERE id = (SELECT min(id) FROM piece)"
expect_damaged missing show "$first"
expect_grep "$(msgf 'document %lld: piece %zu of %lld is missing' 0 0 0 | sed 's/.* 0 //')" "$tmpdir/err"

# Values that are only stored are not an error: a huge year, a negative id.
hostile year "UPDATE doc SET year = $max"
expect_status 0 "$LISEUSE" --db "$tmpdir/year.db" show "$first"
hostile doc_id "UPDATE symbol SET doc = $min WHERE doc = $first; UPDATE doc SET id = $min WHERE id = $first"
expect_status 0 "$LISEUSE" --db "$tmpdir/doc_id.db" list --format=tsv
expect_grep "$min	" "$tmpdir/out"

finish
