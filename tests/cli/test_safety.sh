#!/usr/bin/env bash
# Data safety (issue #15): no command may destroy, lose or half-write data.
# report -o never writes over an existing file without --force, nor ever over
# the journal; config set writes through a symlink and refuses what is not a
# regular file; concurrent edits lose no update; a killed backup leaves no
# file at its target; import refuses a uuid given twice; decimals round-trip.
# The stress script (tests/stress.sh) runs the racing parts at full counts:
#   EDIT_PAIRS=100 BACKUP_KILLS=100 bash tests/cli/test_safety.sh
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
EDIT_PAIRS=${EDIT_PAIRS:-20}
BACKUP_KILLS=${BACKUP_KILLS:-20}
fingerprint() { sha256sum "$1" | cut -c1-64; }

"$RELIEF" log --pain 4 --at "2026-11-20 20:00" -q "first"
"$RELIEF" log --massage 60 --pain-before 6 --at "2026-11-21 10:00" -q

# 1. report -o
journal_print=$(fingerprint "$RELIEF_DB")
run report -o "$RELIEF_DB"
expect_error 2 "$RELIEF_DB is the journal (or one of its files); a report never writes over it" \
    "report -o over the journal"
run report -o "$RELIEF_DB" --force
expect_code 2 "report -o over the journal, even with --force"
run report -o "$RELIEF_DB-wal" --force
expect_code 2 "report -o over the journal's WAL"
ln -s "$RELIEF_DB" "$WORK/innocent.txt"
run report -o "$WORK/innocent.txt" --force
expect_code 2 "report -o through a symlink to the journal"
expect_eq "$(fingerprint "$RELIEF_DB")" "$journal_print" "the journal is untouched"
run list
expect_match "$OUT" "first" "... and still reads"

echo "my notes" > "$WORK/notes.txt"
chmod 0644 "$WORK/notes.txt"
run report -o "$WORK/notes.txt"
expect_error 2 "$WORK/notes.txt already exists; add --force to replace it" "report -o over a file"
expect_eq "$(cat "$WORK/notes.txt")" "my notes" "... leaves it as it was"
expect_eq "$(mode_of "$WORK/notes.txt")" "644" "... and its mode"
run report -o "$WORK/notes.txt" --force --format json
expect_code 0 "report -o --force replaces a file"
expect_match "$(head -c 40 "$WORK/notes.txt")" '"schema"' "... with the report"
expect_eq "$(mode_of "$WORK/notes.txt")" "600" "... private"
echo "target" > "$WORK/target.txt"
ln -s "$WORK/target.txt" "$WORK/link.txt"
run report -o "$WORK/link.txt" --force
expect_code 0 "report -o --force over a symlink"
expect_eq "$(cat "$WORK/target.txt")" "target" "... does not write through the link"
run report -o "$WORK/new.txt"
expect_code 0 "report -o to a new file"
expect_eq "$(find "$WORK" -mindepth 1 -maxdepth 1 -name '*relief-*' | wc -l)" "0" "no temporary file is left behind"
mkdir "$WORK/folder"
run report -o "$WORK/folder" --force
expect_error 3 "cannot write $WORK/folder: it is a folder" "report -o onto a folder"

