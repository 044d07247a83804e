#!/usr/bin/env bash
# The documentation that ships: the man page renders cleanly and names every
# command; the bash completion completes commands, flags and values.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
: "${RELIEF_TEST_DIR:?}"
top="$RELIEF_TEST_DIR/../.."
# The completions ask the relief on PATH (relief __complete).
PATH="$(dirname "$RELIEF"):$PATH"
export PATH

warnings=$(groff -man -ww -z "$top/man/relief.1" 2>&1)
expect_eq "$warnings" "" "groff -man -ww renders the man page without warnings"
page=$(cat "$top/man/relief.1")
# The commands, from relief's own table (relief __complete commands): a new
# command needs its man page entry, its help and a place in the overview.
mapfile -t all_commands < <("$RELIEF" __complete commands | cut -f1 | grep -vx help)
expect_eq "${#all_commands[@]}" "16" "relief __complete commands lists the 16 commands"
for cmd in "${all_commands[@]}"; do
    expect_match "$page" "^\.B $cmd" "the man page documents $cmd"
    expect_match "$("$RELIEF" "$cmd" --help)" "Usage|$cmd" "$cmd --help"
done
# Only the command being run is set up; the overview and --help-all still
# show them all, and a global option's value that looks like a command is a value.
help=$("$RELIEF" --help)
help_all=$("$RELIEF" --help-all)
for cmd in "${all_commands[@]}"; do
    expect_match "$help" "^  $cmd  " "relief --help lists $cmd"
    expect_match "$help_all" "^$cmd$|^  *$cmd " "relief --help-all shows $cmd"
done
# Every help page fits an 80-column terminal (characters, not bytes).
for page_of in "" log list edit delete undo redo export import demo report trial remind status config \
    backup check "trial start" "trial stop" "trial report" "trial plan" "config get" "config set"; do
    # shellcheck disable=SC2086 # "trial start" is two words on purpose
    wide=$(LC_ALL=C.UTF-8 "$RELIEF" $page_of --help | LC_ALL=C.UTF-8 awk 'length($0) > 80')
    expect_eq "$wide" "" "relief $page_of --help keeps to 80 columns"
done
expect_match "$("$RELIEF" log --help)" "^                              a,b; \"lower back\" is lower-back\)$" \
    "... a long option help continues under itself"
expect_match "$(flatten "$("$RELIEF" help log)")" "--kind alone logs a session of massage\.default_minutes \(config\); --pain-before and --therapist go with --massage or --kind, and alone are refused\." \
    "relief help log says what --pain-before alone does"
run log --pain-before 6
expect_error 2 "--pain-before and --therapist belong to a session: log them with it, after the massage (relief log --massage 60 --pain-before 6 --pain 3)" \
    "... which is what log does"
run --db "$WORK/log" log --pain 2 -q
run --db "$WORK/log" list --format csv
expect_match "$OUT" ",checkin,.*,2,,,,," "--db log list runs list on a journal called log"
run --db="$WORK/log" --config=/dev/null list --format csv
expect_match "$OUT" ",checkin," "--db=PATH --config=PATH before the command"
run --db "$WORK/log" --help log
expect_match "$OUT" "Usage: relief log" "--help before the command's name"
for section in FILES ENVIRONMENT "EXIT STATUS" EXAMPLES; do
    expect_match "$page" "^\.SH $section" "man page section $section"
done
expect_match "$page" '0 21 \* \* \*  relief remind' "the man page shows a crontab"

# complete WORDS…: what the bash completion offers for the last word.
complete_words() {
    bash -c '
        source "$1"; shift
        COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
        _relief relief "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
    ' _ "$top/share/completions/relief.bash" "$@"
}
# Every command the man page documents, the completion offers (it asks relief).
for cmd in "${all_commands[@]}"; do
    expect_match "$(complete_words relief "$cmd")" "(^| )$cmd " "bash completion offers $cmd"
