#!/usr/bin/env bash
# relief trial end to end, as the hidden checks drive it: start with a seed
# before day 0, import a journal, report and plan as JSON; then a trial run
# with RELIEF_NOW stepping through its 16 weeks (status, remind on booking
# days, a verdict only at the end), stop, undo, export/import, ICS, check.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
export RELIEF_NOW=2026-11-30T20:00:00
day() { date -u -d "2026-12-01 +$1 days" +%F; }

run trial start --start 2026-12-01 --pairs 7 --seed 42
expect_code 0 "trial start"
expect_match "$OUT" '^Trial [0-9a-f]{8}: 2026-12-01 to 2027-03-22 \(16 weeks\), seed 0x000000000000002a \(chosen with --seed\)' "start prints the calendar"
run trial start --seed 1
expect_error 2 "a trial is already running (started 2026-12-01, ends 2027-03-22); relief trial stop ends it early" "one trial at a time"
run trial start --pairs 5
expect_error 2 '--pairs must be a whole number from 6 to 12, got "5"' "--pairs range"

# The plan: the coin is SplitMix64(42), bit = next() >> 63 per pair.
run trial plan --format json
expect_eq "$(printf '%s' "$OUT" | jq -r .schema)" "relief.trial-plan/1" "plan schema"
expect_eq "$(printf '%s' "$OUT" | jq -r '.trial.assignments | join(" ")')" "massage-first rest-first rest-first rest-first rest-first massage-first rest-first" "the seeded assignments"
expect_eq "$(printf '%s' "$OUT" | jq -r '.weeks | length')" "14" "14 weeks"
expect_eq "$(printf '%s' "$OUT" | jq -c '.weeks[0]')" '{"pair":0,"week":0,"kind":"massage","start":"2026-12-15","end":"2026-12-21","bookings":[{"first":"2026-12-15","last":"2026-12-16"},{"first":"2026-12-18","last":"2026-12-19"}]}' "a massage week and its booking windows"
expect_eq "$(printf '%s' "$OUT" | jq -c '.weeks[1].bookings')" '[]' "a rest week books nothing"
expect_eq "$(printf '%s' "$OUT" | jq -c '.run_in')" '{"start":"2026-12-01","end":"2026-12-14"}' "the run-in"
PLAN=$OUT

# iCalendar: CRLF lines, one all-day event per booking window, balanced blocks.
"$RELIEF" trial plan --format ics > "$WORK/trial.ics"
ics=$(tr -d '\r' < "$WORK/trial.ics")
expect_eq "$(grep -c $'\r$' "$WORK/trial.ics")" "$(wc -l < "$WORK/trial.ics")" "ics lines end with CRLF"
expect_eq "$(printf '%s\n' "$ics" | grep -c '^BEGIN:VEVENT$')" "14" "two events per massage week"
expect_eq "$(printf '%s\n' "$ics" | grep -c '^END:VEVENT$')" "14" "events closed"
expect_match "$ics" '^BEGIN:VCALENDAR' "a calendar"
expect_match "$ics" 'VERSION:2.0' "iCalendar 2.0"
expect_match "$ics" 'PRODID:' "a product id"
expect_match "$ics" 'DTSTART;VALUE=DATE:20261215' "the first booking window starts 2026-12-15"
expect_match "$ics" 'DTEND;VALUE=DATE:20261217' "... and ends (exclusive) 2026-12-17"
CHECKS=$((CHECKS + 1))
awk 'length($0) > 76 { bad = 1 } END { exit bad }' "$WORK/trial.ics" || fail "an ics line is longer than 75 octets"
expect_eq "$(printf '%s\n' "$ics" | grep '^UID:' | sort -u | wc -l)" "14" "every event has its own UID"

# A journal that follows the plan: rest weeks pain 6, massage weeks 4 (days
# 2-6), sessions on days 0 and 3 of massage weeks.
{
    echo "type,at,pain,minutes"
    for i in $(seq 0 111); do
        d=$(day "$i")
        kind=$(printf '%s' "$PLAN" | jq -r --arg d "$d" '.weeks[] | select(.start <= $d and .end >= $d) | .kind')
        p=5
        [ "$kind" = massage ] && p=4
        [ "$kind" = rest ] && p=6
        echo "checkin,${d}T20:00:00Z,$p,"
        if [ "$kind" = massage ]; then
            start=$(printf '%s' "$PLAN" | jq -r --arg d "$d" '.weeks[] | select(.start <= $d and .end >= $d) | .start')
            if [ "$d" = "$start" ] || [ "$d" = "$(date -u -d "$start +3 days" +%F)" ]; then
                echo "session,${d}T10:00:00Z,,60"
            fi
        fi
    done
} > "$WORK/trial.csv"

