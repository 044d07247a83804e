#!/usr/bin/env bash
# Logging that fits how people type (#17): diary days around midnight, the
# time and day forms people type, typo suggestions, help, bare `relief`,
# names with spaces, Ctrl-C at a prompt and spreadsheet imports.
# shellcheck source=lib.sh
source "${RELIEF_TEST_DIR:-$(dirname "$0")}/lib.sh"

# --- one meaning of today and yesterday around midnight (the diary day)
# Tuesday 02:00: with the day starting at 04:00, the diary day is still Monday.
export RELIEF_NOW="2026-11-24T02:00:00"
run log --pain 5 --at today
expect_code 0 "--at today at 02:00"
expect_match "$OUT" "Mon 2026-11-23" "--at today at 02:00 is Monday's diary day"
run log --pain 6 --at yesterday
expect_match "$OUT" "Sun 2026-11-22" "--at yesterday at 02:00 is Sunday"
run log --pain 7 --at 01:30 "woke up sore"
expect_match "$OUT" "Mon 2026-11-23" "01:30 at 02:00 belongs to Monday's diary day"
run list --since today
expect_eq "$(printf '%s\n' "$OUT" | grep -c check-in)" "2" "list --since today shows today's diary day"
expect_match "$OUT" "Mon 2026-11-23  25:30  check-in" "an 01:30 entry is shown as 25:30 of Monday"
expect_match "$OUT" "Times from 24:00 are the night after the day: 25:30 is 01:30 the next morning \\(the day starts at 04:00\\)" "... and the listing says what 25:30 means"
LINES=$(printf '%s\n' "$OUT" | grep check-in | awk '{print $4}' | tr '\n' ' ')
expect_eq "$LINES" "12:00 25:30 " "the night entry comes after the day's noon entry"
run status --short
expect_match "$OUT" "pain 7" "status agrees: today's last check-in is the 01:30 one"
run export --since yesterday --until yesterday --format csv
expect_eq "$(printf '%s\n' "$OUT" | tail -n +2 | wc -l)" "1" "export --since yesterday is Sunday's diary day"
run log --pain 2 --at 03:00
expect_error 2 '--at "03:00" is in the future (now is 2026-11-24 02:00); entries can only be logged for the past (the night before today belongs to yesterday: --at "yesterday 03:00")' "03:00 of tonight is still to come"
export RELIEF_NOW="2026-11-23T20:00:00"
rm -f "$RELIEF_DB"

# --- time and day forms (Monday 2026-11-23 20:00 UTC)
logged_at() { "$RELIEF" list --format csv | csv_columns at | tail -n 1; }
for pair in "9:30|2026-11-23T09:30:00+00:00" "9am|2026-11-23T09:00:00+00:00" \
    "yesterday 9pm|2026-11-22T21:00:00+00:00" "fri|2026-11-20T12:00:00+00:00" \
    "fri 21:00|2026-11-20T21:00:00+00:00" "2 days ago|2026-11-21T12:00:00+00:00" \
    "-3d|2026-11-20T12:00:00+00:00" "sun 9pm|2026-11-22T21:00:00+00:00"; do
    form=${pair%%|*}
    rm -f "$RELIEF_DB"
    run log --pain 4 --at "$form"
    expect_code 0 "--at \"$form\""
    expect_eq "$(logged_at)" "${pair#*|}" "--at \"$form\" is stored as"
done
rm -f "$RELIEF_DB"
for form in 9:30 fri "2 days ago" -3d; do "$RELIEF" log --pain 4 --again --at "$form" >/dev/null; done
run log --pain 4 --at 9pm
expect_error 2 '--at "9pm" is in the future (now is 2026-11-23 20:00); entries can only be logged for the past' "9pm still to come"
run list --since fri --until -2d
expect_eq "$(printf '%s\n' "$OUT" | grep -c check-in)" "3" "list --since fri --until -2d"
run list --since "2 days ago"
expect_code 0 "list --since \"2 days ago\""
run report --end tomorrow
expect_code 2 "report --end tomorrow"
run report --end 2026-11-24
expect_error 2 '--end 2026-11-24 is in the future (today is 2026-11-23); a report can only end on a day that has begun' "a future --end is refused"
run report --end yesterday --format json
expect_eq "$(printf '%s' "$OUT" | jq -r .window.end)" "2026-11-22" "report --end yesterday"

