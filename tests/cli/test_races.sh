#!/usr/bin/env bash
# Files relief writes, raced and killed: report -o never replaces a file made
# meanwhile without --force, concurrent config set of different keys loses
# none, and what a killed relief leaves beside a target is removed by the
# next run (and by check), never a file relief did not make. Counts are
# small here; tests/stress.sh runs them at the counts of issue #29.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
ROUNDS=${RACE_ROUNDS:-20}
KILLS=${TEMP_KILLS:-10}
"$RELIEF" demo --weeks 4 >/dev/null

# report -o against a file created at the same moment (noclobber, as a
# careful script would): never both "created" it.
both=0
for ((i = 0; i < ROUNDS; i++)); do
    target="$WORK/race-$i.txt"
    "$RELIEF" report -o "$target" 2>/dev/null &
    pid=$!
    sleep "0.00$((RANDOM % 10))"
    (set -C; echo planted > "$target") 2>/dev/null
    planted=$?
    wait "$pid"
    reported=$?
    if [ "$planted" = 0 ] && [ "$reported" = 0 ]; then both=$((both + 1)); fi
done
expect_eq "$both" "0" "report -o replaced a file created meanwhile in $both of $ROUNDS rounds"
run report -o "$WORK/race-0.txt"
expect_error 2 "$WORK/race-0.txt already exists; add --force to replace it" "report -o onto an existing file"

# Concurrent config set of different keys: every key is there afterwards.
lost=0
for ((i = 0; i < ROUNDS; i++)); do
    conf="$WORK/conf-$i.toml"
    RELIEF_CONFIG=$conf "$RELIEF" config set report.weeks 9 &
    RELIEF_CONFIG=$conf "$RELIEF" config set report.relief_threshold 1.5 &
    RELIEF_CONFIG=$conf "$RELIEF" config set massage.every_days 12 &
    RELIEF_CONFIG=$conf "$RELIEF" config set massage.default_minutes 45 &
    RELIEF_CONFIG=$conf "$RELIEF" config set massage.default_kind swedish &
    wait
    for key in report.weeks report.relief_threshold massage.every_days massage.default_minutes \
        massage.default_kind; do
        grep -q "^${key##*.} = " "$conf" || lost=$((lost + 1))
    done
done
expect_eq "$lost" "0" "concurrent config set lost $lost of $((5 * ROUNDS)) keys"

# Temporary files a killed relief left: the next run of the command removes
# its own stale ones (their process is gone), and nothing else.
sleep 0 & dead=$!
wait "$dead"
out="$WORK/kept.html"
stale="$out.relief-$dead-AbC123"
live="$out.relief-$$-XyZ789"
old_style="$out.relief-Qw1234"
loose="$out.relief-$dead-Zz9999"
printf x > "$stale"; printf x > "$live"; printf x > "$old_style"; printf x > "$loose"
chmod 0600 "$stale" "$live" "$old_style"
chmod 0644 "$loose"
run report --format html -o "$out"
expect_code 0 "report -o beside leftovers"
CHECKS=$((CHECKS + 1))
[ -e "$stale" ] && fail "the stale temporary file of a dead relief was left"
for kept in "$live" "$old_style" "$loose"; do
    CHECKS=$((CHECKS + 1))
    [ -e "$kept" ] || fail "$kept was removed: not a stale file of relief's own"
done
# check removes those beside the journal and the config.
printf x > "$RELIEF_DB.relief-$dead-Jj0001"
printf x > "$RELIEF_CONFIG.relief-$dead-Cc0002"
chmod 0600 "$RELIEF_DB.relief-$dead-Jj0001" "$RELIEF_CONFIG.relief-$dead-Cc0002"
run check
expect_code 0 "check"
expect_match "$OUT" "^Removed 2 temporary files that a stopped relief had left behind\.$" "check says what it removed"
CHECKS=$((CHECKS + 1))
[ -e "$RELIEF_DB.relief-$dead-Jj0001" ] && fail "check left a stale file beside the journal"

# Killed mid-write, again and again: after one more run, nothing is left.
for what in report backup config; do
    for ((i = 0; i < KILLS; i++)); do
        case $what in
        report) "$RELIEF" report --format html --force -o "$WORK/k.html" >/dev/null 2>&1 & ;;
        backup) rm -f "$WORK/k.db"; "$RELIEF" backup "$WORK/k.db" >/dev/null 2>&1 & ;;
        config) RELIEF_CONFIG="$WORK/k.toml" "$RELIEF" config set report.weeks $((i % 9 + 1)) >/dev/null 2>&1 & ;;
        esac
        pid=$!
        sleep "0.0$((RANDOM % 3))$((RANDOM % 10))"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
done
"$RELIEF" report --format html --force -o "$WORK/k.html" >/dev/null
rm -f "$WORK/k.db"; "$RELIEF" backup "$WORK/k.db" >/dev/null
RELIEF_CONFIG="$WORK/k.toml" "$RELIEF" config set report.weeks 8
left=$(find "$WORK" -maxdepth 1 -name 'k.*.relief-*' | wc -l)
expect_eq "$left" "0" "temporary files left after $KILLS kills of each and one more run"

finish