# Stepping through the trial: status and remind each week, no verdict before the end.
status_at() { RELIEF_NOW="$1T20:00:00" "$RELIEF" trial 2>&1 | head -1; }
expect_eq "$(status_at 2026-11-30)" "trial: starts Tue 1 with two weeks of logging as usual" "before the start"
expect_eq "$(status_at 2026-12-03)" "trial: run-in, day 3 of 14 — life as usual, log every evening; the first pair starts Tue 15" "in the run-in"
expect_eq "$(status_at 2026-12-15)" "trial: massage week (pair 1 of 7) — book sessions on Tue 15 or Wed 16, and Fri 18 or Sat 19" "a massage week's first day"
expect_eq "$(status_at 2026-12-23)" "trial: rest week (pair 1 of 7) — no massage until Tue 5" "a rest week (pair 2 starts with its rest week)"
OUT=$(RELIEF_NOW=2026-12-15T21:00:00 "$RELIEF" remind 2>&1)
CODE=$?
expect_code 1 "remind on a booking day without a check-in"
expect_match "$OUT" "trial: massage week \\(pair 1 of 7\\) — book sessions on Tue 15 or Wed 16" "remind carries the trial's line"
RELIEF_NOW=2026-12-16T21:00:00 "$RELIEF" log --pain 4 -q
OUT=$(RELIEF_NOW=2026-12-16T21:00:00 "$RELIEF" remind --massage 2>&1)
expect_match "$OUT" "book sessions on" "remind --massage on a booking day says what to book"
"$RELIEF" undo --yes -q
RELIEF_NOW=2027-04-01T20:00:00 "$RELIEF" import "$WORK/trial.csv" >/dev/null
for week in 3 5 7 9 11 13 15; do
    at=$(date -u -d "2026-12-01 +$((week * 7)) days" +%F)
    OUT=$(RELIEF_NOW="${at}T20:00:00" "$RELIEF" trial report --format json)
    expect_eq "$(printf '%s' "$OUT" | jq -r '"\(.trial.status) \(.verdict) \(.p_two_sided) \(.difference)"')" "running in-progress null null" "week $week: no verdict, no p-value while it runs"
done
OUT=$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" trial report --format json)
expect_eq "$(printf '%s' "$OUT" | jq -r '"\(.trial.status) \(.verdict) \(.complete_pairs) \(.better_in) \(.worse_in)"')" "complete massage-better 7 7 0" "the day after the end: the verdict"
expect_eq "$(printf '%s' "$OUT" | jq -r '"\(.difference.estimate) \(.p_two_sided) \(.p_lower)"')" "2 0.015625 0.0078125" "the estimate and exact p-values"
expect_eq "$(printf '%s' "$OUT" | jq -r '.pairs[0] | "\(.massage_mean) \(.rest_mean) \(.difference) \(.massage_days) \(.rest_days) \(.massage_sessions) \(.rest_sessions) \(.state) \(.deviation)"')" "4 6 2 5 5 2 0 complete false" "a pair's row"
expect_eq "$(printf '%s' "$OUT" | jq -r '.run_in | "\(.days) \(.days_logged) \(.mean_pain)"')" "14 14 5" "the run-in"
expect_eq "$(printf '%s' "$OUT" | jq -r '.deviations | length')" "0" "no deviations"
expect_eq "$(printf '%s' "$OUT" | jq -r '.schema')" "relief.trial/2" "report schema"
OUT=$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" trial report)
expect_match "$(flatten "$OUT")" "In this trial, pain was 2.0 points lower in weeks with massage than in weeks without \\(95% CI" "the text report answers first"
expect_match "$(flatten "$OUT")" "Massage weeks were better in 7 of 7 pairs" "... with the pairs"
expect_match "$OUT" "^Run-in: 14 days of life as usual; pain logged on 14 of them, average 5\.0\.$" "the run-in's counts say what they count"
OUT=$(RELIEF_NOW=2026-12-05T20:00:00 "$RELIEF" trial report)
expect_match "$OUT" "^Run-in: 5 of its 14 days of life as usual; pain logged on 5 of them, average 5\.0\.$" "... and while it runs, how far it is"
OUT=$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" trial report --format html)
expect_match "$OUT" '<svg viewBox' "the HTML report has its per-pair chart"
if printf '%s' "$OUT" | grep -Eiq '<script|(src|href)='; then fail "the trial page has script or references"; fi
OUT=$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" report --end 2027-03-22 2>&1 >/dev/null); ERR=$OUT
expect_match "$ERR" "relief trial report" "relief report points to the trial"

