#!/usr/bin/env bash
# kill -9 at random moments: the journal always passes integrity_check and
# holds all of a write or none of it (import, log, edit). CI runs fewer kills
# and a smaller file; the stress script (tests/stress.sh) the issue's count:
#   KILLS=50 IMPORT_ROWS=100000 bash tests/cli/test_crash.sh
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
KILLS=${KILLS:-12}
IMPORT_ROWS=${IMPORT_ROWS:-20000}

count() { sqlite3 "$RELIEF_DB" 'SELECT (SELECT count(*) FROM checkin) + (SELECT count(*) FROM session)'; }
integrity() { sqlite3 "$RELIEF_DB" 'PRAGMA integrity_check'; }
now_us() { echo $(($(date +%s%N) / 1000)); }

# Sleeps a random time in [0, $1) microseconds: a read that times out on a
# FIFO nobody writes to, so no process is started (that alone takes ~1 ms).
mkfifo "$WORK/never"
exec 9<>"$WORK/never"
random_sleep() {
    local us=$(((RANDOM * 32768 + RANDOM) % $1))
    read -r -t "$(printf '%d.%06d' $((us / 1000000)) $((us % 1000000)))" -u 9
}

# A fresh copy of the base journal, with no WAL left from the last round
# (a stale WAL must never meet a different database file).
restore() {
    rm -f "$RELIEF_DB" "$RELIEF_DB-wal" "$RELIEF_DB-shm"
    cp "$WORK/base.db" "$RELIEF_DB"
}

# start_and_kill MAX_DELAY_US COMMAND…: runs relief in the background, kills
# it with SIGKILL after a random delay (it may have finished by then).
start_and_kill() {
    local max=$1 pid
    shift
    "$RELIEF" "$@" >/dev/null 2>&1 &
    pid=$!
    random_sleep "$max"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
}

# after_crash WHAT: the checks every round ends with.
after_crash() {
    expect_eq "$(integrity)" "ok" "$1: integrity_check"
    run check --quiet
    expect_code 0 "$1: relief check"
}

# The base journal: a few records, closed cleanly.
"$RELIEF" log --pain 2 --mood 5 --at "2026-11-20 09:00" --quiet "the one to edit"
"$RELIEF" log --pain 4 --at "2026-11-21 09:00" --quiet
"$RELIEF" log --massage 60 --at "2026-11-21 17:00" --quiet
cp "$RELIEF_DB" "$WORK/base.db"
BASE=$(count)
EDIT_ID=$("$RELIEF" export --format csv | awk -F, '$NF == "the one to edit" {print $1}')

# A CSV of IMPORT_ROWS check-ins with distinct ids and times (plain awk).
awk -v rows="$IMPORT_ROWS" 'BEGIN {
    print "uuid,type,at,pain,mood,note"
    for (i = 1; i <= rows; i++)
        printf "%08x-0000-4000-8000-%012x,checkin,2021-02-%02dT%02d:%02d:%02d+00:00,%d,%d,row %d\n",
            i, i, i % 28 + 1, int(i / 28) % 24, int(i / 672) % 60, int(i / 40320) % 60,
            i % 11, (i * 7) % 11, i
}' >"$WORK/big.csv"

# --- import: all or none ------------------------------------------------------
restore
started=$(now_us)
run import "$WORK/big.csv"
import_us=$(($(now_us) - started))
expect_code 0 "an uninterrupted import"
expect_eq "$(count)" "$((BASE + IMPORT_ROWS))" "an uninterrupted import adds every row"
none=0 all=0
for ((k = 1; k <= KILLS; k++)); do
    restore
    start_and_kill $((import_us * 11 / 10)) import "$WORK/big.csv"
    n=$(count)
    case $n in
    "$BASE") none=$((none + 1)) ;;
    "$((BASE + IMPORT_ROWS))") all=$((all + 1)) ;;
    *) fail "import killed in round $k left $n records (base $BASE, import $IMPORT_ROWS)" ;;
    esac
    after_crash "import round $k"
done
echo "import of $IMPORT_ROWS rows (${import_us} us) killed $KILLS times: $none none, $all all"

# --- log: the record is there or not ------------------------------------------
restore
started=$(now_us)
"$RELIEF" log --pain 6 --quiet
log_us=$(($(now_us) - started))
none=0 all=0
for ((k = 1; k <= KILLS; k++)); do
    restore
    start_and_kill "$log_us" log --pain 6 --sleep 7.5 --mood 6 --quiet "crash test"
    n=$(count)
    case $n in
    "$BASE") none=$((none + 1)) ;;
    "$((BASE + 1))") all=$((all + 1)) ;;
    *) fail "log killed in round $k left $n records (base $BASE)" ;;
    esac
    after_crash "log round $k"
done
echo "log (${log_us} us) killed $KILLS times: $none none, $all all"

# --- edit: the old version or the new one, never a mix --------------------------
none=0 all=0
for ((k = 1; k <= KILLS; k++)); do
    restore
    start_and_kill "$log_us" edit "$EDIT_ID" --pain 9 --mood 1 --quiet "edited"
    state=$(sqlite3 "$RELIEF_DB" "SELECT pain, mood, note, (SELECT count(*) FROM shelved),
                                         (SELECT count(*) FROM step) FROM checkin WHERE uuid = '$EDIT_ID'")
    case $state in
    "2|5|the one to edit|0|3") none=$((none + 1)) ;;
    "9|1|edited|1|4") all=$((all + 1)) ;;
    *) fail "edit killed in round $k left [$state]" ;;
    esac
    after_crash "edit round $k"
done
echo "edit killed $KILLS times: $none old, $all new"
finish