# --- typos, help, bare relief
run lgo
expect_error 2 'unknown command "lgo"; did you mean "log"? (relief help lists them)' "a mistyped command"
run reprot --weeks 4
expect_error 2 'unknown command "reprot"; did you mean "report"? (relief help lists them)' "a swapped pair of letters"
run xyzzy
expect_error 2 'unknown command "xyzzy" (relief help lists them)' "no guess when nothing is close"
run log --pian 4
expect_error 2 'unknown option --pian for log; did you mean --pain? (relief help log lists them)' "a mistyped option"
run list --sinse today
expect_error 2 'unknown option --sinse for list; did you mean --since? (relief help list lists them)' "a mistyped option of list"
run trial plan --fromat json
expect_error 2 'unknown option --fromat for trial plan; did you mean --format? (relief help trial plan lists them)' "a mistyped option of a subcommand names both"
# Every CLI11 message in relief's own words (#26 item 5).
run log --pain 3 --pain 4
expect_error 2 '--pain given twice; give it once' "an option given twice"
run report 8
expect_error 2 'unexpected "8" after report; did you mean --weeks 8?' "a bare number after report"
run list 20
expect_error 2 'unexpected "20" after list; did you mean --limit 20?' "a bare number after list"
run trial stopp
expect_error 2 'unknown command "stopp" for trial; did you mean "stop"? (it takes start, plan, stop, report; relief help trial lists them)' "a mistyped subcommand"
run config gett report.weeks
expect_error 2 'unknown command "gett" for config; did you mean "get"? (it takes get, set, path; relief help config lists them)' "a mistyped subcommand of config"
run -V
expect_error 2 'unknown option -V; did you mean --version?' "-V"
run log --pain
expect_error 2 '--pain needs a value: --pain 0-10 (see relief help log)' "an option without its value"
run config get
expect_error 2 'config get needs KEY (relief help config get says what it takes)' "a missing argument"
run status now
expect_error 2 'unexpected "now" after status (it takes no such word; relief help status says what it takes)' "an unexpected word"
run log 4
expect_error 2 'nothing to log: "4" alone would be the note; did you mean relief log --pain 4?' "log 4"
run help config get
expect_match "$OUT" "Print one setting's value" "relief help config get, as the messages suggest, works"
# Decimal commas and word case as people type them (#26 item 7).
db="$WORK/comma.db"
run --db "$db" log --sleep 7,5 --quiet
expect_code 0 "--sleep 7,5"
expect_eq "$("$RELIEF" --db "$db" list --format json | jq -r '.records[0].sleep_hours')" "7.5" "a decimal comma is a decimal point"
run --db "$db" report --format HTML --relief-threshold 1,5
expect_code 0 "--format HTML and --relief-threshold 1,5"
expect_match "$OUT" "<!DOCTYPE html>" "--format is case-insensitive"
printf 'day_starts_at = "3am"\n' > "$WORK/3am.toml"
run --config "$WORK/3am.toml" config get day_starts_at
expect_eq "$OUT" "03:00" "day_starts_at takes the forms --at takes"
run --versoin
expect_error 2 'unknown option --versoin; did you mean --version? (relief help lists the commands)' "a mistyped global option"
run --pain 3
expect_error 2 "unknown option --pain: a command's options come after its name, as in relief log --pain 4 (relief help lists the commands)" "a command's option before the command"
run help
expect_code 0 "relief help"
HELP=$OUT
run --help
expect_eq "$OUT" "$HELP" "relief --help is relief help"
CHECKS=$((CHECKS + 1))
wide=$(printf '%s\n' "$HELP" | awk 'length($0) > 80')
[ -z "$wide" ] || fail "the top-level help fits 80 columns: [$wide]"
expect_eq "$(printf '%s\n' "$HELP" | grep -cE '^  [a-z]+  +')" "16" "one list of the 16 commands"
for format in text json markdown html csv ics; do
    expect_match "$HELP" "\b$format\b" "the top-level help names the format $format"
