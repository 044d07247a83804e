# shellcheck shell=bash
# Shared helpers for relief's end-to-end tests. Each test script sources this,
# gets a fresh private folder with RELIEF_DB and RELIEF_CONFIG inside it, a
# fixed clock (RELIEF_NOW) and zone (TZ), and calls `finish` at the end.
set -u
: "${RELIEF:?RELIEF must point at the relief binary}"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/relief-cli-XXXXXX")
export RELIEF_DB="$WORK/data/journal.db"
export RELIEF_CONFIG="$WORK/config.toml"
export RELIEF_NOW="2026-11-23T20:00:00"
export TZ=UTC0
export NO_COLOR=1
unset XDG_DATA_HOME XDG_CONFIG_HOME
FAILURES=0
CHECKS=0

fail() {
    FAILURES=$((FAILURES + 1))
    printf 'FAIL: %s\n' "$*" >&2
}

# run CMD…: runs relief with the arguments; sets OUT, ERR and CODE.
run() {
    OUT=$("$RELIEF" "$@" 2>"$WORK/stderr")
    CODE=$?
    ERR=$(cat "$WORK/stderr")
}

# expect_code N DESCRIPTION
expect_code() {
    CHECKS=$((CHECKS + 1))
    [ "$CODE" = "$1" ] || fail "$2: exit $CODE, wanted $1 (stderr: $ERR)"
}

# expect_eq ACTUAL WANTED DESCRIPTION
expect_eq() {
    CHECKS=$((CHECKS + 1))
    [ "$1" = "$2" ] || fail "$3: got [$1], wanted [$2]"
}

# expect_match TEXT PATTERN DESCRIPTION (grep -E)
expect_match() {
    CHECKS=$((CHECKS + 1))
    printf '%s' "$1" | grep -Eq -- "$2" || fail "$3: [$1] does not match /$2/"
}

# expect_error N MESSAGE DESCRIPTION: exit N, stderr exactly "relief: error: MESSAGE"
expect_error() {
    expect_code "$1" "$3"
    expect_eq "$ERR" "relief: error: $2" "$3 (message)"
    expect_eq "$OUT" "" "$3 (stdout stays empty)"
}

# The journal's content as an export-like snapshot, through relief itself.
snapshot() { "$RELIEF" list --format csv 2>&1; }

mode_of() { stat -c %a "$1"; }

# csv_columns NAME[,NAME…]: those columns of relief's CSV on stdin, found by
# the header row (never by position), joined by commas, the header first.
# Quoted fields (a note with a comma) stay one field.
csv_columns() {
    gawk -v want="$1" '
        BEGIN { FPAT = "([^,]*)|(\"([^\"]|\"\")*\")"; n = split(want, names, ",") }
        NR == 1 {
            for (i = 1; i <= NF; i++) at[$i] = i
            for (k = 1; k <= n; k++) if (!(names[k] in at)) { print "no column " names[k] > "/dev/stderr"; exit 2 }
        }
        { line = ""; for (k = 1; k <= n; k++) line = line (k > 1 ? "," : "") $(at[names[k]]); print line }'
}

# The text with its wrapped lines joined, for matching sentences.
flatten() { printf '%s\n' "$1" | sed 's/^ *//' | tr '\n' ' ' | tr -s ' '; }

finish() {
    if [ "$FAILURES" -eq 0 ]; then
        rm -rf "$WORK"
        echo "$CHECKS passed, 0 failed"
        exit 0
    fi
    echo "$((CHECKS - FAILURES)) passed, $FAILURES failed (left $WORK for a look)"
    exit 1
}
