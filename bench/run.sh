#!/bin/sh
# shellcheck disable=SC2154 # wall_* and cpu_* are set by rounds, through eval
# bench/run.sh - runs every benchmark and writes $BENCH_OUT/results.md.
#
# Called by `make bench` with LISEUSE, DRIVE, BENCH_STORE, BENCH_SUGGEST, BENCH_OUT and
# BENCH_REPS in the environment, after the snapshots are built.  Every
# timed figure interleaves liseuse and its reference in one run (drive.c)
# and reports percentiles; one table row per figure.
set -u

: "${LISEUSE:?}" "${DRIVE:?}" "${BENCH_STORE:?}" "${BENCH_SUGGEST:?}" "${BENCH_OUT:?}"
REPS=${BENCH_REPS:-20}
# the collection for the timed figures: 100k (default) or 10k, 1k for a quick look
SET=${BENCH_SET:-100k}
OUT=$BENCH_OUT
ROWS=$OUT/rows.tsv
LOG=$OUT/drive.log
: > "$ROWS"
: > "$LOG"
LESS_BIN=$(command -v less)
# The key that quits liseuse from the reader, where q goes back to the list
# (BENCH_QUIT=q for a program of before 2026-12-01, which has no Q); and the
# one of the baseline of section 12.
QUIT=${BENCH_QUIT:-Q}
BASE_QUIT=${BENCH_BASELINE_QUIT:-q}

# field FILE LABEL PROG COLUMN: one number of a drive report
# columns: 4 p50, 5 p95, 6 max, 7 bytes p50, 8 bytes max, 9 rss KB,
# 10 first byte p50, 11 first byte p95
field() {
	awk -F'\t' -v l="$2" -v p="$3" -v c="$4" '$1 == l && $2 == p { print $c; exit }' "$1"
}

# row NAME VALUE REFERENCE UNIT KIND LIMIT TARGET_TEXT
# KIND: abs (VALUE <= LIMIT), min (VALUE >= LIMIT), ratio (VALUE/REFERENCE <= LIMIT), info.
row() {
	awk -v name="$1" -v v="$2" -v r="$3" -v unit="$4" -v kind="$5" -v lim="$6" \
	    -v target="$7" 'BEGIN {
		OFS = "\t"
		num = (v ~ /^[0-9.]+$/); rnum = (r ~ /^[0-9.]+$/)
		ratio = (num && rnum && r + 0 > 0) ? sprintf("%.2f", v / r) : "-"
		res = "-"
		if (!num) res = "n/a"
		else if (kind == "abs") res = (v + 0 <= lim + 0) ? "pass" : "FAIL"
		else if (kind == "min") res = (v + 0 >= lim + 0) ? "pass" : "FAIL"
		else if (kind == "ratio" && ratio != "-") res = (ratio + 0 <= lim + 0) ? "pass" : "FAIL"
		vs = num ? v " " unit : v
		rs = rnum ? r " " unit : r
		print name, vs, rs, ratio, target, res
	}' >> "$ROWS"
	tail -n 1 "$ROWS" >&2
}

# drive NAME DRIVE_ARGS...: runs drive.c, keeps its report in $OUT/NAME.tsv
drive() {
	name=$1
	shift
	echo "== $name: $*" >> "$LOG"
	"$DRIVE" "$@" > "$OUT/$name.tsv" 2>> "$LOG"
	cat "$OUT/$name.tsv" >> "$LOG"
}

# want N: whether section N runs (BENCH_ONLY="1 4" runs only those).
want() {
	[ -z "${BENCH_ONLY:-}" ] && return 0
	case " $BENCH_ONLY " in *" $1 "*) return 0 ;; esac
	return 1
}

