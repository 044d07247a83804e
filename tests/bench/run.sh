#!/usr/bin/env bash
# relief's benchmarks, each side by side with its floor in the same run:
#   1. relief log               vs sqlite3 INSERT of the same row into a table of the same shape
#   2. relief report --weeks 8  vs an sqlite3 query of the same weekly means and session counts
#      (10-year journal and 1,000,000-check-in journal)
#   3. relief report --weeks 520 vs the same sqlite3 aggregate over 520 weeks (10-year journal)
#      and relief report --weeks 8 on a 10-year journal with a session every 60 days, whose
#      answer widens to 52 weeks (docs/methods.md "The answer's window"), vs the 8-week floor
#   4. relief import of the 1M-row CSV vs sqlite3 .import of the same file into a plain table
#   5. timew track / task add doing the equivalent append, where installed (context only)
# Medians from hyperfine, peak RSS from /usr/bin/time -v. Writes a Markdown table
# to tests/bench/results.md (and stdout). Not part of the test suite.
#   tests/bench/run.sh [--quick]     (--quick: 100k rows instead of 1M, fewer runs)
set -euo pipefail
cd "$(dirname "$0")/../.."
quick=${1:-}
for tool in hyperfine sqlite3 jq awk /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install hyperfine sqlite3 jq gawk time" >&2; exit 2; }
done
awk 'BEGIN { exit !(strftime("%Y", 0, 1) == "1970") }' 2>/dev/null || { echo "needs gawk (strftime)" >&2; exit 2; }

cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DRELIEF_TESTS=OFF >/dev/null
cmake --build build-bench -j "$(nproc)" >/dev/null
RELIEF=$PWD/build-bench/src/relief
W=$(mktemp -d "${TMPDIR:-/tmp}/relief-bench-XXXXXX")
trap 'rm -rf "$W"' EXIT
export RELIEF_CONFIG=/dev/null RELIEF_NOW=2026-11-23T20:00:00+00:00 TZ=UTC0
END=$(( $(date -u -d 2026-11-22 +%s) / 86400 ))
DENSE=1000000; RUNS=30; ROUNDS=5
[ "$quick" = --quick ] && { DENSE=100000; RUNS=6; ROUNDS=2; }

echo "Generating journals in $W ..." >&2
awk -v days=3650 -v per_day=1.5 -v end="$END" -f tests/bench/gen_journal.awk > "$W/ten_years.csv"
awk -v days=3650 -v per_day=1.5 -v end="$END" -v every=60 -f tests/bench/gen_journal.awk > "$W/sparse.csv"
awk -v days=3650 -v per_day=$((DENSE / 3650 + 1)) -v end="$END" -f tests/bench/gen_journal.awk |
    awk -v max=$((DENSE + 1)) 'NR == 1 || $2 != "checkin" || ++c < max' FS=, > "$W/dense.csv"
"$RELIEF" --db "$W/ten_years.db" import "$W/ten_years.csv" >/dev/null
"$RELIEF" --db "$W/dense.db" import "$W/dense.csv" >/dev/null
"$RELIEF" --db "$W/sparse.db" import "$W/sparse.csv" >/dev/null
widened=$("$RELIEF" --db "$W/sparse.db" report --weeks 8 --end 2026-11-22 --format json | jq '.answer_window.weeks')
[ "$widened" = 52 ] || { echo "the sparse journal's answer should widen to 52 weeks, not $widened" >&2; exit 1; }

# shellcheck source=floor.sh
. tests/bench/floor.sh
plain "$W/ten_years_plain.db" "$W/ten_years.csv"
plain "$W/dense_plain.db" "$W/dense.csv"
plain "$W/sparse_plain.db" "$W/sparse.csv"

results="$W/results.tsv"
: > "$results"
# median FILE: the median of the seconds in FILE (one a line), in ms.
median() {
    sort -g "$1" | awk '{ v[NR] = $1 } END { printf "%.4f", (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) * 1000 }'
}

# peak_rss CMD: the command's peak resident set size, in MiB.
peak_rss() {
    { /usr/bin/time -v sh -c "$1 >/dev/null 2>&1"; } 2>&1 | awk '/Maximum resident/ { printf "%.1f", $6 / 1024 }'
}

# compare NAME RELIEF_CMD FLOOR_CMD [PREPARE]: medians of both, their ratio, relief's peak RSS.
# The machine is shared and its load drifts, and hyperfine runs every run of
# one command before the other's: so the runs are made in rounds that
# alternate which command goes first, and each median is over all its runs.
compare() {
    local name=$1 ours=$2 floor=$3 prepare=${4:-true}
    local rounds=$(( RUNS < ROUNDS ? RUNS : ROUNDS ))
    local per=$(( (RUNS + rounds - 1) / rounds )) r first second
    : > "$W/ours.times"
    : > "$W/floor.times"
    for ((r = 0; r < rounds; r++)); do
        first=$ours second=$floor
        if (( r % 2 )); then first=$floor second=$ours; fi
        set -- -w $(( r == 0 ? 2 : 0 )) -r "$per" --prepare "$prepare" --export-json "$W/h.json" "$first" "$second"
        hyperfine -N --style none "$@" >/dev/null 2>&1 || hyperfine --style none "$@" >/dev/null
        jq --arg c "$ours" '.results[] | select(.command == $c) | .times[]' "$W/h.json" >> "$W/ours.times"
        jq --arg c "$floor" '.results[] | select(.command == $c) | .times[]' "$W/h.json" >> "$W/floor.times"
    done
    local a b
    a=$(median "$W/ours.times"); b=$(median "$W/floor.times")
    eval "$prepare"
    printf '%s\t%.2f\t%.2f\t%.2f\t%s\n' "$name" "$a" "$b" "$(awk -v a="$a" -v b="$b" 'BEGIN { print a / b }')" \
        "$(peak_rss "$ours")" >> "$results"
}

