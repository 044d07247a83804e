#!/usr/bin/env bash
# The bad-input corpus: every command, file and config refuses what it cannot
# take with the exit code of cli.md, exactly one "relief: error:" line that
# never repeats a note, nothing on stdout, and the journal (its export), the
# config file and the undo history exactly as they were.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

SECRET="private-words-$$"  # in notes of refused input; must never reach stderr
IN="$WORK/in"
mkdir -p "$IN"

"$RELIEF" log --massage 60 --kind swedish --pain-before 6 --pain 3 --note "$SECRET" -q
"$RELIEF" log --pain 5 --sleep 7.5 --at yesterday -q
SESSION=$("$RELIEF" export | csv_columns uuid,type | awk -F, '$2 == "session" { print substr($1, 1, 8) }')
CHECKIN=$("$RELIEF" export | csv_columns uuid,type | awk -F, '$2 == "checkin" { print substr($1, 1, 8); exit }')
printf '[report]\nweeks = 8\n' > "$RELIEF_CONFIG"

state() {
    "$RELIEF" export 2>&1
    cat "$RELIEF_CONFIG"
    sqlite3 "$RELIEF_DB" "SELECT count(*) FROM step" 2>&1
}
BEFORE=$(state)
CASES=0

# bad CODE MESSAGE ARGS…: the one refusal every bad input gets. Standard input
# is $STDIN (default: nothing).
bad() {
    local code=$1 message=$2
    shift 2
    CASES=$((CASES + 1))
    local what
    what="relief $(printf '%q ' "$@" | cut -c1-100)"
    OUT=$("$RELIEF" "$@" 2>"$WORK/stderr" <"${STDIN:-/dev/null}")
    CODE=$?
    ERR=$(cat "$WORK/stderr")
    expect_error "$code" "$message" "$what"
    CHECKS=$((CHECKS + 2))
    case $ERR in *"$SECRET"*) fail "$what: the error repeats the note" ;; esac
    [ "$(state)" = "$BEFORE" ] || { fail "$what: changed the journal or config"; BEFORE=$(state); }
}

CALENDAR='is not a date in the calendar (years 1900-9999, months 01-12, days that the month has)'
WHEN='must be a day (YYYY-MM-DD, today, yesterday, fri, "2 days ago", -2d), a time (21:30, 9pm), both ("yesterday 9pm"), now, or "YYYY-MM-DD HH:MM" with an optional ±HH:MM or Z'
DAY='must be a day: YYYY-MM-DD, today, yesterday, a weekday (fri), "2 days ago" or -2d'
SCALE='must be a whole number from 0 to 10'
HOURS='must be a number of hours from 0 to 24 (like 7.5)'
MINUTES='must be a whole number of minutes from 1 to 600'
ID='id must be the first 4 or more characters of a record'"'"'s id (relief list shows them)'
LONG=$(head -c 100000 /dev/zero | tr '\0' x)

# --- log: values out of range, not numbers, NaN and infinity, huge numbers
bad 2 "pain $SCALE, got \"11\"" log --pain 11 --note "$SECRET"
bad 2 "pain $SCALE, got \"-1\"" log --pain -1
bad 2 "pain $SCALE, got \"4.5\"" log --pain 4.5
bad 2 "pain $SCALE, got \"1e1\"" log --pain 1e1
bad 2 "pain $SCALE, got \"99999999999999999999\"" log --pain 99999999999999999999
bad 2 "pain $SCALE, got \"inf\"" log --pain inf
bad 2 "pain $SCALE, got \"4\\n5\"" log --pain "$(printf '4\n5')"
bad 2 "mood $SCALE, got \"+5\"" log --mood +5
bad 2 "sleep-quality $SCALE, got \"11\"" log --sleep-quality 11
bad 2 "sleep $HOURS, got \"nan\"" log --sleep nan
bad 2 "sleep $HOURS, got \"-inf\"" log --sleep -inf
bad 2 "sleep $HOURS, got \"24.5\"" log --sleep 24.5
bad 2 "sleep $HOURS, got \"-0.5\"" log --sleep -0.5
bad 2 "sleep $HOURS, got \"7,5,0\"" log --sleep 7,5,0
bad 2 "sleep $HOURS, got \"1e308\"" log --sleep 1e308
bad 2 "massage $MINUTES, got \"601\"" log --massage 601
bad 2 "massage $MINUTES, got \"60.5\"" log --massage 60.5
bad 2 "massage $MINUTES, got \"1e2\"" log --massage 1e2
bad 2 "pain-before $SCALE, got \"12\"" log --massage 60 --pain-before 12
bad 2 'a check-in needs at least one of pain, mood, sleep hours or sleep quality' log --pain ''
bad 2 "kind must be a short name without ';' (like lower-back), at most 40 bytes, got \"x'; DROP TABLE session; --\"" \
    log --massage 60 --kind "x'; DROP TABLE session; --"
