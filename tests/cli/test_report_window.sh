#!/usr/bin/env bash
# relief report, version 3: the answer's window (docs/methods.md §1) as a
# person who goes every 9–14 days sees it, in text and JSON; the counts
# with their reasons; a window that lies wholly before the journal.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
export LANG=C.UTF-8

day() { date -u -d "2026-11-23 -$1 days" +%F; }

# journal DAYS EVERY: DAYS days of pain ending on 2026-11-22 (5, or 3 on the
# two days after a session), a session every EVERY days, the last 3 days
# before the end (t counts days back: 1 is 2026-11-22).
journal() {
    local days=$1 every=$2 t p
    is_session() { [ "$1" -ge 4 ] && [ "$1" -le $((days - 3)) ] && [ $((($1 - 4) % every)) -eq 0 ]; }
    echo "type,at,pain,minutes,kind"
    for ((t = days; t >= 1; t--)); do
        is_session "$t" && echo "session,$(day "$t")T10:00:00+00:00,,60,swedish"
        p=5
        if is_session $((t + 1)) || is_session $((t + 2)); then p=3; fi
        echo "checkin,$(day "$t")T20:00:00+00:00,$p,,"
    done
}

# Sessions every 14 days for 30 weeks: 8 weeks hold 4 of them.
journal 210 14 > "$WORK/every14.csv"
"$RELIEF" --db "$WORK/w.db" import -q "$WORK/every14.csv"
json() { "$RELIEF" --db "$WORK/w.db" report --end 2026-11-22 --format json; }
run --db "$WORK/w.db" report --end 2026-11-22
text=$OUT
expect_code 0 "report on a fortnightly journal"
expect_eq "$(json | jq -c '.answer_window | del(.start)')" \
    '{"end":"2026-11-22","weeks":15,"widened":true,"usable_sessions":8,"sessions_wanted":8,"max_weeks":30}' \
    "answer_window: widened to the 15 weeks that hold 8 usable sessions"
expect_eq "$(json | jq -r '.answer_window.start')" "2026-08-10" "answer_window.start: 15 weeks before the end"
expect_eq "$(json | jq -r '"\(.window.weeks) \(.coverage.sessions) \(.weeks | length)"')" "8 4 8" \
    "the window, its coverage and weekly table stay on the 8 weeks asked"
expect_eq "$(json | jq -r '"\(.answer.sessions) \(.answer.sessions_counted) \(.answer.helps)"')" \
    "8 8 lower-after" "the answer is from the answer's window"
expect_eq "$(json | jq -c '.answer.not_compared')" \
    '{"same_episode":0,"days_before_missing":0,"days_after_missing":0}' "answer.not_compared"
expect_eq "$(json | jq -r '.after_sessions.usual_pain * 10 | round / 10')" "5" \
    "after_sessions.usual_pain: the usual level as a pain level"
expect_match "$text" "^In short \(from your last 8 sessions, since 2026-08-10; the weeks below are the last 8\)$" \
    "the text says which window the answer used"
expect_match "$text" "^The days after a session \(from your last 8 sessions, since 2026-08-10\)$" \
    "the after-session section names its window"
expect_match "$(flatten "$text")" "You went about every 14 days \(8 sessions in 15 weeks\)\." \
    "how often: counted on the answer's window"
# The same journal with 8 weeks of it: the answer arrives within 16 weeks
# of logging (sessions every 14 days; it never did in v2).
journal 112 14 > "$WORK/16weeks.csv"
"$RELIEF" --db "$WORK/16.db" import -q "$WORK/16weeks.csv"
expect_eq "$("$RELIEF" --db "$WORK/16.db" report --end 2026-11-22 --format json | jq -r '.answer.helps')" \
    "lower-after" "sessions every 14 days: an answer within 16 weeks of logging"
expect_eq "$("$RELIEF" --db "$WORK/16.db" report --end 2026-11-22 --format json | jq -r '.answer_window.weeks')" \
    "15" "... from the 15 weeks that hold 8 usable sessions"