# A deviation: a session in a rest week.
printf 'type,at,minutes\nsession,2026-12-24T10:00:00Z,60\n' > "$WORK/extra.csv"
RELIEF_NOW=2027-04-01T20:00:00 "$RELIEF" import "$WORK/extra.csv" >/dev/null
OUT=$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" trial report --format json)
expect_eq "$(printf '%s' "$OUT" | jq -c '.deviations')" '[{"pair":0,"week":"rest","start":"2026-12-22","sessions":1,"dates":["2026-12-24"]}]' "a rest-week session is a deviation"
expect_eq "$(printf '%s' "$OUT" | jq -r '.per_protocol.pairs')" "6" "the per-protocol check leaves that pair out"

# Export and import carry the trial; backup keeps it; check checks it.
export RELIEF_NOW=2027-04-01T20:00:00
"$RELIEF" export --format json > "$WORK/all.json"
RELIEF_DB="$WORK/copy.db" "$RELIEF" import "$WORK/all.json" >/dev/null
expect_eq "$(RELIEF_DB="$WORK/copy.db" "$RELIEF" export --format json)" "$(cat "$WORK/all.json")" "a JSON round trip keeps the trial, byte for byte"
run export
expect_eq "$ERR" "relief: note: the journal's 1 trial is not in CSV; relief export --format json carries it" "CSV says it leaves the trial out"
"$RELIEF" backup "$WORK/backup.db" >/dev/null
expect_eq "$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" --db "$WORK/backup.db" trial report --format json | jq -r .verdict)" "massage-better" "the backup keeps the trial"
run check
expect_code 0 "check passes a journal with a trial"

# Stop: only a running trial; the analysis keeps the pairs complete by then.
export RELIEF_DB="$WORK/stop.db"
RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" trial start --start 2026-12-01 --seed 42 >/dev/null
RELIEF_NOW=2027-04-01T20:00:00 "$RELIEF" import "$WORK/trial.csv" >/dev/null
# With 4 complete pairs the test cannot answer: the stop says so first and,
# off a terminal, needs --yes (at a terminal it asks).
before_stop=$("$RELIEF" export --format json)
OUT=$(RELIEF_NOW=2027-02-10T20:00:00 "$RELIEF" trial stop 2>&1 </dev/null)
CODE=$?
expect_code 2 "trial stop with 4 complete pairs, off a terminal, without --yes"
expect_eq "$OUT" "relief: error: only 4 of the trial's pairs are complete, and its test needs 6: stopped now, the trial ends with no answer; relief trial stop --yes stops it all the same" \
    "... says there will be no answer"
expect_eq "$("$RELIEF" export --format json)" "$before_stop" "... and stops nothing"
if [ -n "${PTYRUN:-}" ]; then
    OUT=$(RELIEF_NOW=2027-02-10T20:00:00 "$PTYRUN" 'n\n' -- "$RELIEF" trial stop)
    expect_match "$OUT" "Only 4 of the trial's pairs are complete, and its test needs 6" "at a terminal it warns"
    expect_match "$OUT" "Cancelled; the trial goes on\." "... and a no keeps it running"
fi
OUT=$(RELIEF_NOW=2027-02-10T20:00:00 "$RELIEF" trial stop --yes 2>&1)
expect_match "$OUT" "^Stopped the trial [0-9a-f]{8} on 2027-02-10\\." "trial stop --yes"
OUT=$(RELIEF_NOW=2027-04-01T20:00:00 "$RELIEF" trial report --format json)
expect_eq "$(printf '%s' "$OUT" | jq -r '"\(.trial.status) \(.trial.stopped_on) \(.complete_pairs) \(.verdict)"')" "stopped 2027-02-10 4 too-few-pairs" "a stopped trial uses the pairs complete by then"
expect_eq "$(printf '%s' "$OUT" | jq -r '[.pairs[].state] | join(" ")')" "complete complete complete complete pending pending pending" "the rest are pending"
OUT=$(RELIEF_NOW=2027-02-11T20:00:00 "$RELIEF" trial stop --yes 2>&1)
expect_eq "$OUT" "relief: error: no trial is running (relief trial start begins one)" "stop without a running trial"
RELIEF_NOW=2027-02-10T20:05:00 "$RELIEF" undo -q
expect_eq "$(RELIEF_NOW=2027-02-10T20:06:00 "$RELIEF" trial report --format json | jq -r .trial.status)" "running" "undo takes the stop back"
RELIEF_NOW=2027-02-10T20:06:00 "$RELIEF" redo -q
expect_eq "$(RELIEF_NOW=2027-02-10T20:06:00 "$RELIEF" trial report --format json | jq -r .trial.status)" "stopped" "... and redo brings it back"

