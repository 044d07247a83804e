#!/usr/bin/env bash
# The shell completions in real interactive shells (bash, zsh, fish under
# tmux): values stored in the journal are offered as candidates only, never
# evaluated, and a value full of shell syntax completes to exactly itself.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"
: "${RELIEF_TEST_DIR:?}"
top=$(cd "$RELIEF_TEST_DIR/../.." && pwd)
command -v tmux >/dev/null || { echo "needs tmux"; exit 77; }

# A hostile journal: a kind, an area and a tag that are shell commands (they
# would create a file; names are stored in lower case, at most 40 bytes).
pwned=/tmp/rp$$
cat >"$WORK/hostile.csv" <<EOF
type,at,minutes,kind,areas,tags
session,2026-11-20T10:00:00+00:00,60,\$(true>$pwned-kind),\$(true>$pwned-area),\`true>$pwned-tag\`
EOF
run import "$WORK/hostile.csv"
expect_code 0 "the hostile journal imports (names are free text)"
run __complete area
expect_eq "$OUT" "\$(true>$pwned-area)" "__complete prints the stored area as it is"

sock=""
bin=$(dirname "$RELIEF")
cleanup() { [ -z "$sock" ] || tmux -L "$sock" kill-server 2>/dev/null; rm -f "$pwned"-*; }
trap cleanup EXIT

# shell CMD…: a new interactive shell under tmux (a server of its own), with
# relief on its PATH.
shell() {
    cleanup
    sock="relief-completion-$$-$1"
    tmux -L "$sock" -f /dev/null new-session -d -s t -x 200 -y 40 \
        env -i HOME="$WORK" TERM=xterm PATH="$bin:/usr/bin:/bin" RELIEF_DB="$RELIEF_DB" \
        RELIEF_CONFIG="$RELIEF_CONFIG" RELIEF_NOW="$RELIEF_NOW" TZ=UTC0 "$@"
}
keys() { tmux -L "$sock" send-keys -t t "$@"; }
screen() { tmux -L "$sock" capture-pane -p -t t; }
# wait_for TEXT: until the screen shows TEXT (fixed string), at most 10 s.
wait_for() {
    local i
    for ((i = 0; i < 100; i++)); do
        screen | grep -qF -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# complete_in NAME: types "relief log --FLAG " and Tab for each flag in the
# shell started last, then runs the completed line behind echo: the line it
# prints is the words the shell would have passed to relief.
complete_in() {
    local name=$1 flag
    for flag in kind area tag; do
        # The usual kinds are offered too: a typed \$ picks the stored one.
        keys "relief log --$flag "
        [ "$flag" = kind ] && keys '\$'
        keys Tab
        sleep 1
        keys Tab
        sleep 0.5
        keys C-a "echo @$flag " Enter
        CHECKS=$((CHECKS + 1))
        wait_for "@$flag relief log --$flag" || fail "$name: no completed line for --$flag: $(screen)"
    done
    sleep 0.5
    local shown
    shown=$(screen)
    for flag in kind area tag; do
        CHECKS=$((CHECKS + 1))
        [ -e "$pwned-$flag" ] && fail "$name: completing --$flag ran the journal's $flag"
    done
    expect_match "$shown" "^@kind relief log --kind \\\$\(true>$pwned-kind\)" \
        "$name: --kind completes the stored kind literally"
    expect_match "$shown" "^@area relief log --area \\\$\(true>$pwned-area\)" \
        "$name: --area completes the stored area literally"
    [ "$name" = fish ] && return # fish has no backquotes: the tag is plain text there
    expect_match "$shown" "^@tag relief log --tag \`true>$pwned-tag\`" \
        "$name: --tag completes the stored tag literally"
    rm -f "$pwned"-*
}

# complete_basics NAME: commands, subcommands, flags, formats and config
# keys, all asked of relief itself (relief __complete), in the shell
# started last: TYPED and one Tab must become the words WANTED.
complete_basics() {
    local name=$1 typed wanted
    while IFS='|' read -r typed wanted; do
        keys "$typed" Tab
        sleep 1
        keys C-a "printf '[%s]' " Enter
        CHECKS=$((CHECKS + 1))
        wait_for "$wanted" || fail "$name: \"$typed\" + Tab did not give $wanted: $(screen)"
    done <<'LINES'
relief remi|[relief][remind]
relief trial pl|[relief][trial][plan]
relief report --deta|[relief][report][--details]
relief report --format mar|[relief][report][--format][markdown]
relief trial plan --format ic|[relief][trial][plan][--format][ics]
relief config set report.w|[relief][config][set][report.weeks]
relief log --kind deep-t|[relief][log][--kind][deep-tissue]
LINES
}

# A journal in a folder with spaces, holding a kind of its own.
mkdir -p "$WORK/my journals"
spaced="$WORK/my journals/pain diary.db"
"$RELIEF" --db "$spaced" log --massage 60 --kind fromspaces --at 2026-11-20 -q 2>/dev/null

# bash_paths NAME: a path with spaces completes a folder at a time (with its
# trailing /, quoted), in "--db PATH" and in "--db=PATH"; the journal it
# names is where --kind's values come from.
bash_paths() {
    local name=$1
    keys "relief list --db $WORK/my" Tab
    CHECKS=$((CHECKS + 1))
    wait_for "relief list --db $WORK/my\\ journals/" || fail "$name: a folder with a space is not completed with its /: $(screen)"
    keys Tab
    sleep 0.5
    keys C-a "printf '[%s]' " Enter
    CHECKS=$((CHECKS + 1))
    wait_for "[relief][list][--db][$spaced]" || fail "$name: --db PATH with spaces: $(screen)"
    keys "relief --db=$WORK/my" Tab
    sleep 0.5
    keys Tab
    sleep 0.5
    keys " log --kind froms" Tab
    sleep 1
    keys C-a "printf '<%s>' " Enter
    CHECKS=$((CHECKS + 1))
    wait_for "<relief><--db=$spaced><log><--kind><fromspaces>" ||
        fail "$name: --db=PATH completes the path and reads its journal's kinds: $(screen)"
}

shell bash --norc --noprofile -i
keys "PS1='$ '; source $top/share/completions/relief.bash" Enter
wait_for '$ ' || fail "bash did not start: $(screen)"
complete_in bash
complete_basics bash
bash_paths bash
# The same with bash-completion loaded, as on most desktops (its
# _init_completion and _filedir take over).
if [ -r /usr/share/bash-completion/bash_completion ]; then
    shell bash --norc --noprofile -i
    keys "PS1='$ '; source /usr/share/bash-completion/bash_completion; source $top/share/completions/relief.bash" Enter
    wait_for '$ ' || fail "bash did not start: $(screen)"
    complete_in "bash with bash-completion"
    complete_basics "bash with bash-completion"
    bash_paths "bash with bash-completion"
else
    echo "bash-completion not installed: relief.bash is tried in plain bash only" >&2
fi

if command -v zsh >/dev/null; then
    shell zsh -f -i
    keys "PS1='%% '; fpath=($top/share/completions \$fpath); autoload -Uz compinit; compinit -u -D" Enter
    sleep 1
    complete_in zsh
    complete_basics zsh
else
    echo "zsh not installed: its completion is not tried" >&2
fi

if command -v fish >/dev/null; then
    shell fish --no-config -i
    sleep 1
    keys "source $top/share/completions/relief.fish" Enter
    sleep 1
    complete_in fish
    complete_basics fish
    # A value that is not a file is never completed with a file name (-x).
    keys "cd $WORK; touch zz-a-file" Enter
    for flag in pain at since weeks; do
        cmd=log
        case $flag in since) cmd=list ;; weeks) cmd=report ;; esac
        keys "relief $cmd --$flag zz" Tab
        sleep 1
        keys C-a "printf '[%s]' " Enter
        CHECKS=$((CHECKS + 1))
        wait_for "[relief][$cmd][--$flag][zz]" || fail "fish: --$flag offers file names: $(screen)"
    done
    keys "relief import zz" Tab
    sleep 1
    keys C-a "printf '[%s]' " Enter
    CHECKS=$((CHECKS + 1))
    wait_for "[relief][import][zz-a-file]" || fail "fish: import still completes a file: $(screen)"
else
    echo "fish not installed: its completion is not tried" >&2
fi

finish
