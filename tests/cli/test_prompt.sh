#!/usr/bin/env bash
# The interactive prompts, driven through a real pseudo-terminal.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
: "${PTYRUN:?PTYRUN must point at the ptyrun helper}"

prompt() { OUT=$("$PTYRUN" "$1" -- "$RELIEF" log 2>&1); CODE=$?; }

# Ctrl-D at the first question: nothing written, not even the journal file.
prompt '\x04'
expect_code 1 "Ctrl-D cancels"
expect_match "$OUT" 'Did a massage or other session just end\? Its minutes \(1-600\):' "the session is asked first"
expect_match "$OUT" 'Cancelled; nothing was written\.' "cancel is confirmed"
[ ! -e "$RELIEF_DB" ] || fail "cancelling created the journal"

# Enter everywhere: no values, nothing written.
prompt '\n\n\n\n\n\n\n'
expect_code 1 "all questions skipped"
expect_match "$OUT" 'No values given; nothing was written\.' "empty answers write nothing"
[ ! -e "$RELIEF_DB" ] || fail "skipping everything created the journal"

# A wrong answer is explained and asked again; empty answers skip.
prompt '\n11\n4\n\n7,5\n\nneck\nfelt ok\n'
expect_code 0 "a prompted check-in"
expect_match "$OUT" 'pain must be a whole number from 0 to 10, got "11"' "the wrong answer is explained"
expect_match "$OUT" 'Logged check-in [0-9a-f]{8} \(pain 4, sleep 7\.5 h; areas neck; note "felt ok"\) for Mon 2026-11-23\.' "stored with the corrected answer, 7,5 taken as 7.5"
row=$("$RELIEF" list --format csv | csv_columns type,pain,mood,sleep_hours,sleep_quality,minutes,kind,therapist,pain_before,areas,tags,note | tail -1)
expect_eq "$row" "checkin,4,,7.5,,,,,,neck,,felt ok" "the answers are what is stored"

# A session through the prompts, then Ctrl-D in the middle writes nothing more.
prompt '60\nDeep Tissue\nAna\n6\n3\n\n\n\n\n\n'
expect_code 0 "a prompted session"
expect_match "$(flatten "$OUT")" 'Pain before the session, 0-10: .*Pain now, 0-10:' "pain before is asked before pain now"
expect_match "$OUT" 'Logged session [0-9a-f]{8} \(deep-tissue, 60 min, with Ana, pain before 6\)' "session stored, its kind as one name"
expect_match "$OUT" 'check-in [0-9a-f]{8} \(pain 3\)' "with the check-in of pain now"
before=$(snapshot)
prompt '\n3\n5\n\x04'
expect_code 1 "Ctrl-D in the middle"
expect_eq "$(snapshot)" "$before" "a cancelled prompt leaves the journal as it was"
prompt '\n3\n\x03'
expect_code 1 "Ctrl-C at a question cancels like Ctrl-D"
expect_match "$OUT" 'Cancelled; nothing was written\.' "Ctrl-C says so"
expect_eq "$(snapshot)" "$before" "Ctrl-C leaves the journal as it was"

# --- colour: on a terminal, but not on one that says it cannot show it (#26 item 9)
"$RELIEF" --db "$WORK/colour.db" demo --weeks 4 >/dev/null 2>&1
OUT=$(NO_COLOR='' TERM=xterm "$PTYRUN" '' -- "$RELIEF" --db "$WORK/colour.db" report)
expect_match "$OUT" $'\x1b\\[' "a terminal gets colour"
OUT=$(NO_COLOR='' TERM=dumb "$PTYRUN" '' -- "$RELIEF" --db "$WORK/colour.db" report)
expect_eq "$(printf '%s' "$OUT" | grep -c $'\x1b')" 0 "TERM=dumb gets no colour"

finish
