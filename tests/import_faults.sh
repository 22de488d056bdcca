#!/bin/sh
# I/O faults during an import, the way SQLite tests its I/O layer: the
# program built with a shim VFS and wrapped system calls (tests/fault_io.c)
# fails the Nth write, sync, truncate, fchmod or rename, and every later
# one, with ENOSPC or EIO, for every N of a small import.  Each failed
# import leaves the old snapshot byte for byte as it was (cmp), leaves no
# working copy, and says what failed naming the snapshot; each import that
# says it succeeded left a complete snapshot.
. "$top_srcdir/tests/lib.sh"

faultio="$top_builddir/tests/liseuse_faultio"
new="$top_srcdir/data/002_047198d78f0f4c1e.txt"
base="$tmpdir/base.db"
"$LISEUSE" --db "$base" import "$top_srcdir/data/000_362ac513c5df377c.txt" \
	"$top_srcdir/data/001_b429dde62473af36.txt" >/dev/null || fail "could not build the base snapshot"

# check_run DB N ERRNO EXISTED [once]: runs the import of $new into DB with the
# Nth operation failing and checks the outcome; sets $st.
check_run() {
	db=$1 n=$2 errno=$3 existed=$4 once=${5:-}
	checks=$((checks + 1))
	if [ -n "$once" ]; then
		LISEUSE_FAIL_IO_ONCE=1 LISEUSE_FAIL_IO=$n LISEUSE_FAIL_IO_ERRNO=$errno \
			"$faultio" --db "$db" import "$new" >"$tmpdir/out" 2>"$tmpdir/err"
	else
		LISEUSE_FAIL_IO=$n LISEUSE_FAIL_IO_ERRNO=$errno "$faultio" --db "$db" import "$new" \
			>"$tmpdir/out" 2>"$tmpdir/err"
	fi
	st=$?
	what="$errno at operation $n${once:+ only}"
	[ "$existed" = yes ] || what="$what (new snapshot)"
	case $st in
	0)
		"$LISEUSE" --db "$db" search --format=tsv "$(basename "$new")" >/dev/null 2>&1
		"$LISEUSE" --db "$db" list --format=tsv >"$tmpdir/list" 2>&1 ||
			fail "$what: the import succeeded but the snapshot cannot be listed: $(head -c 300 "$tmpdir/list")"
		grep -qF "$(basename "$new")" "$tmpdir/list" ||
			fail "$what: the import succeeded but its document is missing"
		;;
	2)
		if [ "$existed" = yes ]; then
			cmp -s "$db" "$base" || fail "$what: the failed import changed the snapshot"
		else
			[ ! -e "$db" ] || fail "$what: the failed import left a new snapshot behind"
		fi
		head -n 1 "$tmpdir/err" | grep -qF "$(msg 'liseuse: ')$db: " ||
			fail "$what: the first message does not name the snapshot: $(head -c 300 "$tmpdir/err")"
		grep -qE "No space left on device|disk is full|I/O error|Input/output error|Aucun espace disponible|Erreur d.entrée/sortie|disque (est )?plein|erreur d.E/S" "$tmpdir/err" ||
			fail "$what: the message does not say what failed: $(head -c 300 "$tmpdir/err")"
		grep -qF "$(msgf 'nothing imported into %s' "$db")" "$tmpdir/err" ||
			fail "$what: no 'nothing imported' line: $(head -c 300 "$tmpdir/err")"
		;;
	*)
		fail "$what: the import ended with status $st: $(head -c 300 "$tmpdir/err")"
		;;
	esac
	checks=$((checks + 1))
	[ -z "$(ls "$tmpdir" | grep -E 'import-|journal')" ] ||
		fail "$what: left behind: $(ls "$tmpdir" | grep -E 'import-|journal')"
}

# The number of operations of the import without a fault.
cp "$base" "$tmpdir/s.db"
LISEUSE_FAIL_IO_COUNT=1 "$faultio" --db "$tmpdir/s.db" import "$new" >/dev/null 2>"$tmpdir/count" ||
	fail "the import without a fault failed: $(cat "$tmpdir/count")"
total=$(sed -n 's/^faultio: \([0-9]*\) operations$/\1/p' "$tmpdir/count")
[ -n "$total" ] && [ "$total" -gt 10 ] || fail "no operation count: $(cat "$tmpdir/count")"
rm -f "$tmpdir/n.db"
LISEUSE_FAIL_IO_COUNT=1 "$faultio" --db "$tmpdir/n.db" import "$new" >/dev/null 2>"$tmpdir/count"
total_new=$(sed -n 's/^faultio: \([0-9]*\) operations$/\1/p' "$tmpdir/count")
echo "an import into an existing snapshot makes $total operations, into a new one $total_new"

# A disk that stays full, a device that stays broken, one passing I/O
# error (after which a half-written working copy must still not be used).
failed=0
for mode in ENOSPC EIO "EIO once"; do
	# shellcheck disable=SC2086
	set -- $mode
	n=1
	while [ "$n" -le "${total:-0}" ]; do
		cp "$base" "$tmpdir/s.db"
		check_run "$tmpdir/s.db" "$n" "$1" yes ${2:-}
		[ "$st" -eq 2 ] && failed=$((failed + 1))
		n=$((n + 1))
	done
done
n=1
while [ "$n" -le "${total_new:-0}" ]; do
	rm -f "$tmpdir/n.db"
	check_run "$tmpdir/n.db" "$n" ENOSPC no
	n=$((n + 1))
done
echo "$failed of $((3 * ${total:-0})) faulted imports into an existing snapshot failed cleanly"
checks=$((checks + 1))
[ "$failed" -gt 0 ] || fail "no fault made an import fail"

# The faults of the swap itself, by name in the messages.
cp "$base" "$tmpdir/s.db"
check_run "$tmpdir/s.db" 1 ENOSPC yes
expect_grep "$(msghead '%s: cannot copy the snapshot to its working copy %s: %s')" "$tmpdir/err"
cp "$base" "$tmpdir/s.db"
# fsync of the working copy, then rename, then the directory's fsync: the
# last three operations.
check_run "$tmpdir/s.db" $((total - 2)) EIO yes
expect_grep "$(msghead '%s: cannot flush the new snapshot to disk (%s)')" "$tmpdir/err"
cp "$base" "$tmpdir/s.db"
check_run "$tmpdir/s.db" $((total - 1)) EIO yes
expect_grep "$(msghead '%s: cannot replace the snapshot: %s')" "$tmpdir/err"
cp "$base" "$tmpdir/s.db"
check_run "$tmpdir/s.db" "$total" EIO yes
checks=$((checks + 1))
[ "$st" -eq 0 ] || fail "a failed sync of the directory after the rename is not a warning"
expect_grep "$(msgf 'warning: %s: replaced, but flushing %s to disk failed (%s): the replacement may not survive a power cut' "$tmpdir/s.db" "$tmpdir" XX | sed 's/ (XX.*//')" "$tmpdir/err"

finish
