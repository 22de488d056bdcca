#!/bin/sh
# coverage.sh COVDIR SRCDIR TARGET... - runs COVDIR/replay_TARGET (built with
# -fprofile-instr-generate -fcoverage-mapping) on the target's seeds,
# regression inputs and found inputs (fuzz/work/TARGET, when there), merges
# the profile and prints the line coverage of the files the target is meant
# to exercise; the report over all of src/ goes to COVDIR/TARGET.txt.
set -eu
cov=$1 src=$2
shift 2
profdata=${LLVM_PROFDATA:-llvm-profdata}
llvmcov=${LLVM_COV:-llvm-cov}

# files TARGET: the sources the target is written for.
files() {
	case $1 in
	store) echo store.c store_read.c store_results.c store_words.c store_links.c ;;
	tokenizer) echo fts_tokenizer.c fold.c lemma.c query.c ;;
	keys) echo keyseq.c keymap.c ui.c ui_filter.c ui_list.c ui_reader.c ui_status.c ;;
	args) echo main.c cli.c cli_links.c ;;
	layout) echo layout.c linebreak.c ;;
	sanitize) echo sanitize.c ;;
	query) echo query.c fold.c ;;
	import) echo import.c markup.c meta.c ;;
	state) echo state.c ;;
	*) echo "coverage.sh: unknown target $1" >&2; exit 2 ;;
	esac
}

for t in "$@"; do
	rm -f "$cov/$t".*.profraw
	dirs="$src/fuzz/corpus/$t $src/fuzz/regressions/$t"
	[ -d "fuzz/work/$t" ] && dirs="$dirs fuzz/work/$t"
	# shellcheck disable=SC2086
	LLVM_PROFILE_FILE="$cov/$t.%p.profraw" "$cov/replay_$t" $dirs >"$cov/$t.replay.log" 2>&1 ||
		{ echo "coverage: replay of $t failed:"; tail -n 20 "$cov/$t.replay.log"; exit 1; }
	"$profdata" merge -sparse -o "$cov/$t.profdata" "$cov/$t".*.profraw
	rm -f "$cov/$t".*.profraw
	srcs=
	for f in $(files "$t"); do srcs="$srcs $src/src/$f"; done
	"$llvmcov" report "$cov/replay_$t" -instr-profile="$cov/$t.profdata" \
		-ignore-filename-regex='(fuzz|tests)/' >"$cov/$t.txt"
	# (the replay's stdout may hold what the screen wrote: keep the count)
	echo "== coverage $t ($(grep -ao '[0-9]* inputs replayed' "$cov/$t.replay.log" | tail -n 1))"
	# shellcheck disable=SC2086
	"$llvmcov" report "$cov/replay_$t" -instr-profile="$cov/$t.profdata" $srcs |
		awk 'NR > 2 && NF >= 10 && $1 !~ /^-/ { n = split($1, p, "/"); $1 = p[n]; printf "  %-22s lines %6s of %5s  %7s\n", $1, $8 - $9, $8, $10 }'
done
