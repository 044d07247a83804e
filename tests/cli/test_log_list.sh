#!/usr/bin/env bash
# relief log → relief list: what is stored is what was said, with ids and diary days.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

run log --pain 4 --sleep 7.5 --mood 6 stiff after gardening
expect_code 0 "log a check-in"
expect_match "$OUT" '^Logged check-in [0-9a-f]{8} \(pain 4, mood 6, sleep 7\.5 h; note "stiff after gardening"\) for Mon 2026-11-23\.$' \
    "confirmation names what, id and diary day, and echoes everything stored"

# README's own check-in example: --area takes one value; the trailing words are the note.
run --db "$WORK/readme.db" log --pain 4 --sleep 7.5 --mood 6 --area lower-back stiff after gardening --at 2026-11-22
expect_match "$OUT" '^Logged check-in [0-9a-f]{8} \(pain 4, mood 6, sleep 7\.5 h; areas lower-back; note "stiff after gardening"\) for Sun 2026-11-22\.$' \
    "README's example keeps its note"
run --db "$WORK/readme.db" log --pain 3 --area lower-back,neck --area hip --tag garden --tag work,stress --at 2026-11-21 trailing
expect_match "$OUT" '; areas lower-back, neck, hip; tags garden, work, stress; note "trailing"\)' \
    "repeated flags and commas each add one area or tag"

run log --massage 60 --kind Deep-Tissue --pain-before 6 --pain 3 --therapist "Ana P." --at 18:00
expect_code 0 "log a session and a check-in in one go"
expect_match "$OUT" '^Logged session [0-9a-f]{8} \(deep-tissue, 60 min, with Ana P\., pain before 6\) and check-in [0-9a-f]{8} \(pain 3\) for Mon 2026-11-23\.$' \
    "both confirmed on one line"

run log --pain 5 --at "2026-11-22 01:30" --area lower-back --area neck --tag work --quiet
expect_code 0 "log with --at and --quiet"
expect_eq "$OUT" "" "--quiet prints nothing"

run log --pain 2 --at "2026-11-20T20:00-05:00" --note 'commas, "quotes"'
expect_code 0 "log with an explicit offset"

run list --format csv
expect_code 0 "list as csv"
rows=$(printf '%s\n' "$OUT" | csv_columns type,at,pain,mood,sleep_hours,sleep_quality,minutes,kind,therapist,pain_before,areas,tags,note)
expect_eq "$rows" "type,at,pain,mood,sleep_hours,sleep_quality,minutes,kind,therapist,pain_before,areas,tags,note
checkin,2026-11-20T20:00:00-05:00,2,,,,,,,,,,\"commas, \"\"quotes\"\"\"
checkin,2026-11-22T01:30:00+00:00,5,,,,,,,,lower-back;neck,work,
session,2026-11-23T18:00:00+00:00,,,,,60,deep-tissue,Ana P.,6,,,
checkin,2026-11-23T19:00:00+00:00,3,,,,,,,,,,
checkin,2026-11-23T20:00:00+00:00,4,6,7.5,,,,,,,,stiff after gardening" "stored values, in time order"
expect_match "$OUT" ',"commas, ""quotes"""$' "RFC 4180 quoting of the note"
expect_match "$OUT" '2026-11-23T20:00:00\+00:00,2026-11-23T20:00:00\+00:00' "recorded_at is now"

run list
expect_code 0 "list as text"
expect_match "$OUT" '^ID +DAY +TIME +TYPE +DETAILS' "text list has a header"
expect_match "$OUT" '[0-9a-f]{8}  Sat 2026-11-21  25:30  check-in  pain 5 · lower-back, neck · #work' \
    "01:30 belongs to the diary day before, shown as 25:30"
expect_match "$OUT" '[0-9a-f]{8}  Fri 2026-11-20  20:00  check-in  pain 2 · "commas, "quotes""$' \
    "a record keeps its own offset's wall time"
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "7" "five records, a header and the 25:30 note"

run list --since 2026-11-21 --until 2026-11-21
expect_eq "$(printf '%s\n' "$OUT" | grep -c check-in)" "1" "--since/--until select diary days"

run list --limit 2 --format csv
expect_eq "$(printf '%s\n' "$OUT" | wc -l)" "3" "--limit keeps the newest N"
expect_match "$OUT" 'stiff after gardening' "--limit keeps the newest"

run list --format json
expect_code 0 "list as json"
expect_match "$OUT" '^\{"schema": "relief.export/1", "records": \[' "json export schema"
expect_eq "$(printf '%s\n' "$OUT" | grep -c '"uuid"')" "5" "json has every record"

run log --sleep 6 --sleep-quality 3 --at yesterday
expect_code 0 "sleep alone is a check-in"
expect_match "$OUT" 'for Sun 2026-11-22\.$' "yesterday means the day before"

run log --kind self --at "2026-11-23 09:00" --area neck
expect_code 0 "--kind alone logs a session"
expect_match "$OUT" '^Logged session [0-9a-f]{8} \(self; areas neck\) for Mon 2026-11-23\.$' "a session without minutes"

