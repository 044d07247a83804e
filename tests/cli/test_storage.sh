#!/usr/bin/env bash
# Storage faults: a read-only journal or folder, a folder that cannot be made,
# a full disk, a damaged, foreign or newer journal. Each gets one clear
# message and exit 3 (check: "problem: damage:" and exit 1), and the journal
# is byte for byte what it was: nothing is ever half-written.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Permission checks mean nothing to root: as root, the permission cases run as
# nobody (setpriv), in a folder nobody owns outside $WORK (which is 0700).
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null || { echo "setpriv is missing (util-linux)"; exit 77; }
    as_user() { setpriv --reuid=nobody --regid=nogroup --clear-groups -- "$@"; }
    PLACE=$(mktemp -d "${TMPDIR:-/tmp}/relief-storage-XXXXXX")
    chmod 0755 "$PLACE"
    chown nobody:nogroup "$PLACE"
    trap 'rm -rf "$PLACE"' EXIT
else
    as_user() { "$@"; }
    PLACE="$WORK/place"
    mkdir -p "$PLACE"
fi

# run_as ARGS…: like run, as that user.
run_as() {
    OUT=$(as_user "$RELIEF" "$@" 2>"$PLACE/stderr")
    CODE=$?
    ERR=$(cat "$PLACE/stderr")
}
fingerprint() { sha256sum "$1" | cut -c1-64; }

mkdir -p "$PLACE/ro"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$PLACE/ro"
J="$PLACE/ro/journal.db"
run_as --db "$J" log --pain 3 --note kept -q
expect_code 0 "a journal of nobody's"
LISTED=$(as_user "$RELIEF" --db "$J" list)
ID=$(as_user "$RELIEF" --db "$J" export | csv_columns uuid | sed -n 2p | cut -c1-8)

# A read-only journal file: reading works, writing is refused.
chmod 0400 "$J"
before=$(fingerprint "$J")
run_as --db "$J" log --pain 4
expect_error 3 "cannot write the journal $J: it is read-only (attempt to write a readonly database); nothing was changed" \
    "log to a read-only journal"
run_as --db "$J" delete "$ID"
expect_code 3 "delete in a read-only journal"
run_as --db "$J" list
expect_code 0 "list reads a read-only journal"
expect_eq "$OUT" "$LISTED" "... and shows every record"
run_as --db "$J" check --quiet
expect_code 0 "check reads a read-only journal"
printf 'type,at,pain\ncheckin,2026-11-20T20:00:00+00:00,4\n' > "$PLACE/one.csv"
chmod 0644 "$PLACE/one.csv"
run_as --db "$J" import --dry-run "$PLACE/one.csv"
expect_code 0 "import --dry-run on a read-only journal (it checks against a copy)"
expect_eq "$OUT" "Would import 1 record (1 check-in, 0 sessions) from $PLACE/one.csv; 0 already present. Nothing was written (--dry-run)." \
    "... and says what an import would add"
run_as --db "$J" import "$PLACE/one.csv"
expect_code 3 "a real import into a read-only journal is refused"
expect_eq "$(fingerprint "$J")" "$before" "the read-only journal is untouched"

# A journal on read-only media: no -wal/-shm beside it, a folder nobody can
# write. Reading still works (SQLite's immutable mode); writing is refused.
rm -f "$J-wal" "$J-shm"
chmod 0500 "$PLACE/ro"
run_as --db "$J" list
expect_code 0 "list on read-only media"
expect_eq "$OUT" "$LISTED" "... shows every record"
run_as --db "$J" report --format json
expect_code 0 "report on read-only media"
run_as --db "$J" check
expect_code 0 "check on read-only media"
run_as --db "$J" log --pain 4
expect_code 3 "log on read-only media"
expect_match "$ERR" "^relief: error: cannot write the journal $J: it is read-only" "... says read-only"
expect_eq "$(fingerprint "$J")" "$before" "the journal on read-only media is untouched"

# A folder that cannot be created, or a journal that cannot be created in it.
run_as --db "$PLACE/ro/sub/journal.db" log --pain 4
expect_error 3 "cannot create the folder $PLACE/ro/sub: Permission denied" "a folder in a read-only folder"
run_as --db "$PLACE/ro/new.db" log --pain 4
expect_error 3 "cannot create the journal $PLACE/ro/new.db: Permission denied" "a journal in a read-only folder"
run_as --db "$PLACE/ro/sub/journal.db" list
expect_code 0 "reading a journal that cannot exist is not an error"
expect_eq "$OUT" "No records in this range." "... it has no records"
chmod 0700 "$PLACE/ro"
run --db /etc/passwd/journal.db log --pain 4
expect_error 3 "cannot create the journal /etc/passwd/journal.db: Not a directory" "a folder that is a file"
[ -z "$(find "$PLACE/ro" -mindepth 1 -maxdepth 1 ! -name 'journal.db*')" ] || fail "refused writes left files: $(ls "$PLACE/ro")"