# 2. config set
export RELIEF_CONFIG="$WORK/dotfiles-link.toml"
mkdir -p "$WORK/dotfiles"
printf '# mine\nday_starts_at = "04:00"\n' > "$WORK/dotfiles/relief.toml"
chmod 0640 "$WORK/dotfiles/relief.toml"
ln -s "$WORK/dotfiles/relief.toml" "$RELIEF_CONFIG"
run config set report.weeks 12
expect_code 0 "config set through a symlink"
[ -L "$RELIEF_CONFIG" ] || fail "the config symlink was replaced by a file"
expect_match "$(cat "$WORK/dotfiles/relief.toml")" "weeks = 12" "... the real file changed"
expect_match "$(cat "$WORK/dotfiles/relief.toml")" "# mine" "... keeping its comments"
expect_eq "$(mode_of "$WORK/dotfiles/relief.toml")" "640" "... and its mode"
# A device of our own (a copy of /dev/null's numbers): a broken build that
# replaced it would not take the machine's /dev/null with it.
if [ "$(id -u)" = 0 ]; then
    NULLDEV="$WORK/null"
    mknod -m 666 "$NULLDEV" c 1 3
    run config set report.weeks 12 --config "$NULLDEV"
    expect_error 3 "the config $NULLDEV is a device, not a regular file" "config set on a device"
    CHECKS=$((CHECKS + 1))
    [ -c "$NULLDEV" ] || fail "the device was replaced by a file"
fi
mkfifo "$WORK/fifo"
export RELIEF_CONFIG="$WORK/fifo"
OUT=$(timeout 5 "$RELIEF" config set report.weeks 3 2>&1)
CODE=$?
expect_eq "$OUT" "relief: error: the config $WORK/fifo is a FIFO (named pipe), not a regular file" \
    "config set on a FIFO"
OUT=$(timeout 5 "$RELIEF" list 2>&1)
CODE=$?
expect_code 3 "a FIFO as the config is refused, not waited on"
ln -s "$WORK/loop-a" "$WORK/loop-b"
ln -s "$WORK/loop-b" "$WORK/loop-a"
export RELIEF_CONFIG="$WORK/loop-a"
run list
expect_error 3 "the config $WORK/loop-a is a loop of symbolic links" "a symlink loop as the config"
ln -s "$WORK/nowhere.toml" "$WORK/dangling.toml"
export RELIEF_CONFIG="$WORK/dangling.toml"
run list
expect_error 3 "the config $WORK/dangling.toml is a symbolic link to a file that does not exist" \
    "a dangling config link"
export RELIEF_CONFIG="$WORK/config.toml"

# 11, 12. What is at the journal's path
for what in folder fifo ${NULLDEV:+null} dangling; do
    case $what in
    folder) J="$WORK/jfolder"; mkdir "$J"; kind="a folder" ;;
    fifo) J="$WORK/jfifo"; mkfifo "$J"; kind="a FIFO (named pipe)" ;;
    null) J="$NULLDEV"; kind="a device" ;;
    dangling) J="$WORK/jdangling"; ln -s "$WORK/gone.db" "$J" ;;
    esac
    for cmd in list check "log --pain 3"; do
        # shellcheck disable=SC2086 # "log --pain 3" is three words
        OUT=$(timeout 5 "$RELIEF" --db "$J" $cmd 2>&1)
        CODE=$?
        expect_code 3 "$cmd on a $what journal"
        if [ "$what" = dangling ]; then
            expect_eq "$OUT" "relief: error: the journal $J is a symbolic link to a file that does not exist" "$cmd on a $what journal (message)"
        else
            expect_eq "$OUT" "relief: error: the journal $J is $kind, not a journal file" "$cmd on a $what journal (message)"
        fi
    done
done

# 3. Concurrent edits lose no update: each of a pair sets a different field.
"$RELIEF" log --pain 1 --mood 1 --at "2026-11-22 20:00" -q "race"
ID=$("$RELIEF" export | csv_columns note,uuid | awk -F, '$1 == "race" { print substr($2, 1, 8) }')
lost=0
for i in $(seq 1 "$EDIT_PAIRS"); do
    p=$((i % 10)); m=$(((i + 5) % 10))
    "$RELIEF" edit "$ID" --pain "$p" -q &
    "$RELIEF" edit "$ID" --mood "$m" -q &
    wait
    got=$("$RELIEF" export | csv_columns note,pain,mood | awk -F, '$1 == "race" { print $2 "/" $3 }')
    [ "$got" = "$p/$m" ] || lost=$((lost + 1))
