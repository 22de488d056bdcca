#!/bin/sh
# run.sh BINDIR FUZZDIR SECONDS MAXLEN TARGET... - runs each libFuzzer
# target for SECONDS from its seeds (FUZZDIR/corpus/TARGET) and regression
# inputs (FUZZDIR/regressions/TARGET).  New inputs go to fuzz/work/TARGET and
# crashers to fuzz/artifacts/TARGET under the current directory.  Exits 1
# when any target found a crash.
set -u
bin=$1 src=$2 seconds=$3 maxlen=$4
shift 4
failed=
for t in "$@"; do
	work=fuzz/work/$t
	art=fuzz/artifacts/$t
	mkdir -p "$work" "$art"
	dirs="$work $src/corpus/$t"
	[ -d "$src/regressions/$t" ] && dirs="$dirs $src/regressions/$t"
	echo "== fuzz $t for $seconds s"
	# shellcheck disable=SC2086
	if ! "$bin/${t}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len="$maxlen" -print_final_stats=1 -artifact_prefix="$art/" $dirs \
		>"fuzz/$t.log" 2>&1; then
		failed="$failed $t"
		tail -n 40 "fuzz/$t.log"
	else
		grep -E '^(stat::number_of_executed_units|stat::new_units_added)|^Done' "fuzz/$t.log"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: crash in:$failed (inputs under fuzz/artifacts/; copy each to $src/regressions/TARGET/)"
	exit 1
fi
echo "fuzz: no crash in $*"