# A config file that cannot be read is an error; an empty one means the defaults.
C="$PLACE/ro/config.toml"
as_user sh -c "printf '[report]\nweeks = 3\n' > '$C'"
chmod 0000 "$C"
run_as --db "$J" --config "$C" list
expect_error 3 "cannot read the config $C: Permission denied" "an unreadable config"
chmod 0600 "$C"
: > "$C"
run_as --db "$J" --config "$C" config get report.weeks
expect_eq "$OUT" "8" "an empty config file means the defaults"
rm -f "$C"

# A full disk (a file-size limit): the import fails whole, the journal is sound.
"$RELIEF" demo --weeks 4 --seed 3 >/dev/null
{ echo "type,at,pain,note"
  for i in $(seq 1 20000); do echo "checkin,2026-01-01T10:00:00Z,4,row $i of a large import"; done
} > "$WORK/large.csv"
count_before=$("$RELIEF" export | wc -l)
steps_before=$(sqlite3 "$RELIEF_DB" "SELECT count(*) FROM step")
OUT=$(ulimit -f 300; "$RELIEF" import "$WORK/large.csv" 2>"$WORK/stderr")
CODE=$?
ERR=$(cat "$WORK/stderr")
expect_code 3 "import on a full disk"
expect_eq "$ERR" "relief: error: input/output error on the journal $RELIEF_DB (disk I/O error); the disk may be full or failing; nothing was changed" \
    "a full disk says so"
expect_eq "$("$RELIEF" export | wc -l)" "$count_before" "nothing of the import is there"
expect_eq "$(sqlite3 "$RELIEF_DB" "SELECT count(*) FROM step")" "$steps_before" "no undo step for it"
expect_eq "$(sqlite3 "$RELIEF_DB" "PRAGMA integrity_check")" "ok" "the journal is sound after a full disk"
run import "$WORK/large.csv"
expect_code 0 "with room again, the same import works"
# Every frame left in the WAL is read by the next command to open the
# journal: a change leaves at most 64 KiB there (a few logs), and keeps the
# file (no re-creation per command).
expect_eq "$(stat -c %s "$RELIEF_DB-wal")" 0 "the WAL of a big import is emptied"
run log --pain 2 -q
wal=$(stat -c %s "$RELIEF_DB-wal")
expect_eq "$(( wal > 0 && wal <= 65536 ))" 1 "a log's few frames stay in the WAL ($wal bytes)"
for i in 1 2 3 4 5 6 7 8 9 10; do run log --pain 2 -q; done
wal=$(stat -c %s "$RELIEF_DB-wal")
expect_eq "$(( wal <= 65536 ))" 1 "ten more logs: the WAL never grows past 64 KiB ($wal bytes)"
# A reader in the middle of a snapshot is not waited for (the busy timeout is
# 10 s): the import returns at once, and a later change empties the WAL.
{ echo "type,at,pain,note"
  for i in $(seq 1 2000); do echo "checkin,2026-01-02T10:00:00Z,3,row $i beside a reader"; done
} > "$WORK/more.csv"
mkfifo "$WORK/hold"
sqlite3 "$RELIEF_DB" <"$WORK/hold" >/dev/null &
reader=$!
exec 7>"$WORK/hold"
printf 'BEGIN;\nSELECT count(*) FROM checkin;\n.shell touch %s\n' "$WORK/reading" >&7
until [ -e "$WORK/reading" ]; do sleep 0.05; done
OUT=$(timeout 5 "$RELIEF" import "$WORK/more.csv" 2>&1)
CODE=$?
ERR=$OUT
expect_code 0 "an import beside a reader holding a snapshot returns without waiting for it"
expect_eq "$(( $(stat -c %s "$RELIEF_DB-wal") > 65536 ))" 1 "its WAL is left for later while the reader reads"
# The reader ends its snapshot but stays connected (closing, sqlite3 would
# checkpoint and delete the WAL itself).
printf 'COMMIT;\n.shell touch %s\n' "$WORK/done" >&7
until [ -e "$WORK/done" ]; do sleep 0.05; done
run log --pain 2 --again -q
expect_eq "$(stat -c %s "$RELIEF_DB-wal")" 0 "the next change empties it"
exec 7>&-
wait "$reader"