bad 2 "therapist must be a name on one line of at most 100 bytes of UTF-8 text, got \"$(printf 'a%.0s' {1..40})…\"" \
    log --massage 60 --therapist "$(head -c 300 /dev/zero | tr '\0' a)"
bad 2 'therapist must be a name on one line of at most 100 bytes of UTF-8 text, got "Ann\nSmith"' \
    log --massage 60 --therapist "$(printf 'Ann\nSmith')"

# --- log: notes (never echoed), invalid UTF-8, a 100 kB note on the command line
bad 2 'note is not valid UTF-8 text' log --pain 3 --note "$(printf '%s \xff\xfe' "$SECRET")"
bad 2 "note is too long: $((100001 + ${#SECRET})) bytes, at most 4000 are allowed" log --pain 3 --note "$LONG $SECRET"
bad 2 'note contains a control character; only text, tabs and line breaks are allowed' \
    log --pain 3 --note "$(printf '%s\001' "$SECRET")"

# --- log: impossible, out-of-range and future dates, bad offsets, SQL-looking text
bad 2 "--at \"2026-13-01\" $CALENDAR" log --pain 3 --at 2026-13-01
bad 2 "--at \"2026-02-29\" $CALENDAR" log --pain 3 --at 2026-02-29
bad 2 "--at \"1899-12-31\" $CALENDAR" log --pain 3 --at 1899-12-31
bad 2 "--at $WHEN, got \"25:00\"" log --pain 3 --at 25:00
bad 2 "--at $WHEN, got \"24:00\"" log --pain 3 --at 24:00
bad 2 "--at $WHEN, got \"2026-11-23T25:00\"" log --pain 3 --at 2026-11-23T25:00
bad 2 "--at $WHEN, got \"yesterday 99:00\"" log --pain 3 --at "yesterday 99:00"
bad 2 "--at $WHEN, got \"2026-11-01 08:00 +15:00\"" log --pain 3 --at "2026-11-01 08:00 +15:00"
bad 2 "--at $WHEN, got \"2026-11-01 08:00+05:61\"" log --pain 3 --at "2026-11-01 08:00+05:61"
bad 2 "--at $WHEN, got \"2026-11-01 08:00-14:30\"" log --pain 3 --at "2026-11-01 08:00-14:30"
bad 2 "--at $WHEN, got \"\"" log --pain 3 --at ''
bad 2 "--at $WHEN, got \"tomorrow\"" log --pain 3 --at tomorrow
bad 2 '--at "9999-12-31" is in the future (now is 2026-11-23 20:00); entries can only be logged for the past' \
    log --pain 3 --at 9999-12-31
bad 2 '--at "2026-11-23 20:01" is in the future (now is 2026-11-23 20:00); entries can only be logged for the past' \
    log --pain 3 --at "2026-11-23 20:01"
bad 2 "--at $WHEN, got \"2026-11-01'; DROP TABLE checkin; --\"" \
    log --pain 3 --at "2026-11-01'; DROP TABLE checkin; --"

