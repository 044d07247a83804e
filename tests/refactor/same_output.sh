#!/usr/bin/env bash
# same_output.sh BEFORE AFTER: a refactor changes no output. Builds journals
# with BEFORE (demo journals of several seeds and lengths, a finished trial,
# the journals of the benchmark generator) and compares what both binaries
# print for them: every report format with and without --details, the trial
# report, list, export, status and check. Prints the first difference and
# exits 1, or says how many outputs were byte-identical.
#   cp build/src/relief /tmp/relief-before    # before the refactor
#   ... refactor, build ...
#   tests/refactor/same_output.sh /tmp/relief-before build/src/relief
set -euo pipefail
before=$(realpath "$1")
after=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export RELIEF_NOW="2026-11-23T20:00:00" TZ=UTC0 NO_COLOR=1 RELIEF_CONFIG=/dev/null

journals=()
for spec in "1 8" "2 26" "7 52" "42 4" "99 1"; do
    # shellcheck disable=SC2086 # "seed weeks", split on purpose
    set -- $spec
    db="$work/demo-$1-$2.db"
    "$before" --db "$db" demo --seed "$1" --weeks "$2" >/dev/null
    journals+=("$db")
done
"$before" --db "$work/trial.db" demo --trial >/dev/null
journals+=("$work/trial.db")
gen="$(dirname "$0")/../bench/gen_journal.awk"
if [ -f "$gen" ] && command -v gawk >/dev/null; then
    gawk -v weeks=30 -v seed=5 -f "$gen" > "$work/gen.csv"
    "$before" --db "$work/gen.db" import -q "$work/gen.csv" && journals+=("$work/gen.db")
fi

compared=0
for db in "${journals[@]}"; do
    while IFS= read -r args; do
        # shellcheck disable=SC2086
        b=$("$before" --db "$db" $args 2>&1; echo "exit $?")
        # shellcheck disable=SC2086
        a=$("$after" --db "$db" $args 2>&1; echo "exit $?")
        if [ "$a" != "$b" ]; then
            echo "DIFFERENT: relief --db $(basename "$db") $args"
            diff <(printf '%s\n' "$b") <(printf '%s\n' "$a") | head -20
            exit 1
        fi
        compared=$((compared + 1))
    done <<'ARGS'
report
report --details
report --details --verbose --ascii
report --weeks 26 --format json
report --weeks 4 --format json --exclude-backfilled
report --format markdown
report --format markdown --details
report --format html
report --weeks 12 --end 2026-10-01 --seed 7 --relief-threshold 1.5
trial report
trial report --format json
trial report --format markdown
trial report --format html
trial plan --format json
list
list --format json
export
export --format json
status
status --short
status --format json
remind
check
ARGS
done
echo "$compared outputs byte-identical over ${#journals[@]} journals"
