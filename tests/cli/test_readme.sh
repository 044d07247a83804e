#!/usr/bin/env bash
# Every example of README.md runs exactly as printed: each line of a ```sh
# block that starts with "relief" is run, in order, on one journal, and must
# succeed. A ```csv file=NAME block is written to NAME first, as the README
# shows it. Lines of other programs (./dev, crontab) and comments are not run.
# shellcheck source=lib.sh
source "${RELIEF_TEST_DIR:-$(dirname "$0")}/lib.sh"
: "${RELIEF_TEST_DIR:?}"
readme="$RELIEF_TEST_DIR/../../README.md"

mkdir -p "$WORK/bin" "$WORK/home/backups" "$WORK/cwd"
ln -s "$RELIEF" "$WORK/bin/relief"
export PATH="$WORK/bin:$PATH" HOME="$WORK/home"
cd "$WORK/cwd" || exit 1
# The record the README's edit and delete examples name (3f2a1b4c).
printf 'uuid,type,at,pain\n3f2a1b4c-9d2e-4f00-8a11-2b3c4d5e6f70,checkin,2026-11-20T20:00:00Z,5\n' |
    relief import -q -

examples=0
block="" file=""
while IFS= read -r line; do
    case $block in
    "")
        case $line in
        '```sh') block='sh' ;;
        '```csv file='*) block=file file=${line#'```csv file='}; : > "$file" ;;
        esac ;;
    sh)
        if [ "$line" = '```' ]; then block=""; continue; fi
        case $line in
        relief*)
            examples=$((examples + 1))
            OUT=$(bash -c "$line" 2>"$WORK/stderr"); CODE=$?
            ERR=$(cat "$WORK/stderr")
            expect_code 0 "README example: $line" ;;
        esac ;;
    file)
        if [ "$line" = '```' ]; then block=""; continue; fi
        printf '%s\n' "$line" >> "$file" ;;
    esac
done < "$readme"
CHECKS=$((CHECKS + 1))
[ "$examples" -ge 30 ] || fail "only $examples README examples were found"
expect_eq "$(relief list --format csv | grep -c ',checkin,2026-11-0[45]')" "2" "the README's phone-app import brought its rows in"

finish
