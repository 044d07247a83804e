#!/usr/bin/env bash
# relief report on the worked examples of analysis.md §5 (56 days, --weeks 8,
# θ = 1; pain at 20:00, sessions 10:00–11:00), through import as a user would.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8

day() { date -u -d "2026-09-28 +$1 days" +%F; }

# A. Weekly relief: pain 6, sessions on days 7, 14, …, 49, pain 3 on the two days after.
{
    echo "type,at,pain,minutes"
    for t in $(seq 0 55); do
        p=6
        if [ "$t" -ge 8 ] && [ $(((t - 1) % 7)) -lt 2 ] && [ "$t" -le 51 ]; then p=3; fi
        echo "checkin,$(day "$t")T20:00:00+00:00,$p,"
        if [ "$t" -ge 7 ] && [ "$t" -le 49 ] && [ $((t % 7)) -eq 0 ]; then
            echo "session,$(day "$t")T10:00:00+00:00,,60"
        fi
    done
} > "$WORK/a.csv"
# B. Improving anyway: y = 8 − 0.1·t as the mean of ten whole-number check-ins
# a day, sessions on days 14, 21, …, 49, no session effect at all.
{
    echo "type,at,pain,minutes"
    for t in $(seq 0 55); do
        total=$((80 - t))
        for k in $(seq 0 9); do
            p=$((total / 10)); [ "$k" -lt $((total % 10)) ] && p=$((p + 1))
            echo "checkin,$(day "$t")T20:0$k:00+00:00,$p,"
        done
        if [ "$t" -ge 14 ] && [ "$t" -le 49 ] && [ $((t % 7)) -eq 0 ]; then
            echo "session,$(day "$t")T10:00:00+00:00,,60"
        fi
    done
} > "$WORK/b.csv"
"$RELIEF" --db "$WORK/a.db" import "$WORK/a.csv" >/dev/null
"$RELIEF" --db "$WORK/b.db" import "$WORK/b.csv" >/dev/null

# q DB FILTER: one value of the JSON report, numbers rounded to 2 decimals.
q() {
    "$RELIEF" --db "$1" report --end 2026-11-22 --format json |
        jq -r "$2 | if type == \"number\" then (. * 100 | round / 100) else . end"
}
check() { CHECKS=$((CHECKS + 1)); local got; got=$(q "$1" "$2"); [ "$got" = "$3" ] || fail "$1 $2: got $got, wanted $3"; }

A="$WORK/a.db"
check "$A" '.schema' "relief.report/3"
check "$A" '.window.start' "2026-09-28"
check "$A" '"\(.window.weeks) \(.window.weeks_asked) \(.window.journal_start) \(.window.journal_days)"' "8 8 2026-09-28 56"
check "$A" '[.weeks[].pain] | map(. * 100 | round / 100) | join(" ")' "6 5.14 5.14 5.14 5.14 5.14 5.14 5.14"
check "$A" '[.weeks[].journal_days] | join(" ")' "7 7 7 7 7 7 7 7"
check "$A" '.coverage | "\(.days_logged) \(.fraction) \(.checkins) \(.sessions) \(.episodes) \(.backfilled)"' "56 1 56 7 7 0"
# R2 v2: the trend of the weekly means, with a Student t interval.
check "$A" '.trend.slope_per_week' "-0.07"
check "$A" '.trend.ci.low' "-0.17"
check "$A" '.trend.ci.high' "0.03"
check "$A" '.trend.pct_change * 10 | round / 10' "-7.7"
check "$A" '.trend.label' "no-meaningful-change"
# R3 needs 14 logged days before the first session; A has 7.
check "$A" '.before_after.available' "false"
check "$A" '.before_after.reason' "needs 14 days with pain logged before the first session and 14 from it on, has 7 and 49"
check "$A" '[.after_sessions.profile[0:7][].vs_before] | map(. * 100 | round / 100) | join(" ")' "0.01 -2.98 -2.98 0.03 0.03 0.04 0.05"
check "$A" '.after_sessions.profile[7].n' "0"
check "$A" '.after_sessions.profile[7].vs_before' "null"
check "$A" '.after_sessions.profile[1].vs_usual' "-2.98"
check "$A" '.after_sessions.relief_days | "\(.estimate) \(.ci.low) \(.ci.high) \(.censored)"' "2 2 2 false"
check "$A" '.after_sessions.relief_from' "1"
check "$A" '.after_sessions.effect.estimate' "-1.98"
check "$A" '.after_sessions.effect.ci.low' "-1.98"
check "$A" '.after_sessions.effect.ci.high' "-1.98"
check "$A" '.after_sessions.effect.pct_of_before | round' "-33"
check "$A" '.after_sessions.nap.estimate' "0.83"
check "$A" '.after_sessions.cliffs_delta' "0.67"
check "$A" '.after_sessions.verdict' "consistently-lower"
check "$A" '.after_sessions | "\(.carryover_possible) \(.day_after_higher) \(.uneven_logging)"' "true false false"
check "$A" '.right_after.available' "false"
check "$A" '.dose.available' "false"
check "$A" '.sleep_mood.mood.available' "false"
# R8, the answer.
check "$A" '.answer.helps' "lower-after"
check "$A" '.answer | "\(.sessions_lower) \(.sessions_counted) \(.relief_from) \(.median_gap_days) \(.sessions)"' "7 7 1 7 7"
check "$A" '.answer.relief_days | "\(.estimate) \(.ci.low) \(.ci.high) \(.censored)"' "2 2 2 false"
check "$A" '.answer.relief_day_share * 10000 | round' "2857"
check "$A" '.answer.effect_points' "-1.98"
check "$A" '.answer | "\(.more_sessions_needed) \(.more_days_needed) \(.trend_label)"' "null null no-meaningful-change"
check "$A" '.notes | join("|")' "based on only 7 sessions — a rough guide|not randomised or blinded; expectations can shape ratings"

