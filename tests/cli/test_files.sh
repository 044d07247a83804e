#!/usr/bin/env bash
# Where the journal lives, and who can read it.
# shellcheck source=lib.sh
. "$(dirname "$0")/lib.sh"

# Reading commands never create the journal (or its folder).
run list
expect_code 0 "list on a missing journal"
expect_eq "$OUT" "No records in this range." "an empty list says so"
[ ! -e "$WORK/data" ] || fail "list created the journal folder"

# The journal is private whatever the umask.
(umask 000 && "$RELIEF" log --pain 3 --quiet)
expect_eq "$(mode_of "$RELIEF_DB")" "600" "journal file mode under umask 000"
expect_eq "$(mode_of "$WORK/data")" "700" "journal folder mode under umask 000"
(umask 000 && "$RELIEF" log --pain 4 --quiet)
for f in "$RELIEF_DB"-wal "$RELIEF_DB"-shm; do
    if [ -e "$f" ]; then
        expect_eq "$(mode_of "$f")" "600" "$(basename "$f") mode"
    fi
done

# --db beats $RELIEF_DB; XDG_DATA_HOME is the default.
run --db "$WORK/other.db" log --pain 1 --quiet
[ -e "$WORK/other.db" ] || fail "--db did not pick the file"
expect_eq "$("$RELIEF" --db "$WORK/other.db" list --format csv | wc -l)" "2" "--db journal has one record"
(unset RELIEF_DB; export XDG_DATA_HOME="$WORK/xdg"; "$RELIEF" log --pain 2 --quiet)
[ -e "$WORK/xdg/relief/journal.db" ] || fail "XDG_DATA_HOME/relief/journal.db not used"
(unset RELIEF_DB XDG_DATA_HOME; export HOME="$WORK/home"; "$RELIEF" log --pain 2 --quiet)
[ -e "$WORK/home/.local/share/relief/journal.db" ] || fail "\$HOME/.local/share/relief/journal.db not used"
expect_eq "$(mode_of "$WORK/home/.local/share/relief")" "700" "created XDG folders are private"

# A config in XDG_CONFIG_HOME is read when RELIEF_CONFIG is unset.
mkdir -p "$WORK/cfg/relief"
printf 'day_starts_at = "00:00"\n' > "$WORK/cfg/relief/config.toml"
run log --pain 5 --at "2026-11-22 01:30"
expect_match "$OUT" 'for Sat 2026-11-21\.$' "default day start 04:00"
OUT=$(unset RELIEF_CONFIG; XDG_CONFIG_HOME="$WORK/cfg" "$RELIEF" log --pain 5 --at "2026-11-22 01:30" --again)
expect_match "$OUT" 'for Sun 2026-11-22\.$' "day_starts_at from XDG_CONFIG_HOME"

# A read-only journal: a clear message, exit 3.
ro="$WORK/ro"
mkdir -p "$ro"
"$RELIEF" --db "$ro/j.db" log --pain 1 --quiet
chmod 0400 "$ro/j.db"
if [ "$(id -u)" != 0 ]; then
    run --db "$ro/j.db" log --pain 2
    expect_code 3 "read-only journal"
fi

# A journal with a second name (a hard link) is never written: SQLite keeps a
# write-ahead log per name, and writers using both corrupt it. Reads go on.
"$RELIEF" --db "$WORK/linked.db" log --pain 3 -q
ln "$WORK/linked.db" "$WORK/other-name.db"
before=$("$RELIEF" --db "$WORK/linked.db" export)
for name in linked other-name; do
    run --db "$WORK/$name.db" log --pain 4 -q
    expect_error 3 "the journal $WORK/$name.db has 2 names (hard links), and writing through more than one would damage it (SQLite keeps a log per name); nothing was written: make the other name a copy (cp, not ln) and remove the link" \
        "log through the $name name of a hard-linked journal"
done
run --db "$WORK/other-name.db" undo
expect_code 3 "undo through a hard link is refused too"
expect_eq "$("$RELIEF" --db "$WORK/linked.db" export)" "$before" "... and nothing was written"
run --db "$WORK/other-name.db" list
expect_code 0 "reading through a hard link goes on"
rm "$WORK/other-name.db"
run --db "$WORK/linked.db" log --pain 4 -q
expect_code 0 "with the link gone, logging works again"

# An existing empty file becomes the journal only when it is ours, and then
# private with its -wal and -shm; another user's is refused.
touch "$WORK/touched.db"
chmod 0644 "$WORK/touched.db"
run --db "$WORK/touched.db" log --pain 3 -q
expect_code 0 "log into an empty file of ours"
expect_eq "$(stat -c %a "$WORK/touched.db" "$WORK/touched.db-wal" "$WORK/touched.db-shm" | tr '\n' ' ')" \
    "600 600 600 " "the journal made in it, its -wal and -shm are 0600"
if [ "$(id -u)" = 0 ]; then
    touch "$WORK/planted.db"
    chown 65534 "$WORK/planted.db"
    chmod 0666 "$WORK/planted.db"
    run --db "$WORK/planted.db" log --pain 3 -q
    expect_error 3 "$WORK/planted.db is an empty file that belongs to another user (uid 65534); relief starts a journal only in a file of its own: remove it, or choose another --db" \
        "an empty file planted by another user is refused"
    expect_eq "$(stat -c '%a %s' "$WORK/planted.db")" "666 0" "... and left as it was"
    CHECKS=$((CHECKS + 1))
    [ -e "$WORK/planted.db-wal" ] && fail "a -wal was made beside the planted file"
fi

finish