done
run help log
expect_code 0 "relief help log"
expect_match "$OUT" "Usage: relief log" "relief help log is log's help"
run help lgo
expect_error 2 'unknown command "lgo"; did you mean "log"? (relief help lists them)' "relief help with a typo"
run
expect_code 2 "bare relief off a terminal (a script): usage error as before"
expect_match "$ERR" "^relief: a private pain-and-relief journal" "... with the overview on stderr"
rm -f "$RELIEF_DB"
OUT=$("$PTYRUN" '' -- "$RELIEF")
expect_eq "$(printf '%s' "$OUT" | tr -d '\r' | grep -c '')" "3" "bare relief on a terminal with no journal: three lines"
expect_match "$OUT" "No journal yet at $RELIEF_DB" "... naming where the journal will be"
expect_match "$OUT" "relief log --pain 4" "... and how to begin"
[ ! -e "$RELIEF_DB" ] || fail "bare relief created the journal"
OUT=$("$PTYRUN" '' -- "$RELIEF" --db "")
expect_eq "$(printf '%s' "$OUT" | tr -d '\r')" 'relief: error: --db needs a path, not an empty string' "bare relief with an empty --db refuses it, as every command does"
"$RELIEF" log --pain 4 -q
OUT=$("$PTYRUN" '' -- "$RELIEF")
STATUS=$("$RELIEF" status)
expect_eq "$(printf '%s' "$OUT" | tr -d '\r')" "$STATUS" "bare relief on a terminal shows today's status"

# --- report --format html on a terminal says how to keep the page
OUT=$("$PTYRUN" '' -- "$RELIEF" report --format html)
expect_match "$OUT" "relief: to save the page and open it in a browser: relief report --format html -o report.html" "an HTML page on a terminal hints at -o"
run report --format html
expect_eq "$ERR" "" "... but not when the page goes to a file or a pipe"

# --- names as people type them: one normalisation for kinds, areas and tags
rm -f "$RELIEF_DB"
run log --massage 60 --kind "Deep Tissue" --area "lower back" --area "Upper  Back"
expect_match "$OUT" 'Logged session [0-9a-f]{8} \(deep-tissue, 60 min; areas lower-back, upper-back\)' "blanks in names become one hyphen"

# --- bringing history in: spreadsheet files
rm -f "$RELIEF_DB"
printf 'type;at;pain;sleep_hours\ncheckin;2026-11-01 21:00;4;"7,5"\n' > "$WORK/semi.csv"
run import "$WORK/semi.csv"
expect_code 0 "a ';' file imports, with its decimal comma"
expect_eq "$("$RELIEF" list --format csv | csv_columns sleep_hours | tail -n 1)" "7.5" "7,5 in a ';' file is 7.5"
printf 'type\tat\tpain\ncheckin\t2026-11-02\t3\n' > "$WORK/tab.tsv"
run import --format csv "$WORK/tab.tsv"
expect_code 0 "a tab file imports"
expect_eq "$("$RELIEF" list --format csv | csv_columns at,pain | tail -n 2 | tr '\n' ' ')" "2026-11-01T21:00:00+00:00,4 2026-11-02T12:00:00+00:00,3 " "both stored as meant"
printf 'type,at,pain,mood\ncheckin,2026-11-03T10:00Z,14,-1\n' > "$WORK/two.csv"
run import "$WORK/two.csv"
expect_code 2 "two problems in one row"
expect_eq "$ERR" "relief: error: $WORK/two.csv:2: pain must be a whole number from 0 to 10, got \"14\"
relief: error: $WORK/two.csv:2: mood must be a whole number from 0 to 10, got \"-1\"
relief: error: 2 problems in $WORK/two.csv; nothing was imported" "every problem of the row is named"
printf 'Date,Pain level,Notes,Weather\n2026-11-04,6,bad night,rain\n2026-11-05 8am,5,,sun\n' > "$WORK/app.csv"
run import --map "Date=at,Pain level=pain,Notes=note" --type checkin "$WORK/app.csv"
expect_error 2 "$WORK/app.csv:1: unknown column \"Weather\" (the columns are uuid, type, at, recorded_at, pain, mood, sleep_hours, sleep_quality, minutes, kind, therapist, pain_before, areas, tags, note; relief import --map \"Weather=COLUMN\" names it, \"Weather=\" leaves it out) (nothing was imported)" "an unmapped column says how to map it"
run import --map "Date=at,Pain level=pain,Notes=note,Weather=" --type checkin "$WORK/app.csv"
expect_eq "$OUT" "Imported 2 records (2 check-ins, 0 sessions) from $WORK/app.csv; 0 already present." "--map and --type bring a phone app's file in"
expect_eq "$("$RELIEF" list --format csv | csv_columns type,at,pain,note | tail -n 2 | tr '\n' ' ')" "checkin,2026-11-04T12:00:00+00:00,6,bad night checkin,2026-11-05T08:00:00+00:00,5, " "the mapped values"
run import --type walk "$WORK/app.csv"
expect_error 2 '--type must be checkin or session, got "walk"' "--type checks its value"
run import --map "Date=when" "$WORK/app.csv"
expect_code 2 "--map checks its columns"

finish