kb_to_mb() {
	[ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v z="$2" 'BEGIN { print z - a }'; }
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
to_ms() { awk -v s="$1" 'BEGIN { printf "%.0f", s * 1000 }'; }

# cpu_between TIMES0 TIMES1: the CPU time (user + system) of the children
# reaped between two outputs of the shell's `times` (second line: children).
cpu_between() {
	awk 'function s(f,   a) { split(f, a, "m"); sub(/s$/, "", a[2]); return a[1] * 60 + a[2] }
	     FNR == 2 { t[FILENAME == ARGV[1]] = s($1) + s($2) }
	     END { printf "%.2f\n", t[0] - t[1] }' "$1" "$2"
}

# rounds N FUNCTION... [-- ARG...]: runs each shell function with the ARGs
# in turn (A B, A B, …), N rounds, so that the machine's load falls on all
# of them alike.  Afterwards wall_FUNCTION holds the N wall-clock times and
# cpu_FUNCTION the N CPU times (user + system of the processes it ran), in
# seconds, space-separated: give them to median.
rounds() {
	_r_n=$1
	shift
	_r_names=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		_r_names="$_r_names $1"
		shift
	done
	[ $# -gt 0 ] && shift
	for _r_f in $_r_names; do
		eval "wall_$_r_f='' cpu_$_r_f=''"
	done
	_r_i=0
	while [ "$_r_i" -lt "$_r_n" ]; do
		for _r_f in $_r_names; do
			_r_t0=$(now)
			times > "$OUT/times.0"
			"$_r_f" "$@"
			times > "$OUT/times.1"
			_r_t1=$(now)
			eval "wall_$_r_f=\"\$wall_$_r_f $(elapsed "$_r_t0" "$_r_t1")\""
			eval "cpu_$_r_f=\"\$cpu_$_r_f $(cpu_between "$OUT/times.0" "$OUT/times.1")\""
		done
		_r_i=$((_r_i + 1))
	done
	rm -f "$OUT/times.0" "$OUT/times.1"
}

echo "liseuse benchmarks: $REPS repetitions, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)" >&2

# 1. Start to settled first screen, 100k documents, against less on the
# same text (all 100k documents in one file).
if want 1; then
drive start -r "$REPS" -w 150 \
	"start quit:q" "$LISEUSE" --db "$OUT/$SET.db" \
	--- "start quit:q" "$LESS_BIN" "$OUT/c100k.txt"
row "start → first screen, $SET docs (p50)" "$(field "$OUT/start.tsv" start A 4)" \
	"$(field "$OUT/start.tsv" start B 4)" ms abs 16 "≤ 16 ms"
row "start → first screen, $SET docs (p95)" "$(field "$OUT/start.tsv" start A 5)" \
	"$(field "$OUT/start.tsv" start B 5)" ms abs 16 "≤ 16 ms"

fi

# 2. Keystroke to settled screen in the list (liseuse) and the text (less).
if want 2; then
drive keys -r "$REPS" \
	"wait key:j:j key:j:j key:j:j key:pgdn:<PgDn> key:pgdn:<PgDn> quit:q" \
	"$LISEUSE" --db "$OUT/$SET.db" \
	--- "wait key:j:j key:j:j key:j:j key:pgdn:<PgDn> key:pgdn:<PgDn> quit:q" \
	"$LESS_BIN" "$OUT/c100k.txt"
for k in j pgdn; do
	row "key $k → screen, $SET docs (p50)" "$(field "$OUT/keys.tsv" $k A 4)" \
		"$(field "$OUT/keys.tsv" $k B 4)" ms abs 16 "≤ 16 ms"
	row "key $k → screen, $SET docs (p95)" "$(field "$OUT/keys.tsv" $k A 5)" \
		"$(field "$OUT/keys.tsv" $k B 5)" ms abs 16 "≤ 16 ms"
done

fi

# 3. Each filter keystroke while typing, 100k documents (no reference:
# less has no filter).  Every run starts afresh.
if want 3; then
for q in securite "mesures\\sde\\sconfiance" s se oeuvre; do
	label=$(printf '%s' "$q" | sed 's/\\s/ /g')
	file=filter-$(printf '%s' "$label" | tr -c 'a-z' '-')
	# a long settle window, so a list redrawn after a slow query is counted
	drive "$file" -r "$REPS" -w 250 "wait send:/ type:f:$q" "$LISEUSE" --db "$OUT/$SET.db"
	row "filter keystroke '/$label' → list, $SET (p50)" "$(field "$OUT/$file.tsv" f A 4)" \
		- ms abs 16 "≤ 16 ms"
	row "filter keystroke '/$label' → list, $SET (p95)" "$(field "$OUT/$file.tsv" f A 5)" \
		- ms abs 16 "≤ 16 ms"
	row "filter keystroke '/$label' → echo, $SET (p95)" "$(field "$OUT/$file.tsv" f A 11)" \
		- ms abs 16 "≤ 16 ms"
done

fi

# 4. Bytes written per one-line scroll and per page in the reader, 80x24,
# both layouts, against less on the same document's text.
if want 4; then
SCROLL_KEYS="key:j:j key:j:j key:j:j key:j:j key:j:j key:pg:<PgDn> key:pg:<PgDn> key:pg:<PgDn>"
drive scroll -r 5 -s 80x24 \
	"wait put:<Enter> $SCROLL_KEYS quit:$QUIT" "$LISEUSE" --db "$OUT/big20.db" \
	--- "wait $SCROLL_KEYS quit:q" "$LESS_BIN" "$OUT/big20.txt"
# side by side needs 100 columns or more: 120x24, less at the same size
drive scroll-v -r 5 -s 120x24 \
	"wait send:v put:<Enter> $SCROLL_KEYS quit:$QUIT" "$LISEUSE" --db "$OUT/big20.db" \
	--- "wait $SCROLL_KEYS quit:q" "$LESS_BIN" "$OUT/big20.txt"
# big20.db holds two documents, so the list beside the reader is blank
# below its third row and a full-width scroll region happens to fit the
# reader; the same with the list full ($SET), against less on its text
drive scroll-vfull -r 5 -s 120x24 \
	"wait send:v put:<Enter> $SCROLL_KEYS quit:$QUIT" "$LISEUSE" --db "$OUT/$SET.db" \
	--- "wait $SCROLL_KEYS quit:q" "$LESS_BIN" "$OUT/c100k.txt"
for f in scroll scroll-v scroll-vfull; do
	layout="list above reader"
	size=80x24
	[ $f = scroll-v ] && layout="side by side (v)" && size=120x24
	[ $f = scroll-vfull ] && layout="side by side (v), list of $SET docs" && size=120x24
	row "bytes per 'j' in reader, $size, $layout" "$(field "$OUT/$f.tsv" j A 7)" \
		"$(field "$OUT/$f.tsv" j B 7)" B ratio 1.3 "≤ 1.3× less"
	row "bytes per PgDn in reader, $size, $layout" "$(field "$OUT/$f.tsv" pg A 7)" \
		"$(field "$OUT/$f.tsv" pg B 7)" B ratio 1.3 "≤ 1.3× less"
done

fi

# 5. Opening outsized documents (first in their snapshot) against opening
# the ordinary document beside them (second).  The newest document (the
# big one) is open at start: liseuse opens the small one, goes back to the
# list (Tab) and opens the big one; the reference opens the small one.
if want 5; then
for big in big20 line10 huge100; do
	drive "open-$big" -r "$REPS" -w 100 -t 20000 \
		"wait send:j put:<Enter> put:\\t send:k key:open:<Enter> quit:$QUIT" \
		"$LISEUSE" --db "$OUT/$big.db" \
		--- "wait send:j key:open:<Enter> quit:$QUIT" "$LISEUSE" --db "$OUT/$big.db"
done
row "open 20 MB document → screen (p95)" "$(field "$OUT/open-big20.tsv" open A 5)" \
	"$(field "$OUT/open-big20.tsv" open B 5)" ms abs 16 "≤ 16 ms, ≈ small doc"
row "open 10 MB one-line document → screen (p95)" "$(field "$OUT/open-line10.tsv" open A 5)" \
	"$(field "$OUT/open-line10.tsv" open B 5)" ms abs 16 "≤ 16 ms, ≈ small doc"
row "open 100 MB document → screen (p95)" "$(field "$OUT/open-huge100.tsv" open A 5)" \
	"$(field "$OUT/open-huge100.tsv" open B 5)" ms abs 16 "≤ 16 ms, ≈ small doc"

fi

# 6. Peak RSS with a filter typed and a document opened and read to its end.
if want 6; then
for n in 1k 10k 100k; do
	[ -f "$OUT/$n.db" ] || continue
	drive "rss-$n" -r 3 -w 100 -t 20000 \
		"wait send:/ type:f:securite put:\\r send:G quit:q" \
		"$LISEUSE" --db "$OUT/$n.db"
done
drive rss-huge -r 3 -w 100 -t 20000 \
	"wait put:<Enter> send:G send:<PgUp> quit:$QUIT" "$LISEUSE" --db "$OUT/huge100.db" \
	--- "wait send:G send:<PgUp> quit:q" "$LESS_BIN" "$OUT/huge100.txt"
rss1k=$(kb_to_mb "$(field "$OUT/rss-1k.tsv" rss A 9)")
for n in 1k 10k 100k; do
	[ -f "$OUT/$n.db" ] || continue
	row "peak RSS, $n docs, filter + open" "$(kb_to_mb "$(field "$OUT/rss-$n.tsv" rss A 9)")" \
		"$rss1k" MB abs 32 "≤ 32 MB, flat"
done
row "peak RSS, 100 MB document opened, to the end" \
	"$(kb_to_mb "$(field "$OUT/rss-huge.tsv" rss A 9)")" \
	"$(kb_to_mb "$(field "$OUT/rss-huge.tsv" rss B 9)")" MB abs 32 "≤ 32 MB"

fi

# 7. Import throughput of the 10k set and snapshot size: three rounds, each
# running cat, the import and the bare SQLite reference in turn; the median
# of each.  The reference loads the same text, one row per paragraph, into a
# table and indexes it with FTS5's own unicode61 tokenizer, the same prefix
# indexes and the same term buffer: what SQLite alone costs on this machine
# at this moment, so the ratio says how much the importer adds.
if want 7; then
set -- "$OUT"/c100k/00[0-9]
catall() { for d in "$@"; do cat "$d"/*.txt; done; }
text_bytes=$(catall "$@" | wc -c)
mbs() { awk -v b="$text_bytes" -v s="$1" 'BEGIN { printf "%.1f", b / 1048576 / s }'; }
SQLITE_BIN=$(command -v sqlite3 || true)
catall "$@" | awk 'BEGIN { RS = ""; ORS = "\036" } { gsub(/\n/, " "); print }' \
	> "$OUT/fts-ref.txt"
cat > "$OUT/fts-ref.sql" <<SQL
PRAGMA journal_mode=OFF;
PRAGMA synchronous=OFF;
PRAGMA cache_size=-65536;
CREATE TABLE piece(text TEXT);
.import --ascii $OUT/fts-ref.txt piece
CREATE VIRTUAL TABLE fts USING fts5(text, content='piece', prefix='1 2 3',
	tokenize='unicode61 remove_diacritics 2');
INSERT INTO fts(fts, rank) VALUES('hashsize', 134217728);
INSERT INTO fts(fts, rank) VALUES('automerge', 0);
BEGIN;
INSERT INTO fts(rowid, text) SELECT rowid, text FROM piece;
COMMIT;
INSERT INTO fts(fts) VALUES('optimize');
SQL
cat_text() { catall "$@" > /dev/null; }
import_text() {
	rm -f "$OUT/import-timing.db"
	if [ -x /usr/bin/time ]; then
		/usr/bin/time -f %M -o "$OUT/import-rss" \
			"$LISEUSE" --db "$OUT/import-timing.db" import "$@" > /dev/null 2>> "$LOG"
		rss_kb=$(tail -n 1 "$OUT/import-rss")
	else
		"$LISEUSE" --db "$OUT/import-timing.db" import "$@" > /dev/null 2>> "$LOG"
	fi
}
bare_fts() {
	rm -f "$OUT/fts-ref.db"
	"$SQLITE_BIN" "$OUT/fts-ref.db" < "$OUT/fts-ref.sql" > /dev/null 2>> "$LOG"
}
# BENCH_IMPORT_BASE="PROGRAM...": other builds' liseuse (the importer of
# earlier commits), each timed in the same rounds, for the ratio against it.
rss_kb=''
base_fns=
base_n=0
for base in ${BENCH_IMPORT_BASE:-}; do
	base_n=$((base_n + 1))
	eval "import_base$base_n() {
		rm -f \"\$OUT/import-base.db\"
		\"$base\" --db \"\$OUT/import-base.db\" import \"\$@\" > /dev/null 2>> \"\$LOG\"
		rm -f \"\$OUT/import-base.db\"
	}"
	base_fns="$base_fns import_base$base_n"
done
fts_fn=
[ -n "$SQLITE_BIN" ] && fts_fn=bare_fts
wall_bare_fts=''
# shellcheck disable=SC2086 # word splitting wanted (absent programs vanish)
rounds 3 cat_text import_text $base_fns $fts_fn -- "$@"
for f in cat_text import_text $base_fns $fts_fn; do
	eval "echo \"== section 7, $f: wall \$wall_$f; cpu \$cpu_$f\"" >> "$LOG"
done
rm -f "$OUT/fts-ref.db" "$OUT/fts-ref.txt" "$OUT/fts-ref.sql"
# shellcheck disable=SC2086 # word splitting wanted
row "import throughput, 10k docs ($(awk -v b="$text_bytes" 'BEGIN{printf "%.0f", b/1048576}') MB), median of 3" \
	"$(mbs "$(median $wall_import_text)")" "$(mbs "$(median $wall_cat_text)")" MB/s min 10 \
	"≥ 10 MB/s (cat as reference)"
if [ -n "$wall_bare_fts" ]; then
	# shellcheck disable=SC2086 # word splitting wanted
	row "bare SQLite FTS5 on the same text (unicode61, same prefixes), median of 3" \
		"$(mbs "$(median $wall_bare_fts)")" - MB/s info 0 "(the ceiling on this machine now)"
	# shellcheck disable=SC2086 # word splitting wanted
	row "import time against the bare SQLite FTS5 load" "$(median $wall_import_text)" \
		"$(median $wall_bare_fts)" s info 0 "(ratio: what the importer adds)"
fi
base_i=0
for base in ${BENCH_IMPORT_BASE:-}; do
	base_i=$((base_i + 1))
	eval "base_walls=\$wall_import_base$base_i"
	# shellcheck disable=SC2086 # word splitting wanted
	row "import time against $base's import, same rounds" \
		"$(median $wall_import_text)" "$(median $base_walls)" s info 0 \
		"(ratio: what changed since that build)"
done
# shellcheck disable=SC2086 # word splitting wanted
row "CPU time (user + system) of that import, median of 3" "$(median $cpu_import_text)" \
	"$(median $wall_import_text)" s info 0 "(ratio: cores kept busy; wall time as reference)"
row "peak RSS of that import" "$(kb_to_mb "$rss_kb")" - MB info 0 "(GNU time; n/a without it)"
if [ -f "$OUT/100k.import-time" ]; then
	all_bytes=$(wc -c < "$OUT/c100k.txt")
	read -r t0 t1 < "$OUT/100k.import-time"
	row "import throughput, 100k docs ($(awk -v b="$all_bytes" 'BEGIN{printf "%.0f", b/1048576}') MB), once, as bench/out/100k.db was built" \
		"$(awk -v b="$all_bytes" -v s="$(elapsed "$t0" "$t1")" 'BEGIN { printf "%.1f", b / 1048576 / s }')" \
		- MB/s min 10 "≥ 10 MB/s"
fi
db_bytes=$(wc -c < "$OUT/import-timing.db")
rm -f "$OUT/import-timing.db" "$OUT/import-rss"
row "snapshot size per MB of text, 10k docs" \
	"$(awk -v d="$db_bytes" -v b="$text_bytes" 'BEGIN { printf "%.2f", d / b }')" \
	1 MB info 0 "(text itself = 1)"

fi

# 8. The store against the bare FTS5 query, and uninterruptible stretches.
if want 8; then
"$BENCH_STORE" "$OUT/$SET.db" "$REPS" > "$OUT/store.tsv" 2>> "$LOG"
while IFS='	' read -r name value ref unit; do
	case $name in
	store*) row "$name, $SET" "$value" "$ref" ms abs 16 "≤ 16 ms (ratio: info)" ;;
	bare*) row "$name, $SET" "$value" "$ref" ms info 0 "-" ;;
	uninterruptible*) row "$name, $SET" "$value" "$ref polls" ms abs 16 "≤ 16 ms" ;;
	count*) row "$name, $SET" "$value" - ms info 0 "-" ;;
	esac
done < "$OUT/store.tsv"

fi

# 8b. The screen's suggestions and facet counts: the suggestion's cost and
# what it would hold the screen (it runs on a worker thread), the screen's
# longest call to the worker; each facet count's longest stretch.
if want 8b; then
"$BENCH_SUGGEST" "$OUT/$SET.db" 5 > "$OUT/suggest.tsv" 2>> "$LOG"
while IFS='	' read -r name value ref unit; do
	case $name in
	*"screen's longest call"*) row "$name, $SET" "$value" "$ref after" ms abs 16 "≤ 16 ms" ;;
	suggestion*) row "$name, $SET" "$value" "$ref total" ms info 0 "(on the worker, not the screen)" ;;
	uninterruptible*) row "$name, $SET" "$value" "$ref total" ms abs 16 "≤ 16 ms" ;;
	esac
done < "$OUT/suggest.tsv"

fi

# 9. Instruction counts (callgrind): start-up with an immediate q, and a
# scripted session, against less doing the same.
if want 9; then
if command -v valgrind > /dev/null 2>&1; then
	cg() {
		out=$OUT/callgrind.$1
		script=$2
		shift 2
		rm -f "$out".*
		"$DRIVE" -r 1 -w 1000 -t 120000 "$script" valgrind --tool=callgrind \
			--callgrind-out-file="$out.%p" "$@" > /dev/null 2>> "$LOG"
		# the largest output file is the program (not a helper it ran)
		for f in "$out".*; do
			sed -n 's/^summary: //p' "$f"
		done | sort -n | tail -n 1
	}
	SESSION="wait send:/ type:f:securite put:\\r send:j send:j send:j send:<PgDn> send:<PgDn> quit:$QUIT"
	LSESSION="wait send:j send:j send:j send:<PgDn> send:<PgDn> quit:q"
	row "instructions, start-up + q, 1k docs" "$(cg start "wait quit:q" "$LISEUSE" --db "$OUT/1k.db")" \
		"$(cg lstart "wait quit:q" "$LESS_BIN" "$OUT/big20.txt")" Ir info 0 "(absolute)"
	row "instructions, start-up + q, $SET docs" "$(cg start100k "wait quit:q" "$LISEUSE" --db "$OUT/$SET.db")" \
		- Ir info 0 "(absolute)"
	row "instructions, session (filter, open, scroll), $SET" \
		"$(cg session "$SESSION" "$LISEUSE" --db "$OUT/$SET.db")" \
		"$(cg lsession "$LSESSION" "$LESS_BIN" "$OUT/big20.txt")" Ir info 0 "(absolute)"
	row "instructions, liseuse list, 1k docs" \
		"$(valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.list" \
			"$LISEUSE" --db "$OUT/1k.db" list 2>&1 > /dev/null |
			sed -n 's/.*Collected : //p')" - Ir info 0 "(absolute)"
fi

fi

# 10. PDF import: the PDFs drawn from the test fixtures, imported into a
# new snapshot, against pdftotext (one process a file, as it takes one)
# extracting the text of the same files; three rounds, each running both in
# turn; the medians of the wall-clock times, pages per second of the import,
# and the CPU times (user + system) beside them.
if want 10 && [ -d "$OUT/pdf" ] && command -v pdftotext > /dev/null 2>&1; then
PDFDIR=$OUT/pdf
pdf_pages=0
for f in "$PDFDIR"/*.pdf; do
	p=$(pdfinfo "$f" 2> /dev/null | awk '/^Pages:/ { print $2 }')
	pdf_pages=$((pdf_pages + ${p:-0}))
done
pdf_files=$(ls "$PDFDIR"/*.pdf | wc -l)
pdf_import() {
	rm -f "$OUT/pdf-timing.db"
	"$LISEUSE" --db "$OUT/pdf-timing.db" import "$@" > /dev/null 2>> "$LOG"
}
# the text of the PDFs in a directory, or of the files given
pdf_text() {
	[ -d "$1" ] && set -- "$1"/*.pdf
	for pdf in "$@"; do
		pdftotext "$pdf" /dev/null 2>> "$LOG" || return 1
	done
}
rounds 3 pdf_import pdf_text -- "$PDFDIR"
rm -f "$OUT/pdf-timing.db"
# shellcheck disable=SC2086 # word splitting wanted
pdf_wall=$(median $wall_pdf_import) ref_wall=$(median $wall_pdf_text)
row "PDF import, $pdf_files files, $pdf_pages pages: pages/s, median of 3" \
	"$(awk -v p="$pdf_pages" -v s="$pdf_wall" 'BEGIN { printf "%.0f", p / s }')" \
	"$(awk -v p="$pdf_pages" -v s="$ref_wall" 'BEGIN { printf "%.0f", p / s }')" \
	pages/s info 0 "(pdftotext as reference)"
row "PDF import time against pdftotext on the same files" "$pdf_wall" "$ref_wall" s \
	ratio 1.5 "≤ 1.5× pdftotext"
# shellcheck disable=SC2086 # word splitting wanted
row "CPU time of that import against pdftotext's" "$(median $cpu_pdf_import)" \
	"$(median $cpu_pdf_text)" s \
	ratio 1.5 "≤ 1.5× pdftotext"
# one long document: no process start-up to amortise, the page work alone
if [ -f "$OUT/long.pdf" ]; then
	long_pages=$(pdfinfo "$OUT/long.pdf" 2> /dev/null | awk '/^Pages:/ { print $2 }')
	rounds 3 pdf_import pdf_text -- "$OUT/long.pdf"
	rm -f "$OUT/pdf-timing.db"
	# shellcheck disable=SC2086 # word splitting wanted
	pdf_wall=$(median $wall_pdf_import) ref_wall=$(median $wall_pdf_text)
	row "PDF import, one report of $long_pages pages: pages/s, median of 3" \
		"$(awk -v p="$long_pages" -v s="$pdf_wall" 'BEGIN { printf "%.0f", p / s }')" \
		"$(awk -v p="$long_pages" -v s="$ref_wall" 'BEGIN { printf "%.0f", p / s }')" \
		pages/s info 0 "(pdftotext as reference)"
	row "import time of that report against pdftotext's" "$pdf_wall" "$ref_wall" s \
		ratio 1.5 "≤ 1.5× pdftotext"
	# shellcheck disable=SC2086 # word splitting wanted
	row "CPU time of that report's import against pdftotext's" "$(median $cpu_pdf_import)" \
		"$(median $cpu_pdf_text)" s ratio 1.5 "≤ 1.5× pdftotext"
	# the same work counted in instructions, which the machine's load leaves alone
	if command -v valgrind > /dev/null 2>&1; then
		rm -f "$OUT/pdf-timing.db"
		lis_ir=$(valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.pdf" \
			"$LISEUSE" --db "$OUT/pdf-timing.db" import "$OUT/long.pdf" 2>&1 > /dev/null |
			sed -n 's/.*Collected : //p')
		ref_ir=$(valgrind --tool=callgrind --callgrind-out-file="$OUT/callgrind.pdftotext" \
			pdftotext "$OUT/long.pdf" /dev/null 2>&1 | sed -n 's/.*Collected : //p')
		rm -f "$OUT/pdf-timing.db"
		row "instructions, import of that report against pdftotext" "$lis_ir" "$ref_ir" Ir \
			ratio 1.5 "≤ 1.5× pdftotext"
	fi
fi
fi

# 11. Listing every document that holds a common phrase, 10k documents:
# `search --format=tsv` on the 10k snapshot against `grep -ril` on the same
# documents' text files, in turn, REPS rounds; the medians.  "de la" is in
# 9 349 of the 10 000 documents, grep finds the same number of files.
if want 11 && [ -f "$OUT/10k.db" ]; then
TSV_PHRASE="de la"
tsv_list() { "$LISEUSE" --db "$OUT/10k.db" search --format=tsv "\"$TSV_PHRASE\"" > "$OUT/tsv.out"; }
grep_list() { grep -ril -- "$TSV_PHRASE" "$@" > "$OUT/grep.out"; }
rounds "$REPS" tsv_list grep_list -- "$OUT"/c100k/00[0-9]
tsv_docs=$(wc -l < "$OUT/tsv.out")
grep_docs=$(wc -l < "$OUT/grep.out")
rm -f "$OUT/tsv.out" "$OUT/grep.out"
# shellcheck disable=SC2086 # word splitting wanted
row "search --format=tsv '\"$TSV_PHRASE\"', 10k docs ($tsv_docs found; grep: $grep_docs), median of $REPS" \
	"$(to_ms "$(median $wall_tsv_list)")" "$(to_ms "$(median $wall_grep_list)")" ms ratio 0.5 \
	"≤ 0.5× grep -ril"
# shellcheck disable=SC2086 # word splitting wanted
row "the same: CPU time (user + system)" "$(to_ms "$(median $cpu_tsv_list)")" \
	"$(to_ms "$(median $cpu_grep_list)")" ms info 0 "(grep -ril as reference)"

fi

# 12. Against another build (BENCH_BASELINE=DIR: the build tree of an
# older commit, whose bench/out holds 100k.db and big20.db imported by its
# own program; BENCH_BASELINE_QUIT=Q when its q does not quit the reader):
# start-up, keystrokes in the list, filter keystrokes and bytes per scroll
# at 80x24, both programs in the same drive runs.
if want 12 && [ -n "${BENCH_BASELINE:-}" ]; then
OLD=$BENCH_BASELINE/src/liseuse
OLD_OUT=$BENCH_BASELINE/bench/out
drive base-start -r "$REPS" -w 150 "start quit:q" "$LISEUSE" --db "$OUT/$SET.db" \
	--- "start quit:q" "$OLD" --db "$OLD_OUT/$SET.db"
for c in 4 5; do
	row "start → first screen, $SET docs, against the baseline (p$([ $c = 4 ] && echo 50 || echo 95))" \
		"$(field "$OUT/base-start.tsv" start A $c)" "$(field "$OUT/base-start.tsv" start B $c)" \
		ms info 0 "(baseline: $BENCH_BASELINE)"
done
KEYS="wait key:j:j key:j:j key:j:j key:pgdn:<PgDn> key:pgdn:<PgDn> quit:q"
drive base-keys -r "$REPS" "$KEYS" "$LISEUSE" --db "$OUT/$SET.db" \
	--- "$KEYS" "$OLD" --db "$OLD_OUT/$SET.db"
for k in j pgdn; do
	row "key $k → screen, $SET docs, against the baseline (p95)" \
		"$(field "$OUT/base-keys.tsv" $k A 5)" "$(field "$OUT/base-keys.tsv" $k B 5)" \
		ms info 0 "(baseline)"
done
for q in securite s; do
	drive "base-filter-$q" -r "$REPS" -w 250 "wait send:/ type:f:$q" "$LISEUSE" --db "$OUT/$SET.db" \
		--- "wait send:/ type:f:$q" "$OLD" --db "$OLD_OUT/$SET.db"
	for c in 4 5; do
		row "filter keystroke '/$q', $SET, against the baseline (p$([ $c = 4 ] && echo 50 || echo 95))" \
			"$(field "$OUT/base-filter-$q.tsv" f A $c)" "$(field "$OUT/base-filter-$q.tsv" f B $c)" \
			ms info 0 "(baseline)"
	done
done
SCROLL_KEYS="key:j:j key:j:j key:j:j key:j:j key:j:j key:pg:<PgDn> key:pg:<PgDn> key:pg:<PgDn>"
drive base-scroll -r 5 -s 80x24 "wait put:<Enter> $SCROLL_KEYS quit:$QUIT" "$LISEUSE" --db "$OUT/big20.db" \
	--- "wait put:<Enter> $SCROLL_KEYS quit:$BASE_QUIT" "$OLD" --db "$OLD_OUT/big20.db"
row "bytes per 'j' in reader, 80x24, against the baseline" "$(field "$OUT/base-scroll.tsv" j A 7)" \
	"$(field "$OUT/base-scroll.tsv" j B 7)" B info 0 "(baseline)"
row "bytes per PgDn in reader, 80x24, against the baseline" "$(field "$OUT/base-scroll.tsv" pg A 7)" \
	"$(field "$OUT/base-scroll.tsv" pg B 7)" B info 0 "(baseline)"

fi

# The table.
{
	echo "# liseuse benchmark results"
	echo
	echo "$(date -u +%Y-%m-%d), $(nproc) cores, $REPS repetitions per timed figure;" \
		"reference: less $($LESS_BIN --version | sed -n '1s/^less \([0-9]*\).*/\1/p'), cat."
	echo
	echo "| figure | liseuse | reference | ratio | target | result |"
	echo "|---|---|---|---|---|---|"
	awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 }' "$ROWS"
} > "$OUT/results.md"
cat "$OUT/results.md"