printf 'massage.default_minutes = 50\nmassage.default_kind = "swedish"\n' > "$RELIEF_CONFIG"
run log --pain-before 5
expect_error 2 "--pain-before and --therapist belong to a session: log them with it, after the massage (relief log --massage 60 --pain-before 6 --pain 3)" \
    "--pain-before alone is no session"
run log --massage 45 --pain-before 5
expect_match "$OUT" '\(swedish, 45 min, pain before 5\)' "the default kind from the config"
run log --kind self --pain-before 4
expect_match "$OUT" '\(self, 50 min, pain before 4\)' "the default length from the config"
# A repeated command (shell history) is refused as a likely duplicate.
run log --kind self --pain-before 4
expect_match "$ERR" '^relief: error: this repeats the session [0-9a-f]{8} logged at 2026-11-23 19:10 \(the same values within 10 minutes\); add --again to log it a second time$' \
    "a repeat within 10 minutes is refused"
run log --kind self --pain-before 4 --again -q
expect_code 0 "--again logs it anyway"

run --version
expect_match "$OUT" "^relief 0\.1\.0 \\(commit ([0-9a-f]{7,}(-dirty)?|unknown)\\)$" "--version names the version and the commit"
# (whether the tree is "-dirty" may differ between the build and this moment)
if commit=$(git -C "$RELIEF_TEST_DIR" rev-parse --short=12 HEAD 2>/dev/null); then
    version=${OUT%)}
    expect_eq "${version%-dirty}" "relief 0.1.0 (commit $commit" "... the commit this tree is at"
fi
run log --help
expect_code 0 "log --help"
expect_match "$OUT" 'Examples:' "log --help teaches with examples"
expect_match "$OUT" '--pain-before' "log --help lists the flags"
run list --help
expect_match "$OUT" 'Examples:' "list --help teaches with examples"

# --- times that have not happened, and a year typed wrong (#26 items 3, 4)
db="$WORK/when.db"
run --db "$db" log --pain 3 --at "mon 21:00"
expect_error 2 '--at "mon 21:00" is in the future (now is 2026-11-23 20:00); entries can only be logged for the past' "today's weekday with a later time is refused, not last week's"
run --db "$db" log --massage 60 --at 19:30
expect_error 2 'a session from 2026-11-23 19:30 for 60 minutes ends at 2026-11-23 20:30, in the future (now is 2026-11-23 20:00); entries can only be logged for the past (--at is when the session began)' "a session that ends after now"
run --db "$db" log --massage 60 --at 19:00 --quiet
expect_code 0 "a session that ended just now"
id=$("$RELIEF" --db "$db" list --format csv | csv_columns uuid | sed -n 2p | cut -c1-8)
run --db "$db" edit "$id" --massage 90
expect_error 2 'a session from 2026-11-23 19:00 for 90 minutes ends at 2026-11-23 20:30, in the future (now is 2026-11-23 20:00); entries can only be logged for the past (--at is when the session began)' "edit cannot make a session end in the future"
run --db "$db" log 4
expect_error 2 'nothing to log: "4" alone would be the note; did you mean relief log --pain 4?' "log 4 hints at --pain 4"
run --db "$db" log --pain 3 --at "2025-11-01 10:00"
expect_code 0 "a date a year back is stored"
expect_eq "$ERR" 'relief: note: 2025-11-01 is 387 days (about a year) before the first entry of your journal (2026-11-23); if the date is a typo, relief undo takes it back' "... with a note on how far back it is"
run --db "$db" log --pain 3 --at "2025-11-30 10:00"
expect_eq "$ERR" "" "within a year of the first entry: no note"

# --- a name one edit from a known one gets a did-you-mean; it is kept as typed (#26 item 6)
db="$WORK/names.db"
"$RELIEF" --db "$db" log --massage 60 --at 10:00 --area lower-back --tag work --quiet 2>/dev/null
run --db "$db" log --massage 30 --kind deeptissue --area lowerback,neck --tag wrok --quiet
expect_code 0 "a new name is stored"
id=$("$RELIEF" --db "$db" list --format csv | csv_columns uuid | sed -n 3p | cut -c1-8)
expect_eq "$ERR" "relief: note: \"deeptissue\" is a new kind in your journal; did you mean \"deep-tissue\"? (relief edit $id --kind deep-tissue fixes it)
relief: note: \"lowerback\" is a new area in your journal; did you mean \"lower-back\"? (relief edit $id --area lower-back,neck fixes it)
relief: note: \"wrok\" is a new tag in your journal; did you mean \"work\"? (relief edit $id --tag work fixes it)" "kind, area and tag typos are named, once each, with the list that fixes them"
run --db "$db" log --pain 3 --tag wrok --quiet
expect_eq "$ERR" "" "a name already in the journal is not questioned again"
run --db "$db" edit "$id" --tag wokr
expect_match "$ERR" 'did you mean "work"\?' "edit asks too"
expect_eq "$("$RELIEF" --db "$db" __complete kind | grep -c deeptissue)" 1 "__complete lists the journal's names"
expect_eq "$("$RELIEF" --db "$db" __complete area | sort | uniq -d)" "" "... each once"

finish