done
expect_eq "$lost" "0" "no lost update in $EDIT_PAIRS paired concurrent edits"
# An edit racing an undo never brings back what the undo took away silently:
# either order leaves the journal as one of the two serial orders does.
bad=0
for i in $(seq 1 "$EDIT_PAIRS"); do
    "$RELIEF" edit "$ID" --sleep 7 -q
    "$RELIEF" undo -q 2>/dev/null &
    undo_pid=$!
    "$RELIEF" edit "$ID" --note "note $i" -q 2>/dev/null &
    wait "$undo_pid"
    undo_code=$?
    wait
    row=$("$RELIEF" export | csv_columns uuid,sleep_hours,note | grep "^$ID")
    sleep_now=$(echo "$row" | cut -d, -f2)
    note_now=$(echo "$row" | cut -d, -f3-)
    # undo then edit: no sleep, the new note; edit then undo: sleep 7, the
    # old note; an undo that found the edit in between refuses (exit 3) and
    # leaves both. Sleep 7 with the new note after an undo that said it
    # undid something is the undo silently reversed.
    if [ "$undo_code" = 0 ]; then
        [ "$sleep_now/$note_now" = "/note $i" ] || [ "$sleep_now/$note_now" = "7/race" ] ||
            bad=$((bad + 1))
    else
        [ "$undo_code" = 3 ] && [ "$sleep_now/$note_now" = "7/note $i" ] || bad=$((bad + 1))
    fi
    "$RELIEF" edit "$ID" --note race --sleep "" -q
done
expect_eq "$bad" "0" "an edit racing an undo never reverses the undo"

# 4. A killed backup leaves no file at its target unless it is complete.
"$RELIEF" demo --db "$WORK/big.db" >/dev/null
half=0
for i in $(seq 1 "$BACKUP_KILLS"); do
    target="$WORK/backups/b$i.db"
    "$RELIEF" --db "$WORK/big.db" backup "$target" >/dev/null 2>&1 &
    pid=$!
    sleep "0.00$((RANDOM % 9))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ -e "$target" ]; then
        "$RELIEF" --db "$target" check -q || half=$((half + 1))
    fi
done
expect_eq "$half" "0" "no half backup at the target after $BACKUP_KILLS kills"
: > "$WORK/empty.db"
run --db "$WORK/empty.db" check
expect_code 1 "check on an empty file"
expect_eq "$OUT" "problem: the file is empty (0 bytes): a journal that was never written (a first relief log stopped before it wrote anything, or a copy cut off at its first byte); it holds nothing to lose: remove it (rm $WORK/empty.db) and log again, or restore the copy" \
    "... says what it is and what to do"
"$RELIEF" --db "$WORK/big.db" backup "$WORK/full.db" >/dev/null
size=$(stat -c %s "$WORK/full.db")
head -c $((size / 2)) "$WORK/full.db" > "$WORK/cut.db"
run --db "$WORK/cut.db" check
expect_code 1 "check on a file cut in half"
expect_match "$OUT" "^problem: " "... lists the damage"
run backup "$WORK/full.db"
expect_code 2 "backup never overwrites"

# 5. A uuid twice in one file
U=11111111-2222-4333-8444-555555555555
printf 'uuid,type,at,pain,minutes\n%s,checkin,2026-11-10T20:00:00Z,3,\n%s,session,2026-11-11T10:00:00Z,,60\n' "$U" "$U" > "$WORK/twice.csv"
before=$(snapshot)
run import "$WORK/twice.csv"
expect_error 2 "$WORK/twice.csv:3: the id 11111111 is also on line 2; each record needs its own id (nothing was imported)" \
    "import of a uuid given twice"
expect_eq "$(snapshot)" "$before" "... imports nothing"