B="$WORK/b.db"
check "$B" '.trend.slope_per_week' "-0.7"
check "$B" '.trend.exact_fit' "true"
check "$B" '.trend.ci' "null"
check "$B" '"\(.trend.first14) \(.trend.last14)"' "7.35 3.15"
check "$B" '.trend.pct_change | round' "-57"
check "$B" '.trend.label' "substantial-improvement"
check "$B" '.before_after.level_change.estimate | fabs' "0"
check "$B" '.before_after.slope_change_per_week.estimate | fabs' "0"
check "$B" '.before_after.trend_before_per_week.estimate' "-0.7"
check "$B" '.before_after.trend_warning' "true"
check "$B" '.before_after.simple_difference' "-2.8"
check "$B" '[.after_sessions.profile[0:7][].vs_before] | map(. * 100 | round / 100 | fabs) | join(" ")' "0 0 0 0 0 0 0"
check "$B" '.after_sessions.relief_days.estimate' "0"
check "$B" '.after_sessions.relief_from' "null"
check "$B" '.after_sessions.effect.estimate | fabs' "0"
check "$B" '.after_sessions.effect.ci | "\(.low * 1e6 | round | fabs) \(.high * 1e6 | round | fabs)"' "0 0"
check "$B" '.after_sessions.nap.estimate' "1"
check "$B" '.after_sessions.nap_trend_note' "true"
check "$B" '.after_sessions.verdict' "no-consistent-difference"
check "$B" '.after_sessions.carryover_possible' "true"
check "$B" '.dose.spearman_week' "-0.76"
check "$B" '.dose.per_session_unadjusted' "-2.8"
check "$B" '.dose.per_session_adjusted | fabs' "0"
check "$B" '.dose.verdict' "explained-by-trend"
check "$B" '.dose.longest_gap_days' "14"
check "$B" '.answer.helps' "too-close-to-tell"
check "$B" '.answer.relief_days' "null"
check "$B" '.answer.trend_label' "substantial-improvement"

# The text report answers first, in plain words, without statistical terms.
run --db "$A" report --end 2026-11-22
expect_code 0 "text report A"
expect_eq "$(printf '%s\n' "$OUT" | grep -v '^ ' | grep -v '^$' | sed -n 3p)" "In short (8 weeks, 7 sessions)" \
    "A: the answer comes first, after the window and coverage lines"