# Output that cannot be written is an error too, not a silent truncation.
OUT=$("$RELIEF" export 2>"$WORK/stderr" >/dev/full)
CODE=$?
ERR=$(cat "$WORK/stderr")
expect_error 3 "cannot write to standard output (a full disk?); the output is incomplete" "export to a full device"
for words in "--help" "--version" "log --help" "help report"; do
    # shellcheck disable=SC2086 # the words are split on purpose
    "$RELIEF" $words >/dev/full 2>"$WORK/full.err"
    CODE=$?
    expect_code 3 "relief $words to a full device"
    expect_eq "$(cat "$WORK/full.err")" "relief: error: cannot write to standard output (a full disk?); the output is incomplete" "relief $words says its output did not arrive"
done
OUT=$("$RELIEF" report --format json 2>"$WORK/stderr" >/dev/full)
CODE=$?
expect_code 3 "report to a full device"

# Damaged, foreign and newer journals: refused by every command; check
# reports the damage (exit 1) and cannot judge a newer schema (exit 3).
"$RELIEF" --db "$WORK/whole.db" demo --weeks 30 >/dev/null
head -c 40000 "$WORK/whole.db" > "$WORK/truncated.db"
head -c 100000 /dev/urandom > "$WORK/random.db"
sqlite3 "$WORK/foreign.db" "CREATE TABLE notes (body TEXT)"
cp "$WORK/whole.db" "$WORK/newer.db"
sqlite3 "$WORK/newer.db" "PRAGMA user_version = 99"

damaged() { # NAME MESSAGE CHECK-LINE
    local db="$WORK/$1.db" sum
    sum=$(fingerprint "$db")
    for args in "list" "report" "export" "log --pain 3" "import $WORK/large.csv" "undo"; do
        # shellcheck disable=SC2086
        run --db "$db" $args
        expect_error 3 "$2" "$1: $args"
    done
    run --db "$db" check
    expect_code "$4" "$1: check's exit code"
    expect_eq "$OUT" "$3" "$1: check names the damage"
    expect_eq "$(fingerprint "$db")" "$sum" "$1: nothing was written to it"
}
damaged truncated "the journal $WORK/truncated.db is damaged or not a journal (database disk image is malformed); \`relief check\` tells more" \
    "problem: damage: database disk image is malformed" 1
damaged random "the journal $WORK/random.db is damaged or not a journal (file is not a database); \`relief check\` tells more" \
    "problem: damage: file is not a database" 1
damaged foreign "$WORK/foreign.db is an SQLite database but not a relief journal; give another path with --db" \
    "problem: damage: an SQLite database, but not a relief journal (no schema version)" 1
damaged newer "the journal $WORK/newer.db was written by a newer relief (schema 99; this relief knows up to 5); upgrade relief to use it" \
    "" 3

# An empty file (a crash while it was being created) is no journal yet.
: > "$WORK/empty.db"
run --db "$WORK/empty.db" list
expect_code 0 "an empty file lists"
expect_eq "$OUT" "No records in this range." "... as no records"
run --db "$WORK/empty.db" log --pain 3 -q
expect_code 0 "and becomes a journal on the first write"

# --- a copy made with sqlite3 .dump is a journal (#26 item 13): .dump keeps the
# tables, not the header with user_version and WAL mode; relief_journal keeps
# what the journal is, and the first write puts the header back.
D="$WORK/dumped.db"
"$RELIEF" --db "$WORK/original.db" demo --weeks 3 >/dev/null 2>&1
sqlite3 "$WORK/original.db" .dump | sqlite3 "$D"
expect_eq "$(sqlite3 "$D" 'PRAGMA user_version')" 0 "the copy has lost its schema version"
run --db "$D" list --format csv
expect_code 0 "a .dump copy reads"
expect_eq "$OUT" "$("$RELIEF" --db "$WORK/original.db" list --format csv)" "... the same records as the original"
run --db "$D" check
expect_code 0 "check takes a .dump copy for a journal"
run --db "$D" log --pain 2 --quiet
expect_code 0 "a .dump copy can be written"
expect_eq "$(sqlite3 "$D" 'PRAGMA user_version; PRAGMA journal_mode')" "$(printf '5\nwal')" "the first write restores the schema version and WAL mode"
expect_eq "$(sqlite3 "$D" 'SELECT application, schema_version FROM relief_journal')" "relief|5" "the journal names itself in its schema"
sqlite3 "$WORK/notours.db" "CREATE TABLE relief_journal (id INTEGER, application TEXT, schema_version INTEGER)"
run --db "$WORK/notours.db" list
expect_code 3 "a table of that name without relief's row is not a journal"

finish