# demo --trial: a finished trial in one command.
run --db "$WORK/demo-trial.db" demo --trial
expect_match "$OUT" "Try: relief --db $WORK/demo-trial.db trial report" "demo --trial says what to run, with its --db"
expect_match "$("$RELIEF" --db "$WORK/demo-trial.db" trial report --format json | jq -r .trial.status)" "complete" "the demo trial is finished"

# A trial called off before its first day stops on that day, never before
# it (relief check holds every journal to that).
export RELIEF_NOW=2026-11-23T20:00:00
rm -f "$RELIEF_DB"
"$RELIEF" trial start --seed 170 >/dev/null
run trial stop --yes
expect_match "$OUT" "^Called off the trial [0-9a-f]{8} before it began \\(on 2026-11-24\\); relief undo takes that back\\.$" "stopping before the start"
run check
expect_code 0 "a trial called off before it began passes relief check"
run trial report --format json
expect_eq "$(printf '%s' "$OUT" | jq -r '"\(.trial.status) \(.trial.stopped_on)"')" "stopped 2026-11-24" "stopped on its first day"

# --start is today or later (a coin drawn now cannot decide weeks that already
# happened), and a trial ends by 9999-12-31.
G="$WORK/guard.db"
run --db "$G" trial start --start -130d --seed 1
expect_error 2 "--start must be today or later, got 2026-07-16: the coin decides weeks still to come, not weeks that already happened" \
    "a start in the past is refused"
run --db "$G" trial start --start 9999-10-01 --seed 1
expect_error 2 "--start 9999-10-01: the trial would end after 9999-12-31, the last day relief can write" \
    "a trial past 9999-12-31 is refused"
run --db "$G" trial start --start today --seed 1
expect_code 0 "a trial may start today"

# One trial at a time, whichever way trials get in: undo, a new start, redo
# (the undone start was retired by the new one); an import of two that
# overlap, or of one that overlaps the journal's; and relief check finds
# overlapping trials however they came about.
R="$WORK/redo.db"
"$RELIEF" --db "$R" trial start --seed 1 >/dev/null
"$RELIEF" --db "$R" undo -q
"$RELIEF" --db "$R" trial start --seed 2 >/dev/null
run --db "$R" redo
expect_code 1 "redo cannot bring back a trial undone before another started"
expect_eq "$("$RELIEF" --db "$R" export --format json | jq '.trials | length')" "1" "... one trial"
trial_json() { # ID START [STOPPED_ON]
    printf '{"id":"%s","start":"%s","pairs":7,"seed":"0x0000000000000001","seed_chosen":true,"stopped_on":%s,"started_at":"2026-11-01T20:00:00+00:00"}' \
        "$1" "$2" "${3:-null}"
}
A=aaaaaaaa-0000-4000-8000-000000000001
B=bbbbbbbb-0000-4000-8000-000000000002
printf '{"schema":"relief.export/1","records":[],"trials":[\n%s,\n%s\n]}\n' \
    "$(trial_json $A 2026-11-02)" "$(trial_json $B 2026-11-16)" > "$WORK/two.json"
run --db "$WORK/two.db" import "$WORK/two.json"
expect_code 2 "an import of two overlapping trials is refused"
expect_match "$ERR" "two.json:[0-9]+: the trial bbbbbbbb \(2026-11-16 to 2027-03-07\) overlaps the trial aaaaaaaa \(2026-11-02 to 2027-02-21\): only one trial can run at a time" \
    "... saying which"
CHECKS=$((CHECKS + 1))
[ -e "$WORK/two.db" ] && [ "$("$RELIEF" --db "$WORK/two.db" export --format json | jq '.trials | length')" != 0 ] && fail "a trial was imported"
printf '{"schema":"relief.export/1","records":[],"trials":[\n%s,\n%s\n]}\n' \
    "$(trial_json $A 2026-06-01 '"2026-06-20"')" "$(trial_json $B 2026-11-16)" > "$WORK/apart.json"
