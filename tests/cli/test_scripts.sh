#!/usr/bin/env bash
# remind, status, config, backup and check: the commands scripts and cron use.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# --- small words: a session today is "today"; demo names the --db it filled
"$RELIEF" --db "$WORK/today.db" log --massage 30 -q
expect_match "$("$RELIEF" --db "$WORK/today.db" status)" "Last session: today \(session, 30 min\)" "a session today reads \"today\""
run --db "$WORK/demo-try.db" demo --weeks 2
expect_match "$OUT" "Try: relief --db $WORK/demo-try.db report" "demo's hint keeps its --db"

# --- remind: silent 0 when logged, one line and 1 when not; never creates the journal
run remind
expect_code 1 "remind with no journal"
expect_eq "$OUT" "No check-in yet today (Mon 2026-11-23): relief log --pain N" "remind says what to do"
expect_eq "$ERR" "relief: note: there is no journal at $RELIEF_DB (from RELIEF_DB); nothing has been logged there yet" \
    "remind says on stderr that there is no journal, and where it looked"
run --db "$WORK/typo.db" list
expect_eq "$ERR" "relief: note: there is no journal at $WORK/typo.db (from --db); nothing has been logged there yet" \
    "a mistyped --db is named"
OUT=$(unset RELIEF_DB; HOME="$WORK/home" "$RELIEF" status 2>&1 >/dev/null)
expect_eq "$OUT" "relief: note: there is no journal at $WORK/home/.local/share/relief/journal.db (from the default path); nothing has been logged there yet" \
    "a cron job without RELIEF_DB is told which journal it read"
[ ! -e "$RELIEF_DB" ] || fail "remind created the journal"
# The first write to a new path says so, once: a typo in --db must not start
# a second journal in silence.
run --db "$WORK/typo2.db" log --pain 2 --quiet
expect_eq "$ERR" "relief: note: started a new journal at $WORK/typo2.db (from --db)" "the first write names the new journal"
run --db "$WORK/typo2.db" log --pain 3 --quiet
expect_eq "$ERR" "" "... and only the first"
run remind --quiet
expect_code 1 "remind --quiet"
expect_eq "$OUT" "" "--quiet prints nothing"
"$RELIEF" log --pain 4 --at yesterday --quiet
run remind
expect_code 1 "yesterday's check-in is not today's"
"$RELIEF" log --pain 3 --quiet
run remind
expect_code 0 "remind after today's check-in"
expect_eq "$OUT$ERR" "" "remind is silent when logged"
# the diary day: at 02:00 the check-in of 20:00 the evening before still counts
OUT=$(RELIEF_NOW="2026-11-24T02:00:00" "$RELIEF" remind); CODE=$?
expect_code 0 "before day_starts_at, yesterday evening's check-in counts"
run remind --massage
expect_error 2 "--massage needs massage.every_days in the config (for example: relief config set massage.every_days 14)" "--massage without every_days"
"$RELIEF" config set massage.every_days 14 >/dev/null
run remind --massage
expect_code 1 "no session at all: one is due"
expect_eq "$OUT" "A session is due: none is logged yet (every 14 days)." "due line"
"$RELIEF" log --massage 60 --at 2026-11-01 --quiet
run remind --massage
expect_eq "$OUT" "A session is due: 22 days without one, since Sun 2026-11-01 (every 14 days)." "days since the last session"
"$RELIEF" log --massage 60 --at 2026-11-20 --quiet
run remind --massage
expect_code 0 "session not due"
OUT=$(RELIEF_NOW="2026-12-10T21:00:00" "$RELIEF" remind); CODE=$?
expect_code 1 "not logged and a session due"
expect_eq "$OUT" "No check-in yet today (Thu 2026-12-10): relief log --pain N
A session is due: 20 days without one, since Fri 2026-11-20 (every 14 days)." "a second line when configured"
"$RELIEF" config set massage.every_days 1 >/dev/null
OUT=$(RELIEF_NOW="2026-11-21T21:00:00" "$RELIEF" remind --massage)
expect_eq "$OUT" "A session is due: 1 day without one, since Fri 2026-11-20 (every 1 day)." "one day, not 1 days"
"$RELIEF" config set massage.every_days 14 >/dev/null

