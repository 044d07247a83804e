#!/usr/bin/env bash
# Many writers and a reader on one journal: every write is kept, nobody sees
# "database is locked", the file stays sound. CI runs a small count; the
# stress script (tests/stress.sh) the issue's full one:
#   WRITERS=8 LOGS_EACH=250 bash tests/cli/test_concurrency.sh
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
WRITERS=${WRITERS:-8}
LOGS_EACH=${LOGS_EACH:-100}
EXPECTED=$((WRITERS * LOGS_EACH))

# The journal does not exist yet: the writers also race to create it.
[ ! -e "$RELIEF_DB" ] || fail "the journal exists before the test"

writer() {
    local w=$1 i
    for ((i = 1; i <= LOGS_EACH; i++)); do
        "$RELIEF" log --pain $(((w + i) % 11)) --mood 5 --quiet "writer $w entry $i" \
            2>>"$WORK/writer-$w.err" || echo "writer $w entry $i: exit $?" >>"$WORK/failures"
    done
}

reader() {
    local rounds=0
    while [ ! -e "$WORK/writers-done" ]; do
        "$RELIEF" report --format json >/dev/null 2>>"$WORK/reader.err" \
            || echo "report: exit $?" >>"$WORK/failures"
        "$RELIEF" list --limit 5 >/dev/null 2>>"$WORK/reader.err" \
            || echo "list: exit $?" >>"$WORK/failures"
        rounds=$((rounds + 1))
    done
    echo "$rounds" >"$WORK/reader-rounds"
}

reader &
reader_pid=$!
pids=()
for ((w = 1; w <= WRITERS; w++)); do
    writer "$w" &
    pids+=($!)
done
wait "${pids[@]}"
touch "$WORK/writers-done"
wait "$reader_pid"

expect_eq "$(cat "$WORK/failures" 2>/dev/null)" "" "no command failed"
# A reader that runs before the first writer has created the journal is told
# so (a note, exactly this one); nothing else may reach stderr.
# The one writer that created it says so, once.
expect_eq "$(cat "$WORK"/*.err | grep -vxF "relief: note: there is no journal at $RELIEF_DB (from RELIEF_DB); nothing has been logged there yet" | grep -vxF "relief: note: started a new journal at $RELIEF_DB (from RELIEF_DB)")" "" \
    "nothing on stderr but the no-journal note (no 'database is locked')"
expect_eq "$(cat "$WORK"/*.err | grep -cxF "relief: note: started a new journal at $RELIEF_DB (from RELIEF_DB)")" 1 \
    "exactly one writer says it started the journal"
expect_eq "$("$RELIEF" export --format csv | tail -n +2 | wc -l)" "$EXPECTED" \
    "exactly $EXPECTED check-ins"
expect_eq "$(sqlite3 "$RELIEF_DB" 'PRAGMA integrity_check')" "ok" "integrity_check"
expect_eq "$(sqlite3 "$RELIEF_DB" 'SELECT count(DISTINCT note) FROM checkin')" "$EXPECTED" \
    "every writer's every entry, once"
run check
expect_code 0 "relief check after the run"
[ "$(cat "$WORK/reader-rounds")" -gt 0 ] || fail "the reader never ran"
echo "($WRITERS writers x $LOGS_EACH logs, $(cat "$WORK/reader-rounds") report+list rounds)"
finish