run --db "$WORK/apart.db" import "$WORK/apart.json"
expect_code 0 "a stopped trial and a later one do not overlap"
printf '{"schema":"relief.export/1","records":[],"trials":[\n%s\n]}\n' "$(trial_json $A 2026-11-20)" > "$WORK/onto.json"
run --db "$R" import "$WORK/onto.json"
expect_code 2 "an imported trial that overlaps the journal's is refused"
printf '{"schema":"relief.export/1","records":[],"trials":[\n%s\n]}\n' "$(trial_json $A 9999-10-01)" > "$WORK/late.json"
run --db "$WORK/late.db" import "$WORK/late.json"
expect_code 2 "an imported trial must end by 9999-12-31, as trial start checks"
expect_match "$ERR" "late.json:2: the trial would end after 9999-12-31" "... saying so"
# Two running trials planted behind relief's back: check reports them.
"$RELIEF" --db "$WORK/planted.db" trial start --seed 3 >/dev/null
sqlite3 "$WORK/planted.db" "INSERT INTO trial_event (trial, kind, day, pairs, seed, seed_chosen, made_utc, step)
    SELECT '$B', 'start', day + 7, 7, '0x0000000000000009', 1, made_utc, step FROM trial_event"
run --db "$WORK/planted.db" check
expect_code 1 "check on overlapping trials"
expect_match "$OUT" "^problem: value: the trials [0-9a-f]{8} \(2026-11-24 to 2027-03-15\) and bbbbbbbb \(2026-12-01 to 2027-03-22\) run at the same time$" \
    "check names the overlapping trials"

# --worth (trial v2): the difference that would make massage worth it, 0.5–3
# points with one decimal, fixed at the start and judged by at the end.
W="$WORK/worth.db"
run --db "$W" trial start --seed 5 --worth 4
expect_error 2 '--worth must be a number of points from 0.5 to 3 with at most one decimal (like 1 or 1.5), got "4"' "--worth above 3"
run --db "$W" trial start --seed 5 --worth 1.25
expect_code 2 "--worth with two decimals"
run --db "$W" trial start --seed 5 --worth 1,5
expect_code 0 "--worth takes a decimal comma"
expect_match "$(flatten "$OUT")" "Your rule, fixed now: massage is worth it to you if pain is at least 1\.5 points lower in massage weeks\. The trial compares weeks, so it sees relief that lasts days, not a benefit that builds over months" \
    "the plan states the rule and what the trial can and cannot find"
expect_eq "$("$RELIEF" --db "$W" trial report --format json | jq -c '[.trial.worthwhile, .decision]')" "[1.5,null]" \
    "trial.worthwhile, and no decision while it runs"
expect_eq "$("$RELIEF" --db "$W" trial plan --format json | jq '.trial.worthwhile')" "1.5" "the plan's JSON"
expect_match "$("$RELIEF" --db "$W" trial)" "^Your rule: massage is worth it if pain is at least 1\.5 points lower in massage weeks \(fixed at the start\)\.$" \
    "status shows the rule"
expect_match "$(flatten "$("$RELIEF" --db "$W" trial report)")" "The decision comes when the trial ends, by the rule you set at the start: massage is worth it if pain is at least 1\.5 points lower" \
    "the report says the decision waits for the end"
# Nothing changes it later: an import of the same trial with another rule
# keeps the one fixed at the start.
"$RELIEF" --db "$W" export --format json | sed 's/"worthwhile":1.5/"worthwhile":3/' > "$WORK/worth3.json"
"$RELIEF" --db "$W" import -q "$WORK/worth3.json"
expect_eq "$("$RELIEF" --db "$W" trial report --format json | jq '.trial.worthwhile')" "1.5" "a re-import cannot change the rule"
"$RELIEF" --db "$W" export --format json > "$WORK/w1.json"
"$RELIEF" --db "$WORK/w2.db" import -q "$WORK/w1.json"
expect_eq "$("$RELIEF" --db "$WORK/w2.db" export --format json)" "$(cat "$WORK/w1.json")" "export, import, export keeps the rule byte for byte"
# Asked at a terminal, with the reason in one line.
if [ -n "${PTYRUN:-}" ]; then
    OUT=$("$PTYRUN" '2\n' -- "$RELIEF" --db "$WORK/asked.db" trial start --seed 5)
    expect_match "$OUT" "The trial ends in a decision by your own rule, fixed now, before the coin falls\." "the reason, in one line"
    expect_match "$OUT" "How many points lower would your pain have to be for massage to be worth it to you\? \[1\]" "the question"
    expect_eq "$("$RELIEF" --db "$WORK/asked.db" trial report --format json | jq '.trial.worthwhile')" "2" "the answer is the rule"
