#!/usr/bin/env bash
# Data in and out: export/import round trips, all-or-nothing import, edit,
# delete and undo restoring the exact previous export, and the demo journal.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

export_of() { "$RELIEF" --db "$1" export ${2:+--format "$2"}; }

# --- Round trips, with notes that need quoting -----------------------------
"$RELIEF" log --pain 4 --mood 6 --sleep 7.25 --area lower-back --tag work --at "2026-11-20 20:00" --quiet \
    'commas, "quotes", and — non-ASCII ✓'
"$RELIEF" log --massage 60 --kind myofascial --therapist 'Ömer "the best"' --pain-before 6 \
    --pain 3 --at "2026-11-21T17:00+01:00" --quiet
"$RELIEF" log --sleep 6 --at "2026-11-22 07:00" --quiet --note "$(printf 'two\nlines')"
"$RELIEF" log --pain 5 --at "2026-11-22 01:30" --quiet
for format in csv json; do
    first=$(export_of "$RELIEF_DB" $format)
    printf '%s\n' "$first" > "$WORK/first.$format"
    run --db "$WORK/copy-$format.db" import "$WORK/first.$format"
    expect_code 0 "import the $format export into an empty journal"
    expect_eq "$OUT" "Imported 5 records (4 check-ins, 1 session) from $WORK/first.$format; 0 already present." "$format import summary"
    expect_eq "$(export_of "$WORK/copy-$format.db" $format)" "$first" "$format round trip is byte-identical"
    run --db "$WORK/copy-$format.db" import "$WORK/first.$format"
done
run --db "$WORK/copy-csv.db" import "$WORK/first.csv"
expect_eq "$OUT" "Imported 0 records (0 check-ins, 0 sessions) from $WORK/first.csv; 5 already present." "re-import adds nothing"
expect_eq "$(export_of "$WORK/copy-csv.db")" "$(export_of "$RELIEF_DB")" "re-import changed nothing"
expect_match "$(cat "$WORK/first.csv")" '"commas, ""quotes"", and — non-ASCII ✓"' "RFC 4180 quoting"
expect_eq "$(head -1 "$WORK/first.csv")" "uuid,type,at,recorded_at,pain,mood,sleep_hours,sleep_quality,minutes,kind,therapist,pain_before,areas,tags,note" "CSV header"
grep -q $'\r' "$WORK/first.csv" && fail "export must end lines with LF only"

# stdin, CRLF and a BOM
printf '\xef\xbb\xbftype,at,pain\r\ncheckin,2026-11-10T09:00:00-05:00,2\r\n' | "$RELIEF" --db "$WORK/crlf.db" import - >/dev/null
expect_eq "$(export_of "$WORK/crlf.db" | csv_columns type,at,recorded_at,pain | tail -1)" "checkin,2026-11-10T09:00:00-05:00,2026-11-10T09:00:00-05:00,2" "CRLF + BOM from stdin"

# --- All or nothing ----------------------------------------------------------
before=$(export_of "$RELIEF_DB")
cat > "$WORK/bad.csv" <<'CSV'
type,at,pain
checkin,2026-11-01T10:00:00Z,4
checkin,2026-11-02T10:00:00Z,14
checkin,2026-11-03T10:00:00Z,3
CSV
run import "$WORK/bad.csv"
expect_code 2 "a bad row"
expect_eq "$ERR" "relief: error: $WORK/bad.csv:3: pain must be a whole number from 0 to 10, got \"14\" (nothing was imported)" "one bad row: one line naming FILE:LINE"
expect_eq "$(export_of "$RELIEF_DB")" "$before" "nothing written with a bad row"

{ echo "type,at,pain"; for i in $(seq 1 25); do echo "checkin,2026-11-01T10:00:00Z,x$i"; done; } > "$WORK/many.csv"
run import "$WORK/many.csv"
expect_code 2 "many bad rows"
expect_eq "$(printf '%s\n' "$ERR" | wc -l)" "22" "the first 20 problems, a count and a total"
expect_match "$ERR" 'relief: error: … and 5 more problems' "the rest is counted"
expect_match "$ERR" 'many.csv:21: pain must be' "line numbers follow the file"

