#!/usr/bin/env bash
# Bad input: one "relief: error:" line, the documented exit code, and the
# journal exactly as it was.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

run log --pain 11
expect_error 2 'pain must be a whole number from 0 to 10, got "11"' "pain out of range"
[ ! -e "$RELIEF_DB" ] || fail "a refused log must not create the journal"

run log --pain 4 --note first
expect_code 0 "a good log"
before=$(snapshot)

run log --pain 4 --mood ten
expect_error 2 'mood must be a whole number from 0 to 10, got "ten"' "mood not a number"
run log --sleep nan
expect_error 2 'sleep must be a number of hours from 0 to 24 (like 7.5), got "nan"' "sleep NaN"
run log --massage 0
expect_error 2 'massage must be a whole number of minutes from 1 to 600, got "0"' "massage 0 minutes"
run log --pain 3 --tag "$(printf 'a\tb')"
expect_error 2 "tag must be a short name without ';' (like lower-back), at most 40 bytes, got \"a\\tb\"" "a tag with a tab, shown escaped"
run log --pain 3 --at tomorrow
expect_code 2 "--at tomorrow"
run log --pain 3 --at 2026-11-24
expect_error 2 '--at "2026-11-24" is in the future (now is 2026-11-23 20:00); entries can only be logged for the past' "future --at"
run log --pain 3 --at 2026-02-30
expect_error 2 '--at "2026-02-30" is not a date in the calendar (years 1900-9999, months 01-12, days that the month has)' "impossible date"
run log --pain 3 --note a trailing words
expect_error 2 'give the note either with --note or as trailing words, not both' "note twice"
run log </dev/null
expect_error 2 'nothing to log: give at least one of --pain, --mood, --sleep, --sleep-quality or --massage MINUTES (see relief log --help)' "no values without a terminal"
run log --pain 3 --note "$(head -c 5000 /dev/zero | tr '\0' x)"
expect_error 2 'note is too long: 5000 bytes, at most 4000 are allowed' "a huge note, not echoed"
run log --pain
expect_code 2 "a flag without its value"
expect_match "$ERR" '^relief: error: .*--pain' "CLI11's errors carry our prefix"
run log --frobnicate
expect_code 2 "an unknown flag"
run frobnicate
expect_code 2 "an unknown command"
run
expect_code 2 "no command"
run list --format xml
expect_error 2 '--format must be text, json or csv, got "xml"' "list format"
run list --limit 0
expect_error 2 '--limit must be a whole number from 1 to 100000000, got "0"' "list limit"
run list --since 2026-11-10 --until 2026-11-01
expect_error 2 '--since 2026-11-10 is after --until 2026-11-01' "backwards range"
expect_eq "$(snapshot)" "$before" "no bad input changed the journal"

printf '[report]\nweeks = 0\n' > "$RELIEF_CONFIG"
run log --pain 3
expect_error 3 "$RELIEF_CONFIG:2: report.weeks must be a whole number from 1 to 520, got 0" "bad config value"
rm -f "$RELIEF_CONFIG"
expect_eq "$(snapshot)" "$before" "config errors changed nothing"

# A misspelt key must not block the night's check-in: one warning naming the
# file, the line and the key meant; the command goes on with the default.
printf '[report]\nweeks = 6\nrelief_treshold = 1.5\n' > "$RELIEF_CONFIG"
run log --pain 3 --quiet
expect_code 0 "a misspelt key does not block log"
expect_eq "$ERR" "relief: warning: $RELIEF_CONFIG:3: unknown key \"report.relief_treshold\" (did you mean report.relief_threshold?); it is ignored (relief config lists the keys)" "the warning names file, line and the key meant"
expect_eq "$("$RELIEF" list --format csv 2>/dev/null | wc -l)" "$(($(printf '%s\n' "$before" | wc -l) + 1))" "the check-in was stored"
run remind
expect_match "$ERR" "did you mean report.relief_threshold" "remind warns and goes on"
expect_eq "$CODE" 0 "remind goes on"
run config get report.weeks
expect_eq "$OUT" "6" "the other keys still apply"
run config
expect_match "$OUT" "Not used \(relief goes on without them\):" "relief config flags the bad line"
expect_match "$OUT" "  $RELIEF_CONFIG:3: unknown key" "... with its file and line"
run config set report.weeks 7
expect_code 0 "config set goes on beside a misspelt key"
expect_eq "$(grep -c relief_treshold "$RELIEF_CONFIG")" 1 "and keeps the line for the person to fix"
printf '[report]\nweeks = "x"\n' > "$RELIEF_CONFIG"
run config set color never
expect_error 3 "$RELIEF_CONFIG:2: report.weeks must be a number without quotes, like report.weeks = 8, got \"x\"" "config set names the real file, not its temporary copy"
rm -f "$RELIEF_CONFIG"

# A journal from a newer relief is refused, byte for byte untouched.
newer="$WORK/newer.db"
"$RELIEF" --db "$newer" log --pain 1 --quiet
sqlite3 "$newer" 'PRAGMA user_version = 7'
sum=$(sha256sum "$newer")
run --db "$newer" log --pain 2
expect_error 3 "the journal $newer was written by a newer relief (schema 7; this relief knows up to 5); upgrade relief to use it" "newer schema on write"
run --db "$newer" list
expect_code 3 "newer schema on read"
expect_eq "$(sha256sum "$newer")" "$sum" "the newer journal is untouched"

junk="$WORK/junk.db"
head -c 8192 /dev/urandom > "$junk"
run --db "$junk" list
expect_code 3 "random bytes"
expect_match "$ERR" "^relief: error: the journal $junk is damaged or not a journal" "random bytes message"

finish