cp "$W/ten_years.db" "$W/log.db"; cp "$W/ten_years_plain.db" "$W/log_plain.db"
compare "log (one check-in)" \
    "$RELIEF --db $W/log.db log --pain 4 --sleep 7.5 --mood 6 --note bench --again --quiet" \
    "sqlite3 $W/log_plain.db \"INSERT INTO record (uuid, type, at, recorded_at, pain, mood, sleep_hours, note, at_utc) VALUES (lower(hex(randomblob(16))), 'checkin', '2026-11-23T20:00:00+00:00', '2026-11-23T20:00:00+00:00', 4, 6, 7.5, 'bench', 1795464000)\""
compare "report --weeks 8, 10-year journal" \
    "$RELIEF --db $W/ten_years.db report --weeks 8 --end 2026-11-22 --format json" \
    "sqlite3 $W/ten_years_plain.db \"$(aggregate 8)\""
compare "report --weeks 8, ${DENSE}-check-in journal" \
    "$RELIEF --db $W/dense.db report --weeks 8 --end 2026-11-22 --format json" \
    "sqlite3 $W/dense_plain.db \"$(aggregate 8)\""
compare "report --weeks 8, a session every 60 days (answer: 52 weeks)" \
    "$RELIEF --db $W/sparse.db report --weeks 8 --end 2026-11-22 --format json" \
    "sqlite3 $W/sparse_plain.db \"$(aggregate 8)\""
compare "report --weeks 520, 10-year journal" \
    "$RELIEF --db $W/ten_years.db report --weeks 520 --end 2026-11-22 --format json" \
    "sqlite3 $W/ten_years_plain.db \"$(aggregate 520)\""
RUNS_SAVED=$RUNS; RUNS=3
compare "import ${DENSE} rows (CSV)" \
    "$RELIEF --db $W/imp.db import $W/dense.csv" \
    "sqlite3 $W/imp_plain.db \".import --csv $W/dense.csv record\"" \
    "rm -f $W/imp.db $W/imp.db-wal $W/imp.db-shm $W/imp_plain.db"
RUNS=$RUNS_SAVED
# Import's memory must not follow the file's size: the same import of the
# 10-year CSV, for comparison with the 1M row above.
small_rows=$(( $(wc -l < "$W/ten_years.csv") - 1 ))
small_rss=$(peak_rss "$RELIEF --db $W/imp_small.db import $W/ten_years.csv")
# context_row NAME CMD: a peer doing the equivalent append, where installed:
# its median and peak RSS, for context (no floor, no ratio).
: > "$W/context.md"
context_row() {
    command -v "${2%% *}" >/dev/null || return 0
    hyperfine -N --style none -w 2 -r "$RUNS" --export-json "$W/c.json" "$2" >/dev/null 2>&1 || return 0
    printf '| %s (context) | %.2f ms | | | %s MiB |\n' "$1" \
        "$(jq '.results[0].median * 1000' "$W/c.json")" "$(peak_rss "$2")" >> "$W/context.md"
}
mkdir -p "$W/timew" "$W/task"
export TIMEWARRIORDB="$W/timew" TASKDATA="$W/task" TASKRC=/dev/null
# :adjust, or the second run's identical interval is refused as an overlap.
context_row "timew track" "timew track 2026-11-20T09:00 - 2026-11-20T10:00 bench :adjust :yes"
context_row "task add" "task rc.confirmation=off rc.verbose=nothing add bench"
context=$(cat "$W/context.md")
machine="$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
{
    echo "| command | relief median | floor median | ratio | peak RSS |"
    echo "|---|---:|---:|---:|---:|"
    awk -F'\t' '{ printf "| %s | %.2f ms | %.2f ms | %.2f× | %s MiB |\n", $1, $2, $3, $4, $5 }' "$results"
    [ -n "$context" ] && printf '%s\n' "$context"
    echo
    echo "Import peak RSS on the ${small_rows}-row 10-year CSV, for comparison with the big import: ${small_rss} MiB."
    echo "Machine: $machine; $(date -u +%F). Floors: sqlite3 $(sqlite3 --version | cut -d' ' -f1) on a plain table of the same rows."
    echo "Reproduce: tests/bench/run.sh${quick:+ $quick}"
} | tee tests/bench/results.md