fi
# The finished demo trial ends in a decision.
"$RELIEF" --db "$WORK/demo-decision.db" demo --trial >/dev/null
expect_match "$("$RELIEF" --db "$WORK/demo-decision.db" trial report --format json | jq -r .decision)" \
    "^(worth-it|better-but-small|not-worth-it|cant-tell)$" "demo --trial shows a decision"

# The daily line can be followed blindly (trial v2 §2).
# 1. In a rest week, "no massage until" names the next massage week's first
# day: for a pair whose rest week comes first, the second week of that pair.
# Every pair of several seeds, on every day of its rest week.
for seed in 7 11 170 2024; do
    D="$WORK/line-$seed.db"
    RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" --db "$D" trial start --seed "$seed" --start 2026-12-01 >/dev/null
    plan=$(RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" --db "$D" trial plan --format json)
    while read -r rest_start massage_next; do
        for k in 0 3 6; do
            day=$(date -u -d "$rest_start +$k days" +%F)
            want=$(date -u -d "$massage_next" +'%a %-d')
            [ "$massage_next" = none ] && want="the trial ends"
            line=$(RELIEF_NOW="${day}T20:00:00" "$RELIEF" --db "$D" trial | head -1)
            CHECKS=$((CHECKS + 1))
            case $line in *"$want"*) ;; *) fail "seed $seed, $day (rest week): [$line] should name $want" ;; esac
        done
    done < <(jq -r '.weeks as $w | range(0; $w | length) as $i | select($w[$i].kind == "rest") |
        ([$w[] | select(.kind == "massage" and .start > $w[$i].start) | .start] | first // "none") as $next |
        "\($w[$i].start) \($next)"' <<<"$plan")
done
# 2. While a trial runs, its plan says when a session is due, never
# massage.every_days: a rest-week evening is not "overdue".
D="$WORK/line-7.db"
printf '[massage]\nevery_days = 3\n' > "$WORK/every3.toml"
rest=$(jq -r '[.weeks[] | select(.kind == "rest")][0].start' <<<"$(RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" --db "$D" trial plan --format json)")
OUT=$(RELIEF_CONFIG="$WORK/every3.toml" RELIEF_NOW="${rest}T21:00:00" "$RELIEF" --db "$D" remind 2>&1)
CHECKS=$((CHECKS + 1))
case $OUT in *"A session is due"*) fail "remind in a rest week says a session is due: $OUT" ;; esac
expect_match "$OUT" "trial: rest week" "... it gives the trial's line"
OUT=$(RELIEF_CONFIG="$WORK/every3.toml" RELIEF_NOW="${rest}T21:00:00" "$RELIEF" --db "$D" remind --massage 2>&1)
CODE=$?
expect_code 0 "remind --massage in a rest week: nothing due"
OUT=$(RELIEF_CONFIG="$WORK/every3.toml" RELIEF_NOW="${rest}T21:00:00" "$RELIEF" --db "$D" status 2>&1)
CHECKS=$((CHECKS + 1))
case $OUT in *"is due"*) fail "status in a rest week says a session is due: $OUT" ;; esac
# 3. A booking window that has passed is said so, never "book by" a day that is over.
massage=$(jq -r '[.weeks[] | select(.kind == "massage")][0].start' <<<"$(RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" --db "$D" trial plan --format json)")
at() { date -u -d "$massage +$1 days" +%F; }
line=$(RELIEF_NOW="$(at 2)T20:00:00" "$RELIEF" --db "$D" trial | head -1)
expect_match "$line" "the days for the first session have passed; book one on" "day 2 with no session: the first window passed"
line=$(RELIEF_NOW="$(at 5)T20:00:00" "$RELIEF" --db "$D" trial | head -1)
expect_match "$line" "the days for both sessions have passed: don't book one now; this week will count as a deviation" \
    "day 5 with no session: both windows passed"