OUT=$(flatten "$OUT")
expect_match "$OUT" 'Does massage help\? Pain was lower after sessions: about 2.0 points \(33%\) lower on the 3 days after than on the 3 days before, after 7 of 7 sessions\.' "A: does it help"
expect_match "$OUT" 'How long\? Relief \(pain at least 1 point below the level before the session\) lasted through day 2' "A: how long"
expect_match "$OUT" 'How often\? You went about every 7 days \(7 sessions in 8 weeks\)\. About 29% of the days from your first session on were relief days \(about 2 of every 7 days\)\.' "A: how often"
expect_match "$OUT" 'Overall Your pain stayed about the same over the 8 weeks \(5.6 -> 5.1\)\.' "A: overall"
expect_match "$OUT" 'Keep in mind This is your own diary, not a trial: it shows what lined up, not what caused it\. Not randomised or blinded; expectations can shape ratings\. Your sessions are about 7 days apart, so relief lasting longer than 3–4 days would not show here\.' "A: the caveats come with the answer"
expect_match "$OUT" 'Weekly average pain changed by -0.07 points a week \(95% CI -0.17 to 0.03; 8 weeks\)\.' "A: trend line"
expect_match "$OUT" 'First 14 days 5.57 -> last 14 days 5.14: -0.43 \(-7.7%\), no meaningful change\.' "A: first vs last 14 days"
expect_match "$OUT" '\+1 +7 +-2.98 ' "A: lag +1 row"
expect_match "$OUT" 'your usual level away from sessions is about 5.8\.' "A: usual level as a pain level"
expect_match "$OUT" 'Days \+1 to \+3 vs the 3 days before: -1.98 \(95% CI -1.98 to -1.98; 7 sessions\),' "A: the effect with its n and interval"
expect_match "$OUT" 'Verdict: Pain was consistently lower after sessions' "A: verdict"
expect_match "$OUT" 'relief \(at least 1 point below the pre-session level\) lasted through day \+2 \(95% CI 2.0 to 2.0\)' "A: relief duration"
for word in NAP Cliff Spearman Newey Hodges Lehmann OLS segmented bootstrap residual SplitMix; do
    for db in "$A" "$B"; do
        for format in text markdown; do
            CHECKS=$((CHECKS + 1))
            if "$RELIEF" --db "$db" report --end 2026-11-22 --format "$format" | grep -q "$word"; then
                fail "\"$word\" in the default $format report of $db"
            fi
        done
    done
done
# ... nor in the default report of other journals (a demo, a short diary).
"$RELIEF" --db "$WORK/demo.db" demo --weeks 20 --seed 5 >/dev/null
"$RELIEF" --db "$WORK/short.db" demo --weeks 3 --seed 9 >/dev/null
for db in "$WORK/demo.db" "$WORK/short.db"; do
    for format in text markdown; do
        body=$("$RELIEF" --db "$db" report --weeks 20 --format "$format")
        for word in NAP Cliff Spearman Newey Hodges Lehmann OLS segmented bootstrap residual SplitMix; do
            CHECKS=$((CHECKS + 1))
            if printf '%s' "$body" | grep -q "$word"; then fail "\"$word\" in the default $format report of $db"; fi
        done
    done
done
run --db "$A" report --end 2026-11-22 --details
OUT=$(flatten "$OUT")
expect_match "$OUT" 'NAP: non-overlap of all pairs' "--details explains NAP"
expect_match "$OUT" 'NAP 0.83 ' "--details gives NAP"
expect_match "$OUT" 'SplitMix64 seed 20240601' "--details: the footer names the seed"
run --db "$A" report --end 2026-11-22
expect_match "$OUT" '^  Sleep quality was not logged in these weeks\.$' "A logs pain only: sleep quality was not logged"
expect_match "$OUT" '^  Sleep hours were not logged in these weeks\.$' "... nor sleep hours (were, not was)"
expect_match "$OUT" '^  Mood was not logged in these weeks\.$' "... nor mood"
check "$A" '.sleep_mood.sleep_quality.reason' "sleep quality was not logged in the window"
OUT=$(flatten "$OUT")
expect_match "$OUT" 'A 95% interval is the range the true figure most likely lies in; with few weeks it is likely too narrow\. relief report --details shows the statistics\. $' "the default footer says what an interval is"
CHECKS=$((CHECKS + 1))
if printf '%s' "$OUT" | grep -q "seed"; then fail "the default report names the seed (that is for --details)"; fi
run --db "$B" report --end 2026-11-22
OUT=$(flatten "$OUT")
expect_match "$OUT" "Does massage help\? Can't tell yet: your sessions are only about 7 days apart" "B: too close to tell"
expect_match "$OUT" 'Verdict: No consistent difference; the data are compatible with no change' "B: not called relief"
if printf '%s' "$OUT" | grep -q 'relief (at least'; then fail "B must claim no relief"; fi
if printf '%s' "$OUT" | grep -Eiq 'massage reduced|works|cured|no effect'; then fail "causal wording in B"; fi
run --db "$B" report --end 2026-11-22 --details
expect_match "$(flatten "$OUT")" 'trend accounts for it' "B: regularity, explained by the trend, in the details"

