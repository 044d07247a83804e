#!/usr/bin/env bash
# relief undo and redo against a linear model of history: undo takes the
# newest change back, redo brings back what was undone since the last change,
# and a new change retires every undone step. SEQUENCES random sequences
# (tests/stress.sh runs 50; the suite 12), plus the two cases that failed.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
SEQUENCES=${SEQUENCES:-12}
STEPS=${STEPS:-14}

# notes DB: the notes in the journal, sorted, one line.
notes() { "$RELIEF" --db "$1" list --format json | jq -r '[.records[].note] | sort | join(" ")'; }

# The two cases of the report, exactly.
db="$WORK/abc.db"
for n in a b; do "$RELIEF" --db "$db" log --pain 3 --note "$n" --again -q; done
"$RELIEF" --db "$db" undo -q
"$RELIEF" --db "$db" log --pain 3 --note c --again -q
"$RELIEF" --db "$db" undo -q
run --db "$db" redo
expect_code 0 "redo after log a, log b, undo, log c, undo"
expect_eq "$(notes "$db")" "a c" "redo brings back c, the change undone last, not b"
run --db "$db" redo
expect_code 1 "b was retired by the log of c: nothing more to redo"
expect_eq "$(notes "$db")" "a c" "... and nothing changed"

printf 'type,at,pain\ncheckin,2026-11-20T20:00:00+00:00,4\n' > "$WORK/one.csv"
db="$WORK/imports.db"
"$RELIEF" --db "$db" import -q "$WORK/one.csv"
"$RELIEF" --db "$db" undo -q
"$RELIEF" --db "$db" import -q "$WORK/one.csv"
"$RELIEF" --db "$db" undo -q
run --db "$db" redo
expect_code 0 "redo after two undone imports of the same file (was exit 4)"
expect_eq "$("$RELIEF" --db "$db" list --format csv | grep -c ',checkin,')" "1" "one copy of the record"
run --db "$db" redo
expect_code 1 "the first import was retired by the second"
run --db "$db" check
expect_code 0 "check finds nothing wrong"

# Random sequences of log, undo and redo against the model: `applied` is a
# stack of logged notes, `redoable` the notes undone since the last log.
RANDOM=7
for ((seq = 0; seq < SEQUENCES; seq++)); do
    db="$WORK/seq$seq.db"
    applied=() redoable=() n=0 trace=""
    for ((i = 0; i < STEPS; i++)); do
        case $((RANDOM % 3)) in
        0)
            n=$((n + 1))
            "$RELIEF" --db "$db" log --pain $((n % 11)) --note "n$n" --again -q
            applied+=("n$n") redoable=() trace+=" log n$n" ;;
        1)
            "$RELIEF" --db "$db" undo -q 2>/dev/null
            if [ ${#applied[@]} -gt 0 ]; then
                redoable+=("${applied[-1]}")
                unset 'applied[-1]'
            fi
            trace+=" undo" ;;
        2)
            "$RELIEF" --db "$db" redo -q 2>/dev/null
            if [ ${#redoable[@]} -gt 0 ]; then
                applied+=("${redoable[-1]}")
                unset 'redoable[-1]'
            fi
            trace+=" redo" ;;
        esac
        want=$(printf '%s\n' "${applied[@]}" | sed '/^$/d' | LC_ALL=C sort | paste -sd' ')
        got=$(if [ -e "$db" ]; then notes "$db"; fi)
        CHECKS=$((CHECKS + 1))
        if [ "$got" != "$want" ]; then
            fail "sequence $seq:$trace: the journal holds [$got], the linear model [$want]"
            break
        fi
    done
done

finish