RELIEF_NOW="$(at 0)T20:00:00" "$RELIEF" --db "$D" log --massage 60 --at "$(at 0) 10:00" -q
line=$(RELIEF_NOW="$(at 5)T20:00:00" "$RELIEF" --db "$D" trial | head -1)
expect_match "$line" "the days for the second session have passed: don't book one now" "one session, day 5"
CHECKS=$((CHECKS + 1))
case $line in *"book the second session by"*) fail "book by a day that is over: $line" ;; esac
line=$(RELIEF_NOW="$(at 4)T08:00:00" "$RELIEF" --db "$D" trial | head -1)
expect_match "$line" "book the second session on .* \(today\)" "the second window's last day is today"
# 4. A session logged in a rest week is kept, and log says so.
OUT=$(RELIEF_NOW="${rest}T20:00:00" "$RELIEF" --db "$D" log --massage 30 --at "$rest 10:00")
expect_match "$OUT" "^This is a rest week of your trial: the session is kept and counted as a deviation\.$" \
    "log names a rest-week session"
# 5. Today's step as fields.
step=$(RELIEF_NOW="$(at 1)T08:00:00" "$RELIEF" --db "$D" trial --format json)
expect_eq "$(jq -c '[.phase, .week_kind, .sessions_this_week, (.bookings | length), .booking_due]' <<<"$step")" \
    '["pair","massage",1,1,false]' "trial --format json: phase, week kind, sessions, bookings left"
expect_eq "$(jq -r '.bookings[0].first' <<<"$step")" "$(at 3)" "... the booking left, with its dates"
expect_match "$(jq -r '.next_massage_week' <<<"$step")" '^20[0-9]{2}-[0-9]{2}-[0-9]{2}$' "... the next massage week"
expect_eq "$(jq -r '.pair' <<<"$step")" "0" "... the pair (0-based, as in pairs[])"

# trial report -o/--force, as report has them.
T="$WORK/line-11.db"
RELIEF_NOW=2026-12-20T20:00:00 "$RELIEF" --db "$T" trial report -o "$WORK/trial.txt"
expect_eq "$(stat -c %a "$WORK/trial.txt")" "600" "trial report -o writes a private file"
expect_match "$(cat "$WORK/trial.txt")" "^relief trial " "... holding the report"
run --db "$T" trial report -o "$WORK/trial.txt"
expect_error 2 "$WORK/trial.txt already exists; add --force to replace it" "trial report -o never replaces without --force"
run --db "$T" trial report --format html -o "$WORK/trial.txt" --force
expect_code 0 "trial report --force replaces it"
expect_match "$(head -1 "$WORK/trial.txt")" "^<!DOCTYPE html>" "... with the new report"
run --db "$T" trial report -o "$T"
expect_error 2 "$T is the journal (or one of its files); a report never writes over it" "never over the journal"

# After a stop, the calendar keeps every event's UID and cancels the
# bookings still to come (STATUS:CANCELLED, a higher SEQUENCE), read by a
# real iCalendar parser where Debian's is installed.
C="$WORK/cal.db"
RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" --db "$C" trial start --start 2026-12-01 --seed 3 >/dev/null
RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" --db "$C" trial plan --format ics > "$WORK/before.ics"
RELIEF_NOW=2027-01-10T20:00:00 "$RELIEF" --db "$C" trial stop --yes >/dev/null
RELIEF_NOW=2027-01-10T20:00:00 "$RELIEF" --db "$C" trial plan --format ics > "$WORK/after.ics"
uids() { grep '^UID:' "$1" | tr -d '\r' | sort; }
expect_eq "$(uids "$WORK/after.ics")" "$(uids "$WORK/before.ics")" "the same UIDs after a stop"
if /usr/bin/python3 -c 'import icalendar' 2>/dev/null; then
    summary=$(/usr/bin/python3 - "$WORK/before.ics" "$WORK/after.ics" <<'PY'
import sys, icalendar
def events(path):
    cal = icalendar.Calendar.from_ical(open(path, 'rb').read())
    return {str(e['UID']): e for e in cal.walk('VEVENT')}
before, after = events(sys.argv[1]), events(sys.argv[2])
stop = __import__('datetime').date(2027, 1, 10)
ok = set(before) == set(after)
for uid, e in after.items():
    day = e.decoded('DTSTART')
    cancelled = str(e.get('STATUS', '')) == 'CANCELLED'
    later = e.decoded('DTEND') - __import__('datetime').timedelta(days=1) > stop
    ok = ok and cancelled == later and (int(e.get('SEQUENCE', 0)) > int(before[uid].get('SEQUENCE', 0))) == later
print('ok' if ok else 'wrong', sum(str(e.get('STATUS', '')) == 'CANCELLED' for e in after.values()), len(after))
PY
)
    expect_eq "$summary" "ok 10 14" "the parser reads 14 events, the 10 after the stop cancelled with a higher SEQUENCE"