done
expect_eq "$(complete_words relief re)" "redo remind report " "subcommands"
expect_eq "$(complete_words relief --db x.db st)" "status " "after a global option"
expect_eq "$(complete_words relief log --kind d)" "deep-tissue " "--kind values"
expect_eq "$(complete_words relief report --format "")" "html json markdown text " "report formats"
expect_eq "$(complete_words relief report --out)" "--output " "report --output"
expect_match "$page" 'html' "the man page documents --format html"
expect_eq "$(complete_words relief list --format "")" "csv json text " "list formats"
expect_eq "$(complete_words relief log --pain-b)" "--pain-before " "log flags"
expect_eq "$(complete_words relief trial "")" "plan report start stop " "trial subcommands"
expect_eq "$(complete_words relief trial --f)" "--format " "trial's own flags"
expect_eq "$(complete_words relief trial plan --format "")" "ics json text " "trial plan formats"
expect_eq "$(complete_words relief log --db "")" "$(compgen -f | sort | tr '\n' ' ')" "--db after the command: files"
expect_eq "$(complete_words relief trial plan --format "")" "ics json text " "trial plan formats"
expect_match "$page" '^\.B trial start' "the man page documents trial start"
expect_match "$(cat "$top/README.md")" 'Find out whether massage helps you: a 16-week trial' "README has the trial section"
expect_match "$(cat "$top/docs/methods.md")" '^## The trial' "methods.md describes the trial"
expect_eq "$(complete_words relief config set report.w)" "report.weeks " "config keys"
# Kinds, areas and tags already in the journal are offered (relief __complete).
"$RELIEF" log --massage 30 --kind "hot stone" --area "lower back" --tag garden -q
expect_eq "$(complete_words relief log --kind h)" "hot-stone " "--kind offers the journal's kinds"
expect_eq "$(complete_words relief log --area lo)" "lower-back " "--area offers the journal's areas"
expect_eq "$(complete_words relief log --tag "")" "garden " "--tag offers the journal's tags"
expect_eq "$(complete_words relief --db "$WORK/none.db" log --area "")" " " "... of the journal --db names"
expect_eq "$(complete_words relief help rep)" "report " "relief help completes commands"
expect_eq "$(complete_words relief import --type "")" "checkin session " "import --type"
expect_eq "$(complete_words relief list --since f)" "fri " "weekday names for days"
run __complete area
expect_eq "$OUT" "lower-back" "relief __complete area"
# The questions the completions ask (src/cli/cmd_complete.cpp).
run __complete flags report
expect_match "$OUT" $'^--format\tvalue\ttext \\(default\\), json, markdown or html$' "flags: a value option and its help"
expect_match "$OUT" $'^--details\tflag\t' "... a flag"
expect_match "$OUT" $'^-o\tfile\t' "... an option that takes a file"
expect_match "$OUT" $'^--db\tfile\t' "... and the globals that reach every command"
run __complete values import --type
expect_eq "$OUT" $'checkin\nsession' "values: import --type's choices, from the option itself"
run __complete values config get ARG
expect_eq "$OUT" "$(printf '%s\n' day_starts_at report.weeks report.relief_threshold massage.default_kind massage.default_minutes massage.every_days color)" "values: config get's keys"
run __complete commands config
expect_eq "$(printf '%s\n' "$OUT" | cut -f1 | tr '\n' ' ')" "get set path " "commands: config's subcommands"
# With no journal, a damaged one or nonsense, a completion offers what it
# can and never prints an error (or creates a journal).
for db in "$WORK/none/j.db" "$top/README.md" ""; do
    OUT=$("$RELIEF" --db "$db" __complete values log --kind 2>"$WORK/err"); CODE=$?
    expect_code 0 "__complete with --db \"$db\""
    expect_eq "$(cat "$WORK/err")" "" "... prints no error"
done
expect_eq "$("$RELIEF" --db "$WORK/none/j.db" __complete values log --kind | tr '\n' ' ')" "deep-tissue myofascial self sports swedish trigger-point " "... and offers the usual kinds without a journal"
CHECKS=$((CHECKS + 1))
[ ! -e "$WORK/none" ] || fail "__complete created a journal"
for nonsense in "" "bogus" "flags nosuchcommand" "values log --nosuchflag" "values"; do
    # shellcheck disable=SC2086 # the words of each case
    OUT=$("$RELIEF" __complete $nonsense 2>&1); CODE=$?
    expect_code 0 "__complete $nonsense"
    expect_eq "$OUT" "" "... says nothing"
done
# The report's guide and methods ship, and the man page and --help point to them.
expect_match "$page" '^\.SH READING THE REPORT' "the man page explains the report"
expect_match "$page" 'reading\\-your\\-report.md' "the man page names the user guide"
expect_match "$("$RELIEF" report --help)" 'docs/reading-your-report.md' "report --help points to the guide"
expect_match "$("$RELIEF" report --help)" 'docs/methods.md' "report --help points to the methods"
for doc in reading-your-report.md methods.md; do
    CHECKS=$((CHECKS + 1))
    [ -s "$top/docs/$doc" ] || fail "docs/$doc is missing"
done
expect_match "$(cat "$top/docs/methods.md")" 'Hollander' "methods.md gives its references"
# Version 3: how the answer's window works, and why, in every document.
expect_match "$(cat "$top/docs/methods.md")" "^\*\*The answer's window\*\* \(version 3\)" "methods.md: the answer's window"
expect_match "$(cat "$top/docs/methods.md")" "relief\.report/3" "methods.md: schema 3"
expect_match "$(cat "$top/docs/reading-your-report.md")" "^\*\*When the answer looks further back\.\*\*" \
    "reading-your-report.md: the answer's window"
expect_match "$(cat "$top/README.md")" 'relief\.report/3' "README: schema 3"
expect_match "$(cat "$top/README.md")" 'an answer after about 16' "README: the answer's window, with its why"
expect_match "$page" 'looks back a week at a time' "the man page: the answer's window"
expect_match "$(flatten "$("$RELIEF" report --help)")" 'looks back a week at a time' "report --help: the answer's window"
# Trial v2: --worth and the decision, in every document and completion.
expect_match "$(cat "$top/docs/methods.md")" '^\*\*Decision\*\* \(trial v2\)' "methods.md: the trial's decision"
expect_match "$(cat "$top/docs/methods.md")" 'about 58% of trials' "methods.md: the measured power, with its conditions"
expect_match "$(cat "$top/README.md")" 'relief trial start --worth' "README: --worth"
expect_match "$page" 'worth it' "the man page: the decision"
expect_match "$("$RELIEF" trial start --help)" '--worth X' "trial start --help: --worth"
expect_eq "$(complete_words relief trial start --wo)" "--worth " "bash completes --worth"
# Every JSON schema string the code writes is documented in the man page.
plain_page=$(printf '%s' "$page" | sed 's/\\-/-/g')
for schema in $(grep -rhoE '"relief\.[a-z-]+/[0-9]+"' "$top/src" | tr -d '"' | sort -u); do
    expect_match "$plain_page" "^\.B[RI]? ${schema//./\\.}" "the man page documents $schema"
done
# No source comment points outside the repository for its method.
CHECKS=$((CHECKS + 1))
if grep -rn 'analysis\.md' "$top/src" "$top/include" >/dev/null; then fail "a comment cites analysis.md, not docs/methods.md"; fi
if command -v zsh >/dev/null; then zsh -n "$top/share/completions/_relief" || fail "zsh syntax"; fi
if command -v fish >/dev/null; then fish -n "$top/share/completions/relief.fish" || fail "fish syntax"; fi

finish