# 6. Decimals: stored to 0.01 h, exported as plain decimals, imported back.
run log --sleep 0.00001 --pain 2 --at "2026-11-12 08:00" -q
run log --sleep 7.333333333333333 --at "2026-11-13 08:00" -q
expect_code 0 "a spreadsheet's 7.333333333333333 is a number of hours"
run log --sleep 23.996 --at "2026-11-14 08:00" -q
"$RELIEF" export > "$WORK/decimals.csv"
expect_match "$(cat "$WORK/decimals.csv")" ",0,2,|,0,,|,2,,0," "sleep 0.00001 is stored as 0"
expect_match "$(cat "$WORK/decimals.csv")" ",7.33," "7.3333 is stored as 7.33"
expect_match "$(cat "$WORK/decimals.csv")" ",24," "23.996 is stored as 24"
CHECKS=$((CHECKS + 1))
[ "$(csv_columns sleep_hours < "$WORK/decimals.csv" | tail -n +2 | grep -c e)" = 0 ] || fail "export wrote an exponent"
RELIEF_DB="$WORK/restored.db" "$RELIEF" import "$WORK/decimals.csv" >/dev/null
expect_eq "$(RELIEF_DB="$WORK/restored.db" "$RELIEF" export)" "$(cat "$WORK/decimals.csv")" \
    "export -> import -> export is byte-identical"
"$RELIEF" export --format json > "$WORK/decimals.json"
RELIEF_DB="$WORK/restored2.db" "$RELIEF" import "$WORK/decimals.json" >/dev/null
expect_eq "$(RELIEF_DB="$WORK/restored2.db" "$RELIEF" export --format json)" "$(cat "$WORK/decimals.json")" \
    "JSON export -> import -> export is byte-identical"

# 7. Import keeps log's rules for time: nothing in the future, nothing
# written down before it happened (RELIEF_NOW is 2026-11-23 20:00 UTC).
before=$(snapshot)
printf 'type,at,recorded_at,pain\ncheckin,2027-01-01T10:00:00Z,,3\ncheckin,9999-12-31T10:00:00Z,,3\ncheckin,2026-11-01T10:00:00Z,2026-12-01T00:00:00Z,3\ncheckin,2026-11-01T10:00:00Z,2020-01-01T00:00:00Z,3\n' > "$WORK/future.csv"
run import "$WORK/future.csv"
expect_code 2 "import of future and back-dated records"
expect_eq "$ERR" "relief: error: $WORK/future.csv:2: at 2027-01-01T10:00:00+00:00 is in the future (now is 2026-11-23 20:00, and a clock may be 5 minutes ahead); records can only be about the past
relief: error: $WORK/future.csv:3: at 9999-12-31T10:00:00+00:00 is in the future (now is 2026-11-23 20:00, and a clock may be 5 minutes ahead); records can only be about the past
relief: error: $WORK/future.csv:4: recorded_at 2026-12-01T00:00:00+00:00 is in the future (now is 2026-11-23 20:00, and a clock may be 5 minutes ahead); records can only be about the past
relief: error: $WORK/future.csv:5: recorded_at 2020-01-01T00:00:00+00:00 is before at 2026-11-01T10:00:00+00:00; an entry cannot be written down before it happens
relief: error: 4 problems in $WORK/future.csv; nothing was imported" "... each refused with its line"
expect_eq "$(snapshot)" "$before" "... and nothing imported"

# 8. A CRLF file with a quoted note over two lines.
printf 'type,at,pain,note\r\ncheckin,2026-11-02T20:00:00Z,4,"two\r\nlines"\r\n' > "$WORK/crlf.csv"
run import "$WORK/crlf.csv"
expect_code 0 "a CRLF file with a multi-line note imports"
expect_match "$("$RELIEF" export --format json)" '"two\\nlines"' "... its line break kept as a line break"

# 11. An endless file ends in an error, not in memory.
OUT=$(timeout 20 "$RELIEF" import /dev/zero 2>&1)
CODE=$?
expect_code 2 "import /dev/zero"
expect_eq "$OUT" "relief: error: /dev/zero:1: a record longer than 1 MiB; this does not look like a CSV file of records (nothing was imported)" "... says why"