else
    echo "python3-icalendar is not installed: the calendar is checked by its text only" >&2
fi
expect_eq "$(grep -c '^STATUS:CANCELLED' "$WORK/after.ics")" "10" "10 bookings after the stop cancelled"

# The report fits one printed page: the text in 66 lines of 80 columns, the
# HTML on one sheet of US Letter and of A4, with the decision, the per-pair
# chart and its scale, the deviations, the run-in, washout and adherence.
P="$WORK/page.db"
"$RELIEF" --db "$P" demo --trial >/dev/null
rest=$("$RELIEF" --db "$P" trial report --format json | jq -r '.pairs[2].rest_week')
"$RELIEF" --db "$P" log --massage 45 --at "$rest 10:00" --again -q  # a deviation
"$RELIEF" --db "$P" trial report > "$WORK/page.txt"
expect_eq "$(awk 'length($0) > 80' "$WORK/page.txt" | wc -l)" "0" "the text report keeps to 80 columns"
CHECKS=$((CHECKS + 1))
[ "$(wc -l < "$WORK/page.txt")" -le 66 ] || fail "the text report has $(wc -l < "$WORK/page.txt") lines, more than a page"
expect_match "$(cat "$WORK/page.txt")" "Deviations from the plan" "the text lists the deviations"
"$RELIEF" --db "$P" trial report --format html -o "$WORK/page.html"
page=$(cat "$WORK/page.html")
expect_match "$page" 'class="decision">By the rule you set at the start' "the HTML opens with the decision"
expect_match "$page" 'text-anchor="end">\+1</text>' "the pair chart has a scale in points"
expect_match "$page" 'Deviations from the plan \(1\): pair 3, rest week' "the HTML lists the deviations"
expect_match "$page" 'Run-in: 14 days of life as usual; pain logged on [0-9]+ of them' "... the run-in, saying what its counts count"
expect_match "$page" 'Washout: days 0–1' "... the washout"
if command -v chromium >/dev/null && command -v pdfinfo >/dev/null; then
    print_pdf() {
        timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
            --disable-background-networking --disable-component-update --disable-sync \
            --user-data-dir="$WORK/chrome" --no-pdf-header-footer --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
    }
    print_pdf "$WORK/page.html" "$WORK/letter.pdf"
    expect_match "$(pdfinfo "$WORK/letter.pdf")" 'Pages: +1$' "the trial report prints on one page of US Letter"
    sed 's/@page{margin:10mm}/@page{size:A4;margin:10mm}/' "$WORK/page.html" > "$WORK/a4.html"
    print_pdf "$WORK/a4.html" "$WORK/a4.pdf"
    expect_match "$(pdfinfo "$WORK/a4.pdf")" 'Page size: .*\(A4\)' "the A4 print is A4"
    expect_match "$(pdfinfo "$WORK/a4.pdf")" 'Pages: +1$' "... and one page"
else
    echo "chromium or poppler-utils missing: the printed page is not checked" >&2
fi

# No clear difference still says which way the difference went: one pair's
# massage week 1 point lower, every other week the same (D = +0.14, p = 1).
export RELIEF_DB="$WORK/null.db"
RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" trial start --start 2026-12-01 --pairs 7 --seed 42 >/dev/null
first_massage=$(RELIEF_NOW=2026-11-30T20:00:00 "$RELIEF" trial plan --format json | jq -r '.weeks[0].start')
awk -F, -v from="$first_massage" 'NR > 1 && $1 == "checkin" {
        p = 5; if (substr($2, 1, 10) >= from && substr($2, 1, 10) < "2026-12-22") p = 4
        $3 = p } { print }' OFS=, "$WORK/trial.csv" > "$WORK/null.csv"
RELIEF_NOW=2027-04-01T20:00:00 "$RELIEF" import "$WORK/null.csv" >/dev/null
OUT=$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" trial report)
expect_eq "$(RELIEF_NOW=2027-03-23T20:00:00 "$RELIEF" trial report --format json | jq -r .verdict)" "no-clear-difference" "a trial with one better pair: no clear difference"
expect_match "$(flatten "$OUT")" "No clear difference between massage and rest weeks: pain was 0\.1 points lower in massage weeks \(95% CI .*; 7 pairs, p = 1\), which chance alone could give\." \
    "... and the text says which way it went"

finish