# --- edit, delete, undo: ids that are not ids (nor SQL, nor LIKE patterns)
bad 2 "$ID, got \"' OR 1=1 --\"" edit "' OR 1=1 --" --pain 3
bad 2 "$ID, got \"____\"" edit ____ --pain 3
bad 2 "$ID, got \"%%%%\"" delete %%%%
bad 2 "$ID, got \"1' OR '1'='1\"" delete "1' OR '1'='1"
bad 2 "$ID, got \"abc\"" delete abc
bad 2 'no record has an id starting with ffffffff (relief list shows the ids)' delete ffffffff
bad 2 'no record has an id starting with ffffffff (relief list shows the ids)' edit ffffffff --pain 2
bad 2 "pain $SCALE, got \"11\"" edit "$CHECKIN" --pain 11
bad 2 '--pain, --mood, --sleep and --sleep-quality belong to a check-in; this record is a session' \
    edit "$SESSION" --pain 2
bad 2 '--at "2026-12-01" is in the future (now is 2026-11-23 20:00); entries can only be logged for the past' \
    edit "$CHECKIN" --at 2026-12-01
bad 2 'nothing to change: give the new values, like relief edit ID --pain 3 (an empty value, --mood "", clears one)' \
    edit "$CHECKIN"
bad 2 'unexpected "now" after undo (it takes no such word; relief help undo says what it takes)' undo now

# --- list, export, report, demo, backup: flags
bad 2 "--since \"2026-13-01\" $CALENDAR" list --since 2026-13-01
bad 2 "--since $DAY, got \"2026-01-01' OR 1=1\"" list --since "2026-01-01' OR 1=1"
bad 2 '--limit must be a whole number from 1 to 100000000, got "-1"' list --limit -1
bad 2 '--limit must be a whole number from 1 to 100000000, got "1e3"' list --limit 1e3
bad 2 '--format must be text, json or csv, got "xml"' list --format xml
bad 2 "--since \"2026-02-30\" $CALENDAR" export --since 2026-02-30
bad 2 "--until \"0000-01-01\" $CALENDAR" export --until 0000-01-01
bad 2 '--since 2026-11-10 is after --until 2026-11-01' export --since 2026-11-10 --until 2026-11-01
bad 2 '--format must be csv or json, got "xml"' export --format xml
bad 2 '--weeks must be a whole number from 1 to 520, got "0"' report --weeks 0
bad 2 '--weeks must be a whole number from 1 to 520, got "99999999999999999999999"' report --weeks 99999999999999999999999
bad 2 "--end \"2026-02-30\" $CALENDAR" report --end 2026-02-30
bad 2 '--end 2026-11-24 is in the future (today is 2026-11-23); a report can only end on a day that has begun' report --end 2026-11-24
bad 2 '--seed must be a whole number from 0 to 999999999999999999, got "-1"' report --seed -1
bad 2 '--relief-threshold must be a number above 0 and at most 10, got "nan"' report --relief-threshold nan
bad 2 '--relief-threshold must be a number above 0 and at most 10, got "11"' report --relief-threshold 11
bad 2 '--format must be text, json, markdown or html, got "pdf"' report --format pdf
bad 3 "cannot write $WORK/no/such/report.txt: No such file or directory" report -o "$WORK/no/such/report.txt"
bad 2 '--output needs a path, not an empty string' report -o ''
bad 2 "the journal $RELIEF_DB already holds 3 records; relief demo only fills an empty journal (pick another with --db)" demo
bad 2 '--weeks must be a whole number from 1 to 520, got "0"' demo --db "$WORK/demo.db" --weeks 0
bad 2 "$RELIEF_DB already exists; relief backup never overwrites a file (remove it or pick another name)" backup "$RELIEF_DB"
bad 2 "cannot create /etc/passwd/backup.db: Not a directory" backup /etc/passwd/backup.db
bad 2 'backup needs a path, not an empty string' backup ''
bad 2 '--db needs a path, not an empty string' --db '' list

