#!/bin/sh
# run.sh BINDIR FUZZDIR SECONDS MAXLEN TARGET... - runs each libFuzzer
# target for SECONDS from its seeds (FUZZDIR/corpus/TARGET) and regression
# inputs (FUZZDIR/regressions/TARGET), one process on one core.  New inputs
# go to fuzz/work/TARGET, crashers to fuzz/artifacts/TARGET and the log to
# fuzz/TARGET.log under the current directory.  Prints per target the
# executions, executions per second, final coverage (cov: edges, ft:
# features), corpus and what was found.  Exits 1 when any target found a
# crash, a leak or a timeout.
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
	"$bin/${t}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
		-max_len="$maxlen" -print_final_stats=1 -artifact_prefix="$art/" $dirs \
		>"fuzz/$t.log" 2>&1
	st=$?
	found=0
	for kind in crash leak timeout oom slow-unit; do
		n=$(find "$art" -name "$kind-*" | wc -l)
		[ "$n" -gt 0 ] && echo "   $n $kind input(s) in $art"
		[ "$kind" != slow-unit ] && found=$((found + n))
	done
	last=$(grep -E '^#[0-9]+.* cov: ' "fuzz/$t.log" | tail -n 1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "fuzz/$t.log")
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "fuzz/$t.log")
	rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "fuzz/$t.log")
	echo "$last" | awk -v t="$t" -v s="$seconds" -v e="${execs:-?}" -v r="${rate:-?}" \
		-v m="${rss:-?}" -v f="$found" '{
		for (i = 1; i < NF; i++) {
			if ($i == "cov:") cov = $(i + 1)
			if ($i == "ft:") ft = $(i + 1)
			if ($i == "corp:") corp = $(i + 1)
		}
		printf "%s: %s s, %s execs, %s execs/s, cov %s ft %s, corpus %s (files/bytes), peak rss %s MB, %d found\n", t, s, e, r, cov, ft, corp, m, f
	}'
	if [ "$st" -ne 0 ] || [ "$found" -gt 0 ]; then
		failed="$failed $t"
		tail -n 40 "fuzz/$t.log"
	fi
done
if [ -n "$failed" ]; then
	echo "fuzz: crash in:$failed (inputs under fuzz/artifacts/; copy each to $src/regressions/TARGET/)"
	exit 1
fi
echo "fuzz: no crash in $*"