printf 'type,at,pain,colour\n' > "$WORK/col.csv"
run import "$WORK/col.csv"
expect_code 2 "unknown column"
expect_match "$ERR" "^relief: error: $WORK/col.csv:1: unknown column \"colour\"" "unknown column message"
printf 'type,at,note\ncheckin,2026-11-01T10:00:00Z,"open\n' > "$WORK/quote.csv"
run import "$WORK/quote.csv"
expect_code 2 "unbalanced quote"
run import "$WORK/missing.csv"
expect_error 2 "cannot read $WORK/missing.csv: No such file or directory" "a missing file"
expect_eq "$(export_of "$RELIEF_DB")" "$before" "no failed import wrote anything"

# --- Dry run -------------------------------------------------------------------
run --db "$WORK/dry.db" import --dry-run "$WORK/first.json"
expect_code 0 "dry run"
expect_eq "$OUT" "Would import 5 records (4 check-ins, 1 session) from $WORK/first.json; 0 already present. Nothing was written (--dry-run)." "dry run summary"
[ ! -e "$WORK/dry.db" ] || fail "a dry run created the journal"
run import --dry-run "$WORK/first.csv"
expect_match "$OUT" '^Would import 0 records .*; 5 already present\.' "dry run against the journal"
run import --dry-run "$WORK/bad.csv"
expect_code 2 "a dry run finds the bad rows too"

# --- Edit, delete, undo --------------------------------------------------------
s0=$(export_of "$RELIEF_DB")
id=$(export_of "$RELIEF_DB" | csv_columns uuid,type,at | grep ',checkin,2026-11-20' | cut -c1-8)
run edit "$id" --pain 2 --mood ""
expect_code 0 "edit"
expect_eq "$OUT" "Edited check-in $id of Fri 2026-11-20: pain 4 → 2; mood 6 → none." "edit says what changed, and only that"
s1=$(export_of "$RELIEF_DB")
expect_match "$s1" ",checkin,2026-11-20T20:00:00\+00:00,[^,]*,2,,7.25," "the edit is stored"
sid=$(export_of "$RELIEF_DB" | csv_columns uuid,type | grep ',session$' | cut -c1-8)
run delete "$sid" "$id"
expect_code 0 "delete two"
expect_match "$OUT" "^Deleted session $sid of Sat 2026-11-21 .* and check-in $id of Fri 2026-11-20 \(pain 2, sleep 7.25 h\)\. relief undo brings them back\.$" "delete says what"
run undo
expect_match "$OUT" "^Undid the delete of session $sid" "undo names the delete"
expect_match "$OUT" "\. relief redo deletes them again\.$" "... and says that redo deletes them again"
expect_eq "$(export_of "$RELIEF_DB")" "$s1" "undo of delete restores the exact export"
run undo
expect_match "$OUT" "^Undid the edit of check-in $id.*\. relief redo makes the edit again\.$" "undo names the edit, and what redo would do"
expect_eq "$(export_of "$RELIEF_DB")" "$s0" "undo of edit restores the exact export"
run edit "$id" --massage 30
expect_error 2 "--massage, --kind, --therapist and --pain-before belong to a session; this record is a check-in" "session flags on a check-in"
run edit "$id"
expect_code 2 "edit with nothing to change"
run edit ffffffff --pain 1
expect_error 2 "no record has an id starting with ffffffff (relief list shows the ids)" "unknown id"
run delete 12
expect_code 2 "an id too short"
expect_eq "$(export_of "$RELIEF_DB")" "$s0" "failed edits and deletes changed nothing"

# undo takes a whole import back
"$RELIEF" import "$WORK/many.csv" >/dev/null 2>&1
run --db "$WORK/crlf.db" undo
expect_eq "$OUT" "Undid the import of 1 record (1 check-in, 0 sessions) from stdin (made 2026-11-23 20:00, just now). relief redo brings it back." "undo of an import"
expect_eq "$(export_of "$WORK/crlf.db" | wc -l)" "1" "the import is gone"
run --db "$WORK/crlf.db" undo
expect_code 1 "nothing left to undo"
expect_eq "$ERR" "Nothing to undo." "nothing to undo is said"
run --db "$WORK/never.db" edit abcd --pain 1
expect_error 2 "no record has an id starting with abcd (the journal is empty)" "edit on a journal that does not exist"
run --db "$WORK/never.db" delete abcd
expect_code 2 "delete on a journal that does not exist"
run --db "$WORK/never.db" undo
expect_code 1 "undo on a missing journal"
[ ! -e "$WORK/never.db" ] || fail "undo created a journal"