# Deterministic, byte for byte; the seed matters only to intervals.
r1=$("$RELIEF" --db "$A" report --end 2026-11-22 --format json)
r2=$("$RELIEF" --db "$A" report --end 2026-11-22 --format json)
expect_eq "$r1" "$r2" "the same journal gives the same report"
expect_eq "$(q "$A" '.settings.seed')" "20240601" "default seed"

# Markdown: the same content as tables.
run --db "$A" report --end 2026-11-22 --format markdown
expect_match "$OUT" '^# relief report' "markdown title"
expect_match "$OUT" '^## In short \(8 weeks, 7 sessions\)' "markdown: the answer first"
expect_match "$OUT" '^- \*\*Does massage help\?\*\* Pain was lower after sessions' "markdown: does it help"
expect_match "$OUT" '^\| \+1 \| 7 \| -2.98 \| -2.98 \| -50 \|$' "markdown lag table"
expect_match "$OUT" '\*\*Verdict:\*\* pain was consistently lower after sessions\.' "markdown verdict"

# ASCII fallback, 80 columns, no colour off a terminal.
OUT=$(LANG=C "$RELIEF" --db "$A" report --end 2026-11-22)
if printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]'; then fail "ASCII report has non-ASCII characters"; fi
if printf '%s\n' "$OUT" | awk 'length($0) > 80 { bad = 1 } END { exit !bad }'; then fail "a line is over 80 columns"; fi
if printf '%s' "$OUT" | grep -q $'\x1b'; then fail "colour escapes off a terminal"; fi
OUT=$("$RELIEF" --db "$A" report --end 2026-11-22 --ascii)
if printf '%s' "$OUT" | LC_ALL=C grep -q '[^ -~]'; then fail "--ascii output has non-ASCII characters"; fi

# Short and empty journals: a helpful report, never an error or a NaN.
run --db "$WORK/none.db" report --format json
expect_code 0 "report on a missing journal"
[ ! -e "$WORK/none.db" ] || fail "report created a journal"
expect_eq "$(printf '%s' "$OUT" | jq -r .trend.reason)" "Not enough data yet (0 of 7 days)" "empty journal reason"
expect_eq "$(printf '%s' "$OUT" | jq -r .sleep_mood.mood.available)" "false" "sleep_mood series present"
"$RELIEF" log --pain 4 --at 2026-11-21 --quiet
"$RELIEF" log --pain 5 --at 2026-11-22 --quiet
run report --end 2026-11-22
expect_match "$OUT" 'Not enough data yet \(2 of 7 days\)' "short journal says how far along"
if printf '%s' "$OUT" | grep -qi 'nan'; then fail "NaN in a short report"; fi

# Options: bad values are usage errors.
run report --weeks 0
expect_error 2 '--weeks must be a whole number from 1 to 520, got "0"' "--weeks 0"
run report --weeks 521
expect_code 2 "--weeks 521"
run report --end 2026-02-30
expect_code 2 "--end impossible date"
run report --relief-threshold -1
expect_error 2 '--relief-threshold must be a number above 0 and at most 10, got "-1"' "bad threshold"
run report --format pdf
expect_error 2 '--format must be text, json, markdown or html, got "pdf"' "bad format"
printf '[report]\nweeks = 2\nrelief_threshold = 2.5\n' > "$RELIEF_CONFIG"
expect_eq "$(q "$A" '"\(.window.weeks) \(.settings.relief_threshold)"')" "2 2.5" "report defaults from the config"
expect_eq "$("$RELIEF" --db "$A" report --end 2026-11-22 --weeks 3 --relief-threshold 1.5 --seed 7 --exclude-backfilled --format json | jq -r '"\(.window.weeks) \(.settings.relief_threshold) \(.settings.seed) \(.settings.exclude_backfilled)"')" "3 1.5 7 true" "flags beat the config"

finish
