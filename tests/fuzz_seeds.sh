#!/bin/sh
# The store fuzzer's real seeds are snapshots of the current schema: one of
# an older version is refused at opening, and the fuzzer would then never
# reach the reading code.  fuzz/store_seeds.sh writes them again.
. "$top_srcdir/tests/lib.sh"

seeds="$top_srcdir/fuzz/corpus/store"
expect_status 0 "$LISEUSE" --db "$seeds/one" list --format=tsv
[ "$(wc -l <"$tmpdir/out")" -eq 1 ] || fail "fuzz/corpus/store/one lists $(wc -l <"$tmpdir/out") documents, expected 1"
expect_status 0 "$LISEUSE" --db "$seeds/two" search securite
expect_grep "Note verbale" "$tmpdir/out"
for f in "$seeds"/*; do
	checks=$((checks + 1))
	[ "$(wc -c <"$f")" -le 16384 ] || fail "$f is longer than the fuzzer's 16 KB inputs"
done
finish