# HTML: the after-session chart and the session table say so too.
html=$("$RELIEF" --db "$WORK/w.db" report --end 2026-11-22 --format html)
expect_match "$html" "<h2>Sessions \(from your last 8 sessions, since 2026-08-10\)</h2>" \
    "the HTML's session table names the answer's window"
expect_match "$html" "From your last 8 sessions \(2026-08-10 to 2026-11-22\)" \
    "the HTML's after-session chart names the answer's window"
expect_match "$("$RELIEF" --db "$WORK/w.db" report --end 2026-11-22 --format markdown)" \
    "^## In short \(from your last 8 sessions, since 2026-08-10; the weeks below are the last 8\)$" \
    "Markdown says which window the answer used"

# Counts with their reasons: 6 sessions in 8 weeks, of which one came two
# days after another, one had no pain before it and one none after it.
{
    echo "type,at,pain,minutes"
    for t in $(seq 56 -1 1); do
        case $t in 30 | 29 | 28 | 9 | 8 | 7) ;; *) echo "checkin,$(day "$t")T20:00:00+00:00,5," ;; esac
    done
    for t in 50 43 41 27 20 10; do echo "session,$(day "$t")T10:00:00+00:00,,60"; done
} > "$WORK/counts.csv"
"$RELIEF" --db "$WORK/c.db" import -q "$WORK/counts.csv"
run --db "$WORK/c.db" report --end 2026-11-22 --format json
expect_eq "$(jq -c '[.answer.sessions, .answer.sessions_counted, .answer.not_compared]' <<<"$OUT")" \
    '[6,3,{"same_episode":1,"days_before_missing":1,"days_after_missing":1}]' "the counts add up"
expect_eq "$(jq -r '.answer.more_sessions_needed' <<<"$OUT")" "3" "log N more: 6 − 3 usable"
run --db "$WORK/c.db" report --end 2026-11-22
expect_match "$(flatten "$OUT")" "3 of your 6 sessions could be compared \(1 came within 3 days of the one before; 1 had pain logged on fewer than 2 of the 3 days before it; 1 had no pain logged on the 3 days after it\)\." \
    "the text gives one count with its reasons"
expect_match "$(flatten "$OUT")" "log 3 more sessions" "the text asks for what is achievable"
CHECKS=$((CHECKS + 1))
if grep -q "rough guide" <<<"$OUT"; then fail "'a rough guide' beside 'too early'"; fi

# Sleep and mood: numbers only by default, the verdicts with --details.
{
    echo "type,at,pain,mood,minutes"
    for t in $(seq 56 -1 1); do echo "checkin,$(day "$t")T20:00:00+00:00,5,$((t % 7 == 1 ? 8 : 5)),"; done
    for t in $(seq 52 -7 3); do echo "session,$(day "$t")T10:00:00+00:00,,,60"; done
} > "$WORK/mood.csv"
"$RELIEF" --db "$WORK/m.db" import -q "$WORK/mood.csv"
run --db "$WORK/m.db" report --end 2026-11-22
expect_match "$(flatten "$OUT")" " Mood: \+[0-9.]+ after vs before \(8 sessions; higher is better\)\. " \
    "mood as a number with its n"
CHECKS=$((CHECKS + 1))
if grep -Eq "Mood:.*(higher|lower) after sessions|no clear difference" <<<"$(grep "Mood:" <<<"$OUT")"; then
    fail "a mood verdict in the default text: $(grep "Mood:" <<<"$OUT")"
fi
run --db "$WORK/m.db" report --end 2026-11-22 --details
expect_match "$(flatten "$OUT")" " Mood: \+[0-9.]+ \(95% CI [^)]*; 8 sessions\) after vs before \(higher is better\): [a-z ]*mood" \
    "the mood verdict with --details"

# A window wholly before the journal (README's own example on a newer journal).
run --db "$WORK/w.db" report --weeks 26 --end 2026-03-01
expect_code 0 "a window before the journal"
expect_match "$OUT" "Your journal starts 2026-04-27, after this window ends" "says the journal starts after it"
CHECKS=$((CHECKS + 1))
if grep -q "Week by week" <<<"$OUT"; then fail "26 empty weeks shown: $OUT"; fi

finish