# 13. Time zones: beyond ±14 h is a clear error (not a bug), a skipped wall
# time is answered with the zone's own offsets, and offsets with seconds work.
OUT=$(TZ=XXX-15 "$RELIEF" log --pain 3 2>&1)
CODE=$?
expect_code 2 "TZ=XXX-15"
expect_eq "$OUT" "relief: error: the local time zone (TZ=XXX-15) is +15:00 from UTC; relief keeps offsets within -14:00 and +14:00 (set TZ to your zone, like TZ=Europe/Berlin)" "... says what is wrong"
OUT=$(TZ=America/New_York RELIEF_NOW=2026-11-23T20:00:00-05:00 "$RELIEF" log --pain 3 --at "2026-03-08 02:30" 2>&1)
expect_eq "$OUT" "relief: error: --at \"2026-03-08 02:30\" does not exist in the local time zone (the clocks skipped it); give the time with its offset, e.g. \"2026-03-08 02:30-05:00\" (the offset before the change) or \"2026-03-08 02:30-04:00\" (after it)" "a skipped New York time suggests New York's offsets"
OUT=$(TZ=XXX-1:30:30 "$RELIEF" --db "$WORK/tz.db" log --pain 3 --at "2026-11-20 10:00" 2>/dev/null)
expect_eq "$OUT" "Logged check-in $(TZ=XXX-1:30:30 "$RELIEF" --db "$WORK/tz.db" export | csv_columns uuid | sed -n 2p | cut -c1-8) (pain 3) for Fri 2026-11-20." "an offset with seconds takes local times"
expect_match "$(TZ=XXX-1:30:30 "$RELIEF" --db "$WORK/tz.db" list)" "Fri 2026-11-20  10:00" "... and reads them back as typed"

# 14. JSON: duplicate keys, a second "records", numbers as names are refused;
# a byte order mark is accepted, as in CSV.
before=$(snapshot)
json_bad() { # NAME CONTENT MESSAGE
    printf '%s' "$2" > "$WORK/$1.json"
    run import "$WORK/$1.json"
    expect_error 2 "$WORK/$1.json:$3 (nothing was imported)" "JSON: $1"
}
json_bad dupkey '{"schema": "relief.export/1", "records": [{"type": "checkin", "at": "2026-11-03T20:00:00Z", "pain": 11, "pain": 3}]}' '1: the field "pain" appears twice'
json_bad records '{"schema": "relief.export/1", "records": [], "records": []}' '1: "records" appears twice'
json_bad areas '{"schema": "relief.export/1", "records": [{"type": "checkin", "at": "2026-11-03T20:00:00Z", "pain": 3, "areas": [4]}]}' '1: a list holds names in quotes, like ["lower-back", "neck"]'
expect_eq "$(snapshot)" "$before" "refused JSON imports nothing"
printf '\xef\xbb\xbf{"schema": "relief.export/1", "records": [{"type": "checkin", "at": "2026-11-04T20:00:00Z", "pain": 3}]}' > "$WORK/bom.json"
run import "$WORK/bom.json"
expect_code 0 "JSON with a byte order mark"
printf '\xef\xbb\xbf[report]\nweeks = 4\n' > "$WORK/bom.toml"
expect_eq "$("$RELIEF" --config "$WORK/bom.toml" config get report.weeks)" "4" "a config with a byte order mark"

# 9. A crash in the middle of a rollback-mode write (another SQLite tool
# switched the journal out of WAL) leaves a hot -journal file; reads recover.
H="$WORK/hot.db"
"$RELIEF" --db "$H" log --pain 3 -q "before the crash"
( printf "PRAGMA journal_mode=DELETE;\nPRAGMA cache_size=1;\nBEGIN;\nUPDATE checkin SET pain = 9;\nWITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300) INSERT INTO step (action, summary, made_utc) SELECT 'log', printf('%%500d', i), 1 FROM n;\n.shell kill -9 \$PPID\n" |
    sqlite3 "$H" ) >/dev/null 2>&1