# --- import: malformed CSV and JSON files (each names FILE:LINE; notes never shown)
H='type,at,pain,note'
printf '%s\ncheckin,2026-11-01T08:00:00Z,4,"%s\n' "$H" "$SECRET" > "$IN/unbalanced.csv"
printf '%s\ncheckin,2026-11-01T08:00:00Z,4,%s,extra\n' "$H" "$SECRET" > "$IN/columns.csv"
printf 'type,at,pain,pain\ncheckin,2026-11-01T08:00:00Z,4,5\n' > "$IN/twice.csv"
printf 'type,at,pain,colour\ncheckin,2026-11-01T08:00:00Z,4,red\n' > "$IN/unknown.csv"
printf 'type,at,pain,"note; DROP TABLE checkin"\ncheckin,2026-11-01T08:00:00Z,4,x\n' > "$IN/sql.csv"
printf 'at,pain\n2026-11-01T08:00:00Z,4\n' > "$IN/notype.csv"
printf '%s\ncheckin,2026-11-01T08:00:00Z,4,%s \xff\xfe\n' "$H" "$SECRET" > "$IN/utf8.csv"
printf '%s\ncheckin,2026-11-01T08:00:00+15:00,4,%s\n' "$H" "$SECRET" > "$IN/offset.csv"
printf '%s\ncheckin,2026-02-30T08:00:00,4,%s\n' "$H" "$SECRET" > "$IN/impossible.csv"
printf 'type,at,sleep_hours,note\ncheckin,2026-11-01T08:00:00Z,NaN,%s\n' "$SECRET" > "$IN/nan.csv"
printf '%s\ncheckin,2026-11-01T08:00:00Z,inf,%s\n' "$H" "$SECRET" > "$IN/inf.csv"
printf 'type,at,minutes\nsession,2026-11-01T08:00:00Z,99999999999999999999\n' > "$IN/huge.csv"
printf 'type,at,pain\ncheckin,2026-11-01T08:00:00Z,4\0\n' > "$IN/nul.csv"
{ printf '%s\ncheckin,2026-11-01T08:00:00Z,4,%s' "$H" "$SECRET"; head -c 1048576 /dev/zero | tr '\0' x; echo; } > "$IN/bignote.csv"
printf '%s\nnap,2026-11-01T08:00:00Z,4,%s\n' "$H" "$SECRET" > "$IN/type.csv"
printf 'uuid,type,at,pain\nnot-a-uuid,checkin,2026-11-01T08:00:00Z,4\n' > "$IN/uuid.csv"
printf 'type,at,pain,minutes\ncheckin,2026-11-01T08:00:00Z,4,60\n' > "$IN/mixed.csv"
: > "$IN/empty.csv"
printf '{"records": [' > "$IN/cut.json"
printf '[{"type": "checkin"}]' > "$IN/array.json"
printf '{"records": [{"type":"checkin","at":"2026-11-01T08:00:00Z","pain":"four","note":"%s"}]}' "$SECRET" > "$IN/string.json"
printf '{"records": [{"type":"checkin","at":"2026-11-01T08:00:00Z","pain":4,"colour":"red"}]}' > "$IN/field.json"
printf '{"schema": "relief.export/9", "records": []}' > "$IN/schema.json"

