#!/bin/sh
# Imports of one snapshot at the same time: serialised by SNAPSHOT.lock, the
# second waits (saying so) or, with --no-wait, is refused; readers keep the
# old snapshot meanwhile; a killed import's working copy is removed by the
# next import.
. "$top_srcdir/tests/lib.sh"

command -v flock >/dev/null 2>&1 || { echo "flock(1) missing: skipped"; exit 77; }

# make_set DIR WORD N: N documents in DIR, each with WORD and its number.
make_set() {
	model=$(ls "$top_srcdir"/data/*.txt | head -n 1)
	mkdir -p "$1"
	i=1
	while [ "$i" -le "$3" ]; do
		{ printf 'Lettre datée du 2 mars 2020\n\n%s%d et %s\n\n' "$2" "$i" "$2"; cat "$model"; } >"$1/$2$i.txt"
		i=$((i + 1))
	done
}

# count_docs DB: the number of documents listed.
count_docs() {
	"$LISEUSE" --db "$1" list --format=tsv 2>/dev/null | wc -l
}

# wait_for_text FILE TEXT: waits (up to a minute, not a timing assertion:
# only a hung program reaches it) until FILE contains TEXT.
wait_for_text() {
	k=0
	while ! grep -qF -- "$2" "$1" 2>/dev/null; do
		k=$((k + 1))
		[ "$k" -le 600 ] || return 1
		sleep 0.1
	done
}

db="$tmpdir/s.db"
make_set "$tmpdir/base" motbase 3
make_set "$tmpdir/new" motnouveau 2
expect_status 0 "$LISEUSE" --db "$db" import "$tmpdir/base"
cp "$db" "$tmpdir/before.db"

# Another import holds the lock: --no-wait is refused with a message.
flock "$db.lock" sh -c "while [ ! -e '$tmpdir/release' ]; do sleep 0.05; done" &
holder=$!
k=0
while flock -n "$db.lock" true 2>/dev/null; do
	k=$((k + 1)); [ "$k" -le 600 ] || break; sleep 0.1
done
expect_status 2 "$LISEUSE" --db "$db" --no-wait import "$tmpdir/new"
expect_grep "$(msghead '%s: another import is running; not waiting (--no-wait)')" "$tmpdir/err"
expect_grep "$db" "$tmpdir/err"
checks=$((checks + 1))
cmp -s "$db" "$tmpdir/before.db" || fail "a refused --no-wait import changed the snapshot"

# Without --no-wait it waits, saying so; readers see the old snapshot.
"$LISEUSE" --db "$db" import "$tmpdir/new" >"$tmpdir/wait.out" 2>"$tmpdir/wait.err" &
waiter=$!
checks=$((checks + 1))
wait_for_text "$tmpdir/wait.err" "$(msghead '%s: another import is running; waiting for it to finish')" ||
	fail "a second import did not say that it waits: $(cat "$tmpdir/wait.err")"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv motbase
expect_status 1 "$LISEUSE" --db "$db" search --format=tsv motnouveau
checks=$((checks + 1))
cmp -s "$db" "$tmpdir/before.db" || fail "a waiting import changed the snapshot"
: >"$tmpdir/release"
wait "$holder"
checks=$((checks + 1))
wait "$waiter" || fail "the waiting import failed: $(cat "$tmpdir/wait.err")"
expect_grep "$(msgnf '%ld document imported into %s\n' '%ld documents imported into %s\n' 2 '')" "$tmpdir/wait.out"
expect_status 0 "$LISEUSE" --db "$db" search --format=tsv motnouveau

# Two real imports at once: both sets are there afterwards, every time.
make_set "$tmpdir/a" motalpha 150
make_set "$tmpdir/b" motbeta 150
round=1
while [ "$round" -le 3 ]; do
	rm -f "$tmpdir/c.db"
	expect_status 0 "$LISEUSE" --db "$tmpdir/c.db" import "$tmpdir/base"
	"$LISEUSE" --db "$tmpdir/c.db" import "$tmpdir/a" >"$tmpdir/a.out" 2>"$tmpdir/a.err" &
	pa=$!
	"$LISEUSE" --db "$tmpdir/c.db" import "$tmpdir/b" >"$tmpdir/b.out" 2>"$tmpdir/b.err" &
	pb=$!
	checks=$((checks + 1))
	wait "$pa" || fail "round $round: import a failed: $(cat "$tmpdir/a.err")"
	checks=$((checks + 1))
	wait "$pb" || fail "round $round: import b failed: $(cat "$tmpdir/b.err")"
	n=$(count_docs "$tmpdir/c.db")
	checks=$((checks + 1))
	[ "$n" -eq 303 ] || fail "round $round: two imports at once left $n documents, not 303"
	round=$((round + 1))
done
checks=$((checks + 1))
[ -z "$(ls "$tmpdir" | grep 'import-')" ] || fail "working copies left behind: $(ls "$tmpdir")"

# A working copy left by a killed import is removed by the next import.
rm -f "$tmpdir/k.db"
expect_status 0 "$LISEUSE" --db "$tmpdir/k.db" import "$tmpdir/base"
make_set "$tmpdir/big" motgros 600
caught=0
try=1
while [ "$try" -le 20 ] && [ "$caught" -eq 0 ]; do
	"$LISEUSE" --db "$tmpdir/k.db" import "$tmpdir/big" >/dev/null 2>&1 &
	pk=$!
	while [ ! -e "$tmpdir/k.db.import-$pk" ] && kill -0 "$pk" 2>/dev/null; do
		:
	done
	if [ -e "$tmpdir/k.db.import-$pk" ] && kill -9 "$pk" 2>/dev/null; then
		wait "$pk" 2>/dev/null
		[ -e "$tmpdir/k.db.import-$pk" ] && caught=$pk
	else
		wait "$pk" 2>/dev/null
		rm -f "$tmpdir/k.db"
		"$LISEUSE" --db "$tmpdir/k.db" import "$tmpdir/base" >/dev/null 2>&1
	fi
	try=$((try + 1))
done
checks=$((checks + 1))
if [ "$caught" -eq 0 ]; then
	fail "could not kill an import while its working copy existed"
else
	expect_status 0 "$LISEUSE" --db "$tmpdir/k.db" import "$tmpdir/new"
	expect_grep "$(msgf 'removed %s, left by an import that did not finish (process %ld is gone)' "$tmpdir/k.db.import-$caught" "$caught")" "$tmpdir/err"
	checks=$((checks + 1))
	[ ! -e "$tmpdir/k.db.import-$caught" ] || fail "the killed import's working copy is still there"
fi

# A copy whose process still runs is left alone (another user's import that
# predates the lock, or a reused PID); one of a finished process goes.
sleep 60 &
alive=$!
sh -c 'exit 0' &
gone=$!
wait "$gone"
: >"$tmpdir/k.db.import-$alive"
: >"$tmpdir/k.db.import-$gone"
: >"$tmpdir/k.db.import-$gone-journal"
: >"$tmpdir/k.db.import-x1"
expect_status 0 "$LISEUSE" --db "$tmpdir/k.db" import "$tmpdir/new"
checks=$((checks + 1))
[ -e "$tmpdir/k.db.import-$alive" ] || fail "the working copy of a live process was removed"
checks=$((checks + 1))
[ ! -e "$tmpdir/k.db.import-$gone" ] && [ ! -e "$tmpdir/k.db.import-$gone-journal" ] ||
	fail "a stale working copy or its journal was kept"
checks=$((checks + 1))
[ -e "$tmpdir/k.db.import-x1" ] || fail "a file that is not a working copy was removed"
kill "$alive" 2>/dev/null
wait "$alive" 2>/dev/null

finish