CHECKS=$((CHECKS + 1))
[ -s "$H-journal" ] || fail "the crash left no hot journal (the test did not set it up)"
run --db "$H" list
expect_code 0 "a read after a crash that left a hot journal"
expect_match "$OUT" 'pain 3 · "before the crash"' "... sees the journal as it was before the crash"
run --db "$H" check
expect_code 0 "... and check finds it sound"

# 10. Undo names the change and when; --dry-run shows it; an older change
# needs --yes; redo brings it back; a no-op import is no step.
U="$WORK/undo.db"
"$RELIEF" --db "$U" log --pain 2 --at "2026-11-22 20:00" -q "kept"
"$RELIEF" --db "$U" log --pain 6 --at "2026-11-23 19:00" -q "the newest"
run --db "$U" undo --dry-run
expect_match "$OUT" '^Would undo the log of check-in [0-9a-f]{8} .*\(made 2026-11-23 20:00, just now\)\. Nothing was changed \(--dry-run\)\.$' "undo --dry-run names the change and when"
expect_eq "$("$RELIEF" --db "$U" list | grep -c 'the newest')" "1" "... and changes nothing"
OUT=$(RELIEF_NOW=2026-11-23T21:00:00 "$RELIEF" --db "$U" undo 2>&1 </dev/null)
CODE=$?
expect_code 2 "undo of a change made an hour ago, without --yes"
expect_eq "$OUT" 'relief: error: the last change, a log (made 2026-11-23 20:00, 1 hour ago), is older than 10 minutes; relief undo --yes undoes it (relief undo --dry-run shows it)' \
    "... says what and how, without the note's words"
run --db "$U" list
expect_match "$OUT" "the newest" "... and undoes nothing"
if [ -n "${PTYRUN:-}" ]; then
    # At a terminal, undo asks; anything but yes keeps the change.
    OUT=$(RELIEF_NOW=2026-11-23T21:00:00 "$PTYRUN" 'n\n' -- "$RELIEF" --db "$U" undo 2>&1)
    expect_match "$OUT" 'Undo the log of check-in .*\(made 2026-11-23 20:00, 1 hour ago\)\? \[y/N\]' "undo asks at a terminal"
    expect_match "$OUT" 'Cancelled; nothing was changed\.' "... and a no keeps the change"
    expect_match "$("$RELIEF" --db "$U" list)" "the newest" "... (still there)"
fi
OUT=$(RELIEF_NOW=2026-11-23T21:00:00 "$RELIEF" --db "$U" undo --yes 2>&1)
expect_match "$OUT" '^Undid the log of check-in .*\(made 2026-11-23 20:00, 1 hour ago\)\. relief redo brings it back\.$' "undo --yes"
run --db "$U" redo
expect_code 0 "redo"
expect_match "$("$RELIEF" --db "$U" list)" "the newest" "... brings the entry back"
run --db "$U" redo
expect_code 1 "nothing more to redo"
printf 'uuid,type,at,pain\n5eed0000-0000-4000-8000-000000000001,checkin,2026-11-20T20:00:00Z,5\n' > "$WORK/once.csv"
"$RELIEF" --db "$U" import "$WORK/once.csv" >/dev/null
"$RELIEF" --db "$U" import "$WORK/once.csv" >/dev/null
"$RELIEF" --db "$U" undo -q
"$RELIEF" --db "$U" undo -q
run --db "$U" list
expect_match "$OUT" "kept" "a no-op import is no step: two undos take the import and the last log only"
expect_eq "$(printf '%s\n' "$OUT" | grep -c 'the newest')" "0" "... (the last log went)"