# --- Demo ------------------------------------------------------------------------
run --db "$WORK/demo1.db" demo --seed 42 --weeks 8
expect_code 0 "demo"
expect_match "$OUT" "^Filled $WORK/demo1.db with 8 weeks of synthetic entries \([0-9]+ check-ins, [0-9]+ sessions, seed 42\)\." "demo summary"
"$RELIEF" --db "$WORK/demo2.db" demo --seed 42 --weeks 8 >/dev/null
expect_eq "$(export_of "$WORK/demo1.db")" "$(export_of "$WORK/demo2.db")" "demo is deterministic for a seed"
"$RELIEF" --db "$WORK/demo3.db" demo --seed 43 --weeks 8 >/dev/null
[ "$(export_of "$WORK/demo1.db")" != "$(export_of "$WORK/demo3.db")" ] || fail "another seed gives another journal"
run --db "$WORK/demo1.db" demo
expect_code 2 "demo refuses a journal with records"
expect_match "$ERR" "already holds [0-9]+ records; relief demo only fills an empty journal" "demo refusal message"
run --db "$WORK/demo4.db" demo --weeks 0
expect_error 2 '--weeks must be a whole number from 1 to 520, got "0"' "demo weeks"
run --db "$WORK/demo1.db" undo
expect_match "$OUT" "^Undid the demo of 8 weeks" "undo of the demo"

# An export from a clock a few minutes ahead imports (5 minutes allowed, for
# at and recorded_at alike); further ahead is refused, saying so. status and
# undo say "after this machine's clock", never "-1 days ago" or "just now".
printf 'type,at,recorded_at,pain,minutes\ncheckin,2026-11-23T20:02:00+00:00,2026-11-23T20:03:00+00:00,4,\nsession,2026-11-23T20:04:00+00:00,,,60\n' > "$WORK/ahead.csv"
run --db "$WORK/skew.db" import "$WORK/ahead.csv"
expect_code 0 "an export from a clock 4 minutes ahead imports"
printf 'type,at,pain\ncheckin,2026-11-23T20:06:00+00:00,4\n' > "$WORK/far.csv"
run --db "$WORK/skew.db" import "$WORK/far.csv"
expect_code 2 "6 minutes ahead is refused"
expect_match "$ERR" "at 2026-11-23T20:06:00\+00:00 is in the future \(now is 2026-11-23 20:00, and a clock may be 5 minutes ahead\)" \
    "... saying how much is allowed"
run --db "$WORK/skew.db" undo --dry-run
expect_match "$OUT" "\(made 2026-11-23 20:00, just now\)" "a change made now is just now"
OUT=$(RELIEF_NOW=2026-11-23T19:50:00 "$RELIEF" --db "$WORK/skew.db" undo --dry-run)
expect_match "$OUT" "\(made 2026-11-23 20:00, after this machine's clock\)" "a change made after the clock is not 'just now'"
RELIEF_NOW=2026-11-24T05:00:00 "$RELIEF" --db "$WORK/late.db" log --massage 30 --at "2026-11-24 04:30" -q
OUT=$(RELIEF_NOW=2026-11-24T03:58:00 "$RELIEF" --db "$WORK/late.db" status 2>&1)
expect_match "$OUT" "^Last session: dated after today by this machine's clock" "status: a session dated after today"
CHECKS=$((CHECKS + 1))
case $OUT in *"-1 day"*) fail "status says a negative day count: $OUT" ;; esac
OUT=$(RELIEF_NOW=2026-11-24T03:58:00 "$RELIEF" --db "$WORK/late.db" status --short 2>&1)
expect_match "$OUT" "session ahead of the clock" "status --short too"

finish