# --- status
run --db "$WORK/empty.db" status
expect_code 0 "status on a missing journal"
expect_eq "$OUT" "Today (Mon 2026-11-23): no check-in yet.
Last 7 days: no pain logged.
Last session: none logged.
Streak: 0 days in a row with a check-in." "status, empty"
[ ! -e "$WORK/empty.db" ] || fail "status created a journal"
run status
expect_eq "$OUT" "Today (Mon 2026-11-23): 1 check-in, latest pain 3.
Last 7 days: mean pain 3.5 over 2 days.
Last session: 3 days ago (session, 60 min); the next is due in 11 days.
Streak: 2 days in a row with a check-in." "status, full"
OUT=$(LC_ALL=C.UTF-8 "$RELIEF" status --short)
expect_eq "$OUT" "pain 3 · 7d 3.5 · session 3d ago · streak 2" "status --short"
OUT=$(LC_ALL=C LANG=C "$RELIEF" status --short)
expect_eq "$OUT" "pain 3 | 7d 3.5 | session 3d ago | streak 2" "status --short in ASCII under LC_ALL=C"
run status --format json
expect_eq "$(printf '%s' "$OUT" | jq -c .)" '{"schema":"relief.status/1","today":"2026-11-23","checkins_today":1,"last_pain":3,"mean_pain_7d":3.5,"days_with_pain_7d":2,"days_since_session":3,"session_due":false,"streak_days":2,"trial":null}' "status json"

# --- config: sources, get, set keeping comments
printf '# my relief settings\ncolor = "auto"   # keep me\n\n[report]\n# how far back\nweeks = 8\n' > "$RELIEF_CONFIG"
run config set report.weeks 12
expect_eq "$OUT" "Set report.weeks = 12 in $RELIEF_CONFIG." "config set says what"
"$RELIEF" config set day_starts_at 05:00 >/dev/null
"$RELIEF" config set massage.default_kind Swedish >/dev/null
expect_eq "$(cat "$RELIEF_CONFIG")" '# my relief settings
color = "auto"   # keep me
day_starts_at = "05:00"

[report]
# how far back
weeks = 12

[massage]
default_kind = "swedish"' "set keeps comments, order and tables"
run config get report.weeks
expect_eq "$OUT" "12" "config get"
run config get massage.default_minutes
expect_code 1 "get of an unset key"
run config set report.weeks 0
expect_error 2 "report.weeks must be a whole number from 1 to 520, got 0" "set validates"
run config set colour never
expect_error 2 'unknown key "colour" (relief config lists the keys)' "set of an unknown key"
expect_eq "$("$RELIEF" config get report.weeks)" "12" "a refused set changes nothing"
run config
expect_match "$OUT" "report.weeks +12 +$RELIEF_CONFIG:7" "config shows the file and line"
expect_match "$OUT" 'report.relief_threshold +1 +default' "config shows defaults"
OUT=$(NO_COLOR=1 "$RELIEF" config)
expect_match "$OUT" 'color +never +environment \(NO_COLOR\)' "config shows the environment"
run config path
expect_eq "$OUT" "$RELIEF_CONFIG" "config path"
run config
expect_match "$OUT" "^Config file: $RELIEF_CONFIG \(from \\\$RELIEF_CONFIG\)" "config names the environment that chose the file"
OUT=$("$RELIEF" --config "$WORK/other.toml" config)
expect_match "$OUT" "^Config file: $WORK/other.toml \(from --config\); not there: defaults apply" "config names the flag that chose the file"
OUT=$(unset RELIEF_CONFIG; XDG_CONFIG_HOME="$WORK/xdg" "$RELIEF" config path)
expect_eq "$OUT" "$WORK/xdg/relief/config.toml" "config path from XDG"
(unset RELIEF_CONFIG; XDG_CONFIG_HOME="$WORK/xdg" "$RELIEF" config set report.weeks 4 >/dev/null)
expect_eq "$(mode_of "$WORK/xdg/relief/config.toml")" "600" "a new config file is private"
rm -f "$RELIEF_CONFIG"

# --- backup: a private copy that opens and matches the export
"$RELIEF" --db "$WORK/demo.db" demo --weeks 4 >/dev/null
run --db "$WORK/demo.db" backup "$WORK/backups/copy.db"
expect_code 0 "backup"
expect_match "$OUT" "^Backed up [0-9]+ records \([0-9]+ check-ins, [0-9]+ sessions\) to $WORK/backups/copy.db\.$" "backup says what"
expect_eq "$(mode_of "$WORK/backups/copy.db")" "600" "the backup is private"
expect_eq "$("$RELIEF" --db "$WORK/backups/copy.db" export)" "$("$RELIEF" --db "$WORK/demo.db" export)" "the backup matches the export"
"$RELIEF" --db "$WORK/one.db" log --pain 3 -q 2>/dev/null
run --db "$WORK/one.db" backup "$WORK/backups/one.db"
expect_eq "$OUT" "Backed up 1 record (1 check-in, 0 sessions) to $WORK/backups/one.db." "backup counts in words: 1 record, 1 check-in"
run --db "$WORK/one.db" check
expect_eq "$OUT" "ok: $WORK/one.db (1 check-in, 0 sessions; integrity, foreign keys, schema 5 and values checked)" "check too"
run --db "$WORK/demo.db" backup "$WORK/backups/copy.db"
expect_error 2 "$WORK/backups/copy.db already exists; relief backup never overwrites a file (remove it or pick another name)" "backup never overwrites"
run --db "$WORK/nothing.db" backup "$WORK/backups/none.db"
expect_error 3 "there is no journal at $WORK/nothing.db to back up" "backup of a missing journal"