# Schema 1 (a journal made before redo) is brought up to date by the first
# write, and keeps everything.
V1="$WORK/v1.db"
awk '/R"sql\(/ { on = 1; next } /\)sql"/ { if (on) exit } on' "$RELIEF_TEST_DIR/../../src/store/schema.cpp" > "$WORK/v1.sql"
sqlite3 "$V1" "PRAGMA journal_mode = WAL;" >/dev/null
sqlite3 "$V1" < "$WORK/v1.sql"
sqlite3 "$V1" "PRAGMA user_version = 1; INSERT INTO step (action, summary, made_utc) VALUES ('log', 'log of an old check-in', 1795000000); INSERT INTO checkin (uuid, at_utc, at_offset, recorded_utc, recorded_offset, pain, step) VALUES ('0123abcd-0000-4000-8000-000000000001', 1795000000, 0, 1795000000, 0, 4, 1);"
run --db "$V1" list
expect_match "$OUT" "pain 4" "a schema-1 journal reads"
run --db "$V1" check
expect_code 0 "... and checks sound before it is upgraded"
# Reading it reads an upgraded copy in memory: every command that only
# reads works on it, and the file stays as it was, at schema 1.
v1_before=$(md5sum < "$V1")
run --db "$V1" undo --dry-run
expect_match "$OUT" "^Would undo the log of an old check-in" "undo --dry-run on a schema-1 journal"
run --db "$V1" redo --dry-run
expect_code 1 "redo --dry-run on a schema-1 journal: nothing undone"
run --db "$V1" trial report
expect_error 2 "there is no trial in this journal yet; relief trial start begins one" "trial report on a journal from before trials"
run --db "$V1" export --format json
expect_match "$OUT" '"pain": ?4' "export of a schema-1 journal"
expect_eq "$(md5sum < "$V1")" "$v1_before" "... and reading changed nothing in the file"
expect_eq "$(sqlite3 "$V1" "PRAGMA user_version")" "1" "... which is still at schema 1"
run --db "$V1" log --pain 5 -q
expect_code 0 "the first write upgrades it"
expect_eq "$(sqlite3 "$V1" "PRAGMA user_version")" "5" "... to the latest schema (5)"
run --db "$V1" undo -q
run --db "$V1" undo --yes -q
expect_code 0 "the old journal's own step can be undone"
run --db "$V1" redo -q
expect_match "$("$RELIEF" --db "$V1" list)" "pain 4" "... and redone"
expect_eq "$(sqlite3 "$V1" 'PRAGMA foreign_key_check')" "" "foreign keys hold after the rebuild"

# 15. One normalisation for log, edit and import: names in lower case, notes
# without the spaces around them (README, "What relief stores").
"$RELIEF" --db "$WORK/norm.db" log --pain 3 --area "Lower-Back" --tag Gardening --at "2026-11-20 20:00" -q --note "  stiff  "
printf 'type,at,pain,areas,tags,note\ncheckin,2026-11-21T20:00:00Z,3,Lower-Back,Gardening,"  stiff  "\n' > "$WORK/norm.csv"
"$RELIEF" --db "$WORK/norm.db" import "$WORK/norm.csv" >/dev/null
expect_eq "$("$RELIEF" --db "$WORK/norm.db" export | csv_columns areas,tags,note | sort -u)" "areas,tags,note
lower-back,gardening,stiff" "log and import store names and notes alike"

# 16. Small things: a plural, import -q, short ids in every message.
"$RELIEF" --db "$WORK/one.db" log --pain 3 -q
run --db "$WORK/one.db" demo
expect_match "$ERR" "already holds 1 record;" "demo: 1 record, not 1 records"
printf 'type,at,pain\ncheckin,2026-11-19T20:00:00Z,3\n' > "$WORK/quiet.csv"
run --db "$WORK/one.db" import -q "$WORK/quiet.csv"
expect_code 0 "import -q"
expect_eq "$OUT" "" "... prints nothing"

finish