TIME='must be an ISO 8601 date-time like 2026-11-20T20:00:00-05:00, or written as for --at (2026-11-20, "2026-11-20 9pm", yesterday)'
bad 2 "$IN/unbalanced.csv:2: a quoted field is not closed before the end of the file (nothing was imported)" import "$IN/unbalanced.csv"
bad 2 "$IN/columns.csv:2: the row has 5 fields, the header has 4 (nothing was imported)" import "$IN/columns.csv"
bad 2 "$IN/twice.csv:1: the column \"pain\" appears twice (nothing was imported)" import "$IN/twice.csv"
bad 2 "$IN/unknown.csv:1: unknown column \"colour\" (the columns are uuid, type, at, recorded_at, pain, mood, sleep_hours, sleep_quality, minutes, kind, therapist, pain_before, areas, tags, note; relief import --map \"colour=COLUMN\" names it, \"colour=\" leaves it out) (nothing was imported)" import "$IN/unknown.csv"
bad 2 "$IN/sql.csv:1: unknown column \"note; DROP TABLE checkin\" (the columns are uuid, type, at, recorded_at, pain, mood, sleep_hours, sleep_quality, minutes, kind, therapist, pain_before, areas, tags, note; relief import --map \"note; DROP TABLE checkin=COLUMN\" names it, \"note; DROP TABLE checkin=\" leaves it out) (nothing was imported)" import "$IN/sql.csv"
bad 2 "$IN/notype.csv:1: the header has no \"type\" column (for a file of one kind of record, relief import --type checkin or --type session) (nothing was imported)" import "$IN/notype.csv"
bad 2 "$IN/utf8.csv:2: note is not valid UTF-8 text (nothing was imported)" import "$IN/utf8.csv"
bad 2 "$IN/offset.csv:2: at $TIME, got \"2026-11-01T08:00:00+15:00\" (nothing was imported)" import "$IN/offset.csv"
bad 2 "$IN/impossible.csv:2: at \"2026-02-30T08:00:00\" $CALENDAR (nothing was imported)" import "$IN/impossible.csv"
bad 2 "$IN/nan.csv:2: sleep_hours $HOURS, got \"NaN\" (nothing was imported)" import "$IN/nan.csv"
bad 2 "$IN/inf.csv:2: pain $SCALE, got \"inf\" (nothing was imported)" import "$IN/inf.csv"
bad 2 "$IN/huge.csv:2: minutes $MINUTES, got \"99999999999999999999\" (nothing was imported)" import "$IN/huge.csv"
bad 2 "$IN/nul.csv:2: pain $SCALE, got \"4\\x00\" (nothing was imported)" import "$IN/nul.csv"
bad 2 "$IN/bignote.csv:2: a record longer than 1 MiB; this does not look like a CSV file of records (nothing was imported)" import "$IN/bignote.csv"
bad 2 "$IN/type.csv:2: type must be checkin or session, got \"nap\" (nothing was imported)" import "$IN/type.csv"
bad 2 "$IN/uuid.csv:2: uuid must be a UUID like 0f8fad5b-d9cb-469f-a165-70867728950e, got \"not-a-uuid\" (nothing was imported)" import "$IN/uuid.csv"
bad 2 "$IN/mixed.csv:2: a check-in cannot have minutes, kind, therapist or pain_before; those belong to a session (nothing was imported)" import "$IN/mixed.csv"
bad 2 "$IN/empty.csv:1: the file is empty; a CSV import starts with the header row (nothing was imported)" import "$IN/empty.csv"
bad 2 "$IN/cut.json:1: expected '{' in the JSON, found the end of the file (nothing was imported)" import "$IN/cut.json"
bad 2 "$IN/array.json:1: expected '{' in the JSON, found '[' (nothing was imported)" import "$IN/array.json"
bad 2 "$IN/string.json:1: pain $SCALE, got \"four\" (nothing was imported)" import "$IN/string.json"
bad 2 "$IN/field.json:1: unknown field \"colour\" (nothing was imported)" import "$IN/field.json"
bad 2 "$IN/schema.json:1: schema must be \"relief.export/1\", got \"relief.export/9\" (nothing was imported)" import "$IN/schema.json"
STDIN="$IN/inf.csv" bad 2 "stdin:2: pain $SCALE, got \"inf\" (nothing was imported)" import --format csv -
bad 2 "cannot read $IN/missing.csv: No such file or directory" import "$IN/missing.csv"
bad 2 "cannot read $IN: it is a folder, not a file" import "$IN"
bad 2 '--format must be csv or json, got "xml"' import --format xml "$IN/type.csv"