# --- check: healthy, then planted damage
run --db "$WORK/demo.db" check
expect_code 0 "check on a healthy journal"
expect_match "$OUT" "^ok: $WORK/demo.db \([0-9]+ check-ins, [0-9]+ sessions; integrity, foreign keys, schema 5 and values checked\)$" "check says ok"
cp "$WORK/demo.db" "$WORK/planted.db"
sqlite3 "$WORK/planted.db" "PRAGMA ignore_check_constraints = ON; UPDATE checkin SET pain = 42 WHERE id = (SELECT min(id) FROM checkin);"
run --db "$WORK/planted.db" check
expect_code 1 "check finds an impossible value"
expect_match "$OUT" '^problem: value: the checkin [0-9a-f-]{36} has an impossible value$' "the problem is named"
# Every bound of every field's kind (k_fields, bounds_of) is looked for.
for planted in "checkin SET mood = 11" "checkin SET sleep_hours = 24.5" "checkin SET sleep_quality = -1" \
    "session SET minutes = 601" "session SET minutes = 0" "session SET pain_before = 11" \
    "checkin SET pain = NULL, mood = NULL, sleep_hours = NULL, sleep_quality = NULL"; do
    cp "$WORK/demo.db" "$WORK/planted.db"
    table=${planted%% *}
    sqlite3 "$WORK/planted.db" "PRAGMA ignore_check_constraints = ON; UPDATE $planted WHERE id = (SELECT min(id) FROM $table);"
    run --db "$WORK/planted.db" check
    expect_match "$OUT" "^problem: value: the $table [0-9a-f-]{36} has an impossible value$" "check finds UPDATE $planted"
done
cp "$WORK/demo.db" "$WORK/torn.db"
sqlite3 "$WORK/torn.db" "PRAGMA journal_mode = DELETE;" >/dev/null
size=$(stat -c %s "$WORK/torn.db")
dd if=/dev/urandom of="$WORK/torn.db" bs=1 seek=$((size / 2)) count=4096 conv=notrunc status=none
run --db "$WORK/torn.db" check
[ "$CODE" = 1 ] || [ "$CODE" = 3 ] || fail "check on a torn file: exit $CODE, wanted 1 or 3"
expect_match "$OUT$ERR" 'integrity|damaged|malformed|problem' "check reports the damage"
run --db "$WORK/none.db" check
expect_code 0 "check with no journal"
[ ! -e "$WORK/none.db" ] || fail "check created a journal"

# --- JSON for scripts: every machine-readable output names its schema (#26 item 14)
J="$WORK/json.db"
printf '[massage]\nevery_days = 14\n' > "$WORK/json.toml"
run --db "$J" --config "$WORK/json.toml" remind --format json
expect_code 1 "remind --format json keeps remind's exit status"
expect_eq "$(printf '%s' "$OUT" | jq -c '[.schema, .today, .checkin_logged, .session_due, (.reminders | length)]')" \
    '["relief.remind/1","2026-11-23",false,true,2]' "remind's JSON"
"$RELIEF" --db "$J" log --pain 3 --massage 30 --quiet 2>/dev/null
run --db "$J" --config "$WORK/json.toml" remind --format json
expect_code 0 "remind --format json when all is done"
expect_eq "$(printf '%s' "$OUT" | jq -c '[.checkin_logged, .session_due, .reminders]')" '[true,false,[]]' "remind's JSON when nothing is due"
run --db "$J" check --format json
expect_code 0 "check --format json"
expect_eq "$(printf '%s' "$OUT" | jq -c '[.schema, .ok, .problems, .checkins, .sessions]')" '["relief.check/1",true,[],1,1]' "check's JSON"
printf 'colr = "never"\n' > "$WORK/typo.toml"
run --config "$WORK/typo.toml" config --format json
expect_eq "$(printf '%s' "$OUT" | jq -c '[.schema, .file_exists, (.settings[] | select(.key == "color") | .value), .unknown_keys[0].key]')" \
    '["relief.config/1",true,"never","colr"]' "config's JSON, with the unknown key"
expect_eq "$(printf '%s' "$OUT" | jq -c '.settings[] | select(.key == "massage.every_days") | .value')" 'null' "an unset setting is null"
run --db "$J" status --format json
expect_eq "$(printf '%s' "$OUT" | jq -r .schema)" "relief.status/1" "status names its schema"

finish
