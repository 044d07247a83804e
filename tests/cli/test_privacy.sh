#!/usr/bin/env bash
# Privacy: everything relief writes is readable by its owner only, whatever the
# umask; no command opens a network socket; the HTML page fetches nothing;
# notes never appear in error messages (see also test_bad_input.sh).
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Files and folders relief creates, under the most permissive umask.
umask 000
"$RELIEF" demo --weeks 4 >/dev/null
run log --pain 3 --note "a private note"
expect_code 0 "log under umask 000"
expect_eq "$(mode_of "$RELIEF_DB")" "600" "journal 0600"
expect_eq "$(mode_of "$(dirname "$RELIEF_DB")")" "700" "journal folder 0700"
run backup "$WORK/backups/2026/copy.db" -q
expect_code 0 "backup under umask 000"
expect_eq "$(mode_of "$WORK/backups/2026/copy.db")" "600" "backup 0600"
expect_eq "$(mode_of "$WORK/backups")" "700" "a backup's new folder 0700"
expect_eq "$(mode_of "$WORK/backups/2026")" "700" "... and every folder below it"
for format in text json markdown html; do
    run report --format "$format" -o "$WORK/report.$format"
    expect_code 0 "report --format $format -o"
    expect_eq "$(mode_of "$WORK/report.$format")" "600" "report file ($format) 0600"
done
run --config "$WORK/conf/relief.toml" config set report.weeks 6
expect_code 0 "config set under umask 000"
expect_eq "$(mode_of "$WORK/conf/relief.toml")" "600" "a new config file 0600"
for f in "$RELIEF_DB"-wal "$RELIEF_DB"-shm; do
    [ ! -e "$f" ] || expect_eq "$(mode_of "$f")" "600" "$(basename "$f") 0600"
done
umask 077

# The HTML page is self-contained: no script, style sheet, font or image is
# fetched from anywhere (the SVG namespace is a name, not a fetch).
expect_eq "$(grep -oE '(src|href|url)[=(]["'"'"']?[a-z]+:' "$WORK/report.html" | grep -vc 'data:')" 0 \
    "the HTML report links to nothing outside itself"
expect_eq "$(grep -oE 'https?://[^" ]*' "$WORK/report.html" | sort -u)" "http://www.w3.org/2000/svg" \
    "the only URL in the HTML report is the SVG namespace"

# No network: strace every kind of command and look for socket calls. The
# tracer is first shown to see one, so that a blind tracer cannot pass.
if ! command -v strace >/dev/null || ! strace -o /dev/null true 2>/dev/null; then
    echo "strace cannot trace here: the socket check is skipped"
else
    strace -f -qq -e trace=socket,connect -o "$WORK/trace" \
        bash -c 'exec 3<>/dev/tcp/127.0.0.1/9' 2>/dev/null
    expect_match "$(cat "$WORK/trace")" 'socket\(AF_INET' "the tracer sees a socket being opened"
    "$RELIEF" export > "$WORK/all.csv"
    for args in "log --pain 4 --sleep 7 --note walk" "log --massage 60 --kind swedish" "list" \
        "export --format json" "import $WORK/all.csv" "edit $(head -c 8 <(sed -n 2p "$WORK/all.csv")) --pain 2" \
        "undo" "report" "report --format html" "report --format markdown" "status" "remind" \
        "check" "config" "backup $WORK/b2.db"; do
        # shellcheck disable=SC2086
        strace -f -qq -e trace=socket,connect -o "$WORK/trace" "$RELIEF" $args >/dev/null 2>&1
        expect_eq "$(cat "$WORK/trace")" "" "relief $args opens no socket"
    done
    strace -f -qq -e trace=socket,connect -o "$WORK/trace" "$RELIEF" --db "$WORK/demo.db" demo >/dev/null
    expect_eq "$(cat "$WORK/trace")" "" "relief demo opens no socket"
fi

# Notes stay out of argv (every local user can read /proc/PID/cmdline) with
# --note -: the note comes from standard input, for log and edit alike.
"$RELIEF" --db "$WORK/notes.db" log --pain 4 --note - -q <<< "saw the physio about my divorce"
expect_eq "$("$RELIEF" --db "$WORK/notes.db" export | csv_columns note | tail -1)" "saw the physio about my divorce" \
    "log --note - stores the note read from stdin"
id=$("$RELIEF" --db "$WORK/notes.db" export | csv_columns uuid | sed -n 2p | cut -c1-8)
printf 'second line\nkept\n' | "$RELIEF" --db "$WORK/notes.db" edit "$id" --note - -q
expect_eq "$("$RELIEF" --db "$WORK/notes.db" export --format json | jq -r '.records[0].note')" "second line
kept" "edit --note - too, line breaks kept"
( sleep 1; echo "only on stdin" ) | "$RELIEF" --db "$WORK/notes.db" log --pain 3 --note - --again -q &
sleep 0.5
args=$(for p in $(pgrep -f "notes.db log --pain 3"); do tr '\0' ' ' < "/proc/$p/cmdline"; done)
wait
CHECKS=$((CHECKS + 1))
case $args in *"only on stdin"*) fail "the note is in argv: $args" ;; esac
expect_match "$args" "--note -" "... the running log's argv holds --note -, not the note"
head -c 4100 /dev/zero | tr '\0' a > "$WORK/long.txt"
run --db "$WORK/notes.db" log --pain 3 --note - --again < "$WORK/long.txt"
expect_error 2 "note is too long: over 4000 bytes on standard input, at most 4000 are allowed" "a note from stdin is checked like any note"
# An error never quotes a note: undo's refusal names the change and when.
OUT=$(RELIEF_NOW=2026-11-24T20:00:00 "$RELIEF" --db "$WORK/notes.db" undo 2>&1 </dev/null)
CHECKS=$((CHECKS + 1))
case $OUT in *physio* | *divorce* | *"second line"*) fail "undo's refusal quotes a note: $OUT" ;; esac
expect_match "$OUT" "^relief: error: the last change, a (log|edit) " "undo's refusal names the kind of change"

finish