# --- config files: invalid TOML, unknown keys, wrong types, out of range (exit 3)
config_case() { # NAME CONTENT MESSAGE
    printf '%b' "$2" > "$IN/$1.toml"
    bad 3 "$IN/$1.toml:$3" --config "$IN/$1.toml" list
}
config_case table '[report]\nweeks = 8\n[report\n' "3: not valid TOML: Error while parsing table header: expected ']', saw '\\n'"
config_case twice '[report]\nweeks = 8\nweeks = 9\n' "3: not valid TOML: Error while parsing key-value pair: cannot redefine existing integer 'weeks'"
config_case utf8 'color = "\xff"\n' "1: not valid TOML: invalid UTF-8"
config_case key_utf8 'caf\xc3\xa9 = 1\n' "1: not valid TOML: a non-ASCII character outside a string or comment"
config_case type '[report]\nweeks = "eight"\n' "2: report.weeks must be a number without quotes, like report.weeks = 8, got \"eight\""
config_case quoted_number '[massage]\ndefault_minutes = "60"\n' "2: massage.default_minutes must be a number without quotes, like massage.default_minutes = 60, got \"60\""
config_case number_kind '[massage]\ndefault_kind = 3\n' "2: massage.default_kind must be text in quotes, like massage.default_kind = \"…\", got 3"
config_case bool_color 'color = true\n' "1: color must be text in quotes, like color = \"auto\", got true"
config_case range '[report]\nweeks = 521\n' "2: report.weeks must be a whole number from 1 to 520, got 521"
config_case nan '[report]\nrelief_threshold = nan\n' "2: report.relief_threshold must be a number above 0 and at most 10, got nan"
config_case negative '[massage]\nevery_days = -3\n' "2: massage.every_days must be a whole number from 1 to 365, got -3"
config_case day 'day_starts_at = "7 sharp"\n' "1: day_starts_at must be a time like 04:00 or 4am, from 00:00 to 23:59, got 7 sharp"
config_case color 'color = "purple"\n' "1: color must be auto, always or never, got purple"
config_case array 'color = ["never"]\n' "1: color must be a single value, not a table or array"
bad 3 "$IN: is a folder, not a config file" --config "$IN" list

# --- config set / get: the file is left as it was (exit 2: the value is the input)
bad 2 'unknown key "colour" (relief config lists the keys)' config set colour never
bad 2 "unknown key \"report.weeks'; --\" (relief config lists the keys)" config set "report.weeks'; --" 3
bad 2 'report.weeks must be a whole number from 1 to 520, got 0' config set report.weeks 0
bad 2 'day_starts_at must be a time like 04:00 or 4am, from 00:00 to 23:59, got 25:00' config set day_starts_at 25:00
bad 2 'massage.every_days must be a whole number from 1 to 365, got 1.5' config set massage.every_days 1.5
bad 2 'color must be auto, always or never, got purple\nred' config set color "$(printf 'purple\nred')"
bad 2 'unknown key "colour" (relief config lists the keys)' config get colour

expect_eq "$((CASES >= 60))" 1 "at least 60 bad inputs ($CASES)"

# SQL-looking text that is valid is stored as it was typed, and harms nothing.
SQL="Robert'); DROP TABLE checkin; -- 100% _done_"
run log --pain 2 --note "$SQL" --tag "x'); DROP TABLE session; --" -q
expect_code 0 "SQL-looking note and tag are fine input"
expect_eq "$("$RELIEF" export --format json | jq --arg sql "$SQL" '[.records[] | select(.note == $sql)] | length')" \
    1 "the note is stored verbatim"
expect_eq "$(sqlite3 "$RELIEF_DB" 'SELECT count(*) FROM checkin; SELECT count(*) FROM session' | tr '\n' ' ')" \
    "3 1 " "both tables are intact"
run check --quiet
expect_code 0 "the journal is sound after the whole corpus"

finish
