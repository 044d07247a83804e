#!/usr/bin/env bash
# The benchmarks' smoke test (tests/bench/run.sh itself is not in the suite):
# the generator makes the journal issue #7 asks for (3,650 days, 1–2 check-ins
# a day, a session a week), relief imports it whole, and the floor's query
# computes the same weekly mean pain and session counts as relief's report,
# over 8 and 520 weeks: otherwise README's ratios would compare unequal work.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
BENCH=$RELIEF_TEST_DIR/../bench
awk 'BEGIN { exit !(strftime("%Y", 0, 1) == "1970") }' 2>/dev/null || { echo "needs gawk (strftime)"; exit 77; }

END=$(( $(date -u -d 2026-11-22 +%s) / 86400 ))
awk -v days=3650 -v per_day=1.5 -v end="$END" -f "$BENCH/gen_journal.awk" > "$WORK/ten.csv"
# days with check-ins, the fewest and most on a day, the sessions, the last day
shape=$(awk -F, 'NR > 1 && $2 == "checkin" { n[substr($3, 1, 10)]++ }
                 NR > 1 && $2 == "session" { s++ }
                 NR > 1 { last = substr($3, 1, 10) }
                 END { lo = 99; for (d in n) { days++; if (n[d] < lo) lo = n[d]; if (n[d] > hi) hi = n[d] }
                       print days, lo, hi, s, last }' "$WORK/ten.csv")
expect_eq "$shape" "3650 1 2 521 2026-11-22" "the 10-year journal's shape"
checkins=$(grep -c ',checkin,' "$WORK/ten.csv")

run import "$WORK/ten.csv"
expect_code 0 "import of the generated journal"
expect_eq "$OUT" "Imported $((checkins + 521)) records ($checkins check-ins, 521 sessions) from $WORK/ten.csv; 0 already present." "everything imported"

# shellcheck source=../bench/floor.sh
. "$BENCH/floor.sh"
plain "$WORK/plain.db" "$WORK/ten.csv"
for weeks in 8 520; do
    floor=$(sqlite3 -separator ' ' "$WORK/plain.db" "$(aggregate "$weeks")" |
        awk '{ printf "%d %.2f %d\n", $1, $2, $3 }')
    ours=$("$RELIEF" report --weeks "$weeks" --end 2026-11-22 --format json |
        jq -r '.weeks | to_entries[] | "\(.key) \(.value.pain) \(.value.sessions)"' |
        awk '{ printf "%d %.2f %d\n", $1, $2, $3 }')
    expect_eq "$(wc -l <<< "$ours")" "$weeks" "the report has $weeks weeks"
    expect_eq "$floor" "$ours" "the floor computes the report's weekly means and sessions over $weeks weeks"
done

finish
